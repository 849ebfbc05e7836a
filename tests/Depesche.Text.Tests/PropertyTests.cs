using Depesche.Core;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Depesche.Text.Tests;

/// <summary>Invariants that hold for any input: tokens are ordered, non-overlapping, non-empty and inside the text; sentences cover them.</summary>
public class PropertyTests
{
    // Why: arbitrary unicode rarely hits the interesting paths, so half the inputs are built from news-like pieces and tricky characters.
    private static readonly string[] Pieces =
    [
        "Dr.", "z.B.", "z. B.", "18.", "Dezember", "2018.", "1.000,50", "-2,1%", "Putin-Berater", "Ein-", "und", " ", " ", "  ",
        "\n", "\n\n", "\r\n", "\"", "'", "„", "“", "”", "»", "«", "‚", "‘", "’", "...", "…", ".", ",", "!", "?", ":", "(", ")",
        "-", " - ", "–", "/", "@dpa", "#tag", "www.x.de", "a@b.de", "https://", "J.", "usw.", "geht's", "Selenskyj'", "\u00AD",
        "\u200B", "\uFEFF", "\u00A0", "\uD83D\uDC4D", "\uD83D", "\uDC4D", "e\u0301", "Ü", "ß", "9", "US-amerik.", "@", "#", "%",
        "Mrd.", "St.", "S.", "Wort", "wort", "WORT", "\t",
    ];

    public static Arbitrary<string> NewsLike()
    {
        var piece = Gen.Elements(Pieces);
        var news = Gen.ListOf(piece).Select(parts => string.Concat(parts));
        var any = ArbMap.Default.GeneratorFor<string>().Select(s => s ?? "");
        return Gen.OneOf(news, any).ToArbitrary();
    }

    [Property(Arbitrary = [typeof(PropertyTests)], MaxTest = 500)]
    public bool TokensAreOrderedNonOverlappingNonEmptyAndInside(string text)
    {
        var table = GermanTokenizer.Tokenize(text);
        int previousEnd = 0;
        for (int i = 0; i < table.Count; i++)
        {
            int s = table.StartOf(i), e = table.EndOf(i);
            if (s < previousEnd || e <= s || e > text.Length) return false;
            // Tokens never start or end inside a surrogate pair and never contain white space.
            if (char.IsLowSurrogate(text[s]) && s > 0 && char.IsHighSurrogate(text[s - 1])) return false;
            for (int k = s; k < e; k++) if (char.IsWhiteSpace(text[k])) return false;
            previousEnd = e;
        }
        return true;
    }

    [Property(Arbitrary = [typeof(PropertyTests)], MaxTest = 500)]
    public bool EveryNonSpaceCharacterIsInSomeToken(string text)
    {
        var covered = new bool[text.Length];
        var table = GermanTokenizer.Tokenize(text);
        for (int i = 0; i < table.Count; i++)
            for (int k = table.StartOf(i); k < table.EndOf(i); k++) covered[k] = true;
        for (int k = 0; k < text.Length; k++)
            if (!covered[k] && !char.IsWhiteSpace(text[k]) && text[k] is not ('\u200B' or '\u2060' or '\uFEFF')) return false;
        return true;
    }

    [Property(Arbitrary = [typeof(PropertyTests)], MaxTest = 500)]
    public bool SentencesCoverTokensConsistently(string text)
    {
        var split = SentenceSplitter.Split(GermanTokenizer.Tokenize(text), new Producer("t"));
        var tokens = split.Tokens;
        var sentences = split.Sentences;
        if (tokens.Count > 0 != sentences.Count > 0) return false;
        int nextToken = 0;
        for (int si = 0; si < sentences.Count; si++)
        {
            var span = sentences.TokensOf(si);
            // Contiguous, non-empty, in order, and the character range is exactly first start to last end.
            if (span.First != nextToken || span.Count == 0) return false;
            if (sentences.StartOf(si) != tokens.StartOf(span.First) || sentences.EndOf(si) != tokens.EndOf(span.End - 1)) return false;
            for (int i = span.First; i < span.End; i++)
            {
                if (tokens.SentenceOf(i) != si) return false;
                bool start = (tokens.FlagsOf(i) & TokenFlags.SentenceStart) != 0;
                if (start != (i == span.First)) return false;
            }
            nextToken = span.End;
        }
        return nextToken == tokens.Count;
    }

    [Property(Arbitrary = [typeof(PropertyTests)], MaxTest = 300)]
    public bool RegionsConfineTokens(string text, int cut)
    {
        int mid = text.Length == 0 ? 0 : (int)((uint)cut % (uint)(text.Length + 1));
        var regions = new[] { new TextRange(0, mid / 2), new TextRange(mid, text.Length) };
        var table = GermanTokenizer.Tokenize(text, regions, new Producer("t"));
        for (int i = 0; i < table.Count; i++)
        {
            int s = table.StartOf(i), e = table.EndOf(i);
            bool inFirst = s >= 0 && e <= mid / 2;
            bool inSecond = s >= mid && e <= text.Length;
            if (!inFirst && !inSecond) return false;
        }
        return true;
    }
}
