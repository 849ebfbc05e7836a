using System.Globalization;
using System.Runtime.CompilerServices;
using Depesche.Core;

namespace Depesche.Text;

/// <summary>
/// A forward-only scanner over German news text, in the spirit of <c>Utf8JsonReader</c>: a <c>ref struct</c> over
/// the text that yields one token per <see cref="Read"/> without allocating. Offsets are absolute indices into the
/// span it was given, so a region <c>[start, end)</c> of an article yields offsets into the article text.
/// </summary>
/// <remarks>
/// Decisions (documented here once):
/// <list type="bullet">
/// <item>Slashes split: <c>KIEW/WASHINGTON</c> is <c>KIEW</c> <c>/</c> <c>WASHINGTON</c>, so each dateline place is its own token.</item>
/// <item>Hyphenated compounds stay whole (<c>Putin-Berater</c>, <c>Covid-19</c>); a hyphen before <c>und</c>/<c>oder</c>/comma is
/// kept on its word (<c>Ein-</c> in <c>Ein- und Ausfuhr</c>).</item>
/// <item>An apostrophe between letters (<c>geht's</c>) or closing a name (<c>Selenskyj'</c>) when no single quote is open
/// belongs to the word; otherwise it is a <see cref="TokenKind.Quote"/>.</item>
/// <item><c>18.</c> is an <see cref="TokenKind.Ordinal"/> before a month, a lower-case word, a digit, or a capitalised
/// word after a cue such as <c>am</c>/<c>die</c>; numbers of four or more digits never are (<c>2018. Dann</c>).</item>
/// <item>Quote state resets at each paragraph, so an unclosed quote cannot affect later paragraphs.</item>
/// </list>
/// Not thread-safe (a value type with mutable position); create one per region.
/// </remarks>
public ref struct GermanTokenReader
{
    private readonly ReadOnlySpan<char> _text;
    private readonly int _regionStart;
    private readonly int _end;
    private int _pos;
    private QuoteState _quotes;
    private int _prevStart;
    private int _prevEnd;
    private TokenKind _prevKind;
    private TokenKind _prev2Kind;

    /// <summary>A reader over the whole text.</summary>
    public GermanTokenReader(ReadOnlySpan<char> text) : this(text, 0, text.Length) { }

    /// <summary>A reader over <c>[start, end)</c> of <paramref name="text"/>; throws <see cref="ArgumentOutOfRangeException"/> for a range outside it.</summary>
    public GermanTokenReader(ReadOnlySpan<char> text, int start, int end)
    {
        if (start < 0 || end < start || end > text.Length)
            throw new ArgumentOutOfRangeException(nameof(start), $"Region [{start}, {end}) is outside the text of length {text.Length}.");
        _text = text;
        _regionStart = start;
        _end = end;
        _pos = start;
        _prevStart = -1;
        _prevEnd = -1;
        _prevKind = TokenKind.Other;
        _prev2Kind = TokenKind.Other;
        TokenStart = TokenEnd = start;
    }

    /// <summary>
    /// Resumes a scan saved with <see cref="CurrentState"/> over the same text (a ref struct cannot be kept in a field or
    /// across an <c>await</c>; its state can). Throws <see cref="ArgumentOutOfRangeException"/> if the state does not fit the text.
    /// </summary>
    public GermanTokenReader(ReadOnlySpan<char> text, GermanTokenReaderState state)
        : this(text, state.RegionStart, state.RegionEnd)
    {
        if (state.Position < state.RegionStart || state.Position > state.RegionEnd)
            throw new ArgumentOutOfRangeException(nameof(state), "The saved position lies outside its region.");
        _pos = state.Position;
        _quotes = state.Quotes;
        _prevStart = state.PreviousStart;
        _prevEnd = state.PreviousEnd;
        _prevKind = state.PreviousKind;
        _prev2Kind = state.PreviousKind2;
    }

    /// <summary>Everything needed to resume this scan after the current token.</summary>
    public readonly GermanTokenReaderState CurrentState =>
        new(_regionStart, _end, _pos, _quotes, _prevStart, _prevEnd, _prevKind, _prev2Kind);

    public int TokenStart { get; private set; }
    public int TokenEnd { get; private set; }
    public TokenKind Kind { get; private set; }
    public TokenFlags Flags { get; private set; }
    public readonly ReadOnlySpan<char> TokenText => _text[TokenStart..TokenEnd];

    /// <summary>Advances to the next token; false at the end of the region.</summary>
    public bool Read()
    {
        var t = _text;
        int end = _end;
        int pos = _pos;
        int newlines = 0;
        bool atRegionStart = _prevEnd < 0;
        bool space = pos == _regionStart;
        while (pos < end)
        {
            char c = t[pos];
            if (c == ' ') { pos++; space = true; continue; }
            if (!IsWhite(c)) break;
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\v' || c == '\f') newlines++;
            else if (c == '\r') { if (pos + 1 >= end || t[pos + 1] != '\n') newlines++; }
            else if (c == '\u2029') newlines += 2;
            pos++;
            space = true;
        }
        if (pos >= end)
        {
            _pos = end;
            return false;
        }

        TokenFlags flags = TokenFlags.None;
        if (space) flags |= TokenFlags.SpaceBefore;
        if (newlines > 0) flags |= TokenFlags.NewlineBefore;
        if (atRegionStart)
        {
            // Why: each region (headline, body) starts a paragraph; the text start or a line break before it starts a line.
            flags |= TokenFlags.ParagraphStart | TokenFlags.SpaceBefore;
            if (_regionStart == 0 || IsLineBreak(t[_regionStart - 1])) flags |= TokenFlags.NewlineBefore;
        }
        if (newlines >= 2) flags |= TokenFlags.ParagraphStart;
        if ((flags & TokenFlags.ParagraphStart) != 0) _quotes = default;

        int start = pos;
        char ch = t[pos];
        TokenKind kind;
        int tokEnd;

        if (IsAsciiLetter(ch) || (ch >= 0x80 && IsWordChar(ch)))
        {
            tokEnd = ScanWordToken(start, ch, out kind);
        }
        else if ((uint)(ch - '0') <= 9)
        {
            tokEnd = ScanNumberToken(start, start, (flags & (TokenFlags.NewlineBefore | TokenFlags.ParagraphStart)) != 0, out kind);
        }
        else
        {
            tokEnd = ScanOther(start, ch, ref flags, out kind);
        }

        TokenStart = start;
        TokenEnd = tokEnd;
        Kind = kind;
        Flags = flags | Orthography(t.Slice(start, tokEnd - start));
        _prev2Kind = _prevKind;
        _prevStart = start;
        _prevEnd = tokEnd;
        _prevKind = kind;
        _pos = tokEnd;
        return true;
    }

    // ---- words ---------------------------------------------------------------------------------------------------

    private int ScanWordToken(int start, char first, out TokenKind kind)
    {
        var t = _text;
        int end = _end;
        kind = TokenKind.Word;
        if ((char)(first | 0x20) is 'h' or 'w' or 'f' && TryUrl(start, out int urlEnd))
        {
            kind = TokenKind.Url;
            return urlEnd;
        }

        int i = ScanWordRun(start + 1);
        if (i >= end) return i;
        char c = t[i];
        if (c == '.')
            return AfterWordPeriod(start, i, ref kind);
        if (c is '@' or '_' or '+' && TryEmail(start, out int mailEnd))
        {
            kind = TokenKind.Email;
            return mailEnd;
        }
        if (IsHyphen(c))
            return IsTruncationContext(i + 1) ? i + 1 : i;
        if (c is '\'' or '\u2019' && IsLetter(t[i - 1]) && (i + 1 >= end || !IsWordChar(t[i + 1])))
        {
            // Why: "Selenskyj' Team" is a genitive apostrophe; inside 'Politico' it closes the open single quote.
            bool quoteOpen = c == '\'' ? _quotes.StraightSingle > 0 : _quotes.LowSingle + _quotes.EnglishSingle > 0;
            return quoteOpen ? i : i + 1;
        }
        return i;
    }

    /// <summary>Letters, digits and marks, joined by inner hyphens and inner apostrophes.</summary>
    private readonly int ScanWordRun(int i)
    {
        var t = _text;
        int end = _end;
        while (i < end)
        {
            char c = t[i];
            if (IsAsciiLetterOrDigit(c) || (c >= 0x80 && IsWordChar(c))) { i++; continue; }
            if (i + 1 < end)
            {
                char n = t[i + 1];
                if (IsHyphen(c) && IsWordChar(n)) { i += 2; continue; }
                if (c is '\'' or '\u2019' && IsLetter(n) && IsLetter(t[i - 1])) { i += 2; continue; }
            }
            break;
        }
        return i;
    }

    /// <summary>A word is followed by '.' at <paramref name="dot"/>: an abbreviation, a domain, an e-mail, or just the word.</summary>
    private int AfterWordPeriod(int start, int dot, ref TokenKind kind)
    {
        var t = _text;
        int end = _end;
        bool letterNext = dot + 1 < end && IsLetterOrDigit(t[dot + 1]);
        if (letterNext)
        {
            if (TryEmail(start, out int mailEnd)) { kind = TokenKind.Email; return mailEnd; }
            if (TryDomain(start, out int domainEnd)) { kind = TokenKind.Url; return domainEnd; }
            if (TryDottedAbbreviation(start, dot, out int abbrEnd)) { kind = TokenKind.Abbreviation; return abbrEnd; }
        }

        var withPeriod = t[start..(dot + 1)];
        if (GermanLexicon.IsAbbreviation(withPeriod)) { kind = TokenKind.Abbreviation; return dot + 1; }
        if (GermanLexicon.IsBeforeNumberAbbreviation(withPeriod))
        {
            int n = SkipSpacesOnLine(dot + 1);
            if (n < end && (uint)(t[n] - '0') <= 9) { kind = TokenKind.Abbreviation; return dot + 1; } // Art. 5 GG
        }
        int lastHyphen = LastHyphen(withPeriod);
        if (lastHyphen > 0 && GermanLexicon.IsAbbreviation(withPeriod[(lastHyphen + 1)..]))
        {
            kind = TokenKind.Abbreviation; // US-amerik.
            return dot + 1;
        }
        if (dot - start >= 2 && dot - start <= 6 && IsRoman(t[start..dot]) && _prevKind == TokenKind.Word
            && _prevEnd >= 0 && char.IsUpper(t[_prevStart]) && SkipSpacesOnLine(dot + 1) > dot + 1)
        {
            kind = TokenKind.Ordinal; // Elisabeth II., Ludwig XIV.
            return dot + 1;
        }
        if (dot - start == 1)
        {
            char l = t[start];
            // Why: single lower-case letters with a period are abbreviations (z. B., u. a., v. Bismarck).
            if (char.IsLower(l)) { kind = TokenKind.Abbreviation; return dot + 1; }
            if (char.IsUpper(l))
            {
                // "J. Kushner": an initial before a capitalised word; "z. B.": the second letter of a spaced abbreviation.
                bool afterSpacedAbbr = _prevKind == TokenKind.Abbreviation && _prevEnd - _prevStart == 2 && start - _prevEnd <= 2;
                int n = SkipSpacesOnLine(dot + 1);
                // "Nico G. auf": an abbreviated surname before any word.
                if (afterSpacedAbbr || (n > dot + 1 && n < end && IsLetter(t[n])))
                {
                    kind = TokenKind.Abbreviation;
                    return dot + 1;
                }
            }
        }
        return dot;
    }

    /// <summary><c>z.B.</c>, <c>u.a.</c>, <c>i.d.R.</c>, <c>U.S.A.</c>: two or more segments of one to three letters, each closed by '.'.</summary>
    private readonly bool TryDottedAbbreviation(int start, int dot, out int abbrEnd)
    {
        var t = _text;
        int end = _end;
        abbrEnd = 0;
        if (dot - start > 3 || !AllLetters(t[start..dot])) return false;
        int segments = 1;
        int j = dot;
        while (j + 1 < end && t[j] == '.' && IsLetter(t[j + 1]))
        {
            int k = j + 1;
            while (k < end && IsLetter(t[k])) k++;
            if (k - (j + 1) > 3 || k >= end || t[k] != '.') break;
            segments++;
            j = k;
        }
        if (segments < 2) return false;
        abbrEnd = j + 1;
        return true;
    }

    /// <summary><c>bild.de</c>, <c>Spiegel.de/news</c>: ASCII labels ending in a known lower-case top-level domain.</summary>
    private readonly bool TryDomain(int start, out int domainEnd)
    {
        var t = _text;
        int end = _end;
        domainEnd = 0;
        int i = start;
        int labelStart = start;
        int lastLabelStart = -1, lastLabelEnd = -1;
        while (true)
        {
            while (i < end && (IsAsciiLetterOrDigit(t[i]) || t[i] == '-')) i++;
            if (i == labelStart) return false;
            if (i < end && t[i] == '.' && i + 1 < end && IsAsciiLower(t[i + 1]))
            {
                i++;
                lastLabelStart = i;
                labelStart = i;
                continue;
            }
            lastLabelEnd = i;
            break;
        }
        if (lastLabelStart < 0 || (i < end && IsLetterOrDigit(t[i]))) return false;
        if (!GermanLexicon.IsTopLevelDomain(t[lastLabelStart..lastLabelEnd])) return false;
        if (i < end && t[i] == '/') i = ScanUrlTail(i);
        domainEnd = i;
        return true;
    }

    /// <summary><c>name.surname@dpa.com</c>: ASCII local part, '@', at least two domain labels. Trailing periods are left out.</summary>
    private readonly bool TryEmail(int start, out int mailEnd)
    {
        var t = _text;
        int end = _end;
        mailEnd = 0;
        int i = start;
        while (i < end && (IsAsciiLetterOrDigit(t[i]) || t[i] is '.' or '_' or '%' or '+' or '-')) i++;
        if (i == start || i + 1 >= end || t[i] != '@' || !IsAsciiLetterOrDigit(t[i + 1])) return false;
        i++;
        int dots = 0;
        int last = i;
        while (i < end)
        {
            char c = t[i];
            if (IsAsciiLetterOrDigit(c) || c == '-') { i++; last = i; continue; }
            if (c == '.' && i + 1 < end && IsAsciiLetterOrDigit(t[i + 1])) { dots++; i++; continue; }
            break;
        }
        if (dots == 0) return false;
        mailEnd = last;
        return true;
    }

    private readonly bool TryUrl(int start, out int urlEnd)
    {
        var s = _text[start.._end];
        urlEnd = 0;
        // Why: a cheap second-letter test keeps "wird", "hat", "für" off the slow prefix comparisons.
        if (s.Length < 5 || (char)(s[1] | 0x20) is not ('t' or 'w')) return false;
        int prefix;
        if (s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) prefix = 8;
        else if (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) prefix = 7;
        else if (s.StartsWith("ftp://", StringComparison.OrdinalIgnoreCase)) prefix = 6;
        else if (s.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) prefix = 4;
        else return false;
        if (s.Length <= prefix || !IsLetterOrDigit(s[prefix])) return false;
        urlEnd = ScanUrlTail(start + prefix);
        return true;
    }

    /// <summary>Up to whitespace or a quote, then trailing punctuation trimmed (a ')' stays when the URL opened one).</summary>
    private readonly int ScanUrlTail(int i)
    {
        var t = _text;
        int end = _end;
        int start = i;
        int parens = 0;
        while (i < end)
        {
            char c = t[i];
            if (IsWhite(c) || c is '"' or '<' or '>' or '„' or '“' or '”' or '»' or '«' or '‚' or '‘' or '’') break;
            if (c == '(') parens++;
            else if (c == ')') parens--;
            i++;
        }
        while (i > start)
        {
            char c = t[i - 1];
            if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'') { i--; continue; }
            // Why: "(www.x.de)": a ')' the URL did not open belongs to the text around it.
            if (c == ')' && parens < 0) { parens++; i--; continue; }
            break;
        }
        return i;
    }

    /// <summary>After "Ein-": a comma, a closing bracket, a slash, or a conjunction (<c>und</c>, <c>oder</c>, <c>bzw.</c>, <c>sowie</c>, <c>bis</c>, <c>als</c>).</summary>
    private readonly bool IsTruncationContext(int i)
    {
        var t = _text;
        int end = _end;
        if (i >= end) return false;
        if (t[i] is ',' or ')' or '/') return true; // Ein-, (Früh-) Rente, Früh-/Spätschicht
        if (t[i] != ' ') return false;
        int j = SkipSpacesOnLine(i);
        int k = j;
        while (k < end && IsAsciiLower(t[k])) k++;
        var w = t[j..k];
        return w is "und" or "oder" or "bzw" or "sowie" or "bis" or "als" or "wie" or "noch" or "u" || (k == j && k < end && t[k] == '&');
    }

    // ---- numbers -------------------------------------------------------------------------------------------------

    /// <summary>A number starting at <paramref name="digits"/> (a sign, if any, sits at <paramref name="start"/>).</summary>
    private int ScanNumberToken(int start, int digits, bool lineStart, out TokenKind kind)
    {
        var t = _text;
        int end = _end;
        kind = TokenKind.Number;
        int i = digits;
        while (i < end && (uint)(t[i] - '0') <= 9) i++;
        int groups = 1;
        int firstGroupLength = i - digits;
        while (true)
        {
            // 1.000,50  3,5  18.12.2025  14.30  14:30  2:1
            while (i + 1 < end && t[i] is '.' or ',' or ':' && (uint)(t[i + 1] - '0') <= 9)
            {
                if (t[i] != '.') groups += 2; // Why: 3,5 and 2:0 are never ordinals or day-month dates.
                i++;
                while (i < end && (uint)(t[i] - '0') <= 9) i++;
                groups++;
            }
            // 1-2,5  2024-2025  2025-12-18: a hyphenated range or ISO date stays one number.
            if (i + 1 < end && IsHyphen(t[i]) && (uint)(t[i + 1] - '0') <= 9)
            {
                i++;
                while (i < end && (uint)(t[i] - '0') <= 9) i++;
                groups += 2; // Why: never an ordinal once hyphenated.
                continue;
            }
            break;
        }
        if (i >= end) return i;
        char c = t[i];

        // 19-Jährige, 3D, 1990er, 2024-2025, 2:1-Sieg: a compound containing a number.
        if (IsWordChar(c) || (IsHyphen(c) && i + 1 < end && IsWordChar(t[i + 1])))
        {
            int w = ScanWordRun(i);
            bool letters = false;
            for (int k = i; k < w; k++) if (IsLetter(t[k])) { letters = true; break; }
            kind = letters ? TokenKind.Word : TokenKind.Number;
            if (w < end && IsHyphen(t[w]) && IsTruncationContext(w + 1)) w++;
            return w;
        }

        if (c == '.' && start == digits && IsOrdinalContext(start, i, groups, firstGroupLength, lineStart))
        {
            kind = groups == 1 ? TokenKind.Ordinal : TokenKind.Number; // 18.  or the date 18.12.
            return i + 1;
        }
        return i;
    }

    /// <summary>Whether the '.' at <paramref name="dot"/> after a number belongs to it (ordinal or day-month date).</summary>
    private readonly bool IsOrdinalContext(int start, int dot, int groups, int firstGroupLength, bool lineStart)
    {
        var t = _text;
        int end = _end;
        if (groups > 2 || firstGroupLength > 3) return false;
        if (groups == 2 && (firstGroupLength > 2 || dot - start > 5)) return false;
        int n = SkipSpacesOnLine(dot + 1);
        if (n >= end) return false;
        char c = t[n];
        if (char.IsLower(c)) return true;                 // der 3. große Streik
        if ((uint)(c - '0') <= 9) return n > dot + 1;     // 3. 4. 2019, but not 3.4 (already one number)
        if (IsHyphen(c) || c is '–' or '/') return true;  // 1.-3. Dezember
        if (c is ')' or ',') return start > _regionStart && t[start - 1] is '(' or ' ' && _prevKind is TokenKind.Bracket or TokenKind.Punctuation; // Tore: (30., 52.)
        if (!char.IsUpper(c)) return false;
        int k = n + 1;
        while (k < end && IsLetter(t[k])) k++;
        var next = t[n..k];
        if (GermanLexicon.IsMonth(next) || GermanLexicon.IsClubPrefix(next)) return true; // 18. Dezember, 1. FC
        if (lineStart && groups == 1 && firstGroupLength <= 2) return true; // "1. Punkt" numbering a list item
        // Why: a number cannot be a sentence on its own, so after a sentence end, a bracket, a dash or a slash,
        // "52. Minute" and "(3. Lauf" number something; only after a word or number can "15. Dann" end a sentence.
        if (_prevEnd < 0 || _prevKind is not (TokenKind.Word or TokenKind.Number or TokenKind.Abbreviation or TokenKind.Ordinal))
            return true;
        var prev = t[_prevStart.._prevEnd];
        // Why: "des 11. und 12. Jahrhunderts": a coordinated number after an ordinal is one too.
        if (_prev2Kind == TokenKind.Ordinal && (_prevKind is TokenKind.Punctuation or TokenKind.Dash || prev is "und" or "oder" or "bis" or "bzw."))
            return true;
        if (_prevKind != TokenKind.Word) return false;
        // Why: "der neuen 3. Liga", "den späteren 1. Earl": an inflected adjective before the number.
        if (GermanLexicon.IsInflectedAdjectiveLike(prev)) return true;
        return GermanLexicon.IsOrdinalCue(prev); // die 2. Liga
    }

    // ---- punctuation, quotes, symbols ----------------------------------------------------------------------------

    private int ScanOther(int start, char c, ref TokenFlags flags, out TokenKind kind)
    {
        var t = _text;
        int end = _end;
        int next = start + 1;
        switch (c)
        {
            case '.':
            {
                int j = start;
                while (j < end && t[j] == '.') j++;
                kind = j - start >= 3 ? TokenKind.Ellipsis : TokenKind.Punctuation;
                return j;
            }
            case '…':
                kind = TokenKind.Ellipsis;
                return next;
            case ',' or ';' or ':' or '!' or '?' or '¡' or '¿':
                kind = TokenKind.Punctuation;
                return next;
            case '(' or ')' or '[' or ']' or '{' or '}':
                kind = TokenKind.Bracket;
                return next;
            case '-' or '+' or '\u2212' when next < end && (uint)(t[next] - '0') <= 9 && SignContext(start):
                return ScanNumberToken(start, next, false, out kind);
            case '-' or '\u2010' or '\u2011' when next < end && IsWordChar(t[next]) && start > _regionStart
                && t[start - 1] is '"' or '“' or '”' or '«' or '»' or '‘' or '’' or '\'' or ')':
                // Why: „Axios“-Meldung: the rest of a compound glued to a quote is one word, "-Meldung".
                kind = TokenKind.Word;
                return ScanWordRun(next);
            case '-' or '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212':
            {
                int j = next;
                while (j < end && t[j] == c) j++; // "--" is one dash
                kind = TokenKind.Dash;
                return j;
            }
            case '"' or '\'' or '„' or '“' or '”' or '‚' or '‘' or '’' or '»' or '«' or '›' or '‹':
                kind = TokenKind.Quote;
                flags |= DecideQuote(start, c);
                return next;
            case '@' when next < end && IsHandleChar(t[next]):
                kind = TokenKind.Handle;
                return ScanHandle(next);
            case '#' when next < end && IsHandleChar(t[next]):
                kind = TokenKind.Hashtag;
                return ScanHandle(next);
        }

        if (char.IsHighSurrogate(c) && next < end && char.IsLowSurrogate(t[next]))
        {
            kind = TokenKind.Other; // emoji and other astral symbols stay whole
            return next + 1;
        }
        kind = CharUnicodeInfo.GetUnicodeCategory(c) switch
        {
            UnicodeCategory.OtherPunctuation or UnicodeCategory.ConnectorPunctuation => TokenKind.Punctuation,
            UnicodeCategory.OpenPunctuation or UnicodeCategory.ClosePunctuation => TokenKind.Bracket,
            UnicodeCategory.DashPunctuation => TokenKind.Dash,
            UnicodeCategory.MathSymbol or UnicodeCategory.CurrencySymbol or UnicodeCategory.ModifierSymbol
                or UnicodeCategory.OtherSymbol => TokenKind.Symbol,
            _ => TokenKind.Other,
        };
        if (c is '/' or '\\' or '&' or '%' or '*' or '§' or '°' or '‰' or '#' or '@' or '|' or '~') kind = TokenKind.Symbol;
        return next;
    }

    private readonly int ScanHandle(int i)
    {
        while (i < _end && IsHandleChar(_text[i])) i++;
        return i;
    }

    /// <summary>A sign belongs to a number after whitespace, an opening bracket, a slash or a quote ("-2,1%", "(+3)").</summary>
    private readonly bool SignContext(int pos)
    {
        if (pos == _regionStart) return true;
        char p = _text[pos - 1];
        return IsWhite(p) || p is '(' or '[' or '/' or '"' or '„' or '»' or '«' or ':';
    }

    /// <summary>Opening or closing, from the quote family's open state and the characters around it.</summary>
    private TokenFlags DecideQuote(int pos, char q)
    {
        var t = _text;
        bool before = pos == _regionStart || IsOpenContext(t[pos - 1]);
        bool after = pos + 1 >= _end || IsCloseContext(t[pos + 1]);
        // Why: a quote with nothing after it on its line can only close ("… passiert. \"" at a paragraph end).
        if (before && after && AtLineEnd(pos + 1)) before = false;
        // Open: space before, text after. Close: text before, space or punctuation after. Otherwise ambiguous.
        int ctx = before && !after ? 1 : !before && after ? -1 : 0;
        ref var s = ref _quotes;
        switch (q)
        {
            case '„': s.LowDouble++; return TokenFlags.OpeningQuote;
            case '‚': s.LowSingle++; return TokenFlags.OpeningQuote;
            case '“':
                if (s.LowDouble > 0) { s.LowDouble--; return TokenFlags.ClosingQuote; }
                if (ctx == 1 || (ctx == 0 && s.EnglishDouble == 0)) { s.EnglishDouble++; return TokenFlags.OpeningQuote; }
                if (s.EnglishDouble > 0) s.EnglishDouble--;
                return TokenFlags.ClosingQuote;
            case '”':
                if (s.LowDouble > 0) { s.LowDouble--; return TokenFlags.ClosingQuote; }
                if (s.EnglishDouble > 0) { s.EnglishDouble--; return TokenFlags.ClosingQuote; }
                return ctx == 1 ? Open(ref s.EnglishDouble) : TokenFlags.ClosingQuote;
            case '‘':
                if (s.LowSingle > 0) { s.LowSingle--; return TokenFlags.ClosingQuote; }
                if (ctx == 1 || (ctx == 0 && s.EnglishSingle == 0)) { s.EnglishSingle++; return TokenFlags.OpeningQuote; }
                if (s.EnglishSingle > 0) s.EnglishSingle--;
                return TokenFlags.ClosingQuote;
            case '’':
                if (s.LowSingle > 0) { s.LowSingle--; return TokenFlags.ClosingQuote; }
                if (s.EnglishSingle > 0) { s.EnglishSingle--; return TokenFlags.ClosingQuote; }
                return ctx == 1 ? Open(ref s.EnglishSingle) : TokenFlags.ClosingQuote;
            case '»': return Guillemet(ref s.RightGuillemet, ref s.LeftGuillemet, ctx);
            case '«': return Guillemet(ref s.LeftGuillemet, ref s.RightGuillemet, ctx);
            case '›': return Guillemet(ref s.RightSingleGuillemet, ref s.LeftSingleGuillemet, ctx);
            case '‹': return Guillemet(ref s.LeftSingleGuillemet, ref s.RightSingleGuillemet, ctx);
            case '"': return Straight(ref s.StraightDouble, ctx);
            default: return Straight(ref s.StraightSingle, ctx);
        }
    }

    private static TokenFlags Open(ref int count)
    {
        count++;
        return TokenFlags.OpeningQuote;
    }

    /// <summary>»…« (German) and «…» (Swiss, French): the context decides; when ambiguous, an open partner closes.</summary>
    private static TokenFlags Guillemet(ref int self, ref int partner, int ctx)
    {
        if (ctx == -1 || (ctx == 0 && partner > 0))
        {
            if (partner > 0) partner--;
            return TokenFlags.ClosingQuote;
        }
        self++;
        return TokenFlags.OpeningQuote;
    }

    /// <summary>Straight quotes: the context decides; when ambiguous they alternate.</summary>
    private static TokenFlags Straight(ref int open, int ctx)
    {
        if (ctx == 1 || (ctx == 0 && open == 0))
        {
            open = 1;
            return TokenFlags.OpeningQuote;
        }
        open = 0;
        return TokenFlags.ClosingQuote;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private readonly int SkipSpacesOnLine(int i)
    {
        var t = _text;
        int newlines = 0;
        while (i < _end && IsWhite(t[i]))
        {
            if (t[i] == '\n' && ++newlines > 1) break;
            i++;
        }
        return i;
    }

    private readonly bool AtLineEnd(int i)
    {
        while (i < _end && IsWhite(_text[i]))
        {
            if (IsLineBreak(_text[i])) return true;
            i++;
        }
        return i >= _end;
    }

    private static int LastHyphen(ReadOnlySpan<char> s)
    {
        for (int i = s.Length - 1; i >= 0; i--) if (IsHyphen(s[i])) return i;
        return -1;
    }

    private static bool IsRoman(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (c is not ('I' or 'V' or 'X' or 'L' or 'C' or 'D' or 'M')) return false;
        return true;
    }

    private static bool AllLetters(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (!IsLetter(c)) return false;
        return true;
    }

    /// <summary>Capitalized, AllCaps, HasDigit, HasHyphen in one pass over the token.</summary>
    private static TokenFlags Orthography(ReadOnlySpan<char> s)
    {
        TokenFlags f = TokenFlags.None;
        int letters = 0;
        bool lower = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c < 0x80)
            {
                if ((uint)((c | 0x20) - 'a') <= 'z' - 'a')
                {
                    letters++;
                    if (c >= 'a') lower = true;
                }
                else if ((uint)(c - '0') <= 9) f |= TokenFlags.HasDigit;
                else if (c == '-') f |= TokenFlags.HasHyphen;
            }
            else if (char.IsLetter(c))
            {
                letters++;
                if (!char.IsUpper(c)) lower = true;
            }
            else if (c is '\u2010' or '\u2011') f |= TokenFlags.HasHyphen;
            else if (char.IsDigit(c)) f |= TokenFlags.HasDigit;
        }
        if (s.Length > 0 && char.IsUpper(s[0])) f |= TokenFlags.Capitalized;
        if (letters >= 2 && !lower) f |= TokenFlags.AllCaps;
        return f;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || (uint)(c - '0') <= 9;

    private static bool IsLetter(char c) => c < 0x80 ? IsAsciiLetter(c) : char.IsLetter(c);

    private static bool IsLetterOrDigit(char c) => c < 0x80 ? IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    /// <summary>Letters, digits, combining marks and the soft hyphen.</summary>
    private static bool IsWordChar(char c)
    {
        if (c < 0x80) return IsAsciiLetterOrDigit(c);
        if (c == '\u00AD') return true;
        if (char.IsLetterOrDigit(c)) return true;
        if (c is '²' or '³' or '¹') return true; // km², m³
        if (c < 0x300) return false;
        var cat = CharUnicodeInfo.GetUnicodeCategory(c);
        return cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static bool IsHandleChar(char c) => IsWordChar(c) || c == '_';

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsHyphen(char c) => c is '-' or '\u2010' or '\u2011';

    /// <summary>White space, including the zero-width space and the byte-order mark, which never belong to a token.</summary>
    internal static bool IsWhite(char c) =>
        c <= ' ' ? c is ' ' or '\t' or '\n' or '\r' or '\v' or '\f' : (c >= 0x80 && (char.IsWhiteSpace(c) || c is '\u200B' or '\u2060' or '\uFEFF'));

    private static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u0085' or '\u2028' or '\u2029';

    private static bool IsOpenContext(char prev) =>
        IsWhite(prev) || prev is '(' or '[' or '{' or '/' or '-' or '–' or '—' or '„' or '»' or '«' or '‚' or ':';

    private static bool IsCloseContext(char next) =>
        IsWhite(next) || next is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '–' or '—' or '/' or '…'
            or '"' or '“' or '”' or '«' or '»' or '\'' or '‘' or '’';

}

