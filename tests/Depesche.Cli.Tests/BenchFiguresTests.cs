using System.Text.Json;
using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>What a stage benchmark reports (never how fast: no timing is asserted).</summary>
public class BenchFiguresTests
{
    [Fact]
    public void A_stage_benchmark_reports_wall_and_thread_CPU_figures_consistently()
    {
        var r = CliRunner.Run("bench", "events", Path.Combine(SharedData.RepoRoot, "samples"), "--runs", "1", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var f = doc.RootElement;
        int articles = f.GetProperty("articles").GetInt32();
        Assert.True(articles > 0);
        double wall = f.GetProperty("medianSeconds").GetDouble();
        Assert.Equal(articles / wall, f.GetProperty("articlesPerSecond").GetDouble(), 0.1 * articles / wall);
        if (!OperatingSystem.IsLinux()) return;
        double cpu = f.GetProperty("threadCpuSeconds").GetDouble();
        Assert.True(cpu > 0, "thread CPU time is measured on Linux");
        Assert.Equal(articles / cpu, f.GetProperty("articlesPerCpuSecond").GetDouble(), 0.01 * articles / cpu + 0.1);
    }
}
