using System.Collections.Immutable;
using Depesche.Core;

namespace Depesche.Events.Evaluation;

/// <summary>A gold event the system missed or got partly wrong, or a predicted one with no exact gold match.</summary>
public sealed record EventError(string Document, string Kind, string? Gold, string? Predicted);

/// <summary>
/// Scores of the event layer against a gold set. Fractions in [0, 1].
/// <para><b>Tuple</b> precision/recall/F1 count an event as correct only when type, actor set, place, date and status
/// all equal a gold event's (one-to-one). <b>Detection</b> counts the one-to-one alignment of predicted to gold events
/// of the same type. The element accuracies are over aligned pairs: of the events found with the right type, how
/// many have the right actors, place, date and status.</para>
/// </summary>
public sealed record EventReport(
    int Documents,
    int Gold,
    int Predicted,
    int TupleCorrect,
    int Aligned,
    int ActorsCorrect,
    int PlaceCorrect,
    int DateCorrect,
    int StatusCorrect,
    ImmutableArray<EventError> Errors)
{
    public double Precision => Predicted == 0 ? 0 : (double)TupleCorrect / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)TupleCorrect / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double DetectionPrecision => Predicted == 0 ? 0 : (double)Aligned / Predicted;
    public double DetectionRecall => Gold == 0 ? 0 : (double)Aligned / Gold;
    public double DetectionF1 => DetectionPrecision + DetectionRecall == 0 ? 0 : 2 * DetectionPrecision * DetectionRecall / (DetectionPrecision + DetectionRecall);
    public double ActorsAccuracy => Aligned == 0 ? 0 : (double)ActorsCorrect / Aligned;
    public double PlaceAccuracy => Aligned == 0 ? 0 : (double)PlaceCorrect / Aligned;
    public double DateAccuracy => Aligned == 0 ? 0 : (double)DateCorrect / Aligned;
    public double StatusAccuracy => Aligned == 0 ? 0 : (double)StatusCorrect / Aligned;
}

/// <summary>
/// Compares the events layer of analysed gold articles with the gold tuples. Pure; the caller supplies the analysis
/// (reader and pipeline live in the CLI, so this assembly needs Core only).
/// </summary>
public static class EventEvaluator
{
    /// <summary>Analyses every article with <paramref name="analyse"/> and scores its events layer.</summary>
    public static EventReport Evaluate(IEnumerable<GoldEventArticle> gold, Func<GoldEventArticle, Analysis> analyse)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(analyse);
        var pairs = new List<(string Id, IReadOnlyList<GoldEvent> Gold, IReadOnlyList<GoldEvent> Predicted)>();
        foreach (var g in gold)
        {
            var layer = analyse(g).Find<Layer<EventMention>>(LayerName.Events);
            var predicted = layer is null ? [] : layer.Items.Select(m => EventTuple.Of(m)).ToList();
            pairs.Add((g.Id, g.Events, predicted));
        }
        return Score(pairs);
    }

    /// <summary>Scores already-converted tuples, per document.</summary>
    public static EventReport Score(IEnumerable<(string Id, IReadOnlyList<GoldEvent> Gold, IReadOnlyList<GoldEvent> Predicted)> documents)
    {
        int docs = 0, nGold = 0, nPred = 0, tuple = 0, aligned = 0, actors = 0, place = 0, date = 0, status = 0;
        var errors = ImmutableArray.CreateBuilder<EventError>();
        foreach (var (id, gold, pred) in documents)
        {
            docs++;
            nGold += gold.Count;
            nPred += pred.Count;
            var match = Align(gold, pred);
            var predMatched = new bool[pred.Count];
            for (int g = 0; g < gold.Count; g++)
            {
                int p = match[g];
                if (p < 0) { errors.Add(new EventError(id, "missed", EventTuple.Format(gold[g]), null)); continue; }
                predMatched[p] = true;
                aligned++;
                var (ge, pe) = (gold[g], pred[p]);
                bool a = EventTuple.SameActors(ge, pe), pl = EventTuple.SamePlace(ge, pe), d = EventTuple.SameDate(ge, pe), s = ge.Status == pe.Status;
                if (a) actors++;
                if (pl) place++;
                if (d) date++;
                if (s) status++;
                if (a && pl && d && s) tuple++;
                else errors.Add(new EventError(id, "partial", EventTuple.Format(ge), EventTuple.Format(pe)));
            }
            for (int p = 0; p < pred.Count; p++)
                if (!predMatched[p]) errors.Add(new EventError(id, "spurious", null, EventTuple.Format(pred[p])));
        }
        return new EventReport(docs, nGold, nPred, tuple, aligned, actors, place, date, status, errors.ToImmutable());
    }

    /// <summary>
    /// One-to-one alignment of gold to predicted events of the same type: greedy on agreement (actor overlap plus one
    /// for each equal place, date and status), ties to the closer position in document order. Exact tuples agree fully,
    /// so they are always paired first. Returns for each gold event the predicted index, or -1.
    /// </summary>
    internal static int[] Align(IReadOnlyList<GoldEvent> gold, IReadOnlyList<GoldEvent> pred)
    {
        var cands = new List<(double Score, double Dist, int G, int P)>();
        for (int g = 0; g < gold.Count; g++)
            for (int p = 0; p < pred.Count; p++)
            {
                if (gold[g].Type != pred[p].Type) continue;
                double score = EventTuple.ActorOverlap(gold[g], pred[p])
                    + (EventTuple.SamePlace(gold[g], pred[p]) ? 1 : 0)
                    + (EventTuple.SameDate(gold[g], pred[p]) ? 1 : 0)
                    + (gold[g].Status == pred[p].Status ? 1 : 0);
                double dist = Math.Abs((double)g / Math.Max(1, gold.Count) - (double)p / Math.Max(1, pred.Count));
                cands.Add((score, dist, g, p));
            }
        cands.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : x.Dist.CompareTo(y.Dist));
        var result = Enumerable.Repeat(-1, gold.Count).ToArray();
        var used = new bool[pred.Count];
        foreach (var (_, _, g, p) in cands)
        {
            if (result[g] >= 0 || used[p]) continue;
            result[g] = p;
            used[p] = true;
        }
        return result;
    }
}
