using Depesche.Core;

namespace Depesche.Text;

/// <summary>The result of sentence splitting: the tokens with sentence indices and <see cref="TokenFlags.SentenceStart"/>, and the sentences.</summary>
public readonly record struct SentenceSplit(TokenTable Tokens, SentenceTable Sentences);

/// <summary>
/// Splits tokens into sentences by local rules. Pure and thread-safe.
/// <list type="number">
/// <item>Hard boundaries: the first token, every <see cref="TokenFlags.ParagraphStart"/> token (blank line, region start),
/// and every caller-given offset (headline, subheadings, paragraphs).</item>
/// <item>A terminator (<c>. ! ?</c>, a sentence-final abbreviation such as <c>usw.</c>, a unit such as <c>Mrd.</c> before
/// an article or pronoun, an ellipsis) takes the terminators,
/// closing quotes and closing brackets right after it, so <c>sein."</c> ends inside its sentence.</item>
/// <item>A break follows only when the next token can start a sentence: a capitalised word, a number, an opening quote
/// or bracket, or any token at the start of a line. A lower-case word or a comma continues it (<c>"Wer?", fragte er.</c>; <c>"Geh!" sagte sie.</c>).</item>
/// <item>Abbreviations and ordinals carry their own period, so they never end a sentence by themselves; a colon never splits.</item>
/// </list>
/// Quotes are not tracked across sentences, so an unclosed quote can never swallow text beyond the paragraph.
/// </summary>
public static class SentenceSplitter
{
    /// <summary>Splits with only the paragraph and region boundaries recorded on the tokens.</summary>
    public static SentenceSplit Split(TokenTable tokens, Producer producer) => Split(tokens, [], producer);

    /// <summary>
    /// Splits <paramref name="tokens"/>; every offset in <paramref name="hardBoundaries"/> (any order) separates the
    /// tokens ending at or before it from those starting at or after it. Returns a new token table; the input is unchanged.
    /// </summary>
    public static SentenceSplit Split(TokenTable tokens, ReadOnlySpan<int> hardBoundaries, Producer producer)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        int n = tokens.Count;
        var text = tokens.Text;
        var starts = tokens.Starts;
        var ends = tokens.Ends;
        var kinds = tokens.Kinds;
        var flags = tokens.Flags;

        int[] bounds = hardBoundaries.ToArray();
        Array.Sort(bounds);

        var builder = new TokenTableBuilder(text, n + 1);
        int cap = Math.Max(4, n / 12);
        var sStart = new int[cap];
        var sEnd = new int[cap];
        var sFirst = new int[cap];
        var sLast = new int[cap];
        int count = 0;

        int b = 0;
        int breakAt = -1;
        for (int i = 0; i < n; i++)
        {
            bool newSentence = i == 0 || i == breakAt || (flags[i] & TokenFlags.ParagraphStart) != 0;
            while (b < bounds.Length && bounds[b] <= starts[i])
            {
                if (i > 0 && bounds[b] >= ends[i - 1]) newSentence = true;
                b++;
            }

            var f = flags[i];
            if (newSentence)
            {
                if (count > 0)
                {
                    sEnd[count - 1] = ends[i - 1];
                    sLast[count - 1] = i;
                }
                if (count == sStart.Length)
                {
                    Array.Resize(ref sStart, count * 2);
                    Array.Resize(ref sEnd, count * 2);
                    Array.Resize(ref sFirst, count * 2);
                    Array.Resize(ref sLast, count * 2);
                }
                sStart[count] = starts[i];
                sFirst[count] = i;
                count++;
                f |= TokenFlags.SentenceStart;
            }
            builder.Add(starts[i], ends[i], kinds[i], f, count - 1);

            if (i > breakAt && IsTerminator(text, starts[i], ends[i], kinds[i]))
                breakAt = FindBreak(tokens, i, sFirst[count - 1], bounds, b);
        }
        if (count > 0)
        {
            sEnd[count - 1] = ends[n - 1];
            sLast[count - 1] = n;
        }

