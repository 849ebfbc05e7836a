using System.Text.Json;
using Depesche.Core;
using Depesche.Events.Evaluation;
using Xunit;

namespace Depesche.Events.Tests;

public class EventEvaluatorTests
{
    private static GoldEvent G(EventType t, EventStatus s, string actors, string? place = null, string? date = null) =>
        new(t, EventTuple.NormaliseActors(actors.Split(',', StringSplitOptions.RemoveEmptyEntries)), place, date, s);

    [Fact]
    public void Exact_partial_missed_and_spurious_are_counted()
    {
        var gold = new[]
        {
            G(EventType.Consult, EventStatus.Planned, "USA,Ukraine", "Miami", "2025-12-20"),
            G(EventType.Reject, EventStatus.Asserted, "Russland"),
            G(EventType.Assault, EventStatus.Held, "Russland", "Charkiw"),
        };
        var predicted = new[]
        {
            G(EventType.Consult, EventStatus.Planned, "ukraine,USA", "miami", "2025-12-20"), // exact: case and order do not matter
            G(EventType.Reject, EventStatus.Asserted, "Russland,NATO"),                     // aligned, actors wrong
            G(EventType.Protest, EventStatus.Held, ""),                                      // spurious
        };
        var r = EventEvaluator.Score([("d1", gold, predicted)]);
        Assert.Equal(1, r.TupleCorrect);
        Assert.Equal(2, r.Aligned);
        Assert.Equal(1.0 / 3, r.Precision, 6);
        Assert.Equal(1.0 / 3, r.Recall, 6);
        Assert.Equal(0.5, r.ActorsAccuracy, 6);
        Assert.Equal(1.0, r.StatusAccuracy, 6);
        Assert.Equal(["partial", "missed", "spurious"], r.Errors.Select(e => e.Kind));
    }

    [Fact]
    public void Alignment_prefers_the_better_matching_pair()
    {
        var gold = new[] { G(EventType.Consult, EventStatus.Held, "A"), G(EventType.Consult, EventStatus.Planned, "B", "X", "2025-12-20") };
        var pred = new[] { G(EventType.Consult, EventStatus.Planned, "B", "X", "2025-12-20"), G(EventType.Consult, EventStatus.Held, "A") };
        var r = EventEvaluator.Score([("d", gold, pred)]);
        Assert.Equal(2, r.TupleCorrect);
        Assert.Equal(1.0, r.F1, 6);
    }

    [Theory]
    [InlineData("2025-12-20", "2025-12-20")]
    [InlineData("2025-12-20TEV", "2025-12-20")]
    [InlineData("2025-12-14/2025-12-15", "2025-12-14/2025-12-15")]
    [InlineData("2025-W51-WE", "2025-W51-WE")]
    [InlineData("2025-W51", null)]
    [InlineData("2026-02", null)]
    [InlineData("PRESENT_REF", null)]
    public void Dates_compare_at_day_precision(string value, string? expected) => Assert.Equal(expected, EventTuple.DayPrecision(value));

    [Fact]
    public void Gold_files_parse_and_bad_ones_name_file_and_field()
    {
        var g = EventGoldSet.Parse("x.json", """{"id":"x","published":"2025-12-18","events":[{"type":"CONSULT","actors":["USA","Ukraine"],"place":"Miami","date":"2025-12-20","status":"planned"}]}""", "text");
        var e = Assert.Single(g.Events);
        Assert.Equal(["UKRAINE", "USA"], e.Actors.ToArray());
        Assert.Equal(new DateOnly(2025, 12, 18), g.Published);
        var bad = Assert.Throws<FormatException>(() => EventGoldSet.Parse("y.json", """{"events":[{"type":"MEETING","status":"held"}]}""", ""));
        Assert.Contains("y.json: events[0]: unknown type 'MEETING'", bad.Message, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => EventGoldSet.Parse("z.json", "{ not json", ""));
    }

    [Fact]
    public void The_shipped_gold_set_is_well_formed()
    {
        var dir = Path.Combine(Depesche.Testing.SharedData.RepoRoot, "tests", "gold", "events");
        var set = EventGoldSet.Load(dir);
        Assert.True(set.Length >= 40);
        Assert.True(set.Sum(a => a.Events.Length) >= 150);
        foreach (var status in new[] { EventStatus.Negated, EventStatus.Denied, EventStatus.Hypothetical, EventStatus.Planned, EventStatus.Held })
            Assert.Contains(set, a => a.Events.Any(e => e.Status == status));
    }

    [Fact]
    public void Claims_read_back_from_analysis_json()
    {
        var (a, _) = EventTestKit.Run(" date 2025-12-18 BERLIN (dpa) - Ein Treffen zwischen den USA und der Ukraine soll am Samstag in Miami stattfinden.");
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms)) Depesche.Core.Json.AnalysisJson.Write(w, a, new Depesche.Core.Json.AnalysisJsonOptions { Tokens = false });
        using var doc = JsonDocument.Parse(ms.ToArray());
        var c = Assert.Single(EventClaimReader.Read(doc.RootElement));
        Assert.Equal(a.Article.Id, c.ArticleId);
        Assert.Equal(EventType.Consult, c.Type);
        Assert.Equal(EventStatus.Planned, c.Status);
        Assert.Equal(["USA", "Ukraine"], c.Actors.Select(x => x.Name));
        Assert.Equal(["USA", "UKR"], c.Actors.Select(x => x.Code));
        Assert.Equal("Miami", c.Place);
        Assert.Equal("2025-12-20", c.Date);
        Assert.Equal(new DateOnly(2025, 12, 18), c.Published);
        Assert.StartsWith("Ein Treffen zwischen", c.Evidence, StringComparison.Ordinal);
    }
}
