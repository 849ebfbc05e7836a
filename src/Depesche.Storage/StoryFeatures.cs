using System.Globalization;
using System.Text;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Depesche.Storage;

/// <summary>A stemmed term and how often it occurs in an article (headline occurrences counted twice).</summary>
internal readonly record struct TermCount(string Term, int Count);

/// <summary>An earlier article a new one may share a story with: its story, date, term counts and entity keys.</summary>
internal sealed record StoryCandidate(string Id, long Seq, string StoryId, string? PublishedDate, IReadOnlyList<TermCount> Terms, IReadOnlyList<string> Entities);

/// <summary>What story clustering compares: an article's term counts, entity keys and publication day.</summary>
internal sealed record StoryDoc(string Id, string? PublishedDate, IReadOnlyList<TermCount> Terms, IReadOnlyList<string> Entities);

/// <summary>
/// The tunable constants of story clustering. <see cref="Default"/> holds the values tuned on the even-numbered stories
/// of <c>tests/gold/stories</c> (the odd ones are held out); see docs/storage.md.
/// </summary>
internal sealed record StoryScoring
{
    public static readonly StoryScoring Default = new();

    /// <summary>Candidates are the articles published at most this many days before or after.</summary>
    public int WindowDays { get; init; } = 4;
    /// <summary>Weight of the entity cosine when both sides have entities (the term cosine gets the rest).</summary>
    public double EntityWeight { get; init; } = 0.3;
    /// <summary>Time decay: the score is multiplied by <c>exp(−Δdays / DecayDays)</c>, Δ from the story's nearest article.</summary>
    public double DecayDays { get; init; } = 20;
    /// <summary>The least combined score that joins a story.</summary>
    public double JoinScore { get; init; } = 0.18;
    /// <summary>The least term cosine that joins a story, whatever the entities say.</summary>
    public double MinTermCosine { get; init; } = 0.13;
    /// <summary>Inverse document frequencies are computed over the candidates and the new article, as if there were at least this many documents (a small window must not make every term look common).</summary>
    public int MinDocuments { get; init; } = 30;
}

/// <summary>
/// Online story clustering after Miranda et al. (2018), simplified: an article that is neither a version nor a copy is
/// compared with every story that has an article within <see cref="StoryScoring.WindowDays"/> days, by the cosine
/// similarity of TF-IDF sub-vectors (stemmed terms; entity names) to the story's centroid, combined linearly and decayed
/// by the distance in days to the story's nearest article. The best story joins when the score reaches
/// <see cref="StoryScoring.JoinScore"/> and the term cosine alone reaches <see cref="StoryScoring.MinTermCosine"/>.
/// Document frequencies come from the candidate window itself, so terms every article of the week uses (weekdays,
/// <c>sagte</c>, the capital) weigh little without a shipped frequency list. The join records the shared terms and
/// entities that weighed most, both cosines, the distance and the score.
/// </summary>
internal static class StoryFeatures
{
    /// <summary>Term counts kept per article: enough for a cosine, few enough to read 300 candidates quickly.</summary>
    public const int TopTermCount = 30;

    public static int WindowDays => StoryScoring.Default.WindowDays;

    private static readonly GermanAnalyzer Analyzer = new(LuceneVersion.LUCENE_48);

