using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Depesche.Core;

namespace Depesche.Time.Evaluation;

/// <summary>A gold temporal expression: offsets into the document text, a TIMEX3 value and modifier.</summary>
public readonly record struct GoldTimex(int Start, int End, TimexType Type, string Value, TimexMod Mod);

/// <summary>A document to evaluate on: its text, creation date (the anchor) and gold expressions.</summary>
public sealed record TimeEvalDocument(string Id, string Text, DateOnly CreationDate, IReadOnlyList<GoldTimex> Gold);

/// <summary>
/// Scores in the columns HeidelTime publishes, micro-averaged over all expressions, all as fractions 0..1.
/// Lenient: any overlap (one-to-one). Strict: identical offsets. Value accuracy: share of lenient matches whose
/// value is right. Strict+value: strict match and right value.
/// </summary>
public sealed record TimeScores
{
    [JsonPropertyName("documents")] public int Documents { get; init; }
    [JsonPropertyName("gold")] public int Gold { get; init; }
    [JsonPropertyName("system")] public int System { get; init; }
    [JsonPropertyName("lenientMatches")] public int LenientMatches { get; init; }
    [JsonPropertyName("strictMatches")] public int StrictMatches { get; init; }
    [JsonPropertyName("lenientValueMatches")] public int LenientValueMatches { get; init; }
    [JsonPropertyName("strictValueMatches")] public int StrictValueMatches { get; init; }
    [JsonPropertyName("lenientPrecision")] public double LenientPrecision => Ratio(LenientMatches, System);
    [JsonPropertyName("lenientRecall")] public double LenientRecall => Ratio(LenientMatches, Gold);
    [JsonPropertyName("lenientF1")] public double LenientF1 => F1(LenientPrecision, LenientRecall);
    [JsonPropertyName("strictPrecision")] public double StrictPrecision => Ratio(StrictMatches, System);
    [JsonPropertyName("strictRecall")] public double StrictRecall => Ratio(StrictMatches, Gold);
    [JsonPropertyName("strictF1")] public double StrictF1 => F1(StrictPrecision, StrictRecall);
    [JsonPropertyName("valueAccuracy")] public double ValueAccuracy => Ratio(LenientValueMatches, LenientMatches);
    [JsonPropertyName("lenientValueF1")] public double LenientValueF1 => F1(Ratio(LenientValueMatches, System), Ratio(LenientValueMatches, Gold));
    [JsonPropertyName("strictValueF1")] public double StrictValueF1 => F1(Ratio(StrictValueMatches, System), Ratio(StrictValueMatches, Gold));

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
    private static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);

    public string ToJson() => JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true });

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"docs {Documents}, gold {Gold}, system {System}: lenient P/R/F1 {LenientPrecision:P1}/{LenientRecall:P1}/{LenientF1:P1}, strict P/R/F1 {StrictPrecision:P1}/{StrictRecall:P1}/{StrictF1:P1}, value accuracy {ValueAccuracy:P1}, strict+value F1 {StrictValueF1:P1}, lenient+value F1 {LenientValueF1:P1}");
}

/// <summary>One document's system and gold expressions side by side, for error analysis.</summary>
public sealed record TimeDocumentResult(TimeEvalDocument Document, IReadOnlyList<TimeExpression> System);

/// <summary>Scores the tagger against gold documents. Pure: no I/O; thread-safe.</summary>
public static class TimeEvaluator
{
    public static TimeScores Evaluate(IEnumerable<TimeEvalDocument> documents, TimeMode mode) =>
        Evaluate(documents, new GermanTimeTagger(new TimeOptions(mode)), out _);

    public static TimeScores Evaluate(IEnumerable<TimeEvalDocument> documents, GermanTimeTagger tagger, out IReadOnlyList<TimeDocumentResult> results)
    {
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentNullException.ThrowIfNull(tagger);
        var list = new List<TimeDocumentResult>();
        foreach (var doc in documents)
            list.Add(new TimeDocumentResult(doc, tagger.Tag(doc.Text, doc.CreationDate)));
        results = list;
        return Score(list);
    }

