using System.Collections.Immutable;
using System.Globalization;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>How precisely an agenda item's date is known.</summary>
public enum DatePrecision : byte
{
    /// <summary>One day (<c>2025-12-19</c>).</summary>
    Day,
    /// <summary>Several days (<c>2025-12-19/2025-12-20</c>).</summary>
    Days,
    /// <summary>A weekend: Saturday and Sunday of an ISO week (<c>2025-W51-WE</c>).</summary>
    Weekend,
    /// <summary>A part of an ISO week (<c>2025-W51</c> with mod <c>END</c>: Thursday to Sunday; <c>START</c>: Monday to Wednesday; <c>MID</c>: Tuesday to Thursday).</summary>
    PartOfWeek,
    /// <summary>An ISO week.</summary>
    Week,
    /// <summary>A month.</summary>
    Month,
}

/// <summary>
/// When an agenda item is expected: the TIMEX3 value and mod as extracted, the days it covers (inclusive), its
/// precision, and a label at that precision (<c>2025-12-19</c>, <c>2025-12-19/20</c>, <c>2025-W51-WE</c>, <c>2025-W51+END</c>).
/// </summary>
public sealed record AgendaDate(string Value, string? Mod, DateOnly From, DateOnly To, DatePrecision Precision, string Label)
{
    /// <summary>Null for values that name no day range (<c>PRESENT_REF</c>, durations, seasons).</summary>
    public static AgendaDate? Parse(string? value, string? mod = null)
    {
        if (EventMerger.DateRange(value) is not { } r) return null;
        string v = value!;
        string? m = string.IsNullOrEmpty(mod) ? null : mod.ToUpperInvariant();
        if (v.Length == 10) return new(v, m, r.From, r.To, DatePrecision.Day, v);
        if (v.Contains('/', StringComparison.Ordinal))
        {
            var to = r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var from = r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            // Why: desks write "19/20 December": keep the shared year and month once.
            string label = from[..8] == to[..8] ? $"{from}/{to[8..]}" : from[..5] == to[..5] ? $"{from}/{to[5..]}" : $"{from}/{to}";
            return new(v, m, r.From, r.To, r.From == r.To ? DatePrecision.Day : DatePrecision.Days, label);
        }
        if (v.EndsWith("-WE", StringComparison.Ordinal)) return new(v, m, r.From, r.To, DatePrecision.Weekend, v);
        if (v.Length == 8 && v[5] == 'W')
        {
            return m switch
            {
                "END" => new(v, m, r.From.AddDays(3), r.To, DatePrecision.PartOfWeek, v + "+END"),
                "START" => new(v, m, r.From, r.From.AddDays(2), DatePrecision.PartOfWeek, v + "+START"),
                "MID" => new(v, m, r.From.AddDays(1), r.From.AddDays(3), DatePrecision.PartOfWeek, v + "+MID"),
                _ => new(v, m, r.From, r.To, DatePrecision.Week, v),
            };
        }
        return new(v, m, r.From, r.To, DatePrecision.Month, v);
    }

    public bool Overlaps(DateOnly from, DateOnly to) => From <= to && from <= To;
}

/// <summary>What one claim did to an agenda item, in the order the articles came out.</summary>
public enum ClaimChange : byte
{
    /// <summary>The first claim that the event is planned, from a source that states it.</summary>
    Announced,
    /// <summary>A claim resting on other outlets or unnamed sources, not confirmed by a party (status or flag unconfirmed).</summary>
    Reported,
    /// <summary>A later article states the plan again (after an announcement or an unconfirmed report).</summary>
    Confirmed,
    Postponed,
    Denied,
    Cancelled,
    /// <summary>An article reports the event as having taken place.</summary>
    Held,
    /// <summary>Any other status (asserted, negated, hypothetical).</summary>
    Other,
}

