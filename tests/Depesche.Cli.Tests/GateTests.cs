using Depesche.Cli.Eval;
using Xunit;

namespace Depesche.Cli.Tests;

public class GateTests : IDisposable
{
    private readonly DirectoryInfo _shared = Directory.CreateTempSubdirectory("depesche-gate-");

    public GateTests() => File.WriteAllText(Path.Combine(_shared.FullName, "gold.txt"), "gold v1");

    public void Dispose() => _shared.Delete(true);

    private static Evaluation Scoring(double score) => new("fake", "f1", "gold.txt", _ => new Dictionary<string, double> { ["f1"] = score });

    private Floor Pinned(double value) => new("fake", "f1", value, "gold.txt", Evaluations.HashData(Path.Combine(_shared.FullName, "gold.txt")));

    [Fact]
    public void A_score_at_or_above_the_floor_passes()
    {
        var (rows, _) = Gate.Check([Scoring(80.004)], [Pinned(80.0)], _shared.FullName, update: false, allowRegression: false);
        Assert.Equal(GateVerdict.Pass, Assert.Single(rows).Verdict);
    }

    [Fact]
    public void A_score_below_the_floor_fails()
    {
        var (rows, _) = Gate.Check([Scoring(79.9)], [Pinned(80.0)], _shared.FullName, update: false, allowRegression: false);
        Assert.Equal(GateVerdict.BelowFloor, Assert.Single(rows).Verdict);
    }

    [Fact]
    public void Update_raises_a_floor_but_never_lowers_it_without_allow_regression()
    {
        var (_, raised) = Gate.Check([Scoring(85)], [Pinned(80)], _shared.FullName, update: true, allowRegression: false);
        Assert.Equal(85, Assert.Single(raised).Value);

        var (_, kept) = Gate.Check([Scoring(70)], [Pinned(80)], _shared.FullName, update: true, allowRegression: false);
        Assert.Equal(80, Assert.Single(kept).Value);

        var (_, lowered) = Gate.Check([Scoring(70)], [Pinned(80)], _shared.FullName, update: true, allowRegression: true);
        Assert.Equal(70, Assert.Single(lowered).Value);
    }

    [Fact]
    public void Changed_data_is_reported_not_compared()
    {
        var floor = Pinned(80);
        File.WriteAllText(Path.Combine(_shared.FullName, "gold.txt"), "gold v2");
        var (rows, _) = Gate.Check([Scoring(99)], [floor], _shared.FullName, update: false, allowRegression: false);
        Assert.Equal(GateVerdict.DataChanged, Assert.Single(rows).Verdict);
    }

    [Fact]
    public void Absent_data_is_missing_and_a_new_stage_is_pinned_on_update()
    {
        var (rows, _) = Gate.Check([Scoring(50) with { DataPath = "nope" }], [], _shared.FullName, false, false);
        Assert.Equal(GateVerdict.Missing, Assert.Single(rows).Verdict);
        var (rows2, pinned) = Gate.Check([Scoring(50)], [], _shared.FullName, update: true, allowRegression: false);
        Assert.Equal(GateVerdict.New, Assert.Single(rows2).Verdict);
        Assert.Equal(50, Assert.Single(pinned).Value);
    }

    [Fact]
    public void Floors_round_trip_through_the_baseline_file()
    {
        var path = Path.Combine(_shared.FullName, "baseline.json");
        Gate.Save(path, [Pinned(81.234)]);
        var loaded = Assert.Single(Gate.Load(path));
        Assert.Equal(81.23, loaded.Value);
        Assert.Equal("gold.txt", loaded.DataPath);
    }
}