    /// <summary>Scores given system output (from any tagger) against the gold.</summary>
    public static TimeScores Score(IEnumerable<TimeDocumentResult> results)
    {
        int docs = 0, gold = 0, sys = 0, len = 0, strict = 0, lenVal = 0, strictVal = 0;
        foreach (var r in results)
        {
            docs++;
            gold += r.Document.Gold.Count;
            sys += r.System.Count;
            var used = new bool[r.System.Count];
            foreach (var g in r.Document.Gold)
            {
                int best = -1, bestOverlap = 0;
                for (int s = 0; s < r.System.Count; s++)
                {
                    if (used[s]) continue;
                    int ov = Math.Min(g.End, r.System[s].End) - Math.Max(g.Start, r.System[s].Start);
                    if (ov > bestOverlap) { bestOverlap = ov; best = s; }
                }
                if (best < 0) continue;
                used[best] = true;
                var m = r.System[best];
                bool exact = m.Start == g.Start && m.End == g.End;
                bool value = string.Equals(m.Value, g.Value, StringComparison.Ordinal);
                len++;
                if (exact) strict++;
                if (value) lenVal++;
                if (exact && value) strictVal++;
            }
        }
        return new TimeScores { Documents = docs, Gold = gold, System = sys, LenientMatches = len, StrictMatches = strict, LenientValueMatches = lenVal, StrictValueMatches = strictVal };
    }
}

/// <summary>
/// Reads WikiWarsDE (ACE TERN SGML with inline TIMEX2) from its <c>keyinline</c> folder and maps the TIMEX2 gold to
/// TIMEX3 (see docs/time.md). Offsets are into the <c>TEXT</c> element's content with the tags removed.
/// </summary>
public static class WikiWarsReader
{
    /// <summary>Reads every <c>*.key.xml</c> under <paramref name="directory"/> (or its <c>keyinline</c> subfolder), sorted by name.</summary>
    public static IReadOnlyList<TimeEvalDocument> ReadDirectory(string directory)
    {
        var dir = Directory.Exists(Path.Combine(directory, "keyinline")) ? Path.Combine(directory, "keyinline") : directory;
        var files = Directory.GetFiles(dir, "*.key.xml");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Select(f => Parse(Path.GetFileName(f).Replace(".key.xml", "", StringComparison.Ordinal), File.ReadAllText(f))).ToList();
    }

    public static TimeEvalDocument Parse(string id, string sgml)
    {
        ArgumentNullException.ThrowIfNull(sgml);
        DateOnly dct = default;
        int dt = sgml.IndexOf("<DATETIME>", StringComparison.Ordinal);
        if (dt >= 0)
        {
            int v = sgml.IndexOf("val=\"", dt, StringComparison.Ordinal);
            if (v >= 0 && DateOnly.TryParseExact(sgml.AsSpan(v + 5, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) dct = d;
        }
        int ts = sgml.IndexOf("<TEXT>", StringComparison.Ordinal);
        int te = sgml.IndexOf("</TEXT>", StringComparison.Ordinal);
        if (ts < 0 || te < 0) throw new FormatException($"{id}: no <TEXT> element");
        var text = new StringBuilder(te - ts);
        var gold = new List<GoldTimex>();
        int start = -1;
        string attrs = "";
        for (int i = ts + 6; i < te; i++)
        {
            if (sgml[i] == '<')
            {
                int close = sgml.IndexOf('>', i);
                var tag = sgml.AsSpan(i + 1, close - i - 1);
                if (tag.StartsWith("TIMEX2")) { start = text.Length; attrs = tag.ToString(); }
                else if (tag.StartsWith("/TIMEX2") && start >= 0)
                {
                    gold.Add(MapTimex2(start, text.Length, attrs));
                    start = -1;
                }
                i = close;
                continue;
            }
            text.Append(sgml[i]);
        }
        return new TimeEvalDocument(id, text.ToString(), dct, gold);
    }

    /// <summary>TIMEX2 → TIMEX3: VAL carries over (the value grammars agree on what WikiWarsDE uses); SET from set="YES".</summary>
    internal static GoldTimex MapTimex2(int start, int end, string attrs)
    {
        string val = Attr(attrs, "val") ?? "";
        bool set = string.Equals(Attr(attrs, "set"), "yes", StringComparison.OrdinalIgnoreCase);
        var mod = TimexValue.ParseMod(Attr(attrs, "mod"));
        return new GoldTimex(start, end, TimexValue.TypeOf(val, set), val, mod);
    }

    private static string? Attr(string attrs, string name)
    {
        int i = attrs.IndexOf(" " + name + "=\"", StringComparison.Ordinal);
        if (i < 0) return null;
        int s = i + name.Length + 3;
        int e = attrs.IndexOf('"', s);
        return e < 0 ? null : attrs[s..e];
    }
}
