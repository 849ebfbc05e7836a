using System.Collections.Immutable;
using Depesche.Core;
using Xunit;

namespace Depesche.Events.Tests;

/// <summary>Table tests of the cross-article merger: what merges, what does not, and what the record says.</summary>
public class EventMergerTests
{
    private static EventClaim Claim(string article, string published, EventType type, EventStatus status, string actors,
        string? place = null, string? date = null, EventMode mode = EventMode.Meet, string? source = "dpa", int index = 0) => new()
    {
        ArticleId = article,
        Index = index,
        Published = DateOnly.Parse(published, System.Globalization.CultureInfo.InvariantCulture),
        Source = source,
        Type = type,
        Mode = type == EventType.Consult ? mode : EventMode.None,
        Status = status,
        Actors = [.. actors.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(a => new ClaimActor(a))],
        Place = place,
        Date = date,
    };

    [Fact]
    public void Planned_then_held_is_one_event_with_its_history()
    {
        var merged = EventMerger.Merge(
        [
            Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "USA, Ukraine", "Miami", "2025-12-20"),
            Claim("a2", "2025-12-21", EventType.Consult, EventStatus.Held, "Ukraine, USA, Umjerow", "Miami", "2025-12-20", source: "Reuters"),
        ]);
        var e = Assert.Single(merged);
        Assert.Equal(EventStatus.Held, e.Status);
        Assert.Equal(["2025-12-18 planned (dpa) for 2025-12-20", "2025-12-21 held (Reuters) for 2025-12-20"], e.History.Select(h => h.ToString()));
        Assert.Equal(["USA", "Ukraine", "Umjerow"], e.Actors.Select(a => a.Name));
        var reason = Assert.Single(e.Reasons);
        Assert.Contains("shared actors Ukraine, USA", reason, StringComparison.Ordinal);
        Assert.Contains("same place Miami", reason, StringComparison.Ordinal);
        Assert.Contains("overlap", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_order_does_not_change_the_result()
    {
        EventClaim[] claims =
        [
            Claim("a2", "2025-12-21", EventType.Consult, EventStatus.Held, "USA, Ukraine", "Miami", "2025-12-20"),
            Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "USA, Ukraine", "Miami", "2025-12-19/2025-12-20"),
        ];
        var forward = EventMerger.Merge(claims);
        var backward = EventMerger.Merge(claims.Reverse());
        Assert.Equal(forward.Select(e => e.Id), backward.Select(e => e.Id));
        Assert.Equal(forward[0].History.ToArray(), backward[0].History.ToArray());
        // Why: the narrower date wins ("on the 19th/20th", then "on Saturday").
        Assert.Equal("2025-12-20", forward[0].Date);
    }

    [Fact]
    public void A_denial_joins_the_planned_meeting_and_becomes_its_status()
    {
        var merged = EventMerger.Merge(
        [
            Claim("t1", "2026-01-14", EventType.Consult, EventStatus.Planned, "Putin, Trump", "Antalya", "2026-02"),
            Claim("k1", "2026-01-15", EventType.Consult, EventStatus.Denied, "Putin, Trump", null, null),
        ]);
        var e = Assert.Single(merged);
        Assert.Equal(EventStatus.Denied, e.Status);
        Assert.Equal([EventStatus.Planned, EventStatus.Denied], e.History.Select(h => h.Status));
        Assert.Equal("Antalya", e.Place);
        Assert.Contains("the undated report of 2026-01-15 falls near the date 2026-02", Assert.Single(e.Reasons), StringComparison.Ordinal);
    }

    [Theory]
    // Different days: two meetings, even between the same parties in the same city.
    [InlineData("USA, Ukraine", "Miami", "2025-12-20", "USA, Ukraine", "Miami", "2025-12-27", EventType.Consult)]
    // No shared actor.
    [InlineData("USA, Ukraine", "Miami", "2025-12-20", "Russland, China", "Miami", "2025-12-20", EventType.Consult)]
    // Different places.
    [InlineData("USA, Ukraine", "Miami", "2025-12-20", "USA, Ukraine", "Genf", "2025-12-20", EventType.Consult)]
    // Claims without actors never merge: nothing ties them to one event.
    [InlineData("", "Miami", "2025-12-20", "", "Miami", "2025-12-20", EventType.Consult)]
    public void These_stay_apart(string actors1, string place1, string date1, string actors2, string place2, string date2, EventType type)
    {
        var merged = EventMerger.Merge(
        [
            Claim("a1", "2025-12-18", type, EventStatus.Planned, actors1, place1, date1),
            Claim("a2", "2025-12-19", type, EventStatus.Planned, actors2, place2, date2),
        ]);
        Assert.Equal(2, merged.Length);
        Assert.All(merged, e => Assert.Empty(e.Reasons));
    }

