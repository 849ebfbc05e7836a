using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>
/// A participant as an article names it: the normalised name, the entity id when the linker found one, and a
/// CAMEO-style actor code (<c>USA</c>, <c>RUS</c>, <c>IGOUNO</c>; see <see cref="EventCodes"/>) when one is known.
/// </summary>
public sealed record ClaimActor(string Name, string? EntityId = null, ActorRole Role = ActorRole.Source, string? Code = null)
{
    /// <summary>
    /// The same participant. Two knowledge-base ids decide, except for a name of the event lexicon (<c>Russland</c>,
    /// <c>Witkoff</c>): the lexicon maps every form to one actor, while the link under the mention may be a metonym
    /// (<c>Vertreter des Kremls</c> → the Kremlin, <c>Moskauer Seite</c> → Moscow). Document-local ids
    /// (<c>local:&lt;article&gt;:&lt;n&gt;</c>) differ between articles, so those actors compare by name.
    /// </summary>
    public bool SameAs(ClaimActor other)
    {
        bool sameName = string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);
        if (IsGlobal(EntityId) && IsGlobal(other.EntityId))
            return EntityId == other.EntityId || (sameName && EventCodes.OfName(Name) is not null);
        return sameName;
    }

    private static bool IsGlobal(string? id) => id is not null && !id.StartsWith("local:", StringComparison.Ordinal);
}

/// <summary>
/// What one article claims about one event: the unit <see cref="EventMerger"/> works on. Independent of the document
/// model, so claims can come from a live analysis, from stored analysis JSON, or from a test table.
/// <see cref="Date"/> is a TIMEX3 value (<c>2025-12-19</c>, <c>2025-12-19/2025-12-20</c>, <c>2025-W51</c>) or null;
/// <see cref="Index"/> is the event's position in its article, so ids stay stable.
/// </summary>
public sealed record EventClaim
{
    public required string ArticleId { get; init; }
    public int Index { get; init; }
    public DateOnly? Published { get; init; }
    /// <summary>The agency or outlet that published the article (<c>dpa</c>, <c>Reuters</c>).</summary>
    public string? Source { get; init; }
    public string? Url { get; init; }
    public required EventType Type { get; init; }
    public EventMode Mode { get; init; }
    public required EventStatus Status { get; init; }
    /// <summary>Sourcing flags: only reported, not confirmed.</summary>
    public EventFlags Flags { get; init; }
    public ImmutableArray<ClaimActor> Actors { get; init; } = [];
    public string? Place { get; init; }
    public string? PlaceId { get; init; }
    /// <summary>The place's point from the linking layer, when linked.</summary>
    public GeoPoint? PlaceGeo { get; init; }
    public string? Date { get; init; }
    /// <summary>The evidence sentence, as written.</summary>
    public string? Evidence { get; init; }
    /// <summary>Who the article credits with the claim (<c>Politico</c>, <c>Selenskyj</c>), when it says.</summary>
    public string? Attribution { get; init; }
    public string Cameo { get; init; } = "";
    public float Confidence { get; init; }
    /// <summary>The trigger as written (<c>schlugen … vor</c>).</summary>
    public string? Trigger { get; init; }
}

/// <summary>One line of a merged event's status history: what one article claimed, and when it was published.</summary>
public sealed record StatusClaim(string ArticleId, DateOnly? Published, string? Source, EventStatus Status, string? Date, string? Attribution, string? Evidence)
{
    public override string ToString() =>
        $"{(Published is { } p ? p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "?")} {EventNames.Of(Status)}"
        + (Source is null ? "" : $" ({Source})") + (Date is null ? "" : $" for {Date}");
}

/// <summary>
/// One event across articles. <see cref="Status"/> is the status of the latest claim (stronger claims win a tie on the
/// same day, see <see cref="EventMerger"/>); <see cref="History"/> lists every claim in publication order;
/// <see cref="Reasons"/> holds one human-readable sentence per merge (empty for a single claim).
/// </summary>
public sealed record MergedEvent(
    string Id,
    EventType Type,
    EventMode Mode,
    EventStatus Status,
    ImmutableArray<ClaimActor> Actors,
    string? Place,
    string? PlaceId,
    GeoPoint? PlaceGeo,
    string? Date,
    ImmutableArray<StatusClaim> History,
    ImmutableArray<string> Reasons,
    ImmutableArray<EventClaim> Claims);

