using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Depesche.Core;

namespace Depesche.Storage;

// The archive's rows beyond articles: entity identity (links), quotes and events, written in the article's
// transaction, and the queries over them (quotes, events, entity profiles). Same SQL on both backends.
internal abstract partial class SqlStore
{
    /// <summary>
    /// The schema this build writes. 1: articles, entities, times, links, queue. 2: entity identity on mentions,
    /// entity links, per-article entities and roles, quotes, events and event actors.
    /// </summary>
    public const int SchemaVersion = 2;

    /// <summary>The schema of the open store (an older one, opened read-only, lacks the rows of later versions).</summary>
    public int Schema { get; private set; } = SchemaVersion;

    /// <summary>Columns added after schema 1 to tables that existed then, added with ALTER TABLE to an older store.</summary>
    private static readonly (string Table, string Column, string Type)[] AddedColumns =
    [
        ("entities", "entity_id", "TEXT"),
        ("entities", "entity_name", "TEXT"),
    ];

    private static IEnumerable<string> ArchiveSchema() =>
    [
        "CREATE INDEX IF NOT EXISTS entities_entity ON entities (entity_id)",
        """
        CREATE TABLE IF NOT EXISTS entity_links (
          article_id TEXT NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL, mention INTEGER NOT NULL,
          entity_id TEXT NOT NULL, text TEXT NOT NULL, text_key TEXT NOT NULL, kind TEXT NOT NULL,
          PRIMARY KEY (article_id, start_pos, end_pos, entity_id))
        """,
        "CREATE INDEX IF NOT EXISTS entity_links_entity ON entity_links (entity_id)",
        "CREATE INDEX IF NOT EXISTS entity_links_text ON entity_links (text_key)",
        """
        CREATE TABLE IF NOT EXISTS article_entities (
          article_id TEXT NOT NULL, entity_id TEXT NOT NULL, name TEXT NOT NULL, name_key TEXT NOT NULL, type TEXT NOT NULL,
          kind TEXT, wikidata TEXT, mentions INTEGER NOT NULL,
          PRIMARY KEY (article_id, entity_id))
        """,
        "CREATE INDEX IF NOT EXISTS article_entities_entity ON article_entities (entity_id)",
        "CREATE INDEX IF NOT EXISTS article_entities_name ON article_entities (name_key)",
        """
        CREATE TABLE IF NOT EXISTS entity_roles (
          article_id TEXT NOT NULL, entity_id TEXT NOT NULL, role TEXT NOT NULL, title TEXT NOT NULL, of_id TEXT,
          PRIMARY KEY (article_id, entity_id, role, title))
        """,
        "CREATE INDEX IF NOT EXISTS entity_roles_entity ON entity_roles (entity_id)",
        """
        CREATE TABLE IF NOT EXISTS quotes (
          article_id TEXT NOT NULL, idx INTEGER NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL,
          text TEXT NOT NULL, kind TEXT NOT NULL, cue TEXT,
          speaker_text TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_kind TEXT, speaker_entity_id TEXT,
          speaker_name TEXT, speaker_mention TEXT, speaker_anonymous INTEGER, speaker_key TEXT NOT NULL,
          sources TEXT NOT NULL, source_key TEXT NOT NULL, flags INTEGER NOT NULL,
          PRIMARY KEY (article_id, idx))
        """,
        "CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes (speaker_entity_id)",
        """
        CREATE TABLE IF NOT EXISTS events (
          article_id TEXT NOT NULL, idx INTEGER NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL,
          trigger_text TEXT NOT NULL, type TEXT NOT NULL, mode TEXT, status TEXT NOT NULL, flags INTEGER NOT NULL,
          place_name TEXT, place_text TEXT, place_entity_id TEXT, place_key TEXT NOT NULL,
          time_value TEXT, time_text TEXT, attribution TEXT, evidence TEXT NOT NULL, quote_idx INTEGER NOT NULL,
          confidence DOUBLE PRECISION NOT NULL, cameo TEXT NOT NULL,
          PRIMARY KEY (article_id, idx))
        """,
        "CREATE INDEX IF NOT EXISTS events_status ON events (status, type)",
        "CREATE INDEX IF NOT EXISTS events_place ON events (place_entity_id)",
        """
        CREATE TABLE IF NOT EXISTS event_actors (
          article_id TEXT NOT NULL, event_idx INTEGER NOT NULL, idx INTEGER NOT NULL, role TEXT NOT NULL,
          name TEXT NOT NULL, text TEXT NOT NULL, entity_id TEXT, entity_name TEXT, description TEXT, actor_key TEXT NOT NULL,
          PRIMARY KEY (article_id, event_idx, idx))
        """,
        "CREATE INDEX IF NOT EXISTS event_actors_entity ON event_actors (entity_id)",
        // For browsing (SqlStore.Browse.cs): newest-first pages stop after one page instead of sorting the archive,
        // story sizes come from the index alone, events count by type. Indexes only: an older store opened read-only
        // stays readable (its queries are slower), and the next writable open adds them.
        "CREATE INDEX IF NOT EXISTS articles_newest ON articles ((coalesce(published_date, '')), seq)",
        "CREATE INDEX IF NOT EXISTS articles_story_stats ON articles (story_id, published, seq)",
        "CREATE INDEX IF NOT EXISTS events_type ON events (type)",
        "CREATE INDEX IF NOT EXISTS articles_id_date ON articles (id, published_date)",
        "CREATE INDEX IF NOT EXISTS article_entities_mentions ON article_entities (entity_id, mentions)",
        "CREATE INDEX IF NOT EXISTS entity_links_entity_text ON entity_links (entity_id, text)",
        "CREATE INDEX IF NOT EXISTS event_actors_entity_event ON event_actors (entity_id, article_id, event_idx)",
        "CREATE INDEX IF NOT EXISTS events_place_event ON events (place_entity_id, article_id, idx)",
    ];

