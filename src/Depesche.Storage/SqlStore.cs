using System.Collections.Immutable;
using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Depesche.Core;

namespace Depesche.Storage;

/// <summary>
/// The relational half shared by both backends: schema, idempotent writes, version and near-duplicate linking,
/// reads, counts, checkpoints and the work queue. The SQL is the common subset of SQLite and PostgreSQL
/// (<c>ON CONFLICT DO NOTHING</c>, <c>RETURNING</c>, named <c>@</c> parameters); subclasses add full-text search.
/// Not thread-safe: one instance per thread.
/// </summary>
internal abstract partial class SqlStore : IArticleStore, IWorkQueue
{
    private readonly Dictionary<string, CachedCommand> _commands = new(StringComparer.Ordinal);
    private readonly TimeProvider _clock;
    /// <summary>Story features by article id, parsed once: an id is a content hash, so its terms and entities never change.</summary>
    private readonly Dictionary<string, (IReadOnlyList<TermCount> Terms, IReadOnlyList<string> Entities)> _storyFeatures = new(StringComparer.Ordinal);

    protected SqlStore(DbConnection connection, string location, TimeProvider? clock)
    {
        Connection = connection;
        Location = location;
        _clock = clock ?? TimeProvider.System;
    }

    protected DbConnection Connection { get; }

    /// <summary>Test hook: runs inside the write transaction after each article (the kill -9 test slows writes with it).</summary>
    internal Action? AfterArticleWritten { get; set; }
    public string Location { get; }

    /// <summary>The primary key column type of a table with an increasing sequence.</summary>
    protected abstract string SerialPrimaryKey { get; }
    protected abstract string BlobType { get; }
    /// <summary>Appended to the queue's claim query (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>).</summary>
    protected virtual string ClaimSuffix => "";