/// <summary>
/// Merges claims about the same event from different articles into one record. Pure and deterministic: the same
/// claims in any order give the same result.
/// </summary>
/// <remarks>
/// Two claims (or a claim and a merged record) are the same event when all hold:
/// 1. the same type, and compatible modes (equal, one unset, or meet/multilateral; a proposal only merges with a proposal);
/// 2. they share at least one actor (<see cref="ClaimActor.SameAs"/>); claims without actors never merge;
/// 3. places are compatible: equal (by id, else name), or one unstated;
/// 4. dates are compatible: their day ranges overlap; a claim without a date is anchored on its publication day and
///    must fall from <see cref="UndatedBeforeDays"/> days before to <see cref="UndatedWindowDays"/> days after the other's range;
/// 5. they come from different articles (one article's repeated mentions are its own business).
/// Claims are processed in publication order; each joins the first compatible record, else starts one. Every join
/// appends a reason naming the rule that held for each element.
/// </remarks>
public static class EventMerger
{
    /// <summary>
    /// How far an undated claim's publication day may lie from the other claim's date range: up to
    /// <see cref="UndatedBeforeDays"/> before it (reports ahead of an event) and <see cref="UndatedWindowDays"/> after it.
    /// Two undated claims must be published within <see cref="UndatedWindowDays"/> of each other.
    /// </summary>
    public const int UndatedWindowDays = 7;

    /// <inheritdoc cref="UndatedWindowDays"/>
    public const int UndatedBeforeDays = 31;

    public static ImmutableArray<MergedEvent> Merge(IEnumerable<EventClaim> claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var ordered = claims
            .OrderBy(c => c.Published ?? DateOnly.MaxValue)
            .ThenBy(c => c.ArticleId, StringComparer.Ordinal)
            .ThenBy(c => c.Index)
            .ToList();
        var clusters = new List<Cluster>();
        foreach (var c in ordered)
        {
            Cluster? target = null;
            string? reason = null;
            foreach (var k in clusters)
                if (Compatible(k, c, out reason)) { target = k; break; }
            if (target is null) { clusters.Add(new Cluster(c)); continue; }
            target.Add(c, reason!);
        }
        return [.. clusters.Select(k => k.ToMerged())];
    }

    private sealed class Cluster
    {
        public readonly List<EventClaim> Claims = [];
        public readonly List<string> Reasons = [];
        public readonly EventType Type;
        public EventMode Mode;
        public readonly List<ClaimActor> Actors = [];
        public string? Place, PlaceId;
        public GeoPoint? PlaceGeo;
        public string? Date;
        public (DateOnly From, DateOnly To)? Range;

        public Cluster(EventClaim c)
        {
            Type = c.Type;
            Mode = c.Mode;
            Add(c, null);
        }

        public void Add(EventClaim c, string? reason)
        {
            Claims.Add(c);
            if (reason is not null) Reasons.Add(reason);
            if (Mode == EventMode.None) Mode = c.Mode;
            foreach (var a in c.Actors)
                if (!Actors.Exists(x => x.SameAs(a))) Actors.Add(a);
            if (Place is null && c.Place is not null) { Place = c.Place; PlaceId = c.PlaceId; }
            PlaceGeo ??= string.Equals(Place, c.Place, StringComparison.OrdinalIgnoreCase) ? c.PlaceGeo : null;
            // Why: the narrowest stated range is the best estimate ("next week" then "on Friday").
            if (DateRange(c.Date) is { } r && (Range is not { } cur || r.To.DayNumber - r.From.DayNumber < cur.To.DayNumber - cur.From.DayNumber))
            {
                Range = r;
                Date = c.Date;
            }
        }

        public MergedEvent ToMerged()
        {
            var history = Claims.Select(c => new StatusClaim(c.ArticleId, c.Published, c.Source, c.Status, c.Date, c.Attribution, c.Evidence)).ToImmutableArray();
            var latest = Claims.OrderBy(c => c.Published ?? DateOnly.MinValue).ThenBy(c => Strength(c.Status)).Last();
            var first = Claims[0];
            var id = "ev:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(first.ArticleId + "#" + first.Index.ToString(CultureInfo.InvariantCulture))).AsSpan(0, 8));
            return new MergedEvent(id, Type, Mode, latest.Status, [.. Actors], Place, PlaceId, PlaceGeo, Date, history, [.. Reasons], [.. Claims]);
        }
    }

    /// <summary>Which claim decides a same-day tie: an outcome beats an announcement, an announcement beats speculation.</summary>
    private static int Strength(EventStatus s) => s switch
    {
        EventStatus.Held => 9,
        EventStatus.Cancelled => 8,
        EventStatus.Postponed => 7,
        EventStatus.Denied => 6,
        EventStatus.Negated => 5,
        EventStatus.Asserted => 4,
        EventStatus.Planned => 3,
        EventStatus.Reported => 2,
        EventStatus.Unconfirmed => 1,
        _ => 0,
    };