    /// <summary>
    /// Refuses a store this build cannot use. A newer schema is never touched. An older store with articles has no
    /// quote, event or identity rows for them, and re-ingesting the same content is a no-op by design, so migrating
    /// it in place would leave those queries silently incomplete: writing to it is refused with what to do instead.
    /// An empty older store is migrated (tables and columns added).
    /// </summary>
    private void CheckSchema(int? found, DbTransaction? tx, bool migrating)
    {
        if (found is not { } v || v == SchemaVersion) return;
        if (v > SchemaVersion)
            throw new StoreException($"the store at '{Location}' has schema {v}, newer than this build of Depesche reads (schema {SchemaVersion}); use a newer depesche");
        if (!migrating) return;
        long articles = Convert.ToInt64(Scalar(tx, "SELECT count(*) FROM articles"), CultureInfo.InvariantCulture);
        if (articles > 0)
            throw new StoreException($"the store at '{Location}' has schema {v} with {articles} articles stored before quotes, events and entity " +
                $"identities were kept as rows (schema {SchemaVersion}); ingest the inputs into a new store (the old one stays readable for search, stories and export)");
    }

    private void RequireRows(string what)
    {
        if (Schema < SchemaVersion)
            throw new StoreException($"the store at '{Location}' has schema {Schema}, which keeps no {what}; ingest the inputs into a new store to query them");
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private void WriteRows(DbTransaction tx, string id, LayerRows rows)
    {
        foreach (var l in rows.Links)
            Exec(tx, "INSERT INTO entity_links (article_id, start_pos, end_pos, mention, entity_id, text, text_key, kind) VALUES (@a, @s, @e, @m, @id, @t, @tk, @k) ON CONFLICT DO NOTHING",
                ("a", id), ("s", l.Start), ("e", l.End), ("m", l.Mention), ("id", l.EntityId), ("t", l.Text), ("tk", l.TextKey), ("k", l.Kind));
        foreach (var e in rows.Entities)
        {
            Exec(tx, "INSERT INTO article_entities (article_id, entity_id, name, name_key, type, kind, wikidata, mentions) VALUES (@a, @id, @n, @nk, @t, @k, @w, @m) ON CONFLICT DO NOTHING",
                ("a", id), ("id", e.EntityId), ("n", e.Name), ("nk", e.NameKey), ("t", e.Type), ("k", e.Kind), ("w", e.Wikidata), ("m", e.Mentions));
            foreach (var r in e.Roles)
                Exec(tx, "INSERT INTO entity_roles (article_id, entity_id, role, title, of_id) VALUES (@a, @id, @r, @t, @o) ON CONFLICT DO NOTHING",
                    ("a", id), ("id", e.EntityId), ("r", r.Role), ("t", r.Title), ("o", r.Of));
        }
        foreach (var q in rows.Quotes)
        {
            var s = q.Speaker;
            Exec(tx, """
                INSERT INTO quotes (article_id, idx, start_pos, end_pos, text, kind, cue, speaker_text, speaker_start, speaker_end, speaker_kind,
                  speaker_entity_id, speaker_name, speaker_mention, speaker_anonymous, speaker_key, sources, source_key, flags)
                VALUES (@a, @i, @s, @e, @t, @k, @c, @st, @ss, @se, @sk, @sid, @sn, @sm, @sa, @skey, @src, @srckey, @f) ON CONFLICT DO NOTHING
                """,
                ("a", id), ("i", q.Index), ("s", q.Quote.Start), ("e", q.Quote.End), ("t", q.Text), ("k", q.Kind), ("c", q.Cue),
                ("st", s?.Text), ("ss", s?.Start), ("se", s?.End), ("sk", s?.Kind), ("sid", s?.EntityId), ("sn", s?.Name), ("sm", s?.Mention),
                ("sa", s is null ? null : s.Anonymous ? 1 : 0), ("skey", q.SpeakerKey), ("src", q.SourcesJson), ("srckey", q.SourceKey), ("f", (int)q.Quote.Flags));
        }
        foreach (var ev in rows.Events)
        {
            var e = ev.Event;
            Exec(tx, """
                INSERT INTO events (article_id, idx, start_pos, end_pos, trigger_text, type, mode, status, flags, place_name, place_text,
                  place_entity_id, place_key, time_value, time_text, attribution, evidence, quote_idx, confidence, cameo)
                VALUES (@a, @i, @s, @e, @tr, @ty, @mo, @st, @f, @pn, @pt, @pid, @pk, @tv, @tt, @at, @ev, @q, @c, @cameo) ON CONFLICT DO NOTHING
                """,
                ("a", id), ("i", ev.Index), ("s", e.Start), ("e", e.End), ("tr", ev.Trigger), ("ty", EventNames.Of(e.Type)),
                ("mo", e.Mode == EventMode.None ? null : EventNames.Of(e.Mode)), ("st", EventNames.Of(e.Status)), ("f", (int)e.Flags),
                ("pn", ev.Place?.Name), ("pt", ev.Place?.Text), ("pid", ev.Place?.EntityId),
                ("pk", ev.PlaceKey), ("tv", ev.Time?.Value), ("tt", ev.Time?.Text),
                ("at", e.Attribution?.Name), ("ev", ev.Evidence), ("q", e.QuoteIndex), ("c", Math.Round(e.Confidence, 3)), ("cameo", e.Cameo));
            foreach (var a in ev.Actors)
                Exec(tx, """
                    INSERT INTO event_actors (article_id, event_idx, idx, role, name, text, entity_id, entity_name, description, actor_key)
                    VALUES (@a, @e, @i, @r, @n, @t, @id, @en, @d, @k) ON CONFLICT DO NOTHING
                    """,
                    ("a", id), ("e", ev.Index), ("i", a.Index), ("r", a.Actor.Role), ("n", a.Actor.Name), ("t", a.Actor.Text),
                    ("id", a.Actor.EntityId), ("en", a.Actor.EntityName), ("d", a.Actor.Description), ("k", a.Key));
        }
    }

    // ---- quotes --------------------------------------------------------------------------------------------

    private const string QuoteColumns =
        "q.article_id, a.published, a.agency, a.headline, q.idx, q.start_pos, q.end_pos, q.text, q.kind, q.cue, " +
        "q.speaker_text, q.speaker_start, q.speaker_end, q.speaker_kind, q.speaker_entity_id, q.speaker_name, q.speaker_mention, " +
        "q.speaker_anonymous, q.sources, q.flags";

    // Why: NULL sorts first in SQLite and last in PostgreSQL; coalesce makes both backends list in the same order.
    private const string NewestFirst = "coalesce(a.published_date, '') DESC, a.seq DESC";

    public QuoteResults Quotes(QuoteQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guard("read from", () =>
        {
            RequireRows("quote rows");
            var where = new List<string>();
            var args = new List<(string, object?)>();
            if (Has(query.Speaker))
            {
                where.Add("(q.speaker_entity_id = @sp OR q.speaker_key LIKE @spl)");
                args.Add(("sp", query.Speaker!.Trim()));
                args.Add(("spl", Like(query.Speaker!)));
            }
            if (Has(query.Source)) { where.Add("q.source_key LIKE @src"); args.Add(("src", Like(query.Source!))); }
            if (query.Flags != QuoteFlags.None) { where.Add("(q.flags & @f) = @f"); args.Add(("f", (int)query.Flags)); }
            if (query.Kind is { } k) { where.Add("q.kind = @k"); args.Add(("k", Core.Json.AnalysisJson.QuoteKindName(k))); }
            AddArticleFilters(where, args, "q", query.ArticleId, query.From, query.To);
            return QueryQuotes(where, args, query.Limit, query.Offset);
        });
    }

    private QuoteResults QueryQuotes(List<string> where, List<(string, object?)> args, int limit, int offset)
    {
        var cond = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        long total = Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id {cond}", [.. args]), CultureInfo.InvariantCulture);
        var list = new List<StoredQuote>();
        if (total > 0 && limit > 0)
        {
            using var r = Reader(null, $"SELECT {QuoteColumns} FROM quotes q JOIN articles a ON a.id = q.article_id {cond} ORDER BY {NewestFirst}, q.idx LIMIT @n OFFSET @o",
                [.. args, ("n", limit), ("o", Math.Max(0, offset))]);
            while (r.Read()) list.Add(ReadQuote(r));
        }
        return new QuoteResults(total, list);
    }

    private static StoredQuote ReadQuote(DbDataReader r)
    {
        StoredSpeaker? speaker = r.IsDBNull(13) ? null : new StoredSpeaker(r.GetString(10), I32(r, 11), I32(r, 12), r.GetString(13), Str(r, 14),
            r.GetString(15), Str(r, 16), I32(r, 17) != 0);
        return new StoredQuote(new ArticleRef(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3)), I32(r, 4), I32(r, 5), I32(r, 6), r.GetString(7),
            r.GetString(8), Str(r, 9), speaker, JsonSerializer.Deserialize<StoredSourceLink[]>(r.GetString(18), StoreJson.Options) ?? [],
            QuoteFlagNames.Of((QuoteFlags)I32(r, 19)));
    }

