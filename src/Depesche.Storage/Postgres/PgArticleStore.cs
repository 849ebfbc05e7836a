using System.Globalization;
using System.Text;
using Npgsql;

namespace Depesche.Storage.Postgres;

/// <summary>
/// The PostgreSQL backend: the same tables as the embedded store, full text in a generated <c>tsvector</c> column
/// with the <c>german</c> configuration (Snowball stemming), and the work queue claimed with
/// <c>FOR UPDATE SKIP LOCKED</c>, so any number of <c>depesche worker</c> processes can share one database.
/// One instance per thread; open one per worker.
/// </summary>
internal sealed class PgArticleStore : SqlStore
{
    private PgArticleStore(NpgsqlConnection connection, string location, TimeProvider? clock) : base(connection, location, clock) { }

    protected override string SerialPrimaryKey => "BIGSERIAL PRIMARY KEY";
    protected override string BlobType => "BYTEA";
    protected override string ClaimSuffix => " FOR UPDATE SKIP LOCKED";
    protected override string Ordinal => " COLLATE \"C\"";

    public static PgArticleStore Open(string connectionString, TimeProvider? clock)
    {
        string location;
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            location = $"postgresql://{b.Host}:{b.Port}/{b.Database}";
        }
        catch (ArgumentException ex)
        {
            throw new StoreException($"not a valid PostgreSQL connection string: {ex.Message}", ex);
        }
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            connection.Open();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            connection.Dispose();
            throw new StoreException($"cannot connect to the store at '{location}': {ex.Message}", ex);
        }
        var store = new PgArticleStore(connection, location, clock);
        try
        {
            store.Guard("create the schema of", () =>
            {
                // Why: two workers starting at once would race on CREATE TABLE IF NOT EXISTS; the advisory lock serialises them.
                store.CreateSchema(new[] { "SELECT pg_advisory_xact_lock(84310008)" }.Concat(store.CommonSchema()).Concat(
                [
                    """
                    ALTER TABLE articles ADD COLUMN IF NOT EXISTS tsv tsvector GENERATED ALWAYS AS (
                      setweight(to_tsvector('german'::regconfig, coalesce(headline, '')), 'A') ||
                      to_tsvector('german'::regconfig, text) ||
                      setweight(to_tsvector('german'::regconfig, entity_names), 'B')) STORED
                    """,
                    "CREATE INDEX IF NOT EXISTS articles_tsv ON articles USING GIN (tsv)",
                ]), lockStatements: 1, present: tx =>
                    // Why: DDL on existing tables still takes table locks, which deadlock with a running worker's inserts.
                    store.Scalar(tx, "SELECT to_regclass('meta') IS NOT NULL AND to_regclass('articles_newest') IS NOT NULL") is true &&
                    store.Scalar(tx, "SELECT value FROM meta WHERE key = 'schema'") as string == SchemaVersion.ToString(CultureInfo.InvariantCulture));
                return 0;
            });
        }
        catch
        {
            store.Dispose();
            throw;
        }
        return store;
    }

    protected override HashSet<string> Columns(System.Data.Common.DbTransaction tx, string table)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var r = Reader(tx, "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t", ("t", table));
        while (r.Read()) set.Add(r.GetString(0).ToLowerInvariant());
        return set;
    }

    public override SearchResults Search(SearchQuery q) => Guard("search", () =>
    {
        var where = new List<string>();
        var args = new List<(string, object?)>();
        bool hasText = !string.IsNullOrWhiteSpace(q.Text);
        string from = "articles a";
        if (hasText)
        {
            from += ", websearch_to_tsquery('german'::regconfig, @q) q";
            where.Add("a.tsv @@ q");
            args.Add(("q", ToWebSearch(q.Text)));
        }
        if (q.From is { } f) { where.Add("a.published_date >= @from"); args.Add(("from", Day(f))); }
        if (q.To is { } t) { where.Add("a.published_date <= @to"); args.Add(("to", Day(t))); }
        if (!string.IsNullOrWhiteSpace(q.Source))
        {
            where.Add("(lower(a.agency) = @src OR lower(a.outlet) = @src)");
            args.Add(("src", q.Source.Trim().ToLowerInvariant()));
        }
        var type = q.EntityType?.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(q.Entity) || type is not null)
        {
            var cond = new List<string> { "e.article_id = a.id" };
            if (!string.IsNullOrWhiteSpace(q.Entity))
            {
                cond.Add("lower(e.text) LIKE @ent");
                args.Add(("ent", "%" + q.Entity.Trim().ToLowerInvariant().Replace("%", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal) + "%"));
            }
            if (type is not null) { cond.Add("e.type = @type"); args.Add(("type", type)); }
            where.Add($"EXISTS (SELECT 1 FROM entities e WHERE {string.Join(" AND ", cond)})");
        }
        args.Add(("n", q.Limit));
        args.Add(("o", q.Offset));
        string Snip(string expr)
        {
            if (q.SnippetFor is null) return expr;
            args.Add(("sids", q.SnippetFor.ToArray()));
            return $"CASE WHEN a.id = ANY(@sids) THEN {expr} ELSE '' END";
        }
        var sql = hasText
            ? $"""
              SELECT a.id, ts_rank_cd(a.tsv, q)::float8 AS score, a.headline, a.published, a.agency, a.story_id,
                {Snip("ts_headline('german'::regconfig, a.text, q, 'StartSel=<em>, StopSel=</em>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"')")},
                count(*) OVER ()
              FROM {from} WHERE {string.Join(" AND ", where)} ORDER BY score DESC, a.seq LIMIT @n OFFSET @o
              """
            : $"""
              SELECT a.id, 0::float8, a.headline, a.published, a.agency, a.story_id, {Snip("left(a.text, 160)")}, count(*) OVER ()
              FROM {from} {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY a.seq DESC LIMIT @n OFFSET @o
              """;
        var hits = new List<SearchHit>();
        long total = 0;
        using (var r = Reader(null, sql, [.. args]))
        {
            while (r.Read())
            {
                total = r.GetInt64(7);
                hits.Add(new SearchHit(r.GetString(0), Math.Round(r.GetDouble(1), 4), Str(r, 2), Str(r, 3), Str(r, 4), r.GetString(5), EscapeSnippet(r.GetString(6))));
            }
        }
        if (hits.Count == 0 && q.Offset > 0)
        {
            // Why: the window count is absent when the page is past the end; count separately so Total stays right.
            args.RemoveAll(a => a.Item1 is "n" or "o" or "sids");
            total = Convert.ToInt64(Scalar(null, $"SELECT count(*) FROM {from} {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")}", [.. args]), CultureInfo.InvariantCulture);
        }
        return new SearchResults(total, hits);
    });

    public override IReadOnlyDictionary<string, string> Snippets(string text, IReadOnlyCollection<string> ids) => Guard("search", () =>
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var sql = string.IsNullOrWhiteSpace(text)
            ? "SELECT a.id, left(a.text, 160) FROM articles a WHERE a.id = ANY(@ids)"
            : "SELECT a.id, ts_headline('german'::regconfig, a.text, websearch_to_tsquery('german'::regconfig, @q), 'StartSel=<em>, StopSel=</em>, MaxFragments=2, MaxWords=30, MinWords=12, FragmentDelimiter=\" … \"') FROM articles a WHERE a.id = ANY(@ids)";
        using var r = Reader(null, sql, ("ids", ids.Distinct(StringComparer.Ordinal).ToArray()), ("q", ToWebSearch(text ?? "")));
        while (r.Read()) map[r.GetString(0)] = EscapeSnippet(r.GetString(1));
        return map;
    });

    // Why: ts_headline does not escape; escape everything, then restore only the markers it added.
    private static string EscapeSnippet(string s) =>
        Embedded.MinimalHtmlEncoder.Instance.EncodeText(s).Replace("&lt;em&gt;", "<em>", StringComparison.Ordinal).Replace("&lt;/em&gt;", "</em>", StringComparison.Ordinal);

    /// <summary>
    /// Translates the Lucene-style query of <see cref="SearchQuery.Text"/> to <c>websearch_to_tsquery</c> syntax:
    /// <c>AND</c> and <c>+</c> dropped (AND is the default), <c>OR</c> → <c>or</c>, <c>NOT x</c> → <c>-x</c>,
    /// parentheses dropped, quoted phrases kept.
    /// </summary>
    internal static string ToWebSearch(string query)
    {
        var parts = new List<string>();
        var sb = new StringBuilder();
        bool inQuote = false, negateNext = false;
        void Flush()
        {
            if (sb.Length == 0) return;
            var word = sb.ToString();
            sb.Clear();
            switch (word)
            {
                case "AND" or "&&":
                    return;
                case "OR" or "||":
                    parts.Add("or");
                    return;
                case "NOT" or "!":
                    negateNext = true;
                    return;
            }
            if (word.StartsWith('+')) word = word[1..];
            if (word.Length == 0) return;
            parts.Add(negateNext && !word.StartsWith('-') ? "-" + word : word);
            negateNext = false;
        }
        foreach (var c in query)
        {
            if (c == '"')
            {
                sb.Append(c);
                if (inQuote) Flush();
                inQuote = !inQuote;
                continue;
            }
            if (!inQuote && (char.IsWhiteSpace(c) || c is '(' or ')')) { Flush(); continue; }
            sb.Append(c);
        }
        Flush();
        return string.Join(' ', parts);
    }
}