/// <summary>One line of an agenda item's claim history: who said what, where, and when it was published.</summary>
public sealed record AgendaClaim(
    string ArticleId, int Index, DateOnly? Published, string? Source, string? Attribution, string? Url,
    EventStatus Status, ClaimChange Change, bool Unconfirmed, string? Date, float Confidence, string? Evidence, ImmutableArray<string> SourceChain,
    ImmutableArray<string> AlsoAttributed)
{
    /// <summary>Who the claim rests on, outwards: attribution, then the quote's chain, then the agency (<c>Selenskyj via Interfax-Ukraina via dpa-AFX</c>).</summary>
    public string Via
    {
        get
        {
            var parts = new List<string>();
            void Add(string? s) { if (!string.IsNullOrWhiteSpace(s) && !parts.Exists(p => string.Equals(p, s, StringComparison.OrdinalIgnoreCase))) parts.Add(s); }
            Add(Attribution);
            foreach (var s in SourceChain) Add(s);
            Add(Source);
            // Why: a chain repeats the attribution in its own wording (Selenskyj, Präsident Wolodymyr Selenskyj); keep the first.
            for (int i = parts.Count - 1; i > 0; i--)
                if (parts.Take(i).Any(p => p.Contains(parts[i], StringComparison.OrdinalIgnoreCase) || parts[i].Contains(p, StringComparison.OrdinalIgnoreCase)))
                    parts.RemoveAt(i);
            return string.Join(" via ", parts) + (AlsoAttributed.IsDefaultOrEmpty ? "" : " (also: " + string.Join(", ", AlsoAttributed) + ")");
        }
    }
}

/// <summary>What became of an item: still ahead, reported held, denied or called off, or nothing heard after its date.</summary>
public enum ResolutionKind : byte
{
    /// <summary>The date has not passed and no outcome was reported.</summary>
    Pending,
    Held,
    Denied,
    Cancelled,
    /// <summary>The date has passed and no article reported an outcome.</summary>
    NoReport,
}

/// <summary>An item's resolution, with the article that settled it (null for <see cref="ResolutionKind.Pending"/> and <see cref="ResolutionKind.NoReport"/>).</summary>
public sealed record AgendaResolution(ResolutionKind Kind, string Text, string? ArticleId, string? Source, DateOnly? Reported);

/// <summary>
/// One expected event: a merged event (<see cref="EventMerger"/>) that some article announced as planned, reported
/// unconfirmed, or postponed, with its date at its precision, current status, claim history and resolution.
/// <see cref="Confidence"/> is the highest confidence of its claims (in [0, 1]).
/// </summary>
public sealed record AgendaItem(
    string Id, AgendaDate When, EventType Type, EventMode Mode, EventStatus Status, bool Unconfirmed,
    ImmutableArray<ClaimActor> Actors, string? Place, string? PlaceId, float Confidence,
    ImmutableArray<AgendaClaim> Claims, AgendaResolution Resolution, ImmutableArray<string> MergeReasons)
{
    /// <summary>A one-line title: type and mode, actors, place (<c>CONSULT/meet Wadephul, Sikorski in Warschau</c>).</summary>
    public string Title =>
        EventNames.Of(Type) + (Mode == EventMode.None ? "" : "/" + EventNames.Of(Mode))
        + (Actors.IsEmpty ? "" : " " + string.Join(", ", Actors.Select(a => a.Name)))
        + (Place is null ? "" : " in " + Place);
}

/// <summary>
/// The window and filters of an agenda. <see cref="Today"/> decides resolutions ("the date has passed") and which
/// claims are known: claims published after it are left out, so an agenda "as of" a past day is what was known then.
/// </summary>
public sealed record AgendaQuery
{
    public required DateOnly From { get; init; }
    public required DateOnly To { get; init; }
    public required DateOnly Today { get; init; }
    /// <summary>An actor or place: entity id (exact, case-insensitive), or words in its name.</summary>
    public string? Entity { get; init; }
    /// <summary>Leave out items already resolved (held, denied, cancelled).</summary>
    public bool OnlyOpen { get; init; }
}

