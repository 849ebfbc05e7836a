using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Xunit;

namespace Depesche.Cli.Tests;

public class KbCommandTests
{
    [Fact]
    public void Kb_stats_counts_the_curated_kb()
    {
        var r = CliRunner.Run("kb", "stats");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("entities", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("by source    curated", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Kb_lookup_resolves_genitives_and_titles_by_date()
    {
        var r = CliRunner.Run("kb", "lookup", "Selenskyjs");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.StartsWith("Q3874799", r.Stdout, StringComparison.Ordinal);
        r = CliRunner.Run("kb", "lookup", "Bundeskanzler", "--date", "2020-01-01");
        Assert.StartsWith("Q567", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Usage, CliRunner.Run("kb", "lookup", "Putin", "--date", "gestern").ExitCode);
    }

    [Fact]
    public void Kb_build_writes_a_folder_that_lookup_reads()
    {
        var dir = Path.Combine(Path.GetTempPath(), "depesche-kb-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var r = CliRunner.Run("kb", "build", "--no-iso-codes", "--out", dir);
            Assert.Equal(ExitCodes.Ok, r.ExitCode);
            Assert.True(File.Exists(Path.Combine(dir, "entities.tsv")));
            Assert.StartsWith("Q8652", CliRunner.Run("kb", "lookup", "Miami", "--kb", dir).Stdout, StringComparison.Ordinal);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Eval_linking_reports_accuracy_and_bcubed_as_json()
    {
        var r = CliRunner.Run("eval", "linking", "--json");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        Assert.Equal("gold mentions", doc.RootElement.GetProperty("mode").GetString());
        Assert.True(doc.RootElement.GetProperty("mentions").GetInt32() >= 300);
        Assert.True(doc.RootElement.GetProperty("accuracy").GetDouble() >= 0.95);
        Assert.True(doc.RootElement.GetProperty("bcubed").GetProperty("f1").GetDouble() >= 0.95);
    }
}