    // ---- events --------------------------------------------------------------------------------------------

    private const string EventColumns =
        "e.article_id, a.published, a.agency, a.headline, e.idx, e.start_pos, e.end_pos, e.trigger_text, e.type, e.mode, e.status, e.flags, " +
        "e.place_name, e.place_text, e.place_entity_id, e.time_value, e.time_text, e.attribution, e.evidence, e.quote_idx, e.confidence, e.cameo";

    public EventResults Events(EventQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Guard("read from", () =>
        {
            RequireRows("event rows");
            var where = new List<string>();
            var args = new List<(string, object?)>();
            if (Has(query.Actor))
            {
                where.Add("EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.event_idx = e.idx AND (x.entity_id = @ac OR x.actor_key LIKE @acl))");
                args.Add(("ac", query.Actor!.Trim()));
                args.Add(("acl", Like(query.Actor!)));
            }
            if (Has(query.Place))
            {
                where.Add("(e.place_entity_id = @pl OR e.place_key LIKE @pll)");
                args.Add(("pl", query.Place!.Trim()));
                args.Add(("pll", Like(query.Place!)));
            }
            if (query.Type is { } t) { where.Add("e.type = @ty"); args.Add(("ty", EventNames.Of(t))); }
            if (query.Status is { } st) { where.Add("e.status = @st"); args.Add(("st", EventNames.Of(st))); }
            AddArticleFilters(where, args, "e", query.ArticleId, query.From, query.To);
            return QueryEvents(where, args, query.Limit, query.Offset);
        });
    }

