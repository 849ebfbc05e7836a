using System.Collections.Immutable;
using System.Text;
using Depesche.Core;
using Depesche.Events;

using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>The agenda's rules on small invented claim tables (no store, no pipeline).</summary>
public class AgendaLogicTests
{
    private static DatedClaim C(string article, string day, EventStatus status, string? date, string? place = "Paris", EventFlags flags = 0,
        string[]? actors = null, int index = 0, string? mod = null, string? attribution = null) =>
        new(new EventClaim
        {
            ArticleId = article, Index = index, Published = DateOnly.Parse(day), Source = "dpa", Type = EventType.Consult, Mode = EventMode.Meet,
            Status = status, Flags = flags, Actors = [.. (actors ?? ["Macron", "Merz"]).Select(a => new ClaimActor(a))], Place = place, Date = date,
            Confidence = 0.8f, Attribution = attribution,
        }, mod);

    private static AgendaQuery Q(string from, string to, string today) => new() { From = DateOnly.Parse(from), To = DateOnly.Parse(to), Today = DateOnly.Parse(today) };

    [Theory]
    [InlineData("2025-12-19", null, "day", "2025-12-19", "2025-12-19", "2025-12-19")]
    [InlineData("2025-12-19/2025-12-20", null, "days", "2025-12-19/20", "2025-12-19", "2025-12-20")]
    // a span over a month boundary keeps the year once
    [InlineData("2025-12-31/2026-01-02", null, "days", "2025-12-31/2026-01-02", "2025-12-31", "2026-01-02")]
    [InlineData("2025-W51-WE", null, "weekend", "2025-W51-WE", "2025-12-20", "2025-12-21")]
    // "gegen Ende der Woche": Thursday to Sunday of the week
    [InlineData("2025-W51", "END", "part-of-week", "2025-W51+END", "2025-12-18", "2025-12-21")]
    [InlineData("2025-W51", null, "week", "2025-W51", "2025-12-15", "2025-12-21")]
    [InlineData("2026-02", null, "month", "2026-02", "2026-02-01", "2026-02-28")]
    public void Dates_keep_their_precision(string value, string? mod, string precision, string label, string from, string to)
    {
        var d = AgendaDate.Parse(value, mod)!;
        Assert.Equal(precision, AgendaJson.Name(d.Precision));
        Assert.Equal(label, d.Label);
        Assert.Equal(DateOnly.Parse(from), d.From);
        Assert.Equal(DateOnly.Parse(to), d.To);
    }

    [Theory]
    [InlineData("PRESENT_REF")]
    [InlineData("P3D")]
    [InlineData(null)]
    public void Vague_values_are_not_dates(string? value) => Assert.Null(AgendaDate.Parse(value));

    [Fact]
    public void A_passed_date_without_an_outcome_has_no_report_yet_and_claims_after_today_are_unknown()
    {
        var claims = new[] { C("a", "2026-03-01", EventStatus.Planned, "2026-03-04"), C("b", "2026-03-05", EventStatus.Held, "2026-03-04") };
        var before = Assert.Single(Agenda.Build(claims, Q("2026-03-01", "2026-03-10", "2026-03-04")));
        Assert.Equal(ResolutionKind.Pending, before.Resolution.Kind);
        Assert.Single(before.Claims);
        var late = Assert.Single(Agenda.Build(claims[..1], Q("2026-03-01", "2026-03-10", "2026-03-06")));
        Assert.Equal(ResolutionKind.NoReport, late.Resolution.Kind);
        var held = Assert.Single(Agenda.Build(claims, Q("2026-03-01", "2026-03-10", "2026-03-06")));
        Assert.Equal(ResolutionKind.Held, held.Resolution.Kind);
        Assert.Equal("b", held.Resolution.ArticleId);
    }

