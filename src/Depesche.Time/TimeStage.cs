using Depesche.Core;

namespace Depesche.Time;

/// <summary>
/// The rule-based time stage: reads sentence boundaries and produces the <see cref="LayerName.Times"/> layer of
/// <see cref="TimeExpression"/> items. Thread-safe: one instance serves every worker.
/// An article without a publication date still gets its expressions: what the date fixes (<c>am 3. Oktober 2025</c>,
/// <c>drei Tage</c>) keeps its value, and what depends on it is underspecified TIMEX3 (<c>am 3. Oktober</c> →
/// <c>XXXX-10-03</c>, <c>am Freitag</c> → <c>XXXX-XX-XX</c>).
/// </summary>
public sealed class TimeStage : IStage
{
    public const string StageId = "time.rules.v1";
    private readonly GermanTimeTagger _tagger;

    public TimeStage(TimeOptions? options = null) => _tagger = new GermanTimeTagger(options);

    public TimeOptions Options => _tagger.Options;
    public string Id => StageId;
    public string Description => "German dates, times, durations and sets (TIMEX3), anchored on the publication date";
    public IReadOnlyList<LayerName> Requires { get; } = [LayerName.Tokens, LayerName.Sentences];
    public IReadOnlyList<LayerName> Produces { get; } = [LayerName.Times];

    public IReadOnlyList<ILayer> Run(Analysis input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var sentences = input.Sentences;
        var ranges = new List<TextRange>(sentences.Count);
        foreach (var s in sentences) ranges.Add(s.Range);
        var items = input.Article.Source.Published is { } published
            ? _tagger.Tag(input.Text, ranges, GermanTimeTagger.LocalDate(published, Options.TimeZone))
            : Undated(input.Text, ranges);
        return [new Layer<TimeExpression>(LayerName.Times, new Producer(StageId), items)];
    }

    // Why two anchors that differ in year, month, week and weekday: a value part that the anchor decides differs
    // between the two runs, so comparing them tells which parts the text itself fixes.
    private static readonly DateOnly FirstAnchor = new(2001, 3, 14), SecondAnchor = new(2002, 7, 19);

    /// <summary>The expressions of an undated text: parts of a value that depend on the anchor become <c>X</c>.</summary>
    private IReadOnlyList<TimeExpression> Undated(string text, List<TextRange> ranges)
    {
        var first = _tagger.Tag(text, ranges, FirstAnchor);
        var second = _tagger.Tag(text, ranges, SecondAnchor);
        var bySpan = new Dictionary<(int, int), TimeExpression>(second.Count);
        foreach (var t in second) bySpan.TryAdd((t.Start, t.End), t);
        var list = new List<TimeExpression>(first.Count);
        foreach (var t in first)
        {
            if (!bySpan.TryGetValue((t.Start, t.End), out var other)) continue;
            list.Add(t.Value == other.Value ? t : t with { Value = Underspecified(t.Value, other.Value) });
        }
        return list;
    }

    /// <summary>
    /// <c>2001-10-03</c> and <c>2002-10-03</c> give <c>XXXX-10-03</c>: every run of digits with a difference becomes
    /// X's (why whole runs: <c>2001-03-1X</c> would claim the anchor fixed the decade of the day). Values of different
    /// shapes give <c>XXXX-XX-XX</c>.
    /// </summary>
    internal static string Underspecified(string a, string b)
    {
        if (a.Length != b.Length) return "XXXX-XX-XX";
        var chars = a.ToCharArray();
        for (int i = 0; i < chars.Length;)
        {
            if (!char.IsAsciiDigit(a[i]) || !char.IsAsciiDigit(b[i]))
            {
                if (a[i] != b[i]) return "XXXX-XX-XX";
                i++;
                continue;
            }
            int end = i;
            bool differs = false;
            while (end < chars.Length && char.IsAsciiDigit(a[end]) && char.IsAsciiDigit(b[end])) differs |= a[end] != b[end++];
            if (end < chars.Length && char.IsAsciiDigit(a[end]) != char.IsAsciiDigit(b[end])) return "XXXX-XX-XX";
            if (differs) chars.AsSpan(i, end - i).Fill('X');
            i = end;
        }
        return new string(chars);
    }
}
