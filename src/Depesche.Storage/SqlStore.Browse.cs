using System.Data.Common;
using System.Globalization;
using System.Text.Json;

namespace Depesche.Storage;

// The browsing queries of IArchiveBrowser: pages, counts and facets straight from the rows of schema 2, so the
// workbench needs no in-memory copy of the archive. Same SQL on both backends.
internal abstract partial class SqlStore : IArchiveBrowser
{
    private const string HeaderColumns = "a.id, a.published, a.published_date, a.agency, a.outlet, a.headline, a.story_id, a.ingested_at";
    private const string OldestFirstOrder = "coalesce(a.published_date, '') ASC, a.seq ASC";

    private static ArticleHeader ReadHeader(DbDataReader r, int at) =>
        new(r.GetString(at), Str(r, at + 1), Str(r, at + 2), Str(r, at + 3), Str(r, at + 4), Str(r, at + 5), r.GetString(at + 6),
            DateTimeOffset.Parse(r.GetString(at + 7), CultureInfo.InvariantCulture));

    public abstract IReadOnlyDictionary<string, string> Snippets(string text, IReadOnlyCollection<string> ids);

    public bool HasArchiveRows => Schema >= SchemaVersion;

    public long ChangeMark() => Guard("read from", () => Convert.ToInt64(Scalar(null, "SELECT coalesce(max(seq), 0) FROM articles"), CultureInfo.InvariantCulture));