    protected IEnumerable<string> CommonSchema() =>
    [
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        $"""
        CREATE TABLE IF NOT EXISTS articles (
          seq {SerialPrimaryKey},
          id TEXT NOT NULL UNIQUE,
          content_hash TEXT NOT NULL,
          published TEXT, published_date TEXT,
          agency TEXT, outlet TEXT, url TEXT, headline TEXT,
          text TEXT NOT NULL,
          datelines TEXT NOT NULL, editor_codes TEXT NOT NULL, version_markers TEXT NOT NULL,
          origin_file TEXT, origin_line BIGINT, origin_byte BIGINT,
          ingested_at TEXT NOT NULL,
          story_id TEXT NOT NULL,
          agency_key TEXT, dateline_key TEXT,
          entity_names TEXT NOT NULL,
          story_terms TEXT NOT NULL, entity_keys TEXT NOT NULL,
          signature {BlobType} NOT NULL,
          analysis_json TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS articles_version_key ON articles (agency_key, dateline_key, published_date)",
        "CREATE INDEX IF NOT EXISTS articles_published ON articles (published_date)",
        "CREATE INDEX IF NOT EXISTS articles_story ON articles (story_id)",
        """
        CREATE TABLE IF NOT EXISTS entities (
          article_id TEXT NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL,
          text TEXT NOT NULL, type TEXT NOT NULL, flags INTEGER NOT NULL, level INTEGER NOT NULL, confidence DOUBLE PRECISION NOT NULL,
          entity_id TEXT, entity_name TEXT,
          PRIMARY KEY (article_id, start_pos, end_pos, level))
        """,
        "CREATE INDEX IF NOT EXISTS entities_text ON entities (lower(text))",
        """
        CREATE TABLE IF NOT EXISTS times (
          article_id TEXT NOT NULL, start_pos INTEGER NOT NULL, end_pos INTEGER NOT NULL,
          text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT,
          PRIMARY KEY (article_id, start_pos, end_pos))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS rejections (
          seq {SerialPrimaryKey}, key TEXT NOT NULL UNIQUE, code TEXT NOT NULL, message TEXT NOT NULL,
          file TEXT, line BIGINT, byte BIGINT, ingested_at TEXT NOT NULL)
        """,
        """
        CREATE TABLE IF NOT EXISTS links (
          from_id TEXT NOT NULL, to_id TEXT NOT NULL, kind TEXT NOT NULL, score DOUBLE PRECISION NOT NULL, reason TEXT NOT NULL,
          PRIMARY KEY (from_id, to_id, kind))
        """,
        "CREATE INDEX IF NOT EXISTS links_to ON links (to_id)",
        "CREATE TABLE IF NOT EXISTS lsh (band INTEGER NOT NULL, hash BIGINT NOT NULL, article_id TEXT NOT NULL, PRIMARY KEY (band, hash, article_id))",
        "CREATE TABLE IF NOT EXISTS ingest_log (source TEXT PRIMARY KEY, fingerprint TEXT, position BIGINT NOT NULL, done INTEGER NOT NULL, updated_at TEXT NOT NULL)",
        $"""
        CREATE TABLE IF NOT EXISTS work_queue (
          id {SerialPrimaryKey}, payload TEXT NOT NULL UNIQUE, status INTEGER NOT NULL, attempts INTEGER NOT NULL,
          worker TEXT, message TEXT, updated_at TEXT NOT NULL)
        """,
        "CREATE INDEX IF NOT EXISTS work_queue_status ON work_queue (status, id)",
        .. ArchiveSchema(),
    ];

    /// <summary>
    /// Creates the tables in one transaction, unless <paramref name="present"/> (asked inside it, after any lock the
    /// first statements take) says a complete schema is there already.
    /// </summary>
    protected void CreateSchema(IEnumerable<string> statements, int lockStatements = 0, Func<DbTransaction, bool>? present = null)
    {
        using var tx = Connection.BeginTransaction();
        var list = statements.ToList();
        for (int i = 0; i < lockStatements; i++) Exec(tx, list[i]);
        if (present?.Invoke(tx) == true)
        {
            tx.Commit();
            Schema = SchemaVersion;
            return;
        }
        Exec(tx, list[lockStatements]);
        var found = Scalar(tx, "SELECT value FROM meta WHERE key = 'schema'") as string;
        CheckSchema(found is null ? null : int.Parse(found, CultureInfo.InvariantCulture), tx, migrating: true);
        // Why: before the DDL, whose indexes may name the added columns; a table not there yet is created with them.
        foreach (var (table, column, type) in AddedColumns)
            if (Columns(tx, table) is { Count: > 0 } columns && !columns.Contains(column)) Exec(tx, $"ALTER TABLE {table} ADD COLUMN {column} {type}");
        foreach (var sql in list.Skip(lockStatements + 1)) Exec(tx, sql);
        Exec(tx, "INSERT INTO meta (key, value) VALUES ('schema', @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("v", SchemaVersion.ToString(CultureInfo.InvariantCulture)));
        tx.Commit();
        Schema = SchemaVersion;
    }

    /// <summary>Reads the schema version of a store opened read-only, and refuses one this build cannot read.</summary>
    protected void ReadSchema()
    {
        var found = Scalar(null, "SELECT value FROM meta WHERE key = 'schema'") as string;
        Schema = found is null ? SchemaVersion : int.Parse(found, CultureInfo.InvariantCulture);
        CheckSchema(Schema, null, migrating: false);
    }

    /// <summary>The column names of <paramref name="table"/>, lower-case; empty when there is no such table.</summary>
    protected abstract HashSet<string> Columns(DbTransaction tx, string table);

    // ---- writing -------------------------------------------------------------------------------------------

    public BatchResult Write(IngestBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var records = Records(batch);
        return Guard("write to", () =>
        {
            using var tx = Connection.BeginTransaction();
            var (result, added) = WriteIn(tx, records, batch);
            tx.Commit();
            AfterCommit(added);
            return result;
        });
    }

    private static List<ArticleRecord> Records(IngestBatch batch)
    {
        var records = new List<ArticleRecord>(batch.Analyses.Count + batch.Prepared.Count);
        foreach (var a in batch.Analyses) records.Add(ArticleRecord.From(a));
        foreach (var p in batch.Prepared) records.Add(p.Record);
        return records;
    }

    /// <summary>Writes the batch inside <paramref name="tx"/>. Returns the result and the records actually added.</summary>
    private (BatchResult, List<(long Seq, ArticleRecord Record)>) WriteIn(DbTransaction tx, List<ArticleRecord> records, IngestBatch batch)
    {
        var now = _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
        var results = new List<PutResult>(records.Count);
        var added = new List<(long, ArticleRecord)>();
        foreach (var r in records)
        {
            if (Scalar(tx, "SELECT 1 FROM articles WHERE id = @id", ("id", r.Id)) is not null)
            {
                results.Add(new PutResult(r.Id, PutOutcome.Unchanged, StoryOf(tx, r.Id), null));
                continue;
            }
            var link = Linker.Decide(r, VersionCandidates(tx, r), BandCandidates(tx, r)) ?? StoryFeatures.Decide(r, StoryCandidates(tx, r));
            var story = link is null ? r.Id : StoryOf(tx, link.ToId);
            var seqObj = Scalar(tx, """
                INSERT INTO articles (id, content_hash, published, published_date, agency, outlet, url, headline, text,
                  datelines, editor_codes, version_markers, origin_file, origin_line, origin_byte, ingested_at, story_id,
                  agency_key, dateline_key, entity_names, story_terms, entity_keys, signature, analysis_json)
                VALUES (@id, @hash, @published, @pdate, @agency, @outlet, @url, @headline, @text, @datelines, @editors,
                  @markers, @ofile, @oline, @obyte, @now, @story, @akey, @dkey, @enames, @sterms, @ekeys, @sig, @json)
                ON CONFLICT (id) DO NOTHING RETURNING seq
                """,
                ("id", r.Id), ("hash", r.ContentHash), ("published", r.Published), ("pdate", r.PublishedDate), ("agency", r.Agency),
                ("outlet", r.Outlet), ("url", r.Url), ("headline", r.Headline), ("text", r.Text), ("datelines", r.DatelinesJson),
                ("editors", r.EditorCodesJson), ("markers", r.VersionMarkersJson), ("ofile", r.OriginFile), ("oline", r.OriginLine),
                ("obyte", r.OriginByte), ("now", now), ("story", story), ("akey", r.AgencyKey), ("dkey", r.DatelineKey),
                ("enames", r.EntityNames), ("sterms", r.StoryTermsText), ("ekeys", r.EntityKeysText), ("sig", r.SignatureBytes), ("json", r.AnalysisJson));
            if (seqObj is null)
            {
                // Why: another writer (a concurrent PostgreSQL worker) stored the same content between our check and insert.
                results.Add(new PutResult(r.Id, PutOutcome.Unchanged, StoryOf(tx, r.Id), null));
                continue;
            }
            foreach (var e in r.Entities)
                Exec(tx, "INSERT INTO entities (article_id, start_pos, end_pos, text, type, flags, level, confidence, entity_id, entity_name) VALUES (@a, @s, @e, @t, @ty, @f, @l, @c, @id, @n) ON CONFLICT DO NOTHING",
                    ("a", r.Id), ("s", e.Start), ("e", e.End), ("t", e.Text), ("ty", e.Type), ("f", (int)e.Flags), ("l", e.Level), ("c", e.Confidence), ("id", e.EntityId), ("n", e.Name));
            foreach (var t in r.Times)
                Exec(tx, "INSERT INTO times (article_id, start_pos, end_pos, text, type, value, mod) VALUES (@a, @s, @e, @t, @ty, @v, @m) ON CONFLICT DO NOTHING",
                    ("a", r.Id), ("s", t.Start), ("e", t.End), ("t", t.Text), ("ty", t.Type), ("v", t.Value), ("m", t.Mod));
            WriteRows(tx, r.Id, r.Rows);
            if (r.BandHashes.Length == MinHashSignature.Bands)
            {
                // Why one statement for all bands: sixteen single-row inserts per article cost more in statement
                // overhead (reset, bind, step through the driver) than the rows themselves.
                var args = new (string, object?)[MinHashSignature.Bands + 1];
                args[0] = ("a", r.Id);
                for (int b = 0; b < MinHashSignature.Bands; b++) args[b + 1] = (LshHashNames[b], r.BandHashes[b]);
                Exec(tx, LshInsert, args);
            }
            if (link is not null)
                Exec(tx, "INSERT INTO links (from_id, to_id, kind, score, reason) VALUES (@f, @t, @k, @s, @r) ON CONFLICT DO NOTHING",
                    ("f", link.FromId), ("t", link.ToId), ("k", LinkKinds.Name(link.Kind)), ("s", link.Score), ("r", link.Reason));
            RememberStoryFeatures(r.Id, r.StoryTerms, r.EntityKeys);
            AfterArticleWritten?.Invoke();
            added.Add((Convert.ToInt64(seqObj, CultureInfo.InvariantCulture), r));
            results.Add(new PutResult(r.Id, PutOutcome.Added, story, link));
        }
        int rejectionsAdded = 0;
        foreach (var rej in batch.Rejections)
        {
            var key = $"{rej.CodeName}|{rej.Location.File}|{rej.Location.Line}|{rej.Location.Byte}|{rej.Message}";
            rejectionsAdded += Exec(tx, "INSERT INTO rejections (key, code, message, file, line, byte, ingested_at) VALUES (@k, @c, @m, @f, @l, @b, @now) ON CONFLICT (key) DO NOTHING",
                ("k", key), ("c", rej.CodeName), ("m", rej.Message), ("f", rej.Location.File), ("l", rej.Location.Line), ("b", rej.Location.Byte), ("now", now));
        }
        foreach (var cp in batch.Checkpoints)
            Exec(tx, """
                INSERT INTO ingest_log (source, fingerprint, position, done, updated_at) VALUES (@s, @f, @p, @d, @now)
                ON CONFLICT (source) DO UPDATE SET fingerprint = excluded.fingerprint, position = excluded.position, done = excluded.done, updated_at = excluded.updated_at
                """, ("s", cp.Source), ("f", cp.Fingerprint), ("p", cp.Position), ("d", cp.Done ? 1 : 0), ("now", now));
        OnAdded(tx, added);
        return (new BatchResult(results, rejectionsAdded), added);
    }

    /// <summary>Called inside the write transaction with the records added (PostgreSQL fills its text-search column here).</summary>
    protected virtual void OnAdded(DbTransaction tx, List<(long Seq, ArticleRecord Record)> added) { }

    /// <summary>Called after the write transaction committed (the embedded store indexes the records in Lucene here).</summary>
    protected virtual void AfterCommit(List<(long Seq, ArticleRecord Record)> added) { }

    private string StoryOf(DbTransaction tx, string id) =>
        Scalar(tx, "SELECT story_id FROM articles WHERE id = @id", ("id", id)) as string ?? id;

    private List<LinkCandidate> VersionCandidates(DbTransaction tx, ArticleRecord r)
    {
        if (r.AgencyKey is null || r.DatelineKey is null) return [];
        string sql;
        (string, object?)[] args;
        if (r.PublishedDate is { } d)
        {
            var day = DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            sql = "agency_key = @a AND dateline_key = @d AND published_date BETWEEN @from AND @to";
            args = [("a", r.AgencyKey), ("d", r.DatelineKey), ("from", Day(Shift(day, -Linker.VersionWindowDays))), ("to", Day(Shift(day, Linker.VersionWindowDays)))];
        }
        else
        {
            sql = "agency_key = @a AND dateline_key = @d AND published_date IS NULL";
            args = [("a", r.AgencyKey), ("d", r.DatelineKey)];
        }
        return Candidates(tx, $"SELECT seq, id, story_id, agency_key, dateline_key, signature FROM articles WHERE {sql} ORDER BY seq DESC LIMIT 50", args);
    }

    private List<StoryCandidate> StoryCandidates(DbTransaction tx, ArticleRecord r)
    {
        if (r.PublishedDate is not { } d) return [];
        var day = DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var rows = new List<(long Seq, string Id, string Story, string? Date)>();
        using (var reader = Reader(tx, """
            SELECT seq, id, story_id, published_date FROM articles
            WHERE published_date BETWEEN @from AND @to ORDER BY seq DESC LIMIT 300
            """, ("from", Day(Shift(day, -StoryFeatures.WindowDays))), ("to", Day(Shift(day, StoryFeatures.WindowDays)))))
            while (reader.Read()) rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), Str(reader, 3)));
        // Why two queries: parsing every candidate's terms for every new article cost more than the scoring; the
        // features of articles written through this instance are remembered, the rest are read once.
        var list = new List<StoryCandidate>(rows.Count);
        var missing = new List<(long Seq, string Id, string Story, string? Date)>();
        foreach (var row in rows)
        {
            if (_storyFeatures.TryGetValue(row.Id, out var f)) list.Add(new StoryCandidate(row.Id, row.Seq, row.Story, row.Date, f.Terms, f.Entities));
            else missing.Add(row);
        }
        if (missing.Count > 0)
        {
            var bySeq = missing.ToDictionary(m => m.Seq);
            // Chunks of a fixed size (the last padded with a repeat) keep the prepared statements to one.
            const int chunk = 50;
            var sql = $"SELECT seq, story_terms, entity_keys FROM articles WHERE seq IN ({string.Join(", ", Enumerable.Range(0, chunk).Select(i => $"@s{i}"))})";
            for (int at = 0; at < missing.Count; at += chunk)
            {
                var args = Enumerable.Range(0, chunk).Select(i => ($"s{i}", (object?)missing[Math.Min(at + i, missing.Count - 1)].Seq)).ToArray();
                using var reader = Reader(tx, sql, args);
                while (reader.Read())
                {
                    var row = bySeq[reader.GetInt64(0)];
                    var (terms, entities) = (StoryFeatures.ParseTerms(reader.GetString(1)), StoryFeatures.ParseEntities(reader.GetString(2)));
                    RememberStoryFeatures(row.Id, terms, entities);
                    list.Add(new StoryCandidate(row.Id, row.Seq, row.Story, row.Date, terms, entities));
                }
            }
        }
        return list;
    }

    private void RememberStoryFeatures(string id, IReadOnlyList<TermCount> terms, IReadOnlyList<string> entities)
    {
        // Bounded: a long ingest moves its window forward, so old entries are dead weight. Why 5,000 and not more: the
        // entries outlive gen 0 and, dropped, fragment gen 2; 20,000 cost about 25 MB of peak RSS and no measurable speed.
        if (_storyFeatures.Count >= 5_000) _storyFeatures.Clear();
        _storyFeatures[id] = (terms, entities);
    }

    private List<LinkCandidate> BandCandidates(DbTransaction tx, ArticleRecord r)
    {
        if (r.BandHashes.Length != MinHashSignature.Bands) return [];
        var args = new (string, object?)[MinHashSignature.Bands];
        for (int b = 0; b < args.Length; b++) args[b] = (LshHashNames[b], r.BandHashes[b]);
        return Candidates(tx, BandCandidatesQuery, args);
    }

    private static readonly string[] LshHashNames = [.. Enumerable.Range(0, MinHashSignature.Bands).Select(b => $"h{b}")];

    private static readonly string LshInsert =
        "INSERT INTO lsh (band, hash, article_id) VALUES " +
        string.Join(", ", Enumerable.Range(0, MinHashSignature.Bands).Select(b => $"({b}, @h{b}, @a)")) + " ON CONFLICT DO NOTHING";

    private static readonly string BandCandidatesQuery = $"""
        SELECT seq, id, story_id, agency_key, dateline_key, signature FROM articles
        WHERE id IN (SELECT article_id FROM lsh WHERE {string.Join(" OR ", Enumerable.Range(0, MinHashSignature.Bands).Select(b => $"(band = {b} AND hash = @h{b})"))}) ORDER BY seq LIMIT 50
        """;

    private List<LinkCandidate> Candidates(DbTransaction tx, string sql, (string, object?)[] args)
    {
        var list = new List<LinkCandidate>();
        using var reader = Reader(tx, sql, args);
        while (reader.Read())
            list.Add(new LinkCandidate(reader.GetString(1), reader.GetInt64(0), reader.GetString(2), Str(reader, 3), Str(reader, 4),
                MinHashSignature.FromBytes((byte[])reader.GetValue(5))));
        return list;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private const string ArticleColumns =
        "id, content_hash, published, published_date, agency, outlet, url, headline, text, datelines, editor_codes, version_markers, " +
        "origin_file, origin_line, origin_byte, ingested_at, story_id, analysis_json";

    public StoredArticle? Get(string id) => Guard("read from", () =>
    {
        StoredArticle? a;
        using (var reader = Reader(null, $"SELECT {ArticleColumns} FROM articles WHERE id = @id", ("id", id)))
        {
            if (!reader.Read()) return null;
            a = ReadArticle(reader);
        }
        var entities = ImmutableArray.CreateBuilder<StoredEntity>();
        // Why: a store of schema 1, opened read-only, has no identity columns.
        var identity = Schema >= 2 ? "entity_id, entity_name" : "NULL, NULL";
        using (var reader = Reader(null, $"SELECT start_pos, end_pos, text, type, flags, level, confidence, {identity} FROM entities WHERE article_id = @id ORDER BY start_pos, end_pos DESC, level", ("id", id)))
            while (reader.Read())
                entities.Add(new StoredEntity(I32(reader, 0), I32(reader, 1), reader.GetString(2), reader.GetString(3), (EntityFlags)I32(reader, 4), I32(reader, 5), reader.GetDouble(6), Str(reader, 7), Str(reader, 8)));
        var times = ImmutableArray.CreateBuilder<StoredTime>();
        using (var reader = Reader(null, "SELECT start_pos, end_pos, text, type, value, mod FROM times WHERE article_id = @id ORDER BY start_pos, end_pos DESC", ("id", id)))
            while (reader.Read())
                times.Add(new StoredTime(I32(reader, 0), I32(reader, 1), reader.GetString(2), reader.GetString(3), reader.GetString(4), Str(reader, 5)));
        var links = ImmutableArray.CreateBuilder<ArticleLink>();
        using (var reader = Reader(null, "SELECT from_id, to_id, kind, score, reason FROM links WHERE from_id = @id OR to_id = @id ORDER BY from_id, to_id", ("id", id)))
            while (reader.Read())
                links.Add(new ArticleLink(reader.GetString(0), reader.GetString(1), LinkKinds.Parse(reader.GetString(2)), reader.GetDouble(3), reader.GetString(4)));
        return a with { Entities = entities.ToImmutable(), Times = times.ToImmutable(), Links = links.ToImmutable() };
    });

    private static StoredArticle ReadArticle(DbDataReader r)
    {
        var pdate = Str(r, 3);
        return new StoredArticle
        {
            Id = r.GetString(0),
            ContentHash = r.GetString(1),
            Published = Str(r, 2),
            PublishedDate = pdate is null ? null : DateOnly.ParseExact(pdate, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            Agency = Str(r, 4),
            Outlet = Str(r, 5),
            Url = Str(r, 6),
            Headline = Str(r, 7),
            Text = r.GetString(8),
            Datelines = [.. JsonSerializer.Deserialize<string[]>(r.GetString(9)) ?? []],
            EditorCodes = [.. JsonSerializer.Deserialize<string[]>(r.GetString(10)) ?? []],
            VersionMarkers = [.. JsonSerializer.Deserialize<StoredVersionMarker[]>(r.GetString(11), StoreJson.Options) ?? []],
            Origin = Str(r, 12) is { } file ? new SourceLocation(file, I64(r, 13), I64(r, 14)) : SourceLocation.None,
            IngestedAt = DateTimeOffset.Parse(r.GetString(15), CultureInfo.InvariantCulture),
            StoryId = r.GetString(16),
            AnalysisJson = r.GetString(17),
        };
    }

    public abstract SearchResults Search(SearchQuery query);

    /// <inheritdoc/>
    public virtual void Flush() { }

    public IReadOnlyList<StoredRejection> Rejections(int limit = 1000) => Guard("read from", () =>
    {
        var list = new List<StoredRejection>();
        using var r = Reader(null, "SELECT code, message, file, line, byte, ingested_at FROM rejections ORDER BY seq LIMIT @n", ("n", limit));
        while (r.Read())
            list.Add(new StoredRejection(r.GetString(0), r.GetString(1), new SourceLocation(Str(r, 2), I64(r, 3), I64(r, 4)),
                DateTimeOffset.Parse(r.GetString(5), CultureInfo.InvariantCulture)));
        return list;
    });

    public StoreCounts Counts() => Guard("read from", () =>
    {
        long articles = Convert.ToInt64(Scalar(null, "SELECT count(*) FROM articles"), CultureInfo.InvariantCulture);
        long stories = Convert.ToInt64(Scalar(null, "SELECT count(DISTINCT story_id) FROM articles"), CultureInfo.InvariantCulture);
        var byCode = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var r = Reader(null, "SELECT code, count(*) FROM rejections GROUP BY code"))
            while (r.Read()) byCode[r.GetString(0)] = r.GetInt64(1);
        var byKind = new SortedDictionary<string, long>(StringComparer.Ordinal);
        using (var r = Reader(null, "SELECT kind, count(*) FROM links GROUP BY kind"))
            while (r.Read()) byKind[r.GetString(0)] = r.GetInt64(1);
        return new StoreCounts(articles, byCode.Values.Sum(), byCode, stories, byKind);
    });

    public IngestCheckpoint? Checkpoint(string source) => Guard("read from", () =>
    {
        using var r = Reader(null, "SELECT source, fingerprint, position, done FROM ingest_log WHERE source = @s", ("s", source));
        return r.Read() ? new IngestCheckpoint(r.GetString(0), Str(r, 1), r.GetInt64(2), I32(r, 3) != 0) : null;
    });

    public IReadOnlyList<StoryInfo> Stories(int limit = 100) => Guard("read from", () =>
    {
        var list = new List<StoryInfo>();
        using var r = Reader(null, """
            SELECT s.story_id, s.n, s.first, s.last, (SELECT headline FROM articles h WHERE h.id = s.story_id) FROM (
              SELECT story_id, count(*) AS n, min(published) AS first, max(published) AS last, max(seq) AS newest
              FROM articles GROUP BY story_id) s
            ORDER BY s.n DESC, s.newest DESC LIMIT @n
            """, ("n", limit));
        while (r.Read()) list.Add(new StoryInfo(r.GetString(0), I32(r, 1), Str(r, 2), Str(r, 3), Str(r, 4)));
        return list;
    });

    public IReadOnlyList<string> StoryMembers(string storyId) => Guard("read from", () =>
    {
        var list = new List<string>();
        using var r = Reader(null, "SELECT id FROM articles WHERE story_id = @s ORDER BY seq", ("s", storyId));
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    });

    public IEnumerable<StoredArticle> Export()
    {
        long after = 0;
        while (true)
        {
            var page = Guard("read from", () =>
            {
                var ids = new List<(long, string)>();
                using var r = Reader(null, "SELECT seq, id FROM articles WHERE seq > @after ORDER BY seq LIMIT 500", ("after", after));
                while (r.Read()) ids.Add((r.GetInt64(0), r.GetString(1)));
                return ids;
            });
            if (page.Count == 0) yield break;
            foreach (var (seq, id) in page)
            {
                if (Get(id) is { } a) yield return a;
                after = seq;
            }
        }
    }

    // ---- work queue ----------------------------------------------------------------------------------------

    public int Enqueue(IEnumerable<string> payloads) => Guard("write to", () =>
    {
        var now = _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
        using var tx = Connection.BeginTransaction();
        int n = 0;
        foreach (var p in payloads)
            n += Exec(tx, "INSERT INTO work_queue (payload, status, attempts, updated_at) VALUES (@p, 0, 0, @now) ON CONFLICT (payload) DO NOTHING", ("p", p), ("now", now));
        tx.Commit();
        return n;
    });

    public bool ProcessNext(string workerId, Func<WorkItem, IngestBatch> handler) => Guard("write to", () =>
    {
        using var tx = Connection.BeginTransaction();
        WorkItem? item = null;
        using (var r = Reader(tx, "SELECT id, payload, attempts FROM work_queue WHERE status = 0 ORDER BY id LIMIT 1" + ClaimSuffix))
            if (r.Read()) item = new WorkItem(r.GetInt64(0), r.GetString(1), I32(r, 2));
        if (item is null)
        {
            tx.Commit();
            return false;
        }
        var now = _clock.GetUtcNow().ToString("o", CultureInfo.InvariantCulture);
        IngestBatch batch;
        try
        {
            batch = handler(item);
        }
        catch (Exception ex) when (ex is not StoreException)
        {
            Exec(tx, "UPDATE work_queue SET status = 2, attempts = attempts + 1, worker = @w, message = @m, updated_at = @now WHERE id = @id",
                ("w", workerId), ("m", $"{ex.GetType().Name}: {ex.Message}"), ("now", now), ("id", item.Id));
            tx.Commit();
            return true;
        }
        var records = Records(batch);
        var (_, added) = WriteIn(tx, records, batch);
        Exec(tx, "UPDATE work_queue SET status = 1, attempts = attempts + 1, worker = @w, updated_at = @now WHERE id = @id",
            ("w", workerId), ("now", now), ("id", item.Id));
        tx.Commit();
        AfterCommit(added);
        return true;
    });

    public QueueCounts QueueCounts() => Guard("read from", () =>
    {
        long pending = 0, done = 0, failed = 0;
        using var r = Reader(null, "SELECT status, count(*) FROM work_queue GROUP BY status");
        while (r.Read())
        {
            switch (I32(r, 0))
            {
                case 0: pending = r.GetInt64(1); break;
                case 1: done = r.GetInt64(1); break;
                default: failed += r.GetInt64(1); break;
            }
        }
        return new QueueCounts(pending, done, failed);
    });

    // ---- helpers -------------------------------------------------------------------------------------------

    /// <summary>Runs a database operation and turns a database or file failure into a <see cref="StoreException"/> naming the store.</summary>
    protected T Guard<T>(string verb, Func<T> op)
    {
        try
        {
            return op();
        }
        catch (DbException ex)
        {
            throw new StoreException($"cannot {verb} the store at '{Location}': {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new StoreException($"cannot {verb} the store at '{Location}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new StoreException($"cannot {verb} the store at '{Location}': {ex.Message}", ex);
        }
    }

    /// <summary>A command kept for its SQL text, with the parameters of its last use (reused when the names repeat).</summary>
    private sealed class CachedCommand(DbCommand command)
    {
        public DbCommand Command { get; } = command;
        public string[] Names { get; set; } = [];
        public DbParameter[] Parameters { get; set; } = [];
    }

    protected DbCommand Command(DbTransaction? tx, string sql, (string Name, object? Value)[] args)
    {
        if (!_commands.TryGetValue(sql, out var cached))
        {
            var created = Connection.CreateCommand();
            created.CommandText = sql;
            cached = new CachedCommand(created);
            _commands[sql] = cached;
        }
        var cmd = cached.Command;
        cmd.Transaction = tx;
        // Why reuse: a write runs the same few statements tens of times per article; creating and binding new
        // parameter objects each time was a large share of the write cost. The names carry the '@' prefix because
        // Microsoft.Data.Sqlite otherwise probes '@', '$' and ':' in turn for every parameter of every execution.
        bool same = cached.Names.Length == args.Length;
        for (int i = 0; same && i < args.Length; i++) same = string.Equals(cached.Names[i], args[i].Name, StringComparison.Ordinal);
        if (!same)
        {
            cmd.Parameters.Clear();
            var names = new string[args.Length];
            var parameters = new DbParameter[args.Length];
            for (int i = 0; i < args.Length; i++)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = "@" + args[i].Name;
                cmd.Parameters.Add(p);
                names[i] = args[i].Name;
                parameters[i] = p;
            }
            cached.Names = names;
            cached.Parameters = parameters;
        }
        for (int i = 0; i < args.Length; i++) cached.Parameters[i].Value = args[i].Value ?? DBNull.Value;
        return cmd;
    }

    protected int Exec(DbTransaction? tx, string sql, params (string, object?)[] args) => Command(tx, sql, args).ExecuteNonQuery();

    protected object? Scalar(DbTransaction? tx, string sql, params (string, object?)[] args)
    {
        var v = Command(tx, sql, args).ExecuteScalar();
        return v is DBNull ? null : v;
    }

    protected DbDataReader Reader(DbTransaction? tx, string sql, params (string, object?)[] args) => Command(tx, sql, args).ExecuteReader();

    protected static string? Str(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
    protected static long? I64(DbDataReader r, int i) => r.IsDBNull(i) ? null : Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);
    protected static int I32(DbDataReader r, int i) => Convert.ToInt32(r.GetValue(i), CultureInfo.InvariantCulture);
    /// <summary>
    /// <paramref name="day"/> moved by <paramref name="days"/>, held inside the calendar. Why: real input carries
    /// placeholder dates (a Wikinews file dated 0001-01-01), and a window around one must not end the ingest.
    /// </summary>
    private static DateOnly Shift(DateOnly day, int days) =>
        DateOnly.FromDayNumber((int)Math.Clamp((long)day.DayNumber + days, DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber));

    protected static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public virtual void Dispose()
    {
        foreach (var c in _commands.Values) c.Command.Dispose();
        _commands.Clear();
        Connection.Dispose();
    }
}
