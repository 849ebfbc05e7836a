using System.Buffers;

namespace Depesche.Time;

internal enum TKind : byte { Word, Num, Punct }

internal enum NumShape : byte
{
    Plain,      // 2025, 14, 18 (Dot says whether a '.' followed and was consumed)
    TwoPart,    // 14.30 or 18.12. (Sep = '.' or ':'; TrailingDot for "18.12.")
    ThreePart,  // 18.12.2025
    Suffixed,   // 1990er, 30-jährige, 90er-Jahre
}

/// <summary>A scanner token: offsets are absolute into the article text. A plain struct in a pooled array.</summary>
internal struct Tok
{
    public int Start, End;
    public TKind Kind;
    public NumShape Shape;
    public bool Dot;        // a '.' directly followed the number and is not part of End
    public bool Cap;        // first letter upper case
    public char Sep;        // separator of TwoPart
    public byte Digits;
    public byte Digits2;
    public int N1, N2, N3;
    public int SuffixStart; // Suffixed: where the letters begin
    public Lex Lex;
}

/// <summary>
/// Splits a sentence's text into the few token shapes the time scanner needs. It does not depend on the
/// project tokenizer, so the scanner can run on raw text ranges. Not thread-safe per instance; use one per call.
/// </summary>
internal static class MiniLexer
{
    /// <summary>Lexes <c>text[start..end)</c> into a rented array; the caller returns it to the pool.</summary>
    public static Tok[] Lex(string text, int start, int end, out int count)
    {
        var toks = ArrayPool<Tok>.Shared.Rent(Math.Max(16, (end - start) / 3 + 8));
        int n = 0;
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (n == toks.Length)
            {
                var bigger = ArrayPool<Tok>.Shared.Rent(toks.Length * 2);
                toks.AsSpan(0, n).CopyTo(bigger);
                ArrayPool<Tok>.Shared.Return(toks);
                toks = bigger;
            }
            ref var t = ref toks[n];
            t = default;
            t.Start = i;
            if (char.IsLetter(c))
            {
                int j = i + 1;
                while (j < end && (char.IsLetter(text[j]) || (text[j] == '-' && j + 1 < end && char.IsLetter(text[j + 1])))) j++;
                // Why: abbreviations with a dot (ca., Jan.) are keyed with their dot in the lexicon.
                if (j < end && text[j] == '.' && j - i <= 4 && Lexicon.Span.ContainsKey(text.AsSpan(i, j + 1 - i))) j++;
                t.End = j;
                t.Kind = TKind.Word;
                t.Cap = char.IsUpper(c);
                t.Lex = Lexicon.Find(text.AsSpan(i, j - i));
                n++;
                i = j;
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                int j = i;
                int v = 0;
                while (j < end && char.IsAsciiDigit(text[j])) { if (j - i < 9) v = v * 10 + (text[j] - '0'); j++; }
                t.Kind = TKind.Num;
                t.N1 = v;
                t.Digits = (byte)Math.Min(j - i, 255);
                if (j + 1 < end && (text[j] == '.' || text[j] == ':' || text[j] == ',') && char.IsAsciiDigit(text[j + 1]))
                {
                    char sep = text[j];
                    int k = j + 1, v2 = 0;
                    while (k < end && char.IsAsciiDigit(text[k])) { if (k - j < 9) v2 = v2 * 10 + (text[k] - '0'); k++; }
                    int d2 = k - j - 1;
                    if (sep == '.' && d2 == 3 && t.Digits <= 3)
                    {
                        // Thousands separator: 4.000, 1.000.000 — a plain (large) number.
                        long big = v * 1000L + v2;
                        while (k + 3 < end && text[k] == '.' && IsDigits(text, k + 1, 3) && (k + 4 >= end || !char.IsAsciiDigit(text[k + 4])))
                        {
                            big = big * 1000 + int.Parse(text.AsSpan(k + 1, 3));
                            k += 4;
                        }
                        t.N1 = (int)Math.Min(big, int.MaxValue);
                        t.Digits = 9;
                        t.End = k;
                        n++;
                        i = k;
                        continue;
                    }
                    t.Shape = NumShape.TwoPart;
                    t.Sep = sep;
                    t.N2 = v2;
                    t.Digits2 = (byte)d2;
                    t.End = k;
                    if (sep == '.' && k + 1 < end && text[k] == '.' && char.IsAsciiDigit(text[k + 1]))
                    {
                        int m = k + 1, v3 = 0;
                        while (m < end && char.IsAsciiDigit(text[m])) { if (m - k < 9) v3 = v3 * 10 + (text[m] - '0'); m++; }
                        t.Shape = NumShape.ThreePart;
                        t.N3 = v3;
                        t.End = m;
                        k = m;
                    }
                    else if (k < end && text[k] == '.')
                    {
                        t.Dot = true;
                        k++;
                    }
                    n++;
                    i = k;
                    continue;
                }
                if (j < end && (char.IsLetter(text[j]) || (text[j] == '-' && j + 1 < end && char.IsLetter(text[j + 1]))))
                {
                    int k = j;
                    while (k < end && (char.IsLetter(text[k]) || (text[k] == '-' && k + 1 < end && char.IsLetter(text[k + 1])))) k++;
                    t.Shape = NumShape.Suffixed;
                    t.SuffixStart = text[j] == '-' ? j + 1 : j;
                    t.End = k;
                    n++;
                    i = k;
                    continue;
                }
                t.End = j;
                if (j < end && text[j] == '.') { t.Dot = true; j++; }
                n++;
                i = j;
                continue;
            }
            t.Kind = TKind.Punct;
            t.End = i + 1;
            n++;
            i++;
        }
        count = n;
        return toks;
    }

    private static bool IsDigits(string s, int at, int len)
    {
        if (at + len > s.Length) return false;
        for (int i = 0; i < len; i++) if (!char.IsAsciiDigit(s[at + i])) return false;
        return true;
    }

    public static void Return(Tok[] toks) => ArrayPool<Tok>.Shared.Return(toks);
}
