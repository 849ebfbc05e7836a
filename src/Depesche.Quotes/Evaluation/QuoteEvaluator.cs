using System.Collections.Immutable;

namespace Depesche.Quotes.Evaluation;

/// <summary>
/// One speech event as token sets, the unit the SpkAtt metric compares. Token ids are absolute (running over the
/// whole document), sorted and distinct.
/// </summary>
public sealed record SpeechEvent(ImmutableArray<int> Message, ImmutableArray<int> Source, string? Form = null, string? Stwr = null, bool IsNested = false)
{
    public static SpeechEvent Create(IEnumerable<int> message, IEnumerable<int> source, string? form = null, string? stwr = null, bool isNested = false) =>
        new([.. message.Distinct().Order()], [.. source.Distinct().Order()], form, stwr, isNested);
}

/// <summary>Precision, recall and F1 of one part, in percent.</summary>
public readonly record struct Prf(double Precision, double Recall, double F1)
{
    internal static Prf From(double p, double r) => new(100 * p, 100 * r, p + r == 0 ? 0 : 100 * 2 * p * r / (p + r));
}

/// <summary>The scores of GermEval 2023 SpkAtt Task 2, subtask 2 (simplified: Source and Message, non-nested events).</summary>
public sealed record QuoteScores(Prf Message, Prf Source, Prf Joint, int Documents, int GoldEvents, int PredictedEvents, int PairedEvents)
{
    public double MessageF1 => Message.F1;
    public double SourceF1 => Source.F1;
    public double JointF1 => Joint.F1;
}

/// <summary>
/// Scores predicted speech events against gold the way the shared task's scorer does:
/// <list type="number">
/// <item>Nested events (<see cref="SpeechEvent.IsNested"/>) are dropped on both sides.</item>
/// <item>Per document, gold and predicted Messages are paired by linear sum assignment (<see cref="Hungarian"/>) on the
/// token-overlap F1 of their Messages, plus 0.01 for the same Form and 0.001 for the same STWR where they overlap.
/// As in the scorer, every event of the smaller side is paired, even at zero overlap.</item>
/// <item>Inside each pair, and for each unpaired event against an empty one, Message and Source tokens are counted as
/// TP/FP/FN; precision and recall are computed per event and role (undefined when their denominator is 0).</item>
/// <item>The final figures are macro averages of those per-event values: Message, Source, and Joint (both pooled).</item>
/// </list>
/// Not thread-safe: one instance accumulates one evaluation.
/// </summary>
public sealed class QuoteEvaluator
{
    private double _msgP, _msgR, _srcP, _srcR;
    private int _msgPn, _msgRn, _srcPn, _srcRn;
    private int _documents, _gold, _predicted, _paired;

    /// <summary>Adds one document's gold and predicted events.</summary>
    public void Add(IReadOnlyList<SpeechEvent> gold, IReadOnlyList<SpeechEvent> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var (g, s, assign) = Pair(gold, predicted);
        _documents++;
        _gold += g.Length;
        _predicted += s.Length;
        var sysPaired = new bool[s.Length];
        for (int i = 0; i < g.Length; i++)
        {
            if (assign[i] >= 0)
            {
                sysPaired[assign[i]] = true;
                _paired++;
                Group(g[i].Message, s[assign[i]].Message, g[i].Source, s[assign[i]].Source);
            }
            else Group(g[i].Message, [], g[i].Source, []);
        }
        for (int j = 0; j < s.Length; j++)
            if (!sysPaired[j]) Group([], s[j].Message, [], s[j].Source);
    }

    /// <summary>
    /// The scorer's pairing of one document: the non-nested gold and predicted events, and for each gold event the index
    /// of its predicted partner or -1.
    /// </summary>
    public static (SpeechEvent[] Gold, SpeechEvent[] Predicted, int[] Assignment) Pair(IReadOnlyList<SpeechEvent> gold, IReadOnlyList<SpeechEvent> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var g = gold.Where(e => !e.IsNested).ToArray();
        var s = predicted.Where(e => !e.IsNested).ToArray();
        var score = new double[g.Length, s.Length];
        for (int i = 0; i < g.Length; i++)
            for (int j = 0; j < s.Length; j++)
            {
                double overlap = OverlapF1(g[i].Message, s[j].Message);
                double bonus = overlap > 0 ? (g[i].Form == s[j].Form ? 0.01 : 0) + (g[i].Stwr == s[j].Stwr ? 0.001 : 0) : 0;
                score[i, j] = overlap + bonus;
            }
        return (g, s, Hungarian.Maximize(score));
    }

    public QuoteScores Result()
    {
        static double Avg(double sum, int n) => n == 0 ? 0 : sum / n;
        return new QuoteScores(
            Prf.From(Avg(_msgP, _msgPn), Avg(_msgR, _msgRn)),
            Prf.From(Avg(_srcP, _srcPn), Avg(_srcR, _srcRn)),
            Prf.From(Avg(_msgP + _srcP, _msgPn + _srcPn), Avg(_msgR + _srcR, _msgRn + _srcRn)),
            _documents, _gold, _predicted, _paired);
    }

    /// <summary>Scores whole corpora in one call: pairs of (gold, predicted) per document.</summary>
    public static QuoteScores Score(IEnumerable<(IReadOnlyList<SpeechEvent> Gold, IReadOnlyList<SpeechEvent> Predicted)> documents)
    {
        var e = new QuoteEvaluator();
        foreach (var (gold, pred) in documents) e.Add(gold, pred);
        return e.Result();
    }

    private void Group(ImmutableArray<int> goldMsg, ImmutableArray<int> sysMsg, ImmutableArray<int> goldSrc, ImmutableArray<int> sysSrc)
    {
        Count(goldMsg, sysMsg, out int tp, out int fp, out int fn);
        if (tp + fp > 0) { _msgP += (double)tp / (tp + fp); _msgPn++; }
        if (tp + fn > 0) { _msgR += (double)tp / (tp + fn); _msgRn++; }
        Count(goldSrc, sysSrc, out tp, out fp, out fn);
        if (tp + fp > 0) { _srcP += (double)tp / (tp + fp); _srcPn++; }
        if (tp + fn > 0) { _srcR += (double)tp / (tp + fn); _srcRn++; }
    }

    internal static void Count(ImmutableArray<int> gold, ImmutableArray<int> sys, out int tp, out int fp, out int fn)
    {
        tp = fp = fn = 0;
        int g = 0, s = 0;
        while (g < gold.Length && s < sys.Length)
        {
            if (gold[g] == sys[s]) { tp++; g++; s++; }
            else if (gold[g] < sys[s]) { fn++; g++; }
            else { fp++; s++; }
        }
        fn += gold.Length - g;
        fp += sys.Length - s;
    }

    /// <summary>Token-overlap F1 of two sorted token sets; 0 when either is empty.</summary>
    public static double OverlapF1(ImmutableArray<int> gold, ImmutableArray<int> sys)
    {
        if (gold.IsDefaultOrEmpty || sys.IsDefaultOrEmpty) return 0;
        Count(gold, sys, out int tp, out int fp, out int fn);
        if (tp == 0) return 0;
        double p = (double)tp / (tp + fp), r = (double)tp / (tp + fn);
        return 2 * p * r / (p + r);
    }
}
