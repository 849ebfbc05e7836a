using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Store;
using Microsoft.Data.Sqlite;

namespace Depesche.Storage.Embedded;

/// <summary>
/// The embedded store in one folder: <c>depesche.db</c> (SQLite in WAL mode: records, the source of truth) and
/// <c>index/</c> (Lucene.NET: German full text). One writing process per folder (Lucene's write lock enforces it).
/// </summary>
/// <remarks>
/// Consistency after <c>kill -9</c>: every batch commits in one SQLite transaction. The Lucene index is committed
/// afterwards (at most every <see cref="IndexCommitInterval"/>), and <c>meta.index_watermark</c> records the highest
/// article sequence number known to be in a committed index. On open, articles above the watermark are indexed again
/// (an update by id, so a document indexed twice stays one); a missing index is rebuilt from SQLite.
/// </remarks>
internal sealed class SqliteArticleStore : SqlStore
{
    public static readonly TimeSpan IndexCommitInterval = TimeSpan.FromSeconds(2);
    private readonly LuceneIndex _index;
    private readonly bool _readOnly;
    private readonly Stopwatch _sinceCommit = Stopwatch.StartNew();
    private long _indexedUpTo;
    private long _committedUpTo;

    private SqliteArticleStore(SqliteConnection connection, string folder, LuceneIndex index, bool readOnly, TimeProvider? clock)
        : base(connection, folder, clock)
    {
        _index = index;
        _readOnly = readOnly;
    }

    protected override string SerialPrimaryKey => "INTEGER PRIMARY KEY AUTOINCREMENT";
    protected override string BlobType => "BLOB";