/// <summary>How many quotes of each family are open in the current paragraph.</summary>
internal struct QuoteState
{
    public int LowDouble, LowSingle, EnglishDouble, EnglishSingle, StraightDouble, StraightSingle;
    public int RightGuillemet, LeftGuillemet, RightSingleGuillemet, LeftSingleGuillemet;
}

/// <summary>The resumable state of a <see cref="GermanTokenReader"/>: region, position, open quotes and the previous tokens.</summary>
public readonly struct GermanTokenReaderState
{
    internal GermanTokenReaderState(int regionStart, int regionEnd, int position, QuoteState quotes, int previousStart, int previousEnd, TokenKind previousKind, TokenKind previousKind2)
    {
        RegionStart = regionStart;
        RegionEnd = regionEnd;
        Position = position;
        Quotes = quotes;
        PreviousStart = previousStart;
        PreviousEnd = previousEnd;
        PreviousKind = previousKind;
        PreviousKind2 = previousKind2;
    }

    public int RegionStart { get; }
    public int RegionEnd { get; }
    /// <summary>Where the next <see cref="GermanTokenReader.Read"/> starts scanning.</summary>
    public int Position { get; }
    internal QuoteState Quotes { get; }
    internal int PreviousStart { get; }
    internal int PreviousEnd { get; }
    internal TokenKind PreviousKind { get; }
    internal TokenKind PreviousKind2 { get; }
}
