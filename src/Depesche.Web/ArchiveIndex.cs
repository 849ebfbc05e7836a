using System.Collections.Concurrent;
using System.Text.Json;
using Depesche.Storage;

namespace Depesche.Web;

/// <summary>A canonical entity as one article names it (from the article's <c>distinctEntities</c> and <c>links</c>).</summary>
public sealed record EntityFact(string Id, string Name, string Type, string? Kind, string? Wikidata, IReadOnlyList<RoleFact> Roles, GeoFact? Geo, int Mentions, IReadOnlyList<string> Surfaces);

public sealed record RoleFact(string? Role, string? Title, string? Of);

public sealed record GeoFact(double Lat, double Lon, string? Country);

public sealed record SourceFact(string Text, string Kind, bool Anonymous);

/// <summary>
/// A quote with its speaker resolved to a canonical entity where the link layer found one. <see cref="Anonymous"/>:
/// the speaker or a link of the source chain is not named.
/// </summary>
public sealed record QuoteFact(
    string ArticleId, string? Date, string Text, int Start, int End, string Kind,
    string SpeakerText, string SpeakerKind, string? SpeakerId, string? SpeakerName,
    bool Anonymous,
    IReadOnlyList<SourceFact> Sources, IReadOnlyList<string> Flags)
{
    /// <summary>A party in a position to confirm did not (the quote stage's <c>unconfirmed</c> flag).</summary>
    public bool Unconfirmed => Flags.Contains("unconfirmed");
}

public sealed record ActorFact(string Role, string Name, string? EntityId);

/// <summary>An event as one article reports it.</summary>
public sealed record EventFact(
    string ArticleId, string? Date, string Type, string? Mode, string Status, bool Reported, bool Unconfirmed,
    string Trigger, int Start, int End, IReadOnlyList<ActorFact> Actors, string? Place, string? PlaceId, string? Time, double Confidence)
{
    /// <summary>What makes two reports the same event across articles of a story: type, place and time (or trigger).</summary>
    public string Key => $"{Type}|{Place ?? ""}|{Time ?? Trigger.ToLowerInvariant()}";
}

/// <summary>What the workbench needs of one stored article, derived once from its <see cref="StoredArticle.AnalysisJson"/>.</summary>
public sealed record ArticleFacts(
    string Id, string? Published, DateOnly? Date, string? Source, string? Headline, string StoryId, DateTimeOffset IngestedAt,
    IReadOnlyList<EntityFact> Entities, IReadOnlyList<QuoteFact> Quotes, IReadOnlyList<EventFact> Events);

/// <summary>
/// What the workbench keeps between requests: archive-wide aggregates (facets over all quotes, the story list, the
/// archive's timeline) per <see cref="IArchiveBrowser.ChangeMark"/>, so they are computed once per change of the
/// store, and entity coordinates, which only the analysis JSON holds. Everything else is asked of the store per request.
/// </summary>
/// <remarks>
/// Why no projection of every article's analysis JSON any more (the former ArchiveIndex): building it made the server
/// start take 97 s at 100,000 articles; the store's rows (schema 2) answer each view with a page-sized query, and
/// <see cref="EntityIndex"/> keeps the little that aggregates over many articles need.
/// Thread-safe.
/// </remarks>
public sealed class ArchiveCache
{
    private const int MaxEntries = 2000;
    private readonly ConcurrentDictionary<string, (long Mark, object Value)> _memo = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, GeoFact?> _geo = new(StringComparer.Ordinal);

    /// <summary>The value for <paramref name="key"/> computed at <paramref name="mark"/>, computing it when the store changed since.</summary>
    public T Memo<T>(string key, long mark, Func<T> compute) where T : notnull
    {
        if (_memo.TryGetValue(key, out var hit) && hit.Mark == mark) return (T)hit.Value;
        var value = compute();
        if (_memo.Count >= MaxEntries) _memo.Clear();
        _memo[key] = (mark, value);
        return value;
    }

    /// <summary>Coordinates of entities (null: none), read from the analysis JSON of one article naming each, once per entity.</summary>
    public IReadOnlyDictionary<string, GeoFact?> Geo(IReadOnlyCollection<string> entityIds, IArticleStore store, IArchiveBrowser browser)
    {
        var missing = entityIds.Where(id => !_geo.ContainsKey(id)).ToList();
        if (missing.Count > 0)
        {
            if (_geo.Count > 200_000) _geo.Clear();
            foreach (var article in browser.ArticleNaming(missing).Values.Distinct(StringComparer.Ordinal))
            {
                if (store.Get(article) is not { } a) continue;
                foreach (var e in ArchiveIndex.Derive(a).Entities) _geo.TryAdd(e.Id, e.Geo);
            }
            foreach (var id in missing) _geo.TryAdd(id, null);
        }
        var map = new Dictionary<string, GeoFact?>(StringComparer.Ordinal);
        foreach (var id in entityIds) map[id] = _geo.GetValueOrDefault(id);
        return map;
    }
}