    public static SqliteArticleStore Open(string folder, bool readOnly, TimeProvider? clock)
    {
        var full = Path.GetFullPath(folder);
        SqliteConnection? connection = null;
        LuceneIndex? index = null;
        try
        {
            if (readOnly && !File.Exists(Path.Combine(full, "depesche.db")))
                throw new StoreException($"no store at '{full}' (depesche.db is missing); run 'depesche ingest' first");
            System.IO.Directory.CreateDirectory(full);
            if (!readOnly) ProbeWritable(full);
            var cs = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(full, "depesche.db"),
                Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
                // Why: pooled connections keep the file open after Dispose; a store must let go of its folder when disposed.
                Pooling = false,
            }.ToString();
            connection = new SqliteConnection(cs);
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = readOnly
                    ? "PRAGMA busy_timeout = 5000;"
                    // Why a 16 MB page cache (SQLite's default is 2 MB): every article inserts into about ten indexes
                    // keyed by its random content-hash id, so each write touches random pages; with 2 MB they were read
                    // again and spilled to the WAL within each batch. Measured: about 10 % less writer CPU at 10,000
                    // articles (docs/benchmarks.md); 32 MB gained a little more but brought peak RSS to the 400 MB bound.
                    : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA cache_size = -16384;";
                pragma.ExecuteNonQuery();
            }
            index = new LuceneIndex(Path.Combine(full, "index"), readOnly);
            var store = new SqliteArticleStore(connection, full, index, readOnly, clock);
            if (!readOnly)
            {
                store.CreateSchema(store.CommonSchema());
                store.CatchUpIndex();
            }
            else store.ReadSchema();
            return store;
        }
        catch (LockObtainFailedException ex)
        {
            index?.Dispose();
            connection?.Dispose();
            throw new StoreException($"the store at '{full}' is in use by another process (Lucene write lock held)", ex);
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            index?.Dispose();
            connection?.Dispose();
            throw new StoreException($"cannot open the store at '{full}' for {(readOnly ? "reading" : "writing")}: {ex.Message}", ex);
        }
        catch
        {
            index?.Dispose();
            connection?.Dispose();
            throw;
        }
    }

    // Why: SQLite silently falls back to read-only on a file it cannot write, and Lucene reports a lock it cannot
    // create as "in use"; probing first gives one clear message naming the folder before anything is touched.
    private static void ProbeWritable(string folder)
    {
        try
        {
            var probe = Path.Combine(folder, ".write-probe");
            File.WriteAllText(probe, "");
            File.Delete(probe);
            var db = Path.Combine(folder, "depesche.db");
            if (File.Exists(db)) using (new FileStream(db, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite)) { }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"the store folder '{folder}' is not writable: {ex.Message}", ex);
        }
    }

    protected override HashSet<string> Columns(DbTransaction tx, string table)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var r = Reader(tx, "SELECT name FROM pragma_table_info(@t)", ("t", table));
        while (r.Read()) set.Add(r.GetString(0).ToLowerInvariant());
        return set;
    }

    /// <summary>The highest article sequence number recorded as committed to the index.</summary>
    internal long IndexWatermark => Convert.ToInt64(Scalar(null, "SELECT value FROM meta WHERE key = 'index_watermark'") ?? "0", CultureInfo.InvariantCulture);

    internal int IndexedDocuments => _index.DocCount;

    private void CatchUpIndex()
    {
        long watermark = IndexWatermark;
        long max = Convert.ToInt64(Scalar(null, "SELECT coalesce(max(seq), 0) FROM articles"), CultureInfo.InvariantCulture);
        long articles = Convert.ToInt64(Scalar(null, "SELECT count(*) FROM articles"), CultureInfo.InvariantCulture);
        if (!_index.HasCommit || _index.DocCount > articles)
        {
            // Why: no index (deleted, never committed) or one with documents SQLite does not have: rebuild from the source of truth.
            _index.DeleteAll();
            watermark = 0;
        }
        if (watermark >= max && _index.HasCommit)
        {
            _indexedUpTo = _committedUpTo = watermark;
            return;
        }
        long after = watermark;
        while (true)
        {
            var page = ReadIndexDocuments("seq > @after ORDER BY seq LIMIT 1000", ("after", after));
            if (page.Count == 0) break;
            _index.Upsert(page.Select(p => p.Doc));
            after = page[^1].Seq;
        }
        CommitIndex(Math.Max(after, watermark));
    }

    private List<(long Seq, IndexDocument Doc)> ReadIndexDocuments(string where, params (string, object?)[] args)
    {
        var rows = new List<(long Seq, string Id, string? Headline, string Text, string? Date, string? Agency, string? Outlet)>();
        using (var r = Reader(null, $"SELECT seq, id, headline, text, published_date, agency, outlet FROM articles WHERE {where}", args))
            while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1), Str(r, 2), r.GetString(3), Str(r, 4), Str(r, 5), Str(r, 6)));
        var list = new List<(long, IndexDocument)>(rows.Count);
        foreach (var row in rows)
        {
            var entities = new List<(string, string)>();
            using (var r = Reader(null, "SELECT text, type FROM entities WHERE article_id = @id ORDER BY start_pos", ("id", row.Id)))
                while (r.Read()) entities.Add((r.GetString(0), r.GetString(1)));
            list.Add((row.Seq, new IndexDocument(row.Id, row.Headline, row.Text, row.Date, row.Agency, row.Outlet, entities)));
        }
        return list;
    }

    protected override void AfterCommit(List<(long Seq, ArticleRecord Record)> added)
    {
        if (added.Count > 0)
        {
            _index.Upsert(added.Select(a => new IndexDocument(a.Record.Id, a.Record.Headline, a.Record.Text, a.Record.PublishedDate,
                a.Record.Agency, a.Record.Outlet, a.Record.Entities.Select(e => (e.Text, e.Type)).ToList())));
            _indexedUpTo = Math.Max(_indexedUpTo, added.Max(a => a.Seq));
        }
        if (_indexedUpTo > _committedUpTo && _sinceCommit.Elapsed >= IndexCommitInterval) CommitIndex(_indexedUpTo);
    }

    private void CommitIndex(long upTo)
    {
        _index.Commit();
        // Why: the watermark moves only after the index commit, so it never claims documents a crash could lose.
        Exec(null, "INSERT INTO meta (key, value) VALUES ('index_watermark', @v) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("v", upTo.ToString(CultureInfo.InvariantCulture)));
        _indexedUpTo = _committedUpTo = upTo;
        _sinceCommit.Restart();
    }

    /// <summary>Commits the index now (otherwise at most every <see cref="IndexCommitInterval"/> and on dispose).</summary>
    public override void Flush() => Guard("write to", () =>
    {
        if (!_readOnly && _indexedUpTo > _committedUpTo) CommitIndex(_indexedUpTo);
        return 0;
    });

    public override SearchResults Search(SearchQuery query) => Guard("search", () =>
    {
        var (total, page, textQuery) = _index.Search(query);
        if (page.Count == 0) return new SearchResults(total, []);
        var args = page.Select((p, i) => ($"i{i}", (object?)p.Id)).ToArray();
        var rows = new Dictionary<string, (string? Headline, string? Published, string? Agency, string Story, string Text)>(StringComparer.Ordinal);
        bool texts = query.SnippetFor is not { Count: 0 };
        using (var r = Reader(null, $"SELECT id, headline, published, agency, story_id, {(texts ? "text" : "''")} FROM articles WHERE id IN ({string.Join(", ", args.Select(a => "@" + a.Item1))})", args))
            while (r.Read()) rows[r.GetString(0)] = (Str(r, 1), Str(r, 2), Str(r, 3), r.GetString(4), r.GetString(5));
        var hits = new List<SearchHit>(page.Count);
        foreach (var (id, score) in page)
        {
            if (!rows.TryGetValue(id, out var row)) continue;
            hits.Add(new SearchHit(id, Math.Round(score, 4), row.Headline, row.Published, row.Agency, row.Story,
                query.SnippetFor is null || query.SnippetFor.Contains(id) ? _index.Snippet(textQuery, row.Text) : ""));
        }
        return new SearchResults(total, hits);
    });

    public override IReadOnlyDictionary<string, string> Snippets(string text, IReadOnlyCollection<string> ids) => Guard("search", () =>
    {
        var query = _index.ParseText(text);
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in ids.Distinct(StringComparer.Ordinal))
            if (Scalar(null, "SELECT text FROM articles WHERE id = @id", ("id", id)) is string t) map[id] = _index.Snippet(query, t);
        return map;
    });

    public override void Dispose()
    {
        try
        {
            if (!_readOnly && _indexedUpTo > _committedUpTo) CommitIndex(_indexedUpTo);
        }
        finally
        {
            _index.Dispose();
            base.Dispose();
        }
    }
}