        var table = builder.Build(producer);
        var sentences = new SentenceTable(table, sStart.AsSpan(0, count), sEnd.AsSpan(0, count), sFirst.AsSpan(0, count), sLast.AsSpan(0, count), producer);
        return new SentenceSplit(table, sentences);
    }

    /// <summary>
    /// After the terminator at <paramref name="i"/>, skips further terminators, closing quotes and closing brackets, and
    /// returns the index of the token that starts the next sentence, or -1 when the sentence goes on.
    /// </summary>
    private static int FindBreak(TokenTable tokens, int i, int sentenceFirst, int[] bounds, int b)
    {
        int n = tokens.Count;
        var text = tokens.Text;
        var starts = tokens.Starts;
        var ends = tokens.Ends;
        var kinds = tokens.Kinds;
        var flags = tokens.Flags;
        bool abbreviation = kinds[i] == TokenKind.Abbreviation;
        bool ellipsis = kinds[i] == TokenKind.Ellipsis;
        int j = i + 1;
        while (j < n && (flags[j] & TokenFlags.ParagraphStart) == 0 && !BoundaryBetween(bounds, b, ends[j - 1], starts[j]))
        {
            var k = kinds[j];
            bool closer = (k == TokenKind.Quote && (flags[j] & TokenFlags.ClosingQuote) != 0)
                || (k == TokenKind.Bracket && text[starts[j]] is ')' or ']' or '}')
                || IsTerminator(text, starts[j], ends[j], k) && k != TokenKind.Abbreviation;
            if (!closer) break;
            // Why: "500 (verunsicherte?) Kunden": a bracket opened inside the sentence closes a remark, not the sentence.
            if (k == TokenKind.Bracket && OpensInside(tokens, sentenceFirst, i)) return -1;
            j++;
        }
        if (j >= n) return -1;
        // Why: "f2.8", "Ver.di": a number or lower-case word glued to the period continues the sentence.
        if ((flags[j] & (TokenFlags.SpaceBefore | TokenFlags.NewlineBefore)) == 0 && (kinds[j] == TokenKind.Number || char.IsLower(text[starts[j]])))
            return -1;
        // Why: after a terminator, a token opening a new line starts a sentence whatever its case ("- erstens …" lists).
        if ((flags[j] & TokenFlags.NewlineBefore) != 0 && !ellipsis && !abbreviation) return j;
        if (abbreviation && !GermanLexicon.CanEndSentence(text.AsSpan(starts[i], ends[i] - starts[i])))
            return kinds[j] == TokenKind.Word && GermanLexicon.IsSentenceOpener(text.AsSpan(starts[j], ends[j] - starts[j])) ? j : -1; // 3 Mrd. Die
        // Why: "Co. KG", "…Merkel": after an abbreviation or ellipsis only a plain capitalised word opens a sentence.
        if (abbreviation || ellipsis)
            return kinds[j] == TokenKind.Word && (flags[j] & (TokenFlags.Capitalized | TokenFlags.AllCaps)) == TokenFlags.Capitalized ? j : -1;
        return CanStartSentence(text, starts[j], kinds[j], flags[j]) ? j : -1;
    }

    /// <summary>Whether an unclosed opening bracket lies after the sentence's first token and before <paramref name="i"/>.</summary>
    private static bool OpensInside(TokenTable tokens, int sentenceFirst, int i)
    {
        var text = tokens.Text;
        var kinds = tokens.Kinds;
        var starts = tokens.Starts;
        int depth = 0;
        for (int x = i - 1; x > sentenceFirst; x--)
        {
            if (kinds[x] != TokenKind.Bracket) continue;
            char c = text[starts[x]];
            if (c is ')' or ']' or '}') depth++;
            else if (depth == 0) return true;
            else depth--;
        }
        return false;
    }

    private static bool BoundaryBetween(int[] bounds, int b, int previousEnd, int start)
    {
        for (int x = b; x < bounds.Length && bounds[x] <= start; x++)
            if (bounds[x] >= previousEnd) return true;
        return false;
    }

    private static bool IsTerminator(string text, int start, int end, TokenKind kind)
    {
        switch (kind)
        {
            case TokenKind.Punctuation:
                return text[start] is '.' or '!' or '?';
            case TokenKind.Ellipsis:
                return true;
            case TokenKind.Abbreviation:
                var a = text.AsSpan(start, end - start);
                return GermanLexicon.CanEndSentence(a) || GermanLexicon.IsUnitAbbreviation(a);
            default:
                return false;
        }
    }

    private static bool CanStartSentence(string text, int start, TokenKind kind, TokenFlags flags) => kind switch
    {
        TokenKind.Word or TokenKind.Abbreviation => (flags & TokenFlags.Capitalized) != 0,
        TokenKind.Number or TokenKind.Ordinal or TokenKind.Url or TokenKind.Email or TokenKind.Handle or TokenKind.Hashtag => true,
        TokenKind.Quote => (flags & TokenFlags.OpeningQuote) != 0,
        TokenKind.Bracket => text[start] is '(' or '[' or '{',
        TokenKind.Other => true,
        _ => false,
    };
}
