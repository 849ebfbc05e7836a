using Depesche.Core;

namespace Depesche.Time;

/// <summary>
/// Finds and normalises German temporal expressions (TIMEX3 DATE, TIME, DURATION, SET) in raw text.
/// Stateless between calls and thread-safe: every call keeps its own anchor, so one instance serves all workers.
/// Offsets in the results are half-open UTF-16 indices into the text passed in.
/// </summary>
public sealed class GermanTimeTagger
{
    public GermanTimeTagger(TimeOptions? options = null) => Options = options ?? TimeOptions.Default;

    public TimeOptions Options { get; }

    /// <summary>Tags one sentence. <paramref name="tense"/> overrides the detector (for tests and callers that know it).</summary>
    public IReadOnlyList<TimeExpression> TagSentence(string sentence, DateOnly anchorDate, Tense? tense = null)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var output = new List<TimeExpression>();
        var anchor = new Anchor(anchorDate, Gran.Day);
        SentenceScanner.Scan(sentence, 0, sentence.Length, Options.Mode, anchorDate, anchor, output, tense);
        return output;
    }

    /// <summary>Tags a text over the given sentence ranges, in order. In narrative mode the anchor moves from sentence to sentence.</summary>
    public IReadOnlyList<TimeExpression> Tag(string text, IEnumerable<TextRange> sentences, DateOnly anchorDate)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sentences);
        var output = new List<TimeExpression>();
        var anchor = new Anchor(anchorDate, Gran.Day);
        foreach (var s in sentences)
        {
            if (s.End > text.Length) throw new ArgumentOutOfRangeException(nameof(sentences), $"Sentence {s} lies outside the text.");
            SentenceScanner.Scan(text, s.Start, s.End, Options.Mode, anchorDate, anchor, output);
        }
        return output;
    }

    /// <summary>Tags a whole text, splitting sentences with <see cref="SimpleSentences"/> (for callers without a sentence layer).</summary>
    public IReadOnlyList<TimeExpression> Tag(string text, DateOnly anchorDate) => Tag(text, SimpleSentences.Split(text), anchorDate);

    /// <summary>The local calendar date of a publication time in the newsroom's zone; a bare date is taken as is.</summary>
    public static DateOnly LocalDate(PublicationTime published, string timeZone)
    {
        if (published.TimeOfDay is not { } tod || published.UtcOffset is not { } offset) return published.Date;
        var instant = new DateTimeOffset(published.Date.ToDateTime(tod), offset);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
    }
}

/// <summary>
/// A minimal sentence splitter for raw text: line breaks, and <c>. ! ?</c> before an upper-case letter, except after
/// a number (<c>am 21. Juli</c>) or a short abbreviation. The project splitter in Depesche.Text replaces it in pipelines.
/// </summary>
public static class SimpleSentences
{
    public static List<TextRange> Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new List<TextRange>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                Add(result, text, start, i);
                start = i + 1;
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && i + 2 < text.Length && text[i + 1] == ' ')
            {
                char next = text[i + 2];
                if (!(char.IsUpper(next) || next == '"' || next == '„')) continue;
                if (c == '.' && i > 0 && char.IsAsciiDigit(text[i - 1])) continue;
                if (c == '.')
                {
                    int w = i;
                    while (w > start && char.IsLetter(text[w - 1])) w--;
                    if (i - w <= 2 || (w > 0 && text[w - 1] == '.')) continue; // z. B., u. a., Chr.
                }
                Add(result, text, start, i + 1);
                start = i + 1;
            }
        }
        Add(result, text, start, text.Length);
        return result;
    }

    private static void Add(List<TextRange> result, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) result.Add(new TextRange(start, end));
    }
}