    public IReadOnlyList<ArticleKey> ArticleKeys(long afterSeq) => Guard("read from", () =>
    {
        RequireRows("quote rows");
        // Why three queries and a full scan for all: each reads one small index instead of the article rows with their texts.
        var after = afterSeq > 0 ? " WHERE a.seq > @m" : "";
        var within = afterSeq > 0 ? " WHERE article_id IN (SELECT id FROM articles WHERE seq > @m)" : "";
        var events = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var r = Reader(null, $"SELECT article_id, count(*) FROM events{within} GROUP BY article_id", ("m", afterSeq)))
            while (r.Read()) events[r.GetString(0)] = I32(r, 1);
        var quotes = new Dictionary<string, int>(StringComparer.Ordinal);
        using (var r = Reader(null, $"SELECT article_id, count(*) FROM quotes{within} GROUP BY article_id", ("m", afterSeq)))
            while (r.Read()) quotes[r.GetString(0)] = I32(r, 1);
        var list = new List<ArticleKey>();
        using (var r = Reader(null, $"SELECT a.seq, a.id, a.published_date FROM articles a{after}", ("m", afterSeq)))
            while (r.Read())
            {
                var id = r.GetString(1);
                list.Add(new ArticleKey(r.GetInt64(0), id, Str(r, 2), events.GetValueOrDefault(id), quotes.GetValueOrDefault(id)));
            }
        return list;
    });

    public IReadOnlyList<EntityInArticle> ArticleEntityRows(long afterSeq) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var within = afterSeq > 0 ? " WHERE article_id IN (SELECT id FROM articles WHERE seq > @m)" : "";
        var list = new List<EntityInArticle>();
        using var r = Reader(null, $"SELECT article_id, entity_id, name, type, kind, mentions FROM article_entities{within}", ("m", afterSeq));
        while (r.Read()) list.Add(new EntityInArticle(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Str(r, 4), I32(r, 5)));
        return list;
    });

    public StoryInfo? Story(string storyId) => Guard("read from", () =>
    {
        using var r = Reader(null, """
            SELECT story_id, count(*), min(published), max(published), (SELECT headline FROM articles h WHERE h.id = @s)
            FROM articles WHERE story_id = @s GROUP BY story_id
            """, ("s", storyId));
        return r.Read() ? new StoryInfo(r.GetString(0), I32(r, 1), Str(r, 2), Str(r, 3), Str(r, 4)) : null;
    });

    public IReadOnlyList<ArticleHeader> Headers(IReadOnlyCollection<string> ids) => Guard("read from", () =>
    {
        var list = new List<ArticleHeader>(ids.Count);
        foreach (var (inList, args) in InLists("h", ids))
        {
            using var r = Reader(null, $"SELECT {HeaderColumns} FROM articles a WHERE a.id IN ({inList})", args);
            while (r.Read()) list.Add(ReadHeader(r, 0));
        }
        return list;
    });

    public IReadOnlyList<ArticleHeader> StoredAfter(long mark, int limit) => Guard("read from", () =>
    {
        var list = new List<ArticleHeader>();
        using var r = Reader(null, $"SELECT {HeaderColumns} FROM articles a WHERE a.seq > @m ORDER BY a.seq LIMIT @n", ("m", mark), ("n", limit));
        while (r.Read()) list.Add(ReadHeader(r, 0));
        return list;
    });

    public IReadOnlyList<ArticleHeader> Newest(BrowseScope scope, int limit) => Guard("read from", () =>
    {
        var (scopeSql, args) = Scope(scope);
        var list = new List<ArticleHeader>();
        using var r = Reader(null, $"WITH s AS ({scopeSql}) SELECT {HeaderColumns} FROM s JOIN articles a ON a.id = s.id ORDER BY {NewestFirst} LIMIT @n",
            [.. args, ("n", limit)]);
        while (r.Read()) list.Add(ReadHeader(r, 0));
        return list;
    });

    public IReadOnlyList<ArticleHeader> IngestedSince(string entityId, DateTimeOffset since, int limit) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var list = new List<ArticleHeader>();
        using var r = Reader(null, $"""
            SELECT {HeaderColumns} FROM article_entities ae JOIN articles a ON a.id = ae.article_id
            WHERE ae.entity_id = @id AND a.ingested_at > @since ORDER BY a.seq DESC LIMIT @n
            """, ("id", entityId), ("since", since.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture)), ("n", limit));
        while (r.Read()) list.Add(ReadHeader(r, 0));
        return list;
    });

    // ---- quotes --------------------------------------------------------------------------------------------

    private static (List<string> Where, List<(string, object?)> Args, bool NeedsArticles) QuoteFilter(BrowseQuoteQuery q)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        bool articles = false;
        if (Has(q.Speaker))
        {
            where.Add("(q.speaker_entity_id = @sp OR q.speaker_key LIKE @spl)");
            args.Add(("sp", q.Speaker!.Trim()));
            args.Add(("spl", Like(q.Speaker!)));
        }
        if (Has(q.SpeakerId)) { where.Add("q.speaker_entity_id = @spid"); args.Add(("spid", q.SpeakerId!.Trim())); }
        if (Has(q.Source))
        {
            // Why two columns: source_key has the names, lower-cased; the kind is a plain ASCII word inside the JSON.
            where.Add("(q.source_key LIKE @src OR q.sources LIKE @srck)");
            args.Add(("src", Like(q.Source!)));
            args.Add(("srck", "%\"kind\":\"" + q.Source!.Trim().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + "\"%"));
        }
        const string anonymous = "((q.flags & 1) <> 0 OR coalesce(q.speaker_anonymous, 0) = 1 OR q.sources LIKE '%\"anonymous\":true%')";
        if (q.Anonymous is { } an) where.Add(an ? anonymous : $"NOT {anonymous}");
        if (q.Unconfirmed is { } un) where.Add(un ? "(q.flags & 4) <> 0" : "(q.flags & 4) = 0");
        if (Has(q.ArticleId)) { where.Add("q.article_id = @aid"); args.Add(("aid", q.ArticleId!.Trim())); }
        if (Has(q.StoryId)) { where.Add("a.story_id = @story"); args.Add(("story", q.StoryId!.Trim())); articles = true; }
        return (where, args, articles);
    }

    private static string Where(List<string> where) => where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);

    public BrowseQuotes BrowseQuotes(BrowseQuoteQuery query) => Guard("read from", () =>
    {
        RequireRows("quote rows");
        var (where, args, needsArticles) = QuoteFilter(query);
        var from = needsArticles ? "quotes q JOIN articles a ON a.id = q.article_id" : "quotes q";
        long total = Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM {from} {Where(where)}", [.. args]), CultureInfo.InvariantCulture);
        var list = new List<BrowseQuote>();
        if (total > 0 && query.Limit > 0)
        {
            // Why CROSS JOIN without a selective filter: it makes SQLite walk the articles in date order (articles_newest)
            // and stop after one page, instead of sorting every quote; PostgreSQL plans it like an inner join.
            bool selective = Has(query.Speaker) || Has(query.SpeakerId) || Has(query.ArticleId) || Has(query.StoryId);
            var join = selective ? "quotes q JOIN articles a ON a.id = q.article_id" : "articles a CROSS JOIN quotes q";
            var cond = where.Prepend("q.article_id = a.id").ToList();
            var order = query.OldestFirst ? OldestFirstOrder : NewestFirst;
            // Why the page's keys first: sorting needs only the day and sequence (an index), not the article rows with their texts.
            using var r = Reader(null, $"""
                WITH k AS (SELECT q.article_id AS aid, q.idx AS qidx FROM {join} {Where(cond)} ORDER BY {order}, q.idx LIMIT @n OFFSET @o)
                SELECT {QuoteColumns}, {HeaderColumns} FROM k JOIN quotes q ON q.article_id = k.aid AND q.idx = k.qidx JOIN articles a ON a.id = q.article_id
                ORDER BY {order}, q.idx
                """, [.. args, ("n", query.Limit), ("o", Math.Max(0, query.Offset))]);
            while (r.Read()) list.Add(new BrowseQuote(ReadHeader(r, 20), ReadQuote(r)));
        }
        return new BrowseQuotes(total, list);
    });

    public IReadOnlyList<FacetCount> QuoteSpeakers(BrowseQuoteQuery query, int top) => Guard("read from", () =>
    {
        RequireRows("quote rows");
        var (where, args, needsArticles) = QuoteFilter(query);
        where.Add("q.speaker_text IS NOT NULL AND q.speaker_text <> ''");
        var from = needsArticles ? "quotes q JOIN articles a ON a.id = q.article_id" : "quotes q";
        var list = new List<FacetCount>();
        using var r = Reader(null, $"""
            SELECT v, l, n FROM (
              SELECT coalesce(q.speaker_entity_id, q.speaker_text) AS v,
                max(CASE WHEN q.speaker_entity_id IS NULL THEN q.speaker_text ELSE q.speaker_name END) AS l, count(*) AS n
              FROM {from} {Where(where)} GROUP BY coalesce(q.speaker_entity_id, q.speaker_text)) t
            ORDER BY n DESC, l{Ordinal} LIMIT @top
            """, [.. args, ("top", top)]);
        while (r.Read()) list.Add(new FacetCount(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        return list;
    });

    public IReadOnlyList<FacetCount> QuoteSources(BrowseQuoteQuery query, int top) => Guard("read from", () =>
    {
        RequireRows("quote rows");
        var (where, args, needsArticles) = QuoteFilter(query);
        where.Add("q.sources <> '[]'");
        var from = needsArticles ? "quotes q JOIN articles a ON a.id = q.article_id" : "quotes q";
        // Why in .NET: the chain is a JSON list per quote, and the two backends share no JSON functions.
        var counts = new Dictionary<string, (string Label, long N)>(StringComparer.Ordinal);
        using (var r = Reader(null, $"SELECT q.sources FROM {from} {Where(where)}", [.. args]))
            while (r.Read())
                foreach (var s in JsonSerializer.Deserialize<StoredSourceLink[]>(r.GetString(0), StoreJson.Options) ?? [])
                    if (s.Kind != "speaker")
                        counts[s.Name] = counts.TryGetValue(s.Name, out var c) ? (c.Label, c.N + 1) : ($"{s.Name} ({s.Kind})", 1);
        return counts.OrderByDescending(kv => kv.Value.N).ThenBy(kv => kv.Value.Label, StringComparer.Ordinal).Take(top)
            .Select(kv => new FacetCount(kv.Key, kv.Value.Label, kv.Value.N)).ToList();
    });

    // ---- events --------------------------------------------------------------------------------------------

    private static (List<string> Where, List<(string, object?)> Args, bool NeedsArticles) EventFilter(BrowseEventQuery q)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        bool articles = false;
        if (Has(q.Type)) { where.Add("e.type = @ty"); args.Add(("ty", q.Type!.Trim())); }
        if (Has(q.Status)) { where.Add("e.status = @st"); args.Add(("st", q.Status!.Trim())); }
        if (Has(q.EntityId)) args.Add(("en", q.EntityId!.Trim()));
        if (Has(q.ArticleId)) { where.Add("e.article_id = @aid"); args.Add(("aid", q.ArticleId!.Trim())); }
        if (Has(q.StoryId)) { where.Add("a.story_id = @story"); args.Add(("story", q.StoryId!.Trim())); articles = true; }
        return (where, args, articles);
    }

    /// <summary>
    /// The events table, or only an entity's events. Why a join on the union of two indexed lookups: an OR across the
    /// event's place and its actors, or an IN over the pair, made SQLite read every event.
    /// </summary>
    private static string EventsFrom(BrowseEventQuery q) =>
        Has(q.EntityId) ? $"{EntityEvents} m JOIN events e ON e.article_id = m.aid AND e.idx = m.eidx" : "events e";

    public BrowseEvents BrowseEvents(BrowseEventQuery query) => Guard("read from", () =>
    {
        RequireRows("event rows");
        var (where, args, needsArticles) = EventFilter(query);
        var from = EventsFrom(query) + (needsArticles ? " JOIN articles a ON a.id = e.article_id" : "");
        long total = Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM {from} {Where(where)}", [.. args]), CultureInfo.InvariantCulture);
        var rows = new List<BrowseEvent>();
        if (total > 0 && query.Limit > 0)
        {
            bool selective = Has(query.EntityId) || Has(query.ArticleId) || Has(query.StoryId);
            var join = selective ? EventsFrom(query) + " JOIN articles a ON a.id = e.article_id" : "articles a CROSS JOIN events e";
            var cond = where.Prepend("e.article_id = a.id").ToList();
            var order = query.OldestFirst ? OldestFirstOrder : NewestFirst;
            using var r = Reader(null, $"""
                WITH k AS (SELECT e.article_id AS aid, e.idx AS eidx FROM {join} {Where(cond)} ORDER BY {order}, e.idx LIMIT @n OFFSET @o)
                SELECT {EventColumns}, {HeaderColumns} FROM k JOIN events e ON e.article_id = k.aid AND e.idx = k.eidx JOIN articles a ON a.id = e.article_id
                ORDER BY {order}, e.idx
                """, [.. args, ("n", query.Limit), ("o", Math.Max(0, query.Offset))]);
            while (r.Read())
            {
                var flags = (Core.EventFlags)I32(r, 11);
                var ev = new StoredEvent(new ArticleRef(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3)), I32(r, 4), I32(r, 5), I32(r, 6), r.GetString(7),
                    r.GetString(8), Str(r, 9), r.GetString(10), (flags & Core.EventFlags.Reported) != 0, (flags & Core.EventFlags.Unconfirmed) != 0, [],
                    Str(r, 12) is { } pn ? new StoredEventPlace(pn, Str(r, 13) ?? "", Str(r, 14)) : null,
                    Str(r, 15) is { } tv ? new StoredEventTime(tv, Str(r, 16) ?? "") : null,
                    Str(r, 17), r.GetString(18), I32(r, 19), r.GetDouble(20), r.GetString(21));
                rows.Add(new BrowseEvent(ReadHeader(r, 22), ev));
            }
        }
        if (!query.Actors) return new BrowseEvents(total, rows);
        var list = new List<BrowseEvent>(rows.Count);
        foreach (var row in rows)
        {
            var actors = new List<StoredEventActor>();
            using (var r = Reader(null, "SELECT role, name, text, entity_id, entity_name, description FROM event_actors WHERE article_id = @a AND event_idx = @i ORDER BY idx",
                ("a", row.Event.Article.Id), ("i", row.Event.Index)))
                while (r.Read()) actors.Add(new StoredEventActor(r.GetString(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5)));
            list.Add(row with { Event = row.Event with { Actors = actors } });
        }
        return new BrowseEvents(total, list);
    });

    public IReadOnlyList<FacetCount> EventFacet(BrowseEventQuery query, string by, int top) => Guard("read from", () =>
    {
        RequireRows("event rows");
        var column = by switch { "type" => "e.type", "status" => "e.status", _ => throw new ArgumentOutOfRangeException(nameof(by), by, "type or status") };
        var (where, args, needsArticles) = EventFilter(query);
        var from = EventsFrom(query) + (needsArticles ? " JOIN articles a ON a.id = e.article_id" : "");
        var list = new List<FacetCount>();
        using var r = Reader(null, $"SELECT v, n FROM (SELECT {column} AS v, count(*) AS n FROM {from} {Where(where)} GROUP BY {column}) t ORDER BY n DESC, v{Ordinal} LIMIT @top",
            [.. args, ("top", top)]);
        while (r.Read()) list.Add(new FacetCount(r.GetString(0), r.GetString(0), r.GetInt64(1)));
        return list;
    });

    // ---- entities ------------------------------------------------------------------------------------------

    public string? ResolveEntity(string idOrName) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var x = idOrName.Trim();
        if (Scalar(null, "SELECT entity_id FROM article_entities WHERE entity_id = @x LIMIT 1", ("x", x)) is string id) return id;
        var key = x.ToLowerInvariant();
        return Scalar(null, $"SELECT entity_id FROM article_entities WHERE name_key = @k GROUP BY entity_id ORDER BY count(*) DESC, entity_id{Ordinal} LIMIT 1", ("k", key)) as string
            ?? Scalar(null, $"""
                SELECT entity_id FROM article_entities WHERE entity_id IN (SELECT entity_id FROM entity_links WHERE text_key = @k)
                GROUP BY entity_id ORDER BY count(*) DESC, entity_id{Ordinal} LIMIT 1
                """, ("k", key)) as string;
    });

    public EntitySummary? EntitySummary(string entityId) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        string name, type;
        string? kind, wikidata;
        long articles, mentions;
        // Why the first row for the names: they come from the knowledge base, the same in every article; the counts
        // read the (entity_id, mentions) index alone.
        using (var r = Reader(null, "SELECT name, type, kind, wikidata FROM article_entities WHERE entity_id = @id LIMIT 1", ("id", entityId)))
        {
            if (!r.Read()) return null;
            (name, type, kind, wikidata) = (r.GetString(0), r.GetString(1), Str(r, 2), Str(r, 3));
        }
        using (var r = Reader(null, "SELECT count(*), coalesce(sum(mentions), 0) FROM article_entities WHERE entity_id = @id", ("id", entityId)))
        {
            r.Read();
            (articles, mentions) = (r.GetInt64(0), I64(r, 1) ?? 0);
        }
        var roles = new List<EntityRoleCount>();
        using (var r = Reader(null, $"""
            SELECT role, title, of_id, n FROM (SELECT role, title, of_id, count(DISTINCT article_id) AS n FROM entity_roles WHERE entity_id = @id
            GROUP BY role, title, of_id) t ORDER BY n DESC, role{Ordinal}, title{Ordinal} LIMIT 30
            """, ("id", entityId)))
            while (r.Read()) roles.Add(new EntityRoleCount(r.GetString(0), r.GetString(1), Str(r, 2), r.GetInt64(3)));
        var surfaces = new List<string>();
        using (var r = Reader(null, $"SELECT text, n FROM (SELECT text, count(*) AS n FROM entity_links WHERE entity_id = @id GROUP BY text) t ORDER BY n DESC, text{Ordinal} LIMIT 50", ("id", entityId)))
            while (r.Read()) surfaces.Add(r.GetString(0));
        return new EntitySummary(entityId, name, type, kind, wikidata, articles, mentions, roles, surfaces);
    });

    public IReadOnlyList<EntityCount> TopEntities(string? text, string? type, int limit) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var where = new List<string>();
        var args = new List<(string, object?)> { ("n", limit) };
        if (Has(text))
        {
            where.Add("(name_key LIKE @l OR entity_id IN (SELECT entity_id FROM entity_links WHERE text_key LIKE @l))");
            args.Add(("l", Like(text!)));
        }
        if (Has(type)) { where.Add("type = @t"); args.Add(("t", type!.Trim())); }
        var list = new List<EntityCount>();
        using var r = Reader(null, $"""
            SELECT entity_id, name, type, n FROM (SELECT entity_id, max(name) AS name, max(type) AS type, count(*) AS n FROM article_entities {Where(where)} GROUP BY entity_id) t
            ORDER BY n DESC, name{Ordinal} LIMIT @n
            """, [.. args]);
        while (r.Read()) list.Add(new EntityCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));
        return list;
    });

    /// <summary>SQL selecting the ids (column <c>id</c>) of a scope's articles, newest first when windowed.</summary>
    private static (string Sql, (string, object?)[] Args) Scope(BrowseScope s)
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        string from = "articles a";
        if (Has(s.EntityId))
        {
            from = "article_entities ae JOIN articles a ON a.id = ae.article_id";
            where.Add("ae.entity_id = @sid");
            args.Add(("sid", s.EntityId!.Trim()));
        }
        if (Has(s.StoryId)) { where.Add("a.story_id = @sst"); args.Add(("sst", s.StoryId!.Trim())); }
        var sql = $"SELECT a.id AS id FROM {from} {Where(where)}";
        if (s.Window > 0)
        {
            sql += $" ORDER BY {NewestFirst} LIMIT @win";
            args.Add(("win", s.Window));
        }
        return (sql, [.. args]);
    }

    public IReadOnlyList<EntityCount> EntitiesIn(BrowseScope scope, int limit, bool withoutAgencies = false, string? type = null) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var (scopeSql, args) = Scope(scope);
        var where = new List<string>();
        if (withoutAgencies) where.Add("coalesce(o.kind, '') <> 'agency'");
        var extra = new List<(string, object?)> { ("n", limit) };
        if (Has(type)) { where.Add("o.type = @ot"); extra.Add(("ot", type!.Trim())); }
        var list = new List<EntityCount>();
        using var r = Reader(null, $"""
            WITH s AS ({scopeSql})
            SELECT entity_id, name, type, n FROM (
              SELECT o.entity_id AS entity_id, max(o.name) AS name, max(o.type) AS type, count(*) AS n
              FROM s JOIN article_entities o ON o.article_id = s.id {Where(where)} GROUP BY o.entity_id) t
            ORDER BY n DESC, entity_id{Ordinal} LIMIT @n
            """, [.. args, .. extra]);
        while (r.Read()) list.Add(new EntityCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));
        return list;
    });

    public IReadOnlyList<EntityPair> Pairs(BrowseScope scope, IReadOnlyCollection<string> ids) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        if (ids.Count < 2) return [];
        var (scopeSql, args) = Scope(scope);
        var (inList, inArgs) = InLists("p", ids).Single();
        var list = new List<EntityPair>();
        using var r = Reader(null, $"""
            WITH s AS ({scopeSql}), k AS (SELECT x.article_id, x.entity_id FROM s JOIN article_entities x ON x.article_id = s.id WHERE x.entity_id IN ({inList}))
            SELECT x.entity_id, y.entity_id, count(*) FROM k x JOIN k y ON y.article_id = x.article_id AND x.entity_id < y.entity_id{Ordinal}
            GROUP BY x.entity_id, y.entity_id
            """, [.. args, .. inArgs]);
        while (r.Read()) list.Add(new EntityPair(r.GetString(0), r.GetString(1), r.GetInt64(2)));
        return list;
    });

    public IReadOnlyList<DayCounts> Timeline(BrowseScope scope) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var (scopeSql, args) = Scope(scope);
        var mentions = Has(scope.EntityId)
            ? "(SELECT m.mentions FROM article_entities m WHERE m.article_id = a.id AND m.entity_id = @sid)"
            : "(SELECT coalesce(sum(m.mentions), 0) FROM article_entities m WHERE m.article_id = a.id)";
        var list = new List<DayCounts>();
        using var r = Reader(null, $"""
            WITH s AS ({scopeSql})
            SELECT d, count(*), coalesce(sum(m), 0), coalesce(sum(ev), 0), coalesce(sum(qu), 0) FROM (
              SELECT a.published_date AS d, {mentions} AS m,
                (SELECT count(*) FROM events e WHERE e.article_id = a.id) AS ev,
                (SELECT count(*) FROM quotes q WHERE q.article_id = a.id) AS qu
              FROM s JOIN articles a ON a.id = s.id WHERE a.published_date IS NOT NULL) t
            GROUP BY d ORDER BY d
            """, args);
        while (r.Read()) list.Add(new DayCounts(r.GetString(0), r.GetInt64(1), I64(r, 2) ?? 0, I64(r, 3) ?? 0, I64(r, 4) ?? 0));
        return list;
    });

    public IReadOnlyList<ArticleActivity> EntityActivity(string entityId) => Guard("read from", () =>
    {
        RequireRows("event rows");
        var counts = new Dictionary<string, (long Events, long Quotes)>(StringComparer.Ordinal);
        using (var r = Reader(null, $"SELECT e.aid, count(*) FROM {EntityEvents} e GROUP BY e.aid", ("en", entityId)))
            while (r.Read()) counts[r.GetString(0)] = (r.GetInt64(1), 0);
        using (var r = Reader(null, "SELECT article_id, count(*) FROM quotes WHERE speaker_entity_id = @en GROUP BY article_id", ("en", entityId)))
            while (r.Read()) counts[r.GetString(0)] = (counts.GetValueOrDefault(r.GetString(0)).Events, r.GetInt64(1));
        return counts.Select(kv => new ArticleActivity(kv.Key, kv.Value.Events, kv.Value.Quotes)).ToList();
    });

    /// <summary>The (article, event) keys of an entity's events, as actor or place (parameter <c>@en</c>): two indexed lookups.</summary>
    private const string EntityEvents =
        "(SELECT x.article_id AS aid, x.event_idx AS eidx FROM event_actors x WHERE x.entity_id = @en UNION SELECT p.article_id, p.idx FROM events p WHERE p.place_entity_id = @en)";

    public IReadOnlyDictionary<string, string> ArticleNaming(IReadOnlyCollection<string> entityIds) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        // Why one query per entity: the first index entry is enough, where a grouped max would read every row of a frequent entity.
        foreach (var id in entityIds.Distinct(StringComparer.Ordinal))
            if (Scalar(null, "SELECT article_id FROM article_entities WHERE entity_id = @e LIMIT 1", ("e", id)) is string a) map[id] = a;
        return map;
    });

    public IReadOnlyList<FacetCount> FacetOver(IReadOnlyCollection<string> articleIds, string by, int top) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var sql = by switch
        {
            "entity" => "SELECT entity_id AS v, max(name) AS l, count(*) AS n FROM article_entities WHERE article_id IN ({0}) GROUP BY entity_id",
            "entityType" => "SELECT type AS v, type AS l, count(DISTINCT article_id) AS n FROM article_entities WHERE article_id IN ({0}) GROUP BY type",
            "eventType" => "SELECT type AS v, type AS l, count(DISTINCT article_id) AS n FROM events WHERE article_id IN ({0}) GROUP BY type",
            "speaker" => """
                SELECT coalesce(speaker_entity_id, speaker_text) AS v, max(CASE WHEN speaker_entity_id IS NULL THEN speaker_text ELSE speaker_name END) AS l,
                  count(DISTINCT article_id) AS n FROM quotes WHERE article_id IN ({0}) AND speaker_text IS NOT NULL AND speaker_text <> ''
                GROUP BY coalesce(speaker_entity_id, speaker_text)
                """,
            _ => throw new ArgumentOutOfRangeException(nameof(by), by, "entity, entityType, eventType or speaker"),
        };
        var counts = new Dictionary<string, (string Label, long N)>(StringComparer.Ordinal);
        foreach (var (inList, args) in InLists("f", articleIds))
        {
            using var r = Reader(null, string.Format(CultureInfo.InvariantCulture, sql, inList), args);
            while (r.Read())
            {
                var v = r.GetString(0);
                counts[v] = counts.TryGetValue(v, out var c) ? (c.Label, c.N + r.GetInt64(2)) : (r.GetString(1), r.GetInt64(2));
            }
        }
        return counts.OrderByDescending(kv => kv.Value.N).ThenBy(kv => kv.Value.Label, StringComparer.Ordinal).Take(top)
            .Select(kv => new FacetCount(kv.Key, kv.Value.Label, kv.Value.N)).ToList();
    });

    public IReadOnlySet<string> Having(IReadOnlyCollection<string> articleIds, string? entityId, string? entityType, string? eventType, string? speaker) => Guard("read from", () =>
    {
        RequireRows("entity identities");
        var where = new List<string>();
        var args = new List<(string, object?)>();
        if (Has(entityId))
        {
            where.Add("EXISTS (SELECT 1 FROM article_entities x WHERE x.article_id = a.id AND x.entity_id = @hid" + (Has(entityType) ? " AND x.type = @hty)" : ")"));
            args.Add(("hid", entityId!.Trim()));
            if (Has(entityType)) args.Add(("hty", entityType!.Trim()));
        }
        if (Has(eventType)) { where.Add("EXISTS (SELECT 1 FROM events e WHERE e.article_id = a.id AND e.type = @hev)"); args.Add(("hev", eventType!.Trim())); }
        if (Has(speaker))
        {
            where.Add("EXISTS (SELECT 1 FROM quotes q WHERE q.article_id = a.id AND (q.speaker_entity_id = @hsp OR q.speaker_text = @hsp))");
            args.Add(("hsp", speaker!.Trim()));
        }
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (inList, inArgs) in InLists("i", articleIds))
        {
            using var r = Reader(null, $"SELECT a.id FROM articles a WHERE a.id IN ({inList}) {(where.Count > 0 ? "AND " + string.Join(" AND ", where) : "")}", [.. inArgs, .. args]);
            while (r.Read()) set.Add(r.GetString(0));
        }
        return set;
    });

    /// <summary>
    /// IN lists of at most 512 parameters, padded to a few fixed sizes (by repeating the last value) so the prepared
    /// statements stay few whatever the number of ids.
    /// </summary>
    private static IEnumerable<(string InList, (string, object?)[] Args)> InLists(string prefix, IReadOnlyCollection<string> values)
    {
        var all = values.Distinct(StringComparer.Ordinal).ToArray();
        if (all.Length == 0) yield break;
        for (int at = 0; at < all.Length; at += 512)
        {
            int count = Math.Min(512, all.Length - at);
            int size = count <= 8 ? 8 : count <= 32 ? 32 : count <= 128 ? 128 : 512;
            var args = new (string, object?)[size];
            for (int i = 0; i < size; i++) args[i] = ($"{prefix}{i}", all[at + Math.Min(i, count - 1)]);
            yield return (string.Join(", ", args.Select(a => "@" + a.Item1)), args);
        }
    }
}
