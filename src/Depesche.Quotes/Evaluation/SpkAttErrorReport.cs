using System.Globalization;
using System.Text;
using Depesche.Core;

namespace Depesche.Quotes.Evaluation;

/// <summary>
/// A readable account of where the quote stage gains and loses points on SpkAtt documents: one line per gold event
/// (its form, its message and source, and the prediction the scorer paired with it) and one per unpaired prediction,
/// then counts per form. For error analysis on the tune split (<c>depesche eval quotes --split tune --errors FILE</c>);
/// it prints corpus text, so its output is a working file and is never committed.
/// </summary>
public static class SpkAttErrorReport
{
    /// <summary>A gold message counts as found when the paired prediction's message overlaps it with token F1 at least this.</summary>
    public const double FoundOverlap = 0.5;

    /// <summary>Writes the report for <paramref name="documents"/> to <paramref name="output"/>. Not thread-safe on one writer.</summary>
    public static void Write(TextWriter output, IEnumerable<SpkAttDocument> documents, QuoteStage? stage = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(documents);
        stage ??= new QuoteStage();
        var perForm = new SortedDictionary<string, FormCounts>(StringComparer.Ordinal);
        var perKind = new SortedDictionary<string, FormCounts>(StringComparer.Ordinal);
        foreach (var d in documents)
        {
            var a = d.ToAnalysis();
            var tokens = d.Sentences.SelectMany(s => s).ToArray();
            var sentenceOf = d.Sentences.SelectMany((s, k) => s.Select(_ => k)).ToArray();
            var (gold, pred, assign) = QuoteEvaluator.Pair(d.Gold, SpkAttEvaluation.ToEvents(stage.Find(a), a.Tokens));
            if (gold.Length == 0 && pred.Length == 0) continue;
            output.WriteLine($"## {d.Name}");
            var shown = new bool[pred.Length];   // paired with a gold message it overlaps
            var order = Enumerable.Range(0, gold.Length).OrderBy(i => gold[i].Message.IsEmpty ? int.MaxValue : gold[i].Message[0]);
            foreach (int i in order)
            {
                var g = gold[i];
                var c = Counts(perForm, g.Form ?? "?");
                c.Count++;
                int j = assign[i];
                var p = j >= 0 ? pred[j] : null;
                double m = p is null ? 0 : QuoteEvaluator.OverlapF1(g.Message, p.Message);
                double s = p is null ? 0 : SourceF1(g.Source, p.Source);
                bool found = m >= FoundOverlap;
                if (found) { c.Found++; c.SourceF1 += s; }
                c.MessageLoss += 1 - Recall(g.Message, p?.Message ?? []);
                if (!g.Source.IsDefaultOrEmpty) c.SourceLoss += 1 - Recall(g.Source, p?.Source ?? []);
                string tag = !found ? "MISS" : s >= 0.999 ? "OK" : "SRC";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{tag,-4} {g.Form}→{p?.Form ?? "-"} m={m:F2} s={s:F2} | G: {Text(tokens, g.Message)} || {Text(tokens, g.Source)}"));
                if (p is not null && m > 0)
                {
                    shown[j] = true;
                    output.WriteLine($"                               P: {Text(tokens, p.Message)} || {Text(tokens, p.Source)}");
                }
                if (p is not null && found) Counts(perKind, p.Form ?? "?").Found++;
                if (tag != "OK" && !g.Message.IsDefaultOrEmpty)
                {
                    // The sentences the gold message and source lie in, for context.
                    int s0 = sentenceOf[g.Message[0]], s1 = sentenceOf[g.Message[^1]];
                    if (!g.Source.IsDefaultOrEmpty) { s0 = Math.Min(s0, sentenceOf[g.Source[0]]); s1 = Math.Max(s1, sentenceOf[g.Source[^1]]); }
                    for (int k = s0; k <= s1 && k <= s0 + 3; k++) output.WriteLine($"                               S{k}: {string.Join(' ', d.Sentences[k])}");
                }
            }
            for (int j = 0; j < pred.Length; j++)
            {
                var k = Counts(perKind, pred[j].Form ?? "?");
                k.Count++;
                int gi = Array.IndexOf(assign, j);
                var pg = gi >= 0 ? gold[gi] : null;
                k.MessageLoss += 1 - Recall(pred[j].Message, pg?.Message ?? []);
                if (!pred[j].Source.IsDefaultOrEmpty) k.SourceLoss += 1 - Recall(pred[j].Source, pg?.Source ?? []);
                if (shown[j]) continue;
                output.WriteLine($"FP   -→{pred[j].Form} | P: {Text(tokens, pred[j].Message)} || {Text(tokens, pred[j].Source)}");
            }
        }
        output.WriteLine();
        // Why: the metric macro-averages per-event recall (gold side) and precision (predicted side); the losses are the
        // sums of (1 - value) per event and role, so they show which forms cost the most points.
        output.WriteLine($"gold form: found (message overlap F1 >= {FoundOverlap.ToString(CultureInfo.InvariantCulture)}) / all, mean source F1 of the found, recall lost (message, source)");
        foreach (var (form, c) in perForm)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {form,-22} {c.Found,5} / {c.Count,5}   source {(c.Found == 0 ? 0 : c.SourceF1 / c.Found):F3}   lost {c.MessageLoss,7:F1} {c.SourceLoss,7:F1}"));
        output.WriteLine("predicted kind: matching a gold message / all, precision lost (message, source)");
        foreach (var (form, c) in perKind)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {form,-22} {c.Found,5} / {c.Count,5}   lost {c.MessageLoss,7:F1} {c.SourceLoss,7:F1}"));
    }

    private sealed class FormCounts
    {
        public int Count, Found;   // events of the form (gold or predicted), and those matching the other side
        public double SourceF1, MessageLoss, SourceLoss;
    }

    private static FormCounts Counts(SortedDictionary<string, FormCounts> d, string key)
    {
        if (!d.TryGetValue(key, out var c)) d[key] = c = new FormCounts();
        return c;
    }

    /// <summary>The share of <paramref name="reference"/> that <paramref name="other"/> covers (recall against gold, precision against a prediction).</summary>
    private static double Recall(System.Collections.Immutable.ImmutableArray<int> reference, System.Collections.Immutable.ImmutableArray<int> other)
    {
        QuoteEvaluator.Count(reference, other, out int tp, out _, out int fn);
        return tp + fn == 0 ? 1 : (double)tp / (tp + fn);
    }

    /// <summary>Token-overlap F1 of two sources, with two empty sources counting as a match.</summary>
    private static double SourceF1(System.Collections.Immutable.ImmutableArray<int> gold, System.Collections.Immutable.ImmutableArray<int> sys) =>
        gold.IsDefaultOrEmpty && sys.IsDefaultOrEmpty ? 1 : QuoteEvaluator.OverlapF1(gold, sys);

    /// <summary>The tokens of a span, with "…" where it is discontinuous.</summary>
    private static string Text(string[] tokens, System.Collections.Immutable.ImmutableArray<int> ids)
    {
        if (ids.IsDefaultOrEmpty) return "∅";
        var sb = new StringBuilder();
        for (int k = 0; k < ids.Length; k++)
        {
            if (k > 0) sb.Append(ids[k] == ids[k - 1] + 1 ? " " : " … ");
            sb.Append(tokens[ids[k]]);
        }
        return sb.ToString();
    }
}