/// <summary>An event claim with the TIMEX3 mod of its time expression (<c>END</c> for "gegen Ende der Woche"), which <see cref="EventClaim.Date"/> alone loses.</summary>
/// <see cref="SourceChain"/> is the chain of the quote the event was found in, from the speaker outwards
/// (<c>Selenskyj</c>, <c>Interfax-Ukraina</c>, <c>dpa-AFX</c>); empty outside quotes.
/// <see cref="AlsoAttributed"/> holds the attributions of mentions folded into this one (see <see cref="Agenda"/>).
public sealed record DatedClaim(EventClaim Claim, string? DateMod = null)
{
    public ImmutableArray<string> SourceChain { get; init; } = [];
    public ImmutableArray<string> AlsoAttributed { get; init; } = [];
}

/// <summary>
/// Builds the forward calendar from event claims. Pure and deterministic; the caller passes "today" (never the system clock).
/// </summary>
/// <remarks>
/// 1. Claims published after <see cref="AgendaQuery.Today"/> are dropped; the rest are merged with <see cref="EventMerger"/>.
/// 2. A merged event is on the agenda when at least one claim is planned, unconfirmed or postponed, and its date (the
///    merger's narrowest stated range, with the mod of the claim that stated it) overlaps [From, To]. Undated events are left out.
/// 3. Claim history: the first plan is <see cref="ClaimChange.Announced"/> (or <see cref="ClaimChange.Reported"/> when
///    unconfirmed); a later plan from another article is <see cref="ClaimChange.Confirmed"/>; outcomes keep their names.
/// 4. Resolution: a held claim settles it as held; else a denial or cancellation settles it so; else after the date it
///    is "no report yet", before it pending.
/// Items are ordered by first day, then precision (exact days first), then id.
/// </remarks>
public static class Agenda
{
    public static ImmutableArray<AgendaItem> Build(IEnumerable<DatedClaim> claims, AgendaQuery query)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(query);
        var folds = new Dictionary<(string, int), List<string>>();
        var known = Fold(claims.Where(c => c.Claim.Published is not { } p || p <= query.Today), folds);
        var extra = new Dictionary<(string, int), DatedClaim>();
        foreach (var c in known) extra[(c.Claim.ArticleId, c.Claim.Index)] = c;
        var items = new List<AgendaItem>();
        foreach (var e in EventMerger.Merge(known.Select(c => c.Claim)))
        {
            if (!e.Claims.Any(c => IsForward(c.Status) || (c.Flags & EventFlags.Unconfirmed) != 0 && c.Status != EventStatus.Held)) continue;
            var dating = e.Claims.FirstOrDefault(c => c.Date == e.Date);
            var when = AgendaDate.Parse(e.Date, dating is null ? null : extra.GetValueOrDefault((dating.ArticleId, dating.Index))?.DateMod);
            if (when is null || !when.Overlaps(query.From, query.To)) continue;
            if (query.Entity is { Length: > 0 } ent && !Mentions(e, ent)) continue;
            var item = ToItem(e, when, query.Today, extra, folds);
            if (query.OnlyOpen && item.Resolution.Kind is ResolutionKind.Held or ResolutionKind.Denied or ResolutionKind.Cancelled) continue;
            items.Add(item);
        }
        return [.. items.OrderBy(i => i.When.From).ThenBy(i => i.When.Precision).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Within one article, folds each undated forward mention into the one dated forward mention it can only mean
    /// (same type, compatible mode, a shared actor, compatible places): "am Wochenende soll es Gespräche geben … in Miami
    /// sei ein Treffen geplant, berichteten US-Medien" is one meeting. The dated mention gains the place, the actors,
    /// the sourcing flags and the attribution it lacked. An undated mention with two or more candidates stays as it is.
    /// Why here and not in <see cref="EventMerger"/>: the merger keeps one article's mentions apart on purpose
    /// (they may be different meetings); the agenda needs each dated plan with everything its article says about it.
    /// </summary>
    private static List<DatedClaim> Fold(IEnumerable<DatedClaim> claims, Dictionary<(string, int), List<string>> folds)
    {
        var result = new List<DatedClaim>();
        foreach (var article in claims.GroupBy(c => c.Claim.ArticleId, StringComparer.Ordinal))
        {
            var list = article.OrderBy(c => c.Claim.Index).ToList();
            var anchors = list.Where(c => IsForward(c.Claim.Status) && EventMerger.DateRange(c.Claim.Date) is not null).ToList();
            var merged = anchors.ToDictionary(a => a.Claim.Index, a => a);
            foreach (var c in list)
            {
                if (merged.ContainsKey(c.Claim.Index)) continue;
                if (!IsForward(c.Claim.Status) || c.Claim.Date is not null) { result.Add(c); continue; }
                var cands = anchors.Where(a => FoldsInto(c.Claim, merged[a.Claim.Index].Claim)).ToList();
                if (cands.Count != 1) { result.Add(c); continue; }
                var key = cands[0].Claim.Index;
                var target = merged[key];
                var t = target.Claim;
                var actors = t.Actors.ToList();
                foreach (var a in c.Claim.Actors) if (!actors.Exists(x => x.SameAs(a))) actors.Add(a);
                merged[key] = target with
                {
                    Claim = t with
                    {
                        Actors = [.. actors], Flags = t.Flags | c.Claim.Flags,
                        Place = t.Place ?? c.Claim.Place, PlaceId = t.Place is null ? c.Claim.PlaceId : t.PlaceId, PlaceGeo = t.Place is null ? c.Claim.PlaceGeo : t.PlaceGeo,
                        Attribution = t.Attribution ?? c.Claim.Attribution,
                        Confidence = Math.Max(t.Confidence, c.Claim.Confidence),
                    },
                    SourceChain = target.SourceChain.IsDefaultOrEmpty ? c.SourceChain : target.SourceChain,
                    AlsoAttributed = t.Attribution is null || c.Claim.Attribution is null || c.Claim.Attribution == t.Attribution || target.AlsoAttributed.Contains(c.Claim.Attribution)
                        ? target.AlsoAttributed : target.AlsoAttributed.Add(c.Claim.Attribution),
                };
                if (!folds.TryGetValue((t.ArticleId, t.Index), out var why)) folds[(t.ArticleId, t.Index)] = why = [];
                why.Add($"{t.ArticleId} mention {c.Claim.Index.ToString(CultureInfo.InvariantCulture)} ({EventNames.Of(c.Claim.Status)}, undated"
                    + (c.Claim.Place is null ? "" : ", " + c.Claim.Place) + (c.Claim.Attribution is null ? "" : ", per " + c.Claim.Attribution)
                    + $") folded into mention {t.Index.ToString(CultureInfo.InvariantCulture)} ({t.Date}): the only dated plan of the article with a shared actor and a compatible place");
            }
            result.AddRange(merged.Values);
        }
        return result;
    }

    private static bool FoldsInto(EventClaim undated, EventClaim dated)
    {
        if (undated.Type != dated.Type) return false;
        if (undated.Mode != dated.Mode && undated.Mode != EventMode.None && dated.Mode != EventMode.None) return false;
        if (!undated.Actors.Any(a => dated.Actors.Any(x => x.SameAs(a)))) return false;
        if (undated.Place is null || dated.Place is null) return true;
        return undated.PlaceId is not null && dated.PlaceId is not null
            ? undated.PlaceId == dated.PlaceId
            : string.Equals(undated.Place, dated.Place, StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsForward(EventStatus s) => s is EventStatus.Planned or EventStatus.Unconfirmed or EventStatus.Postponed;

    private static bool Mentions(MergedEvent e, string entity)
    {
        bool Match(string? id, string? name) =>
            id is not null && string.Equals(id, entity, StringComparison.OrdinalIgnoreCase)
            || name is not null && name.Contains(entity, StringComparison.OrdinalIgnoreCase);
        return e.Actors.Any(a => Match(a.EntityId, a.Name)) || Match(e.PlaceId, e.Place);
    }

    private static AgendaItem ToItem(MergedEvent e, AgendaDate when, DateOnly today, Dictionary<(string, int), DatedClaim> extra, Dictionary<(string, int), List<string>> folds)
    {
        var claims = ImmutableArray.CreateBuilder<AgendaClaim>(e.Claims.Length);
        bool planSeen = false;
        foreach (var c in e.Claims)
        {
            bool unconfirmed = c.Status == EventStatus.Unconfirmed || (c.Flags & EventFlags.Unconfirmed) != 0;
            ClaimChange change = c.Status switch
            {
                EventStatus.Planned or EventStatus.Unconfirmed when unconfirmed => ClaimChange.Reported,
                EventStatus.Planned => planSeen ? ClaimChange.Confirmed : ClaimChange.Announced,
                EventStatus.Postponed => ClaimChange.Postponed,
                EventStatus.Denied => ClaimChange.Denied,
                EventStatus.Cancelled => ClaimChange.Cancelled,
                EventStatus.Held => ClaimChange.Held,
                _ => ClaimChange.Other,
            };
            if (c.Status is EventStatus.Planned or EventStatus.Unconfirmed) planSeen = true;
            claims.Add(new AgendaClaim(c.ArticleId, c.Index, c.Published, c.Source, c.Attribution, c.Url, c.Status, change, unconfirmed, c.Date, c.Confidence, c.Evidence,
                extra.GetValueOrDefault((c.ArticleId, c.Index))?.SourceChain ?? [], extra.GetValueOrDefault((c.ArticleId, c.Index))?.AlsoAttributed ?? []));
        }
        var list = claims.MoveToImmutable();
        // Why: the item is unconfirmed while no plan was stated without that flag and no outcome was reported.
        bool stillUnconfirmed = !list.Any(c => !c.Unconfirmed && c.Change is ClaimChange.Announced or ClaimChange.Confirmed or ClaimChange.Held or ClaimChange.Postponed);
        var actors = new List<ClaimActor>();
        foreach (var a in e.Actors)
            if (!actors.Exists(x => x.SameAs(a))) actors.Add(a);
        return new AgendaItem(e.Id, when, e.Type, e.Mode, e.Status, stillUnconfirmed, [.. actors], e.Place, e.PlaceId,
            list.Max(c => c.Confidence), list, Resolve(list, when, today),
            [.. e.Claims.SelectMany(c => folds.GetValueOrDefault((c.ArticleId, c.Index)) ?? []), .. e.Reasons]);
    }

    private static AgendaResolution Resolve(ImmutableArray<AgendaClaim> claims, AgendaDate when, DateOnly today)
    {
        var held = claims.FirstOrDefault(c => c.Change == ClaimChange.Held);
        if (held is not null) return Settled(ResolutionKind.Held, "held", held);
        var latest = claims[^1];
        if (latest.Change is ClaimChange.Denied) return Settled(ResolutionKind.Denied, "denied", latest);
        if (latest.Change is ClaimChange.Cancelled) return Settled(ResolutionKind.Cancelled, "cancelled", latest);
        return when.To < today
            ? new AgendaResolution(ResolutionKind.NoReport, "no report yet", null, null, null)
            : new AgendaResolution(ResolutionKind.Pending, "pending", null, null, null);
    }

    private static AgendaResolution Settled(ResolutionKind kind, string verb, AgendaClaim c) =>
        new(kind, $"{verb}, reported by {c.Source ?? "?"} in {c.ArticleId}" + (c.Published is { } p ? " on " + p.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : ""),
            c.ArticleId, c.Source, c.Published);
}
