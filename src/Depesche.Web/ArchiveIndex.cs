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
/// An in-memory projection of the archive for the views the store contract does not answer (quotes, events,
/// entity profiles, co-occurrence, timelines, facets over hits). Built from <see cref="IArticleStore.Export"/> at
/// start and extended after each ingest through the API.
/// </summary>
/// <remarks>
/// Why in memory: the store keeps quotes and events only inside the analysis JSON; a projection built once answers
/// every view without reparsing. Thread safety: readers see a consistent snapshot per call; <see cref="Add"/> may run
/// concurrently with readers (writes are serialised by a lock).
/// </remarks>
public sealed class ArchiveIndex
{
    private readonly ConcurrentDictionary<string, ArticleFacts> _articles = new(StringComparer.Ordinal);
    private readonly Lock _write = new();
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public int Count => _articles.Count;

    public static ArchiveIndex Build(IArticleStore store)
    {
        var index = new ArchiveIndex();
        index.AddRange(store.Export());
        return index;
    }

    public void AddRange(IEnumerable<StoredArticle> articles)
    {
        lock (_write)
        {
            foreach (var a in articles) _articles[a.Id] = Derive(a);
            _snapshot = Snapshot.Of(_articles.Values);
        }
    }

    public ArticleFacts? Get(string id) => _articles.GetValueOrDefault(id);

    /// <summary>All articles, newest first (by publication date, then ingest time).</summary>
    public IReadOnlyList<ArticleFacts> Articles => _snapshot.Articles;

    /// <summary>Articles naming the entity, newest first.</summary>
    public IReadOnlyList<ArticleFacts> ArticlesOf(string entityId) => _snapshot.ByEntity.GetValueOrDefault(entityId) ?? [];

    /// <summary>Every canonical entity with the number of articles naming it, most named first.</summary>
    public IReadOnlyList<(EntityFact Entity, int Articles)> Entities => _snapshot.EntityList;

    public EntityFact? Entity(string id) => _snapshot.EntityById.GetValueOrDefault(id);

    /// <summary>An entity by id, or else by exact name (case-insensitive), or else by a surface form.</summary>
    public EntityFact? Resolve(string idOrName)
    {
        var s = _snapshot;
        if (s.EntityById.TryGetValue(idOrName, out var e)) return e;
        foreach (var (ent, _) in s.EntityList)
            if (string.Equals(ent.Name, idOrName, StringComparison.OrdinalIgnoreCase)) return ent;
        foreach (var (ent, _) in s.EntityList)
            if (ent.Surfaces.Any(x => string.Equals(x, idOrName, StringComparison.OrdinalIgnoreCase))) return ent;
        return null;
    }

    private sealed record Snapshot(
        IReadOnlyList<ArticleFacts> Articles,
        IReadOnlyDictionary<string, IReadOnlyList<ArticleFacts>> ByEntity,
        IReadOnlyDictionary<string, EntityFact> EntityById,
        IReadOnlyList<(EntityFact, int)> EntityList)
    {
        public static readonly Snapshot Empty = new([], new Dictionary<string, IReadOnlyList<ArticleFacts>>(), new Dictionary<string, EntityFact>(), []);

        public static Snapshot Of(IEnumerable<ArticleFacts> all)
        {
            var articles = all.OrderByDescending(a => a.Date).ThenByDescending(a => a.IngestedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToArray();
            var by = new Dictionary<string, List<ArticleFacts>>(StringComparer.Ordinal);
            var merged = new Dictionary<string, EntityFact>(StringComparer.Ordinal);
            foreach (var a in articles)
                foreach (var e in a.Entities)
                {
                    if (!by.TryGetValue(e.Id, out var list)) by[e.Id] = list = [];
                    list.Add(a);
                    merged[e.Id] = merged.TryGetValue(e.Id, out var old) ? Merge(old, e) : e;
                }
            var entityList = merged.Values.Select(e => (e, by[e.Id].Count)).OrderByDescending(x => x.Item2).ThenBy(x => x.e.Name, StringComparer.Ordinal).ToArray();
            return new Snapshot(articles, by.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<ArticleFacts>)kv.Value, StringComparer.Ordinal), merged, entityList);
        }

        // Why: aliases and roles accumulate over articles; one article's view of an entity is never the whole profile.
        private static EntityFact Merge(EntityFact a, EntityFact b) => a with
        {
            Mentions = a.Mentions + b.Mentions,
            Surfaces = a.Surfaces.Concat(b.Surfaces).Distinct(StringComparer.Ordinal).ToArray(),
            Roles = a.Roles.Concat(b.Roles).Distinct().ToArray(),
            Geo = a.Geo ?? b.Geo,
            Kind = a.Kind ?? b.Kind,
            Wikidata = a.Wikidata ?? b.Wikidata,
        };
    }

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
