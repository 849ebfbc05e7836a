using System.Collections.Immutable;
using System.Diagnostics;
using Depesche.Core;

namespace Depesche.Knowledge.Evaluation;

/// <summary>One wrongly linked gold mention.</summary>
public sealed record LinkingError(string Document, int Start, int End, string Surface, string Expected, string Predicted);

/// <summary>
/// Linking scores over a gold set. <see cref="Accuracy"/> is mention-level: a mention is right when its predicted id set
/// equals the gold set, or, for a local cluster label, when it shares the local id given to that cluster's first mention
/// and no other cluster got that id. B-cubed compares, per document, the clusters formed by equal gold keys with those
/// formed by equal predicted keys, averaged over all mentions.
/// </summary>
public sealed record LinkingReport(
    string Mode,
    int Documents,
    int Mentions,
    int Correct,
    double Accuracy,
    double BCubedPrecision,
    double BCubedRecall,
    double BCubedF1,
    ImmutableSortedDictionary<string, (int Correct, int Total)> ByType,
    ImmutableArray<LinkingError> Errors,
    double LinkMicrosecondsPerDocument);

/// <summary>Evaluates a <see cref="LinkingStage"/> against gold documents. Stateless and thread-safe.</summary>
public static class LinkingEvaluator
{
    public const string GoldMentionsMode = "gold mentions";
    public const string PredictedMentionsMode = "predicted mentions";

    /// <summary>
    /// Links each gold document. With no <paramref name="analyse"/>, the gold mentions are given to the linker (over the
    /// <see cref="SimpleTokenizer"/>): this measures linking alone. With <paramref name="analyse"/> (tokenizer and NER of
    /// a real pipeline, returning an analysis with an entities layer), predicted mentions are linked and matched to gold
    /// mentions by exact span; a gold mention without a predicted span counts as wrong.
    /// </summary>
    public static LinkingReport Evaluate(IEnumerable<GoldDocument> gold, LinkingStage stage, Func<Article, Analysis>? analyse = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(stage);
        int docs = 0, mentions = 0, correct = 0;
        double p = 0, r = 0;
        var byType = new SortedDictionary<string, (int, int)>(StringComparer.Ordinal);
        var errors = ImmutableArray.CreateBuilder<LinkingError>();
        long linkTicks = 0;
        foreach (var doc in gold)
        {
            docs++;
            var article = doc.ToArticle();
            var analysis = analyse is null ? SimpleTokenizer.Analyse(article).With(doc.ToLayer()) : analyse(article);
            long t0 = Stopwatch.GetTimestamp();
            var layer = stage.Link(analysis);
            linkTicks += Stopwatch.GetTimestamp() - t0;

            var predicted = new Dictionary<(int, int), SortedSet<string>>();
            foreach (var l in layer.Links)
            {
                if (l.MentionIndex < 0) continue;
                if (!predicted.TryGetValue((l.Start, l.End), out var set)) predicted[(l.Start, l.End)] = set = new(StringComparer.Ordinal);
                set.Add(l.EntityId);
            }
            var goldKeys = new string[doc.Mentions.Length];
            var predKeys = new string[doc.Mentions.Length];
            var localOf = new Dictionary<string, string>(StringComparer.Ordinal); // gold label → predicted local id
            var labelOf = new Dictionary<string, string>(StringComparer.Ordinal); // predicted local id → gold label
            for (int i = 0; i < doc.Mentions.Length; i++)
            {
                var g = doc.Mentions[i];
                goldKeys[i] = string.Join('+', g.Expected);
                predKeys[i] = predicted.TryGetValue((g.Start, g.End), out var set) ? string.Join('+', set) : "none:" + i;
                bool ok;
                if (g.IsLocal)
                {
                    var label = g.Expected[0];
                    bool isLocal = set is { Count: 1 } && predKeys[i].StartsWith("local:", StringComparison.Ordinal);
                    if (!isLocal) ok = false;
                    else if (localOf.TryGetValue(label, out var id)) ok = id == predKeys[i];
                    else if (labelOf.ContainsKey(predKeys[i])) ok = false;
                    else { localOf[label] = predKeys[i]; labelOf[predKeys[i]] = label; ok = true; }
                }
                else ok = set is not null && set.SetEquals(g.Expected);
                mentions++;
                if (ok) correct++;
                else errors.Add(new LinkingError(doc.Name, g.Start, g.End, g.Surface, goldKeys[i], set is null ? "(no link)" : predKeys[i]));
                var type = Depesche.Core.Json.AnalysisJson.TypeName(g.Type);
                byType.TryGetValue(type, out var tc);
                byType[type] = (tc.Item1 + (ok ? 1 : 0), tc.Item2 + 1);
            }
            var (dp, dr) = BCubed(goldKeys, predKeys);
            p += dp;
            r += dr;
        }
        double precision = mentions == 0 ? 0 : p / mentions, recall = mentions == 0 ? 0 : r / mentions;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new LinkingReport(analyse is null ? GoldMentionsMode : PredictedMentionsMode, docs, mentions, correct,
            mentions == 0 ? 0 : (double)correct / mentions, precision, recall, f1,
            byType.ToImmutableSortedDictionary(StringComparer.Ordinal), errors.ToImmutable(),
            docs == 0 ? 0 : linkTicks * 1_000_000.0 / Stopwatch.Frequency / docs);
    }

    /// <summary>
    /// Sums of per-mention B-cubed precision and recall for one document (divide by the mention count to average).
    /// Mentions with equal keys form one cluster; gold and predicted keys are compared only within their own side.
    /// </summary>
    public static (double PrecisionSum, double RecallSum) BCubed(IReadOnlyList<string> gold, IReadOnlyList<string> predicted)
    {
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted keys differ in length.");
        double p = 0, r = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            int both = 0, inPred = 0, inGold = 0;
            for (int j = 0; j < gold.Count; j++)
            {
                bool g = gold[j] == gold[i], q = predicted[j] == predicted[i];
                if (g) inGold++;
                if (q) inPred++;
                if (g && q) both++;
            }
            p += (double)both / inPred;
            r += (double)both / inGold;
        }
        return (p, r);
    }
}
