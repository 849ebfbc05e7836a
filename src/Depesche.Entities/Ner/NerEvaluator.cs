using System.Text.Json;
using System.Text.Json.Serialization;

namespace Depesche.Entities.Ner;

/// <summary>Precision, recall and F1 (all 0–100) with the counts they come from.</summary>
public sealed record PrfScore(
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("gold")] int Gold,
    [property: JsonPropertyName("predicted")] int Predicted,
    [property: JsonPropertyName("correct")] int Correct)
{
    public static PrfScore From(int correct, int predicted, int gold)
    {
        double p = predicted == 0 ? 0 : 100.0 * correct / predicted;
        double r = gold == 0 ? 0 : 100.0 * correct / gold;
        double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new PrfScore(Math.Round(p, 2), Math.Round(r, 2), Math.Round(f, 2), gold, predicted, correct);
    }
}

/// <summary>
/// GermEval 2014 scores. <see cref="Precision"/>/<see cref="Recall"/>/<see cref="F1"/> are the official strict
/// outer-level chunk scores (metric 3.1: exact span and full label including deriv/part); <see cref="F1Coarse"/> the
/// same with labels folded to PER/LOC/ORG/OTH; <see cref="Combined"/> the official ranking metric (outer + inner
/// chunks summed; this tagger predicts no inner chunks, so inner gold counts as missed).
/// </summary>
public sealed record NerScores(
    [property: JsonPropertyName("precision")] double Precision,
    [property: JsonPropertyName("recall")] double Recall,
    [property: JsonPropertyName("f1")] double F1,
    [property: JsonPropertyName("f1Coarse")] double F1Coarse,
    [property: JsonPropertyName("combined")] PrfScore Combined,
    [property: JsonPropertyName("byType")] IReadOnlyDictionary<string, PrfScore> ByType,
    [property: JsonPropertyName("sentences")] int Sentences,
    [property: JsonPropertyName("tokens")] int Tokens)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };
    public string ToJson() => JsonSerializer.Serialize(this, Options);
}

/// <summary>Computes <see cref="NerScores"/> from gold sentences and predicted outer tags. Stateless; thread-safe.</summary>
public static class NerEvaluator
{
    /// <summary>Tags every sentence with <paramref name="model"/> and scores the outer level.</summary>
    public static NerScores Evaluate(NerModel model, IEnumerable<GoldSentence> gold)
    {
        var list = gold as IReadOnlyList<GoldSentence> ?? gold.ToList();
        return Score(list, list.Select(model.Tag).ToList());
    }

    /// <summary>
    /// News-domain score against a corpus annotated with PER/LOC/ORG only (SmartData): OTH, deriv and part chunks are
    /// dropped from prediction and gold before scoring, so only plain PER/LOC/ORG names count.
    /// </summary>
    public static NerScores EvaluateCoarseOnly(NerModel model, IEnumerable<GoldSentence> gold)
    {
        // Why: the SmartData reader maps lower-case and in-word mentions to deriv/part; this view scores plain names only, on both sides.
        var list = (gold as IReadOnlyList<GoldSentence> ?? gold.ToList())
            .Select(s => new GoldSentence(Enumerable.Range(0, s.Count).Select(s.TokenString).ToArray(), DropNonCoarse(s.Outer), null, s.Source)).ToList();
        var pred = list.Select(s => DropNonCoarse(model.Tag(s))).ToList();
        return Score(list, pred);
    }

    /// <summary>Replaces OTH, deriv and part chunks with O.</summary>
    public static int[] DropNonCoarse(int[] tags)
    {
        var r = (int[])tags.Clone();
        for (int i = 0; i < r.Length; i++)
        {
            int c = NerLabels.ChunkOf(r[i]);
            if (c >= 0 && (c % 3 != 0 || NerLabels.CoarseOf(c) == 3)) r[i] = 0;
        }
        return r;
    }

    /// <summary>Scores predicted outer tags (one array per gold sentence, same lengths).</summary>
    public static NerScores Score(IReadOnlyList<GoldSentence> gold, IReadOnlyList<int[]> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted sentence counts differ.");
        int L = NerLabels.ChunkLabels.Length;
        var g = new int[L]; var p = new int[L]; var c = new int[L];
        int cCoarse = 0, innerGold = 0, tokens = 0;
        for (int s = 0; s < gold.Count; s++)
        {
            if (gold[s].Count != predicted[s].Length) throw new ArgumentException($"Sentence {s}: {gold[s].Count} gold tags but {predicted[s].Length} predicted.");
            tokens += gold[s].Count;
            var gc = NerLabels.Chunks(gold[s].Outer);
            var pc = NerLabels.Chunks(predicted[s]);
            innerGold += NerLabels.Chunks(gold[s].Inner).Count;
            foreach (var x in gc) g[x.Label]++;
            foreach (var x in pc) p[x.Label]++;
            var goldSet = new HashSet<Chunk>(gc);
            var goldCoarse = new HashSet<(int, int, int)>(gc.Select(x => (x.Start, x.End, NerLabels.CoarseOf(x.Label))));
            foreach (var x in pc)
            {
                if (goldSet.Contains(x)) c[x.Label]++;
                if (goldCoarse.Contains((x.Start, x.End, NerLabels.CoarseOf(x.Label)))) cCoarse++;
            }
        }
        int G = g.Sum(), P = p.Sum(), C = c.Sum();
        var outer = PrfScore.From(C, P, G);
        var coarse = PrfScore.From(cCoarse, P, G);
        var byType = new SortedDictionary<string, PrfScore>(StringComparer.Ordinal);
        for (int l = 0; l < L; l++)
            if (g[l] > 0 || p[l] > 0) byType[NerLabels.ChunkLabels[l]] = PrfScore.From(c[l], p[l], g[l]);
        // Coarse per-type rows: every chunk counted under its main class.
        for (int k = 0; k < 4; k++)
        {
            int gk = 0, pk = 0, ck = 0;
            for (int l = k * 3; l < k * 3 + 3; l++) { gk += g[l]; pk += p[l]; ck += c[l]; }
            if (gk > 0 || pk > 0) byType[NerLabels.ChunkLabels[k * 3] + "*"] = PrfScore.From(ck, pk, gk);
        }
        return new NerScores(outer.Precision, outer.Recall, outer.F1, coarse.F1, PrfScore.From(C, P, G + innerGold), byType, gold.Count, tokens);
    }

    /// <summary>Scores pooled over several parts (cross-validation folds): counts are summed, then P/R/F1 computed once.</summary>
    public static NerScores Pool(IReadOnlyList<(IReadOnlyList<GoldSentence> Gold, IReadOnlyList<int[]> Predicted)> parts) =>
        Score(parts.SelectMany(x => x.Gold).ToList(), parts.SelectMany(x => x.Predicted).ToList());
}
