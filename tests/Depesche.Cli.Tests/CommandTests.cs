using System.CommandLine;
using System.Text;
using Depesche.Cli.Infrastructure;
using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

public class CommandTests
{
    private static string Sample(string name) => Path.Combine(SharedData.RepoRoot, "samples", name);

    public static TheoryData<string> Verbs()
    {
        var data = new TheoryData<string>();
        var root = Program.BuildRoot(new CliConsole(TextWriter.Null, TextWriter.Null, () => Stream.Null, () => Stream.Null, false));
        void Walk(Command c, string prefix)
        {
            foreach (var sub in c.Subcommands)
            {
                var path = (prefix + " " + sub.Name).Trim();
                data.Add(path);
                Walk(sub, path);
            }
        }
        Walk(root, "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_has_help(string verb)
    {
        var r = CliRunner.Run([.. verb.Split(' '), "--help"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Usage:", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_help_documents_exit_codes()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("Exit codes", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_usage_error_exits_2_and_says_so_on_stderr()
    {
        var r = CliRunner.Run("extract", "--format", "yaml");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("depesche:", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Extract_reads_stdin_and_writes_one_json_line_per_article()
    {
        var input = Encoding.UTF8.GetBytes(" date 2025-12-18 BERLIN (dpa) - Der Bundestag tagt am Freitag. Das sagte ein Sprecher./abc");
        var r = CliRunner.RunWithStdin(input, "extract", "-");
        Assert.Equal(0, r.ExitCode);
        var json = Assert.Single(r.JsonLines());
        Assert.Equal("2025-12-18", json.GetProperty("published").GetString());
        Assert.Equal("dpa", json.GetProperty("agency").GetString());
        Assert.Equal(2, json.GetProperty("sentences").GetArrayLength());
        foreach (var key in new[] { "id", "datelines", "editorCodes", "versionMarkers", "headline", "subheadings", "text", "tokens" })
            Assert.True(json.TryGetProperty(key, out _), key);
    }

    [Fact]
    public void A_batch_goes_on_past_bad_input_and_exits_1()
    {
        var dir = Directory.CreateTempSubdirectory("depesche-batch-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "a.txt"), "BERLIN (dpa) - Ein gültiger Text.");
            File.WriteAllBytes(Path.Combine(dir.FullName, "b.txt"), [0x00, 0x01, 0x02, 0xFF, 0x00, 0x10, 0x00, 0x00]);
            File.WriteAllText(Path.Combine(dir.FullName, "c.txt"), "");
            File.WriteAllText(Path.Combine(dir.FullName, "d.txt"), "HAMBURG (dpa) - Noch ein gültiger Text.");
            var r = CliRunner.Run("extract", dir.FullName);
            Assert.Equal(ExitCodes.SomeRejected, r.ExitCode);
            Assert.Equal(2, r.JsonLines().Count);
            Assert.Contains("b.txt", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("binary-content", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("empty-input", r.Stderr, StringComparison.Ordinal);
            Assert.Contains("2 rejected", r.Stderr, StringComparison.Ordinal);
        }
        finally { dir.Delete(true); }
    }

    [Fact]
    public void Nothing_accepted_exits_4()
    {
        var r = CliRunner.Run("extract", "/nonexistent/depesche/input.txt");
        Assert.Equal(ExitCodes.NothingAccepted, r.ExitCode);
        Assert.Contains("/nonexistent/depesche/input.txt", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Pretty_format_is_readable_and_has_no_json()
    {
        var r = CliRunner.Run("extract", "--format", "pretty", Sample("001_gasspeicher.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("published  2025-11-03", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("dateline   BERLIN", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Pipeline_explain_lists_the_stages()
    {
        var r = CliRunner.Run("pipeline", "--explain");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("text.tokenize.v1", r.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"text\.tokenize\.v1\s+article\s+tokens, sentences", r.Stdout);
        Assert.Matches(@"time\.rules\.v1\s+tokens, sentences\s+times", r.Stdout);
    }

    [Fact]
    public void Extract_is_deterministic()
    {
        var a = CliRunner.Run("extract", Path.Combine(SharedData.RepoRoot, "samples"));
        var b = CliRunner.Run("extract", Path.Combine(SharedData.RepoRoot, "samples"));
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.Equal(6, a.JsonLines().Count);
    }
}
