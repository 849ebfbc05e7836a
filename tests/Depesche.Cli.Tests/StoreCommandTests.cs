using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>The store verbs end to end on the samples: ingest, re-ingest, search, stories, export, exit codes.</summary>
public sealed class StoreCommandTests : IDisposable
{
    private readonly string _store = Path.Combine(Path.GetTempPath(), "depesche-cli-store-" + Guid.NewGuid().ToString("N")[..10]);
    private static string Samples => Path.Combine(SharedData.RepoRoot, "samples");

    public void Dispose()
    {
        if (Directory.Exists(_store)) Directory.Delete(_store, recursive: true);
    }

    [Fact]
    public void Ingest_then_re_ingest_is_a_no_op()
    {
        var first = CliRunner.Run("ingest", Samples, "--store", _store);
        Assert.Equal(0, first.ExitCode);
        Assert.Matches(@"ingest: (\d+) read, \1 added, 0 unchanged", first.Stderr);
        var again = CliRunner.Run("ingest", Samples, "--store", _store);
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("0 added", again.Stderr, StringComparison.Ordinal);
        Assert.Contains("1 finished inputs", again.Stderr, StringComparison.Ordinal);
        var stdin = CliRunner.RunWithStdin(File.ReadAllBytes(Path.Combine(Samples, "001_gasspeicher.txt")), "ingest", "-", "--store", _store);
        Assert.Contains("0 added, 1 unchanged", stdin.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Search_stories_and_export_read_the_store()
    {
        Assert.Equal(0, CliRunner.Run("ingest", Samples, "--store", _store).ExitCode);
        var hits = CliRunner.Run("search", "Gasspeichern", "--store", _store, "--json");
        Assert.Equal(0, hits.ExitCode);
        var json = Assert.Single(hits.JsonLines());
        Assert.True(json.GetProperty("total").GetInt64() >= 1);
        Assert.Contains("<em>", json.GetProperty("hits")[0].GetProperty("snippet").GetString(), StringComparison.Ordinal);
        var plain = CliRunner.Run("search", "Gasspeicher", "--store", _store);
        Assert.Contains("[Gasspeicher]", plain.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("stories", "--store", _store).ExitCode);
        var export = CliRunner.Run("export", "--store", _store);
        Assert.NotEmpty(export.JsonLines());
        var csv = CliRunner.Run("export", "--format", "csv", "--store", _store);
        Assert.StartsWith("id,published,agency", csv.Stdout, StringComparison.Ordinal);
        Assert.Equal(export.JsonLines().Count + 1, csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_missing_store_and_a_bad_query_have_their_exit_codes()
    {
        var missing = CliRunner.Run("search", "x", "--store", _store);
        Assert.Equal(3, missing.ExitCode);
        Assert.Contains(_store, missing.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, CliRunner.Run("ingest", Samples, "--store", _store).ExitCode);
        Assert.Equal(2, CliRunner.Run("search", "\"unclosed", "--store", _store).ExitCode);
    }

    [Fact]
    public void A_folder_of_good_and_corrupt_files_stores_the_good_and_counts_the_rest()
    {
        var input = Directory.CreateDirectory(_store + "-input");
        try
        {
            File.Copy(Path.Combine(Samples, "001_gasspeicher.txt"), Path.Combine(input.FullName, "good.txt"));
            File.WriteAllBytes(Path.Combine(input.FullName, "corrupt.txt"), [0x00, 0xFF, 0x00, 0xFE, 0x01, 0x02, 0x00, 0x00, 0x9C, 0x00]);
            File.WriteAllText(Path.Combine(input.FullName, "empty.txt"), "");
            var r = CliRunner.Run("ingest", input.FullName, "--store", _store);
            Assert.Equal(1, r.ExitCode);
            Assert.Matches(@"1 added, .*2 rejected \(", r.Stderr);
            var again = CliRunner.Run("ingest", input.FullName, "--store", _store);
            Assert.Contains("0 added", again.Stderr, StringComparison.Ordinal);
        }
        finally
        {
            input.Delete(recursive: true);
        }
    }
}