    [Fact]
    public void Only_events_once_expected_are_listed()
    {
        // a meeting only ever reported as held was never on the agenda
        Assert.Empty(Agenda.Build([C("a", "2026-03-05", EventStatus.Held, "2026-03-04")], Q("2026-03-01", "2026-03-10", "2026-03-06")));
        var post = Assert.Single(Agenda.Build([C("a", "2026-03-01", EventStatus.Planned, "2026-03-04"), C("b", "2026-03-03", EventStatus.Postponed, "2026-03-04")],
            Q("2026-03-01", "2026-03-10", "2026-03-03")));
        Assert.Equal(EventStatus.Postponed, post.Status);
        Assert.Equal([ClaimChange.Announced, ClaimChange.Postponed], post.Claims.Select(c => c.Change));
    }

    [Fact]
    public void An_unconfirmed_report_then_a_plan_is_reported_then_confirmed()
    {
        var item = Assert.Single(Agenda.Build(
            [C("a", "2026-03-01", EventStatus.Planned, "2026-03-04", flags: EventFlags.Reported | EventFlags.Unconfirmed), C("b", "2026-03-02", EventStatus.Planned, "2026-03-04")],
            Q("2026-03-01", "2026-03-10", "2026-03-02")));
        Assert.Equal([ClaimChange.Reported, ClaimChange.Confirmed], item.Claims.Select(c => c.Change));
        Assert.False(item.Unconfirmed);
    }

    [Fact]
    public void Undated_mentions_fold_into_the_one_dated_plan_of_their_article()
    {
        var claims = new[]
        {
            C("a", "2026-03-01", EventStatus.Planned, "2026-W10-WE", place: null, index: 0),
            C("a", "2026-03-01", EventStatus.Planned, null, place: "Genf", flags: EventFlags.Unconfirmed, actors: ["Merz", "Tusk"], index: 1, attribution: "Politico"),
            // two dated plans share Macron: this undated mention is ambiguous and stays apart
            C("a", "2026-03-01", EventStatus.Planned, null, place: null, actors: ["Macron"], index: 2),
            C("a", "2026-03-01", EventStatus.Planned, "2026-03-02", place: "Rom", actors: ["Macron", "Meloni"], index: 3),
        };
        var items = Agenda.Build(claims, Q("2026-03-01", "2026-03-10", "2026-03-01"));
        var weekend = Assert.Single(items, i => i.When.Precision == DatePrecision.Weekend);
        Assert.Equal("Genf", weekend.Place);
        Assert.True(weekend.Unconfirmed);
        Assert.Contains(weekend.Actors, a => a.Name == "Tusk");
        Assert.Equal("Politico via dpa", weekend.Claims[0].Via);
        Assert.Contains("folded into mention 0", Assert.Single(weekend.MergeReasons), StringComparison.Ordinal);
        Assert.Equal(2, items.Length);
    }

    [Fact]
    public void Ics_escapes_text_and_folds_long_lines_between_characters()
    {
        var place = "Schloss Élysée, Paris; \"Salon\" \\ Nord";
        var claims = new[] { C("a", "2026-03-01", EventStatus.Planned, "2026-03-04/2026-03-05", place: place, attribution: string.Concat(Enumerable.Repeat("Ärger über Öl, ", 12))) };
        var item = Assert.Single(Agenda.Build(claims, Q("2026-03-01", "2026-03-10", "2026-03-01")));
        var ics = AgendaCalendar.Write([item], new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        Assert.Contains(@"LOCATION:Schloss Élysée\, Paris\; ""Salon"" \\ Nord", ics, StringComparison.Ordinal);
        var lines = ics.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, l));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var ev = Assert.Single(Ical.Net.Calendar.Load(ics)!.Events);
        Assert.Equal(place, ev.Location);
        Assert.Equal(AgendaCalendar.Description(item), ev.Description);
        Assert.Equal(new DateTime(2026, 3, 6), ev.DtEnd!.Value);
        Assert.Equal("CONFIRMED", ev.Status);
    }
}
