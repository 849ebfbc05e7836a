using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
        var window = new List<(StoryCandidate C, int Days)>(candidates.Count);
        foreach (var c in candidates)
            if (c.PublishedDate is not null && Math.Abs(DayNumber(c.PublishedDate) - day) is var d && d <= p.WindowDays) window.Add((c, d));
        if (window.Count == 0) return null;

        var idf = new Idf(doc, [.. window.Select(w => w.C)], Math.Max(window.Count + 1, p.MinDocuments));
        var docTerms = idf.TermVector(doc.Terms);
        var docEntities = idf.EntityVector(doc.Entities);
        idf.SetDocument(docTerms, docEntities);

        // Why no per-candidate vectors: with 300 candidates per article, allocating them cost more than the rest of
        // the decision. A lone article's cosine is its dot product over its norm; only stories with several
        // articles in the window build a centroid.
        var stories = new Dictionary<string, List<(StoryCandidate C, int Days, double Terms, double Entities)>>(StringComparer.Ordinal);
        foreach (var (c, days) in window)
        {
            var (tDot, tNorm) = idf.DotTerms(c.Terms);
            var (eDot, eNorm) = idf.DotEntities(c.Entities);
            if (!stories.TryGetValue(c.StoryId, out var members)) stories[c.StoryId] = members = [];
            members.Add((c, days, tNorm == 0 ? 0 : tDot / tNorm, eNorm == 0 ? 0 : eDot / eNorm));
        }

        StoryMatch? best = null;
        foreach (var members in stories.Values)
        {
            double terms, entities;
            bool centroidHasEntities;
            if (members.Count == 1)
            {
                terms = members[0].Terms;
                entities = members[0].Entities;
                centroidHasEntities = members[0].C.Entities.Count > 0;
            }
            else
            {
                // The centroid's cosine is at most the sum of the members' cosines (unit vectors with non-negative
                // weights sum to a norm of at least 1), so most unrelated stories are dismissed without a centroid.
                double bound = 0;
                foreach (var m in members) bound += m.Terms;
                if (bound < p.MinTermCosine) continue;
                var (tc, ec) = Centroid(members.Select(m => m.C), idf);
                terms = Dot(docTerms, tc);
                entities = Dot(docEntities, ec);
                centroidHasEntities = ec.Count > 0;
            }
            if (terms < p.MinTermCosine) continue;
            bool withEntities = docEntities.Count > 0 && centroidHasEntities;
            double combined = withEntities ? (1 - p.EntityWeight) * terms + p.EntityWeight * entities : terms;
            int nearest = members.Min(m => m.Days);
            double score = combined * Math.Exp(-nearest / p.DecayDays);
            // The link points at the story's article most similar in terms (ties: the newest).
            var target = members.OrderByDescending(m => m.Terms).ThenByDescending(m => m.C.Seq).First().C;
            if (best is null || score > best.Score || (score == best.Score && target.Seq > best.Target.Seq))
                best = new StoryMatch(target, members, terms, withEntities ? entities : 0, withEntities, nearest, score);
        }
        if (best is null || best.Score < p.JoinScore) return null;
        var (termCentroid, entityCentroid) = Centroid(best.Members.Select(m => m.C), idf);
        return new ArticleLink(doc.Id, best.Target.Id, LinkKind.SameStoryAs, Math.Round(best.Score, 3),
            Reason(best, docTerms, docEntities, termCentroid, entityCentroid, p));
    }

    private static (Dictionary<string, double> Terms, Dictionary<string, double> Entities) Centroid(IEnumerable<StoryCandidate> members, Idf idf)
    {
        var terms = new Dictionary<string, double>(StringComparer.Ordinal);
        var entities = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var c in members)
        {
            Add(terms, idf.TermVector(c.Terms));
            Add(entities, idf.EntityVector(c.Entities));
        }
        Normalize(terms);
        Normalize(entities);
        return (terms, entities);
    }

    /// <summary>
    /// Inverse document frequencies over one decision's window, <c>ln((N + 1) / (df + 1))</c>, kept with the new
    /// article's normalised weight of each term so that scoring a candidate costs one lookup per term.
    /// </summary>
    private sealed class Idf
    {
        private struct Stat
        {
            public int Df;
            public double Idf;
            public double Doc;
        }

        private readonly Dictionary<string, Stat> _terms;
        private readonly Dictionary<string, Stat> _entities;
        private readonly double _docs;

        public Idf(StoryDoc doc, IEnumerable<StoryCandidate> window, double docs)
        {
            _docs = docs;
            // Why sized: growing them from empty for a full window (300 candidates) was 3.9 % of the writer thread in a profile.
            int n = window.TryGetNonEnumeratedCount(out var count) ? count + 1 : 16;
            _terms = new Dictionary<string, Stat>(Math.Min(n * TopTermCount / 3, 8192), StringComparer.Ordinal);
            _entities = new Dictionary<string, Stat>(Math.Min(n * 4, 2048), StringComparer.Ordinal);
            foreach (var t in doc.Terms) CollectionsMarshal.GetValueRefOrAddDefault(_terms, t.Term, out _).Df = 1;
            foreach (var e in doc.Entities) CollectionsMarshal.GetValueRefOrAddDefault(_entities, e, out _).Df = 1;
            foreach (var c in window)
            {
                foreach (var t in c.Terms) CollectionsMarshal.GetValueRefOrAddDefault(_terms, t.Term, out _).Df++;
                foreach (var e in c.Entities) CollectionsMarshal.GetValueRefOrAddDefault(_entities, e, out _).Df++;
            }
            foreach (var key in _terms.Keys) CollectionsMarshal.GetValueRefOrNullRef(_terms, key).Idf = Of(_terms[key].Df);
            foreach (var key in _entities.Keys) CollectionsMarshal.GetValueRefOrNullRef(_entities, key).Idf = Of(_entities[key].Df);
        }

        /// <summary>Records the new article's normalised weights for <see cref="DotTerms"/> and <see cref="DotEntities"/>.</summary>
        public void SetDocument(Dictionary<string, double> terms, Dictionary<string, double> entities)
        {
            foreach (var (t, w) in terms) CollectionsMarshal.GetValueRefOrAddDefault(_terms, t, out _).Doc = w;
            foreach (var (e, w) in entities) CollectionsMarshal.GetValueRefOrAddDefault(_entities, e, out _).Doc = w;
        }

        // Why no "+ 1": a term in every article of a full window should weigh nothing.
        private double Of(int df) => Math.Log((_docs + 1) / (Math.Max(1, df) + 1));
        private static readonly double[] TfTable = [.. Enumerable.Range(0, 32).Select(n => 1 + Math.Log(Math.Max(1, n)))];
        private static double Tf(int count) => count < TfTable.Length ? TfTable[Math.Max(0, count)] : 1 + Math.Log(count);

        public Dictionary<string, double> TermVector(IReadOnlyList<TermCount> terms)
        {
            var v = new Dictionary<string, double>(terms.Count, StringComparer.Ordinal);
            foreach (var t in terms) v[t.Term] = Tf(t.Count) * Of(_terms.GetValueOrDefault(t.Term).Df);
            Normalize(v);
            return v;
        }

        public Dictionary<string, double> EntityVector(IReadOnlyList<string> entities)
        {
            var v = new Dictionary<string, double>(entities.Count, StringComparer.Ordinal);
            foreach (var e in entities) v[e] = Of(_entities.GetValueOrDefault(e).Df);
            Normalize(v);
            return v;
        }

        /// <summary>The dot product of a window article's unnormalised term vector with the new article's, and its norm.</summary>
        public (double Dot, double Norm) DotTerms(IReadOnlyList<TermCount> terms)
        {
            double dot = 0, sq = 0;
            foreach (var t in terms)
            {
                ref var s = ref CollectionsMarshal.GetValueRefOrNullRef(_terms, t.Term);
                if (Unsafe.IsNullRef(ref s)) continue;
                double w = Tf(t.Count) * s.Idf;
                sq += w * w;
                dot += w * s.Doc;
            }
            return (dot, Math.Sqrt(sq));
        }

        public (double Dot, double Norm) DotEntities(IReadOnlyList<string> entities)
        {
            double dot = 0, sq = 0;
            foreach (var e in entities)
            {
                ref var s = ref CollectionsMarshal.GetValueRefOrNullRef(_entities, e);
                if (Unsafe.IsNullRef(ref s)) continue;
                double w = s.Idf;
                sq += w * w;
                dot += w * s.Doc;
            }
            return (dot, Math.Sqrt(sq));
        }
    }

    private sealed record StoryMatch(StoryCandidate Target, List<(StoryCandidate C, int Days, double Terms, double Entities)> Members,
        double Terms, double Entities, bool WithEntities, int Days, double Score);

    private static string Reason(StoryMatch m, Dictionary<string, double> docTerms, Dictionary<string, double> docEntities,
        Dictionary<string, double> termCentroid, Dictionary<string, double> entityCentroid, StoryScoring p)
    {
        static string Top(Dictionary<string, double> doc, Dictionary<string, double> centroid, int n)
        {
            var shared = doc.Where(kv => centroid.ContainsKey(kv.Key)).Select(kv => (kv.Key, W: kv.Value * centroid[kv.Key]))
                .OrderByDescending(x => x.W).ThenBy(x => x.Key, StringComparer.Ordinal).Take(n).Select(x => x.Key).ToList();
            return shared.Count == 0 ? "none" : string.Join(", ", shared);
        }
        var entityPart = m.WithEntities
            ? string.Create(CultureInfo.InvariantCulture, $"entities {m.Entities:F2} (shared: {Top(docEntities, entityCentroid, 6)})")
            : "entities not compared (one side has none)";
        var articles = m.Members.Count == 1 ? "1 article" : m.Members.Count.ToString(CultureInfo.InvariantCulture) + " articles";
        return string.Create(CultureInfo.InvariantCulture,
            $"same story: TF-IDF cosine to the story's centroid ({articles} in the window): terms {m.Terms:F2} (shared: {Top(docTerms, termCentroid, 8)}); {entityPart}; {m.Days} days apart; score {m.Score:F2} >= {p.JoinScore:F2}");
    }

    private static void Add(Dictionary<string, double> sum, Dictionary<string, double> v)
    {
        foreach (var (k, w) in v) sum[k] = sum.GetValueOrDefault(k) + w;
    }

    private static void Normalize(Dictionary<string, double> v)
    {
        double sq = 0;
        foreach (var w in v.Values) sq += w * w;
        if (sq == 0) return;
        double norm = Math.Sqrt(sq);
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