    private EventResults QueryEvents(List<string> where, List<(string, object?)> args, int limit, int offset)
    {
        var cond = where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where);
        long total = Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id {cond}", [.. args]), CultureInfo.InvariantCulture);
        var rows = new List<(StoredEvent Event, string ArticleId, int Index)>();
        if (total > 0 && limit > 0)
        {
            using var r = Reader(null, $"SELECT {EventColumns} FROM events e JOIN articles a ON a.id = e.article_id {cond} ORDER BY {NewestFirst}, e.idx LIMIT @n OFFSET @o",
                [.. args, ("n", limit), ("o", Math.Max(0, offset))]);
            while (r.Read())
            {
                var flags = (EventFlags)I32(r, 11);
                var ev = new StoredEvent(new ArticleRef(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3)), I32(r, 4), I32(r, 5), I32(r, 6), r.GetString(7),
                    r.GetString(8), Str(r, 9), r.GetString(10), (flags & EventFlags.Reported) != 0, (flags & EventFlags.Unconfirmed) != 0, [],
                    Str(r, 12) is { } pn ? new StoredEventPlace(pn, Str(r, 13) ?? "", Str(r, 14)) : null,
                    Str(r, 15) is { } tv ? new StoredEventTime(tv, Str(r, 16) ?? "") : null,
                    Str(r, 17), r.GetString(18), I32(r, 19), r.GetDouble(20), r.GetString(21));
                rows.Add((ev, ev.Article.Id, ev.Index));
            }
        }
        var list = new List<StoredEvent>(rows.Count);
        foreach (var (ev, articleId, index) in rows)
        {
            var actors = new List<StoredEventActor>();
            using (var r = Reader(null, "SELECT role, name, text, entity_id, entity_name, description FROM event_actors WHERE article_id = @a AND event_idx = @i ORDER BY idx",
                ("a", articleId), ("i", index)))
                while (r.Read()) actors.Add(new StoredEventActor(r.GetString(0), r.GetString(1), r.GetString(2), Str(r, 3), Str(r, 4), Str(r, 5)));
            list.Add(ev with { Actors = actors });
        }
        return new EventResults(total, list);
    }

    private static void AddArticleFilters(List<string> where, List<(string, object?)> args, string alias, string? articleId, DateOnly? from, DateOnly? to)
    {
        if (Has(articleId)) { where.Add($"{alias}.article_id = @aid"); args.Add(("aid", articleId!.Trim())); }
        if (from is { } f) { where.Add("a.published_date >= @from"); args.Add(("from", Day(f))); }
        if (to is { } t) { where.Add("a.published_date <= @to"); args.Add(("to", Day(t))); }
    }

    // ---- entity profiles -----------------------------------------------------------------------------------

    public EntityProfile? Entity(string nameOrId, EntityProfileOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(nameOrId);
        options ??= new EntityProfileOptions();
        return Guard("read from", () =>
        {
            RequireRows("entity identities");
            var candidates = Candidates(nameOrId.Trim());
            if (candidates.Count == 0) return null;
            var top = candidates[0];
            var id = top.EntityId;

            string? kind = null, wikidata = null, first = null, last = null;
            long articles = 0, mentions = 0;
            using (var r = Reader(null, """
                SELECT count(*), coalesce(sum(ae.mentions), 0), max(ae.kind), max(ae.wikidata), min(a.published), max(a.published)
                FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = @id
                """, ("id", id)))
                if (r.Read()) { articles = r.GetInt64(0); mentions = I64(r, 1) ?? 0; kind = Str(r, 2); wikidata = Str(r, 3); first = Str(r, 4); last = Str(r, 5); }

            var aliases = new List<EntityAlias>();
            using (var r = Reader(null, $"SELECT text, count(*) FROM entity_links WHERE entity_id = @id GROUP BY text ORDER BY count(*) DESC, text{Ordinal} LIMIT 30", ("id", id)))
                while (r.Read()) aliases.Add(new EntityAlias(r.GetString(0), r.GetInt64(1)));

            var roles = new List<EntityRoleCount>();
            using (var r = Reader(null, $"""
                SELECT role, title, of_id, count(DISTINCT article_id) AS n FROM entity_roles WHERE entity_id = @id
                GROUP BY role, title, of_id ORDER BY n DESC, role{Ordinal}, title{Ordinal} LIMIT 30
                """, ("id", id)))
                while (r.Read()) roles.Add(new EntityRoleCount(r.GetString(0), r.GetString(1), Str(r, 2), r.GetInt64(3)));

            var timeline = new List<EntityMentionEntry>();
            using (var r = Reader(null, $"""
                SELECT ae.article_id, a.published, a.agency, a.headline, ae.mentions
                FROM article_entities ae JOIN articles a ON a.id = ae.article_id WHERE ae.entity_id = @id ORDER BY {NewestFirst} LIMIT @n
                """, ("id", id), ("n", options.Limit)))
                while (r.Read()) timeline.Add(new EntityMentionEntry(r.GetString(0), Str(r, 1), Str(r, 2), Str(r, 3), I32(r, 4)));
            timeline.Reverse();

            var quotes = QueryQuotes(["q.speaker_entity_id = @id"], [("id", id)], options.Limit, 0);
            var events = QueryEvents(
                ["(e.place_entity_id = @id OR EXISTS (SELECT 1 FROM event_actors x WHERE x.article_id = e.article_id AND x.event_idx = e.idx AND x.entity_id = @id))"],
                [("id", id)], options.Limit, 0);

            var co = new List<CoOccurrence>();
            using (var r = Reader(null, $"""
                SELECT o.entity_id, max(o.name), max(o.type), count(*) AS n
                FROM article_entities me JOIN article_entities o ON o.article_id = me.article_id AND o.entity_id <> me.entity_id
                WHERE me.entity_id = @id AND coalesce(o.kind, '') <> 'agency' GROUP BY o.entity_id ORDER BY n DESC, o.entity_id{Ordinal} LIMIT @n
                """, ("id", id), ("n", options.CoOccurring)))
                while (r.Read()) co.Add(new CoOccurrence(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));

            return new EntityProfile(id, top.Name, top.Type, kind, wikidata, articles, mentions, first, last, aliases, roles, timeline,
                quotes.Total, quotes.Quotes, events.Total, events.Events, co, candidates.Skip(1).ToList());
        });
    }

    /// <summary>
    /// Entities a name or id may mean, most mentioned first: an exact id or canonical name, else a way the entity
    /// was written (an alias: <c>Selenskyj</c>, <c>Kremlchef</c>), else words in the canonical name.
    /// </summary>
    private List<EntityCandidate> Candidates(string nameOrId)
    {
        var key = nameOrId.ToLowerInvariant();
        const string select = "SELECT entity_id, max(name), max(type), count(*) AS n FROM article_entities WHERE";
        var order = $"GROUP BY entity_id ORDER BY n DESC, entity_id{Ordinal} LIMIT 10";
        (string Sql, (string, object?)[] Args)[] tries =
        [
            ($"{select} entity_id = @x OR name_key = @k {order}", [("x", nameOrId), ("k", key)]),
            ($"{select} entity_id IN (SELECT entity_id FROM entity_links WHERE text_key = @k) {order}", [("k", key)]),
            ($"{select} name_key LIKE @l {order}", [("l", Like(nameOrId))]),
        ];
        foreach (var (sql, args) in tries)
        {
            var list = new List<EntityCandidate>();
            using (var r = Reader(null, sql, args))
                while (r.Read()) list.Add(new EntityCandidate(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3)));
            if (list.Count > 0) return list;
        }
        return [];
    }

    /// <summary>Appended to a text sort key so ties break in code-point order on every backend (PostgreSQL: <c>COLLATE "C"</c>).</summary>
    protected virtual string Ordinal => "";

    private static bool Has(string? s) => !string.IsNullOrWhiteSpace(s);

    /// <summary>A LIKE pattern for a lower-cased substring; the wildcard characters of the input are dropped, not interpreted.</summary>
    private static string Like(string s) =>
        "%" + s.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%";
}