    private static bool Compatible(Cluster k, EventClaim c, out string? reason)
    {
        reason = null;
        if (k.Type != c.Type) return false;
        if (!ModesCompatible(k.Mode, c.Mode)) return false;
        if (k.Claims.Exists(x => x.ArticleId == c.ArticleId)) return false;
        var shared = c.Actors.Where(a => k.Actors.Exists(x => x.SameAs(a))).Select(a => a.Name).Distinct(StringComparer.Ordinal).ToList();
        if (shared.Count == 0) return false;
        string placeWhy;
        if (k.Place is null || c.Place is null) placeWhy = $"place {(k.Place ?? c.Place) ?? "unstated"} (the other unstated)";
        else if (k.PlaceId is not null && c.PlaceId is not null ? k.PlaceId == c.PlaceId : string.Equals(k.Place, c.Place, StringComparison.OrdinalIgnoreCase))
            placeWhy = $"same place {c.Place}";
        else return false;
        if (!DatesCompatible(k, c, out var dateWhy)) return false;
        var mode = c.Mode == EventMode.None ? "" : $"/{EventNames.Of(c.Mode)}";
        reason = $"{c.ArticleId} ({Day(c.Published)}, {EventNames.Of(c.Status)}) joins {k.Claims[0].ArticleId}: same type {EventNames.Of(c.Type)}{mode}; "
               + $"shared actors {string.Join(", ", shared)}; {placeWhy}; {dateWhy}";
        return true;
    }

    internal static bool ModesCompatible(EventMode a, EventMode b)
    {
        if (a == b) return true;
        if (a == EventMode.Propose || b == EventMode.Propose) return false;
        if (a == EventMode.None || b == EventMode.None) return true;
        return (a, b) is (EventMode.Meet, EventMode.Multilateral) or (EventMode.Multilateral, EventMode.Meet);
    }

    private static bool DatesCompatible(Cluster k, EventClaim c, out string why)
    {
        var r = DateRange(c.Date);
        if (k.Range is { } kr && r is { } cr)
        {
            why = $"dates {k.Date} and {c.Date} overlap";
            return cr.From <= kr.To && kr.From <= cr.To;
        }
        // One side undated: anchor it on its publication day(s).
        (DateOnly From, DateOnly To)? dated = k.Range ?? r;
        if (dated is { } d)
        {
            var undatedDays = k.Range is null ? k.Claims.Select(x => x.Published) : [c.Published];
            foreach (var p in undatedDays)
                if (p is { } day && day.DayNumber >= d.From.DayNumber - UndatedBeforeDays && day.DayNumber <= d.To.DayNumber + UndatedWindowDays)
                {
                    why = $"the undated report of {Day(p)} falls near the date {(k.Date ?? c.Date)} ({UndatedBeforeDays} days before to {UndatedWindowDays} after)";
                    return true;
                }
            why = "";
            return false;
        }
        // Both undated: publications within the window of each other.
        foreach (var x in k.Claims)
            if (x.Published is { } a && c.Published is { } b && Math.Abs(a.DayNumber - b.DayNumber) <= UndatedWindowDays)
            {
                why = $"both undated, published {Day(a)} and {Day(b)}";
                return true;
            }
        why = "";
        return false;
    }

    private static string Day(DateOnly? d) => d is { } x ? x.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "undated";

    /// <summary>
    /// The days a TIMEX3 value covers: a day, an interval <c>A/B</c>, an ISO week (<c>-WE</c>: its weekend), a month.
    /// Null for anything vaguer (<c>PRESENT_REF</c>, seasons, durations).
    /// </summary>
    public static (DateOnly From, DateOnly To)? DateRange(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        int slash = value.IndexOf('/');
        if (slash > 0)
        {
            var a = DateRange(value[..slash]);
            var b = DateRange(value[(slash + 1)..]);
            return a is { } x && b is { } y && x.From <= y.To ? (x.From, y.To) : null;
        }
        if (value.Length == 10 && DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return (d, d);
        if (value.Length >= 8 && value[4] == '-' && value[5] == 'W'
            && int.TryParse(value.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var y0)
            && int.TryParse(value.AsSpan(6, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var w) && w is >= 1 and <= 53)
        {
            var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y0, w, DayOfWeek.Monday));
            return value.EndsWith("-WE", StringComparison.Ordinal) ? (monday.AddDays(5), monday.AddDays(6)) : (monday, monday.AddDays(6));
        }
        if (value.Length == 7 && DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var m))
            return (m, m.AddMonths(1).AddDays(-1));
        return null;
    }
}
