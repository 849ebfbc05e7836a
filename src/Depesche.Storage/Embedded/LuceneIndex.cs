using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Depesche.Storage.Embedded;

/// <summary>One document of the full-text index, built from stored rows (so the index can always be rebuilt from SQLite).</summary>
internal sealed record IndexDocument(string Id, string? Headline, string Text, string? PublishedDate, string? Agency, string? Outlet, IReadOnlyList<(string Text, string Type)> Entities);

/// <summary>
/// The Lucene.NET full-text index of the embedded store: German analysis (<see cref="GermanAnalyzer"/>: lower-casing,
/// stop words, umlaut normalisation, light stemming) on headline, text and entity names; exact-match fields for the
/// filters. Only the id is stored: snippets are highlighted over the text read from SQLite.
/// Not thread-safe; owned by one <see cref="SqliteArticleStore"/>.
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly string[] SearchFields = ["headline", "text", "entities"];
    private static readonly Dictionary<string, float> Boosts = new() { ["headline"] = 2f, ["text"] = 1f, ["entities"] = 1.5f };

    private readonly LuceneDirectory _dir;
    private readonly Analyzer _analyzer = new GermanAnalyzer(Version);
    private readonly IndexWriter? _writer;
    private DirectoryReader? _reader;

    public LuceneIndex(string folder, bool readOnly)
    {
        _dir = FSDirectory.Open(folder);
        if (!readOnly)
        {
            // Why 16 MB (Lucene's default): a larger buffer flushed fewer segments but its postings lived into gen 2 and
            // raised an ingest's peak RSS; 32 MB gave no measurable speed at 12,000 articles.
            var config = new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE_OR_APPEND, RAMBufferSizeMB = 16 };
            _writer = new IndexWriter(_dir, config);
        }
    }

    /// <summary>Whether the folder holds a committed index at all (false after it was deleted or never committed).</summary>
    public bool HasCommit => DirectoryReader.IndexExists(_dir);

    public int DocCount
    {
        get
        {
            if (_writer is not null) return _writer.NumDocs;
            return Searcher()?.IndexReader.NumDocs ?? 0;
        }
    }

    /// <summary>Adds or replaces documents by id: indexing the same article twice leaves one document.</summary>
    public void Upsert(IEnumerable<IndexDocument> docs)
    {
        var w = _writer ?? throw new InvalidOperationException("the index was opened read-only");
        foreach (var d in docs) w.UpdateDocument(new Term("id", d.Id), ToDocument(d));
    }

    public void Commit() => (_writer ?? throw new InvalidOperationException("the index was opened read-only")).Commit();

    public void DeleteAll() => (_writer ?? throw new InvalidOperationException("the index was opened read-only")).DeleteAll();

    private static Document ToDocument(IndexDocument d)
    {
        var doc = new Document
        {
            new StringField("id", d.Id, Field.Store.YES),
            new TextField("text", d.Text, Field.Store.NO),
        };
        if (d.Headline is { } h) doc.Add(new TextField("headline", h, Field.Store.NO));
        if (d.PublishedDate is { } p) doc.Add(new StringField("date", p, Field.Store.NO));
        if (d.Agency is { } a) doc.Add(new StringField("source", a.Trim().ToLowerInvariant(), Field.Store.NO));
        if (d.Outlet is { } o) doc.Add(new StringField("source", o.Trim().ToLowerInvariant(), Field.Store.NO));
        foreach (var (text, type) in d.Entities)
        {
            doc.Add(new TextField("entities", text, Field.Store.NO));
            doc.Add(new TextField("ent_" + type, text, Field.Store.NO));
            doc.Add(new StringField("etype", type, Field.Store.NO));
        }
        return doc;
    }

    /// <summary>Searches; returns total hits and the ids with scores of one page, plus the parsed text query for highlighting.</summary>
    public (long Total, List<(string Id, float Score)> Page, Query? TextQuery) Search(SearchQuery q)
    {
        var searcher = Searcher();
        if (searcher is null) return (0, [], null);
        var all = new BooleanQuery();
        Query? textQuery = null;
        if (!string.IsNullOrWhiteSpace(q.Text))
        {
            var parser = new MultiFieldQueryParser(Version, SearchFields, _analyzer, Boosts) { DefaultOperator = Operator.AND };
            try
            {
                textQuery = parser.Parse(q.Text);
            }
            catch (ParseException ex)
            {
                throw new InvalidQueryException($"cannot parse the query '{q.Text}': {ex.Message}", ex);
            }
            all.Add(textQuery, Occur.MUST);
        }
        else
        {
            all.Add(new MatchAllDocsQuery(), Occur.MUST);
        }
        if (q.From is not null || q.To is not null)
            all.Add(TermRangeQuery.NewStringRange("date", q.From is { } f ? Day(f) : null, q.To is { } t ? Day(t) : null, true, true), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(q.Source))
            all.Add(new TermQuery(new Term("source", q.Source.Trim().ToLowerInvariant())), Occur.MUST);
        var type = q.EntityType?.Trim().ToUpperInvariant();
        if (!string.IsNullOrWhiteSpace(q.Entity))
        {
            var field = type is null ? "entities" : "ent_" + type;
            var phrase = new QueryParser(Version, field, _analyzer).CreatePhraseQuery(field, q.Entity);
            // Why: an entity made only of stop words analyses to nothing; then nothing can match it.
            all.Add(phrase ?? new BooleanQuery(), Occur.MUST);
        }
        else if (type is not null)
        {
            all.Add(new TermQuery(new Term("etype", type)), Occur.MUST);
        }
        Sort? sort = textQuery is null ? Sort.INDEXORDER : null;
        int n = Math.Max(1, q.Offset + q.Limit);
        TopDocs top = sort is null ? searcher.Search(all, n) : searcher.Search(all, n, new Sort(new SortField(null, SortFieldType.DOC, true)));
        var page = new List<(string, float)>();
        for (int i = q.Offset; i < top.ScoreDocs.Length; i++)
        {
            var sd = top.ScoreDocs[i];
            page.Add((searcher.Doc(sd.Doc).Get("id"), float.IsNaN(sd.Score) ? 0 : sd.Score));
        }
        return (top.TotalHits, page, textQuery);
    }

    /// <summary>The text part of a query as <see cref="Search"/> parses it, for <see cref="Snippet"/>; null for no text.</summary>
    public Query? ParseText(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try { return new MultiFieldQueryParser(Version, SearchFields, _analyzer, Boosts) { DefaultOperator = Operator.AND }.Parse(text); }
        catch (ParseException ex) { throw new InvalidQueryException($"cannot parse the query '{text}': {ex.Message}", ex); }
    }

    /// <summary>Up to two fragments of <paramref name="text"/> around the matches, HTML-escaped, matches in &lt;em&gt;.</summary>
    public string Snippet(Query? textQuery, string text)
    {
        if (textQuery is not null)
        {
            var scorer = new QueryScorer(textQuery, "text");
            var highlighter = new Highlighter(new SimpleHTMLFormatter("<em>", "</em>"), MinimalHtmlEncoder.Instance, scorer)
            {
                TextFragmenter = new SimpleSpanFragmenter(scorer, 160),
                MaxDocCharsToAnalyze = 200_000,
            };
            var fragments = highlighter.GetBestFragments(_analyzer, "text", text, 2);
            if (fragments.Length > 0) return string.Join(" … ", fragments.Select(f => f.Trim()));
        }
        var head = text.Length <= 160 ? text : text[..160] + " …";
        return MinimalHtmlEncoder.Instance.EncodeText(head);
    }

    private IndexSearcher? Searcher()
    {
        if (_writer is not null)
        {
            // Why: a reader from the writer sees committed and uncommitted documents alike without a commit (near real time).
            _reader = _reader is null ? DirectoryReader.Open(_writer, true) : DirectoryReader.OpenIfChanged(_reader, _writer, true) is { } newer ? Swap(newer) : _reader;
        }
        else
        {
            if (!DirectoryReader.IndexExists(_dir)) return null;
            _reader ??= DirectoryReader.Open(_dir);
            if (DirectoryReader.OpenIfChanged(_reader) is { } newer) Swap(newer);
        }
        return new IndexSearcher(_reader);
    }

    private DirectoryReader Swap(DirectoryReader newer)
    {
        _reader?.Dispose();
        _reader = newer;
        return newer;
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        _analyzer.Dispose();
        _dir.Dispose();
    }
}

/// <summary>
/// Escapes only what HTML needs (<c>&amp; &lt; &gt; "</c>); Lucene's SimpleHTMLEncoder also turns every umlaut and
/// slash into a numeric entity, which makes German snippets unreadable in JSON.
/// </summary>
internal sealed class MinimalHtmlEncoder : IEncoder
{
    public static readonly MinimalHtmlEncoder Instance = new();

    public string EncodeText(string originalText)
    {
        if (originalText.AsSpan().IndexOfAny("&<>\"") < 0) return originalText;
        var sb = new System.Text.StringBuilder(originalText.Length + 16);
        foreach (var c in originalText)
        {
            sb.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", _ => null });
            if (c is not ('&' or '<' or '>' or '"')) sb.Append(c);
        }
        return sb.ToString();
    }
}
