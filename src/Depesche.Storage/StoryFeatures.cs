using System.Globalization;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Depesche.Storage;

/// <summary>An earlier article a new one may share a story with: its story, date, top terms and entity names.</summary>
internal sealed record StoryCandidate(string Id, long Seq, string StoryId, string? PublishedDate, IReadOnlyList<string> Terms, IReadOnlyList<string> Entities);

/// <summary>
/// Online story clustering: an article that is neither a version nor a copy joins the story of the most similar
/// earlier article published within <see cref="WindowDays"/> days, when
/// <c>score = (entities on both sides ? (terms + entities) / 2 : terms) · exp(−Δdays / 3)</c> reaches
/// <see cref="JoinScore"/> and the stemmed-term overlap alone reaches <see cref="MinTermOverlap"/>. Terms: Jaccard of
/// the 15 most frequent stemmed terms (German light stemming, stop words removed); entities: Jaccard of PER/ORG/LOC
/// names. The join records its reason with the shared terms and entities.
/// </summary>
internal static class StoryFeatures
{
    public const int WindowDays = 3;
    public const int TopTermCount = 15;
    public const double JoinScore = 0.25;
    public const double MinTermOverlap = 0.12;

    private static readonly GermanAnalyzer Analyzer = new(LuceneVersion.LUCENE_48);

    public static IReadOnlyList<string> TopTerms(string? headline, string body)
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
                if (t.Length < 4 || t.Any(char.IsDigit)) continue;
                counts[t] = counts.GetValueOrDefault(t) + weight;
            }
            ts.End();
        }
        Count(headline, 2);
        Count(body, 1);
        return counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(TopTermCount).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
    }

    public static ArticleLink? Decide(ArticleRecord r, IReadOnlyList<StoryCandidate> candidates)
    {
        if (r.PublishedDate is null || r.StoryTerms.Count == 0) return null;
        var day = DateOnly.ParseExact(r.PublishedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        StoryCandidate? best = null;
        double bestScore = 0, bestTerms = 0, bestEntities = 0;
        int bestDays = 0;
        foreach (var c in candidates.OrderBy(c => c.Seq))
        {
            if (c.PublishedDate is null) continue;
            double terms = Jaccard(r.StoryTerms, c.Terms);
            if (terms < MinTermOverlap) continue;
            bool withEntities = r.EntityKeys.Count > 0 && c.Entities.Count > 0;
            double entities = withEntities ? Jaccard(r.EntityKeys, c.Entities) : 0;
            int days = Math.Abs(DateOnly.ParseExact(c.PublishedDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - day.DayNumber);
            double score = (withEntities ? (terms + entities) / 2 : terms) * Math.Exp(-days / 3.0);
            if (score > bestScore) (best, bestScore, bestTerms, bestEntities, bestDays) = (c, score, terms, entities, days);
        }
        if (best is null || bestScore < JoinScore) return null;
        var sharedTerms = string.Join(", ", r.StoryTerms.Intersect(best.Terms, StringComparer.Ordinal));
        var sharedEntities = string.Join(", ", r.EntityKeys.Intersect(best.Entities, StringComparer.Ordinal));
        return new ArticleLink(r.Id, best.Id, LinkKind.SameStoryAs, Math.Round(bestScore, 3), string.Create(CultureInfo.InvariantCulture,
            $"same story: shared terms {sharedTerms} (Jaccard {bestTerms:F2}); shared entities {(sharedEntities.Length == 0 ? "none" : sharedEntities)} ({bestEntities:F2}); {bestDays} days apart; score {bestScore:F2} >= {JoinScore:F2}"));
    }

    private static double Jaccard(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        if (a.Count == 0 || b.Count == 0) return 0;
        int inter = a.Intersect(b, StringComparer.Ordinal).Count();
        return (double)inter / (a.Count + b.Count - inter);
    }
}