    /// <summary>The <see cref="TopTermCount"/> most frequent stemmed terms (ties by term), in term order.</summary>
    public static IReadOnlyList<TermCount> TopTerms(string? headline, string body)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        void Count(string? text, int weight)
        {
            if (string.IsNullOrEmpty(text)) return;
            using var ts = Analyzer.GetTokenStream("text", new StringReader(text));
            var term = ts.AddAttribute<ICharTermAttribute>();
            ts.Reset();
            while (ts.IncrementToken())
            {
                var t = term.ToString();
                if (t.Length < 4 || t.Any(char.IsDigit) || t.Contains(':', StringComparison.Ordinal)) continue;
                counts[t] = counts.GetValueOrDefault(t) + weight;
            }
            ts.End();
        }
        Count(headline, 2);
        Count(body, 1);
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopTermCount)
            .Select(kv => new TermCount(kv.Key, kv.Value)).OrderBy(t => t.Term, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Entity keys: the distinct lower-cased names of PER, ORG and LOC mentions, plus the last word of a person's
    /// several-word name (so that "Roland Busch" and a later "Busch" meet) and the head of a hyphenated compound
    /// ("Siemens-Chef" → "siemens"). Mentions inside <paramref name="skip"/> (the dateline with its agency, the
    /// editor codes) are left out: every article of an agency names it, so it says nothing about the story.
    /// </summary>
    public static IReadOnlyList<string> EntityKeys(IEnumerable<StoredEntity> entities, params Core.TextRange?[] skip)
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var e in entities)
        {
            if (e.Type == "OTH" || skip.Any(r => r is { } x && e.Start < x.End && x.Start < e.End)) continue;
            var name = e.Text.Trim().ToLowerInvariant();
            if (name.Length == 0) continue;
            keys.Add(name);
            if (e.Type == "PER" && name.LastIndexOf(' ') is var sp and > 0 && name.Length - sp > 3) keys.Add(name[(sp + 1)..]);
            if (name.IndexOf('-') is var dash and >= 3 && name.IndexOf(' ') < 0) keys.Add(name[..dash]);
        }
        return keys.ToList();
    }

    /// <summary>The stored form: <c>term:count</c> separated by spaces.</summary>
    public static string FormatTerms(IReadOnlyList<TermCount> terms)
    {
        var sb = new StringBuilder();
        foreach (var t in terms)
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(t.Term).Append(':').Append(t.Count.ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Reads <see cref="FormatTerms"/>; a bare term (written before counts were stored) counts once.</summary>
    public static IReadOnlyList<TermCount> ParseTerms(string stored)
    {
        var list = new List<TermCount>();
        foreach (var part in stored.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = part.LastIndexOf(':');
            if (colon > 0 && int.TryParse(part.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n))
                list.Add(new TermCount(part[..colon], n));
            else list.Add(new TermCount(part, 1));
        }
        return list;
    }

    public static IReadOnlyList<string> ParseEntities(string stored) => stored.Split('|', StringSplitOptions.RemoveEmptyEntries);

    public static ArticleLink? Decide(ArticleRecord r, IReadOnlyList<StoryCandidate> candidates) =>
        Decide(new StoryDoc(r.Id, r.PublishedDate, r.StoryTerms, r.EntityKeys), candidates, StoryScoring.Default);

    public static ArticleLink? Decide(StoryDoc doc, IReadOnlyList<StoryCandidate> candidates, StoryScoring p)
    {
        if (doc.PublishedDate is null || doc.Terms.Count == 0 || candidates.Count == 0) return null;
        int day = DayNumber(doc.PublishedDate);
        var window = candidates.Where(c => c.PublishedDate is not null && Math.Abs(DayNumber(c.PublishedDate) - day) <= p.WindowDays).ToList();
        if (window.Count == 0) return null;

        // Document frequencies over the window and the new article.
        var termDf = new Dictionary<string, int>(StringComparer.Ordinal);
        var entityDf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in doc.Terms) termDf[t.Term] = 1;
        foreach (var e in doc.Entities) entityDf[e] = 1;
        foreach (var c in window)
        {
            foreach (var t in c.Terms) termDf[t.Term] = termDf.GetValueOrDefault(t.Term) + 1;
            foreach (var e in c.Entities) entityDf[e] = entityDf.GetValueOrDefault(e) + 1;
        }
        double docs = Math.Max(window.Count + 1, p.MinDocuments);
        // Why no "+ 1": a term in every article of a full window should weigh nothing.
        double Idf(int df) => Math.Log((docs + 1) / (df + 1));

        var docTerms = TermVector(doc.Terms, termDf, Idf);
        var docEntities = EntityVector(doc.Entities, entityDf, Idf);

        StoryMatch? best = null;
        foreach (var story in window.GroupBy(c => c.StoryId, StringComparer.Ordinal))
        {
            var termCentroid = new Dictionary<string, double>(StringComparer.Ordinal);
            var entityCentroid = new Dictionary<string, double>(StringComparer.Ordinal);
            int nearest = int.MaxValue;
            StoryCandidate? closest = null;
            double closestSim = -1;
            foreach (var c in story)
            {
                var tv = TermVector(c.Terms, termDf, Idf);
                Add(termCentroid, tv);
                Add(entityCentroid, EntityVector(c.Entities, entityDf, Idf));
                nearest = Math.Min(nearest, Math.Abs(DayNumber(c.PublishedDate!) - day));
                double sim = Dot(docTerms, tv);
                if (sim > closestSim || (sim == closestSim && c.Seq > closest!.Seq)) (closest, closestSim) = (c, sim);
            }
            Normalize(termCentroid);
            Normalize(entityCentroid);
            double terms = Dot(docTerms, termCentroid);
            if (terms < p.MinTermCosine) continue;
            bool withEntities = docEntities.Count > 0 && entityCentroid.Count > 0;
            double entities = withEntities ? Dot(docEntities, entityCentroid) : 0;
            double combined = withEntities ? (1 - p.EntityWeight) * terms + p.EntityWeight * entities : terms;
            double score = combined * Math.Exp(-nearest / p.DecayDays);
            if (best is null || score > best.Score || (score == best.Score && closest!.Seq > best.Target.Seq))
                best = new StoryMatch(closest!, story.Count(), terms, entities, withEntities, nearest, score, termCentroid, entityCentroid);
        }
        if (best is null || best.Score < p.JoinScore) return null;
        return new ArticleLink(doc.Id, best.Target.Id, LinkKind.SameStoryAs, Math.Round(best.Score, 3), Reason(best, docTerms, docEntities, p));
    }

    private sealed record StoryMatch(StoryCandidate Target, int Members, double Terms, double Entities, bool WithEntities, int Days, double Score,
        Dictionary<string, double> TermCentroid, Dictionary<string, double> EntityCentroid);

    private static string Reason(StoryMatch m, Dictionary<string, double> docTerms, Dictionary<string, double> docEntities, StoryScoring p)
    {
        static string Top(Dictionary<string, double> doc, Dictionary<string, double> centroid, int n)
        {
            var shared = doc.Where(kv => centroid.ContainsKey(kv.Key)).Select(kv => (kv.Key, W: kv.Value * centroid[kv.Key]))
                .OrderByDescending(x => x.W).ThenBy(x => x.Key, StringComparer.Ordinal).Take(n).Select(x => x.Key).ToList();
            return shared.Count == 0 ? "none" : string.Join(", ", shared);
        }
        var entityPart = m.WithEntities
            ? string.Create(CultureInfo.InvariantCulture, $"entities {m.Entities:F2} (shared: {Top(docEntities, m.EntityCentroid, 6)})")
            : "entities not compared (one side has none)";
        var articles = m.Members == 1 ? "1 article" : m.Members.ToString(CultureInfo.InvariantCulture) + " articles";
        return string.Create(CultureInfo.InvariantCulture,
            $"same story: TF-IDF cosine to the story's centroid ({articles} in the window): terms {m.Terms:F2} (shared: {Top(docTerms, m.TermCentroid, 8)}); {entityPart}; {m.Days} days apart; score {m.Score:F2} >= {p.JoinScore:F2}");
    }

    private static Dictionary<string, double> TermVector(IReadOnlyList<TermCount> terms, Dictionary<string, int> df, Func<int, double> idf)
    {
        var v = new Dictionary<string, double>(terms.Count, StringComparer.Ordinal);
        foreach (var t in terms) v[t.Term] = (1 + Math.Log(Math.Max(1, t.Count))) * idf(df.GetValueOrDefault(t.Term, 1));
        Normalize(v);
        return v;
    }

    private static Dictionary<string, double> EntityVector(IReadOnlyList<string> entities, Dictionary<string, int> df, Func<int, double> idf)
    {
        var v = new Dictionary<string, double>(entities.Count, StringComparer.Ordinal);
        foreach (var e in entities) v[e] = idf(df.GetValueOrDefault(e, 1));
        Normalize(v);
        return v;
    }

    private static void Add(Dictionary<string, double> sum, Dictionary<string, double> v)
    {
        foreach (var (k, w) in v) sum[k] = sum.GetValueOrDefault(k) + w;
    }

    private static void Normalize(Dictionary<string, double> v)
    {
        double norm = Math.Sqrt(v.Values.Sum(w => w * w));
        if (norm == 0) return;
        foreach (var k in v.Keys.ToList()) v[k] /= norm;
    }

    private static double Dot(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double s = 0;
        foreach (var (k, w) in a) if (b.TryGetValue(k, out var x)) s += w * x;
        return s;
    }

    private static int DayNumber(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber;
}