    [Fact]
    public void Different_types_and_a_proposal_stay_apart()
    {
        var merged = EventMerger.Merge(
        [
            Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "USA, Russland", "Miami"),
            Claim("a2", "2025-12-18", EventType.Sanction, EventStatus.Held, "USA, Russland"),
            Claim("a3", "2025-12-18", EventType.Consult, EventStatus.Asserted, "USA, Russland", mode: EventMode.Propose),
        ]);
        Assert.Equal(3, merged.Length);
    }

    [Fact]
    public void An_undated_claim_far_from_the_dated_one_stays_apart()
    {
        var merged = EventMerger.Merge(
        [
            Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "USA, Ukraine", "Miami", "2025-12-20"),
            Claim("a2", "2026-02-10", EventType.Consult, EventStatus.Held, "USA, Ukraine", "Miami", null),
        ]);
        Assert.Equal(2, merged.Length);
    }

    [Fact]
    public void Two_mentions_in_one_article_stay_apart()
    {
        var merged = EventMerger.Merge(
        [
            Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "USA, Ukraine", "Miami", "2025-12-20", index: 0),
            Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "USA, Ukraine", "Miami", "2025-12-20", index: 1),
        ]);
        Assert.Equal(2, merged.Length);
    }

    [Fact]
    public void Entity_ids_decide_when_both_claims_are_linked()
    {
        var a = Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "", "Miami", "2025-12-20") with { Actors = [new ClaimActor("Müller", "Q111")] };
        var b = Claim("a2", "2025-12-19", EventType.Consult, EventStatus.Held, "", "Miami", "2025-12-20") with { Actors = [new ClaimActor("Gerd Müller", "Q111")] };
        var c = Claim("a3", "2025-12-19", EventType.Consult, EventStatus.Held, "", "Miami", "2025-12-20") with { Actors = [new ClaimActor("Müller", "Q222")] };
        var merged = EventMerger.Merge([a, b, c]);
        Assert.Equal(2, merged.Length);
        Assert.Equal(["a1", "a2"], merged[0].Claims.Select(x => x.ArticleId));
    }

    [Fact]
    public void Lexicon_names_and_local_ids_compare_by_name()
    {
        // Why: "Russland" reached through "Vertreter des Kremls" carries the Kremlin's id, through "Moskauer Seite" Moscow's.
        var a = Claim("a1", "2025-12-18", EventType.Consult, EventStatus.Planned, "", "Miami", "2025-12-20") with { Actors = [new ClaimActor("Russland", "kb:kreml")] };
        var b = Claim("a2", "2025-12-19", EventType.Consult, EventStatus.Held, "", "Miami", "2025-12-20") with { Actors = [new ClaimActor("Russland", "Q649")] };
        var c = Claim("a3", "2025-12-19", EventType.Consult, EventStatus.Held, "", "Miami", "2025-12-20") with { Actors = [new ClaimActor("Kovač", "local:a3:4")] };
        var d = Claim("a4", "2025-12-20", EventType.Consult, EventStatus.Held, "", "Miami", "2025-12-20") with { Actors = [new ClaimActor("Kovač", "local:a4:1")] };
        var merged = EventMerger.Merge([a, b, c, d]);
        Assert.Equal(2, merged.Length);
        Assert.Equal(["a1", "a2"], merged[0].Claims.Select(x => x.ArticleId));
        Assert.Equal(["a3", "a4"], merged[1].Claims.Select(x => x.ArticleId));
    }

    [Theory]
    [InlineData("2025-12-19", "2025-12-19", "2025-12-19")]
    [InlineData("2025-12-19/2025-12-20", "2025-12-19", "2025-12-20")]
    [InlineData("2025-W51", "2025-12-15", "2025-12-21")]
    [InlineData("2025-W51-WE", "2025-12-20", "2025-12-21")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    public void Timex_values_cover_their_days(string value, string from, string to)
    {
        var r = EventMerger.DateRange(value);
        Assert.NotNull(r);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), r.Value.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), r.Value.To);
    }

    [Theory]
    [InlineData("PRESENT_REF")]
    [InlineData("P3D")]
    [InlineData("")]
    public void Vague_values_cover_nothing(string value) => Assert.Null(EventMerger.DateRange(value));
}