/// <summary>Reads the workbench's view of one article (entities, quotes, events) out of its stored analysis JSON.</summary>
public static class ArchiveIndex
{
    /// <summary>Reads the layers the workbench shows out of one article's analysis JSON. Missing layers give empty lists.</summary>
    public static ArticleFacts Derive(StoredArticle a)
    {
        using var doc = JsonDocument.Parse(a.AnalysisJson);
        var root = doc.RootElement;
        string? date = a.PublishedDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        // mention index → canonical entity id, from the link layer
        var mentionToEntity = new Dictionary<int, string>();
        var surfaces = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var l in Array(root, "links"))
        {
            var id = Str(l, "entityId");
            if (id is null) continue;
            if (l.TryGetProperty("mention", out var m) && m.ValueKind == JsonValueKind.Number) mentionToEntity[m.GetInt32()] = id;
            if (Str(l, "text") is { } t) (surfaces.TryGetValue(id, out var set) ? set : surfaces[id] = new HashSet<string>(StringComparer.Ordinal)).Add(t);
        }

        var entities = new List<EntityFact>();
        foreach (var e in Array(root, "distinctEntities"))
        {
            var id = Str(e, "entityId");
            if (id is null) continue;
            var roles = Array(e, "roles").Select(r => new RoleFact(Str(r, "role"), Str(r, "title"), Str(r, "of"))).ToArray();
            GeoFact? geo = e.TryGetProperty("geo", out var g) && g.ValueKind == JsonValueKind.Object
                ? new GeoFact(g.GetProperty("lat").GetDouble(), g.GetProperty("lon").GetDouble(), Str(g, "country")) : null;
            int mentions = e.TryGetProperty("mentions", out var mm) && mm.ValueKind == JsonValueKind.Number ? mm.GetInt32() : 1;
            entities.Add(new EntityFact(id, Str(e, "name") ?? id, Str(e, "type") ?? "OTH", Str(e, "kind"), Str(e, "wikidata"), roles, geo, mentions,
                surfaces.TryGetValue(id, out var s) ? s.Order(StringComparer.Ordinal).ToArray() : []));
        }
        var nameOf = entities.ToDictionary(e => e.Id, e => e.Name, StringComparer.Ordinal);

        var quotes = new List<QuoteFact>();
        foreach (var q in Array(root, "quotes"))
        {
            var sp = q.TryGetProperty("speaker", out var spe) && spe.ValueKind == JsonValueKind.Object ? spe : default;
            string? speakerId = null;
            if (sp.ValueKind == JsonValueKind.Object && sp.TryGetProperty("entityId", out var mi) && mi.ValueKind == JsonValueKind.Number)
                mentionToEntity.TryGetValue(mi.GetInt32(), out speakerId);
            var sources = Array(q, "sources").Select(s => new SourceFact(Str(s, "text") ?? "", Str(s, "kind") ?? "", Bool(s, "anonymous"))).ToArray();
            var flags = Array(q, "flags").Where(f => f.ValueKind == JsonValueKind.String).Select(f => f.GetString()!).ToArray();
            quotes.Add(new QuoteFact(a.Id, date, Str(q, "text") ?? "", Int(q, "start"), Int(q, "end"), Str(q, "kind") ?? "",
                sp.ValueKind == JsonValueKind.Object ? Str(sp, "text") ?? "" : "", sp.ValueKind == JsonValueKind.Object ? Str(sp, "kind") ?? "" : "none",
                speakerId, speakerId is null ? null : nameOf.GetValueOrDefault(speakerId),
                (sp.ValueKind == JsonValueKind.Object && Bool(sp, "anonymous")) || flags.Contains("anonymous") || sources.Any(s => s.Anonymous), sources, flags));
        }

        // entity ids by surface text, to resolve event actors and places (events name them by text, not by mention)
        var byText = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entities)
        {
            byText.TryAdd(e.Name, e.Id);
            foreach (var s in e.Surfaces) byText.TryAdd(s, e.Id);
        }
        var events = new List<EventFact>();
        foreach (var ev in Array(root, "events"))
        {
            var trig = ev.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
            var actors = Array(ev, "actors").Select(x =>
            {
                var name = Str(x, "name") ?? Str(x, "text") ?? "";
                return new ActorFact(Str(x, "role") ?? "", name, byText.GetValueOrDefault(Str(x, "text") ?? name) ?? byText.GetValueOrDefault(name));
            }).ToArray();
            string? place = null, placeId = null, time = null;
            if (ev.TryGetProperty("place", out var p) && p.ValueKind == JsonValueKind.Object)
            {
                place = Str(p, "name") ?? Str(p, "text");
                placeId = place is null ? null : byText.GetValueOrDefault(Str(p, "text") ?? place) ?? byText.GetValueOrDefault(place);
            }
            if (ev.TryGetProperty("time", out var tm) && tm.ValueKind == JsonValueKind.Object) time = Str(tm, "value");
            events.Add(new EventFact(a.Id, date, Str(ev, "type") ?? "", Str(ev, "mode"), Str(ev, "status") ?? "", Bool(ev, "reported"), Bool(ev, "unconfirmed"),
                trig.ValueKind == JsonValueKind.Object ? Str(trig, "text") ?? "" : "", trig.ValueKind == JsonValueKind.Object ? Int(trig, "start") : 0,
                trig.ValueKind == JsonValueKind.Object ? Int(trig, "end") : 0, actors, place, placeId, time,
                ev.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? c.GetDouble() : 0));
        }

        return new ArticleFacts(a.Id, a.Published, a.PublishedDate, a.Agency ?? a.Outlet, a.Headline, a.StoryId, a.IngestedAt, entities, quotes, events);
    }

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var a) && a.ValueKind == JsonValueKind.Array ? a.EnumerateArray() : [];

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;

    private static bool Bool(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
