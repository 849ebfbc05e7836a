using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>
/// Reads the structure of agency wire text without changing it: the <c> date YYYY-MM-DD</c> prefix, a headline line
/// with version markers (<c>ROUNDUP 2:</c>, <c>WDH</c>), the dateline (<c>KIEW/WASHINGTON (dpa-AFX) -</c>),
/// paragraphs, subheadings, and the editor-code trailer (<c>/ddo/DP/stw</c>), also when glued to the last sentence.
/// </summary>
/// <remarks>
/// <para><see cref="Article.Text"/> is always <c>text</c> unchanged; every range is a half-open UTF-16 range into it,
/// inside <see cref="Article.Body"/> where it is body structure, and ordered.</para>
/// <para><see cref="Article.Paragraphs"/> are the body-text blocks; <see cref="Article.Subheadings"/> are the short
/// one-line blocks between them (at most 12 words and 100 characters, no final punctuation) and are not also
/// paragraphs. Together they tile the body's non-blank lines in order.</para>
/// <para>Paragraph breaks: a blank line always; a single newline too, unless the body is hard-wrapped (most lines of
/// multi-line blocks between 40 and 100 characters), in which case only blank lines break. Why: the seed and agency
/// feeds put one paragraph per line, while hand-wrapped text must not become one paragraph per line.</para>
/// <para>Text with no dateline yields the trimmed text as the body and no dateline metadata. Pure function; thread-safe.</para>
/// </remarks>
public static partial class WireTextParser
{
    private const int MaxHeadlineChars = 200;
    private const int MaxHeadlineWords = 30;
    private const int MaxSubheadingChars = 100;
    private const int MaxSubheadingWords = 12;
    private const int MaxCodeLength = 6;

    /// <summary>Agencies recognised in a dateline; compared case-insensitively. Regional services (<c>dpa/lby</c>) are accepted too.</summary>
    private static readonly FrozenAgencies Agencies = new(
    [
        "dpa", "dpa-AFX", "dpa-AFX Broker", "dpa-AFX Analyser", "AFX", "AFP", "Reuters", "AP", "KNA", "epd", "SID",
        "Bloomberg", "APA", "sda", "AWP", "Xinhua", "Interfax", "ANSA", "EFE", "Kyodo", "Yonhap", "TASS", "RIA", "dts",
        "ddp", "dapd", "Dow Jones", "DJ", "Ukrinform", "PAP", "CTK", "MTI", "Belga", "ANP", "Anadolu", "IRNA", "UPI",
    ]);

    /// <summary>Parses <paramref name="text"/>. Never throws on any string; <paramref name="text"/> must not be null.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public static Article Parse(string text, SourceLocation origin)
    {
        ArgumentNullException.ThrowIfNull(text);

        // 1. The text's end without trailing whitespace.
        var end = text.Length;
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        var pos = SkipWhitespace(text, 0, end);

        // 2. The " date YYYY-MM-DD[Thh:mm[:ss][zone]]" prefix.
        PublicationTime? published = null;
        var dm = DatePrefixRegex().Match(text, pos, end - pos);
        if (dm.Success)
        {
            published = DateParsing.ParseIso(dm.Groups["when"].Value);
            pos = SkipWhitespace(text, dm.Index + dm.Length, end);
        }

        // 3. The editor-code trailer at the end decides where the body stops.
        var codes = FindTrailer(text, pos, end);
        var bodyEnd = end;
        TextRange? trailer = null;
        if (codes.Length > 0)
        {
            trailer = new TextRange(codes[0].Range.Start - 1, codes[^1].Range.End);
            bodyEnd = trailer.Value.Start;
            while (bodyEnd > pos && char.IsWhiteSpace(text[bodyEnd - 1])) bodyEnd--;
        }

        // 4. A headline: a short first line, followed by more text, that is not itself the dateline paragraph.
        TextRange? headline = null;
        var markers = ImmutableArray.CreateBuilder<VersionMarker>();
        var lineEnd = text.IndexOf('\n', pos, bodyEnd - pos);
        if (lineEnd > 0)
        {
            var hEnd = lineEnd;
            while (hEnd > pos && char.IsWhiteSpace(text[hEnd - 1])) hEnd--;
            var next = SkipWhitespace(text, lineEnd, bodyEnd);
            if (hEnd > pos && next < bodyEnd && LooksLikeHeadline(text, pos, hEnd, next, bodyEnd))
            {
                headline = new TextRange(pos, hEnd);
                ScanMarkers(text, pos, hEnd, markers, leadingOnly: false);
                pos = next;
            }
        }

        // 5. Without a headline, markers may lead the first line ("EIL: BERLIN (dpa) - ...").
        var datelineAt = pos;
        if (headline is null) datelineAt = ScanMarkers(text, pos, bodyEnd, markers, leadingOnly: true);

        // 6. The dateline at the start of the first body paragraph.
        string? agency = null;
        TextRange? agencyRange = null, datelineRange = null;
        var datelines = ImmutableArray<Dateline>.Empty;
        if (TryDateline(text, datelineAt, bodyEnd) is { } dl)
        {
            datelineRange = dl.Range;
            datelines = dl.Places;
            agency = dl.Agency.Slice(text);
            agencyRange = dl.Agency;
            published ??= dl.Published;
            pos = SkipWhitespace(text, dl.Range.End, bodyEnd);
        }
        else if (datelineAt != pos)
        {
            markers.Clear();
        }

        // 7. Body, paragraphs and subheadings.
        var body = new TextRange(Math.Min(pos, bodyEnd), bodyEnd);
        var (paragraphs, subheadings) = SplitBlocks(text, body);

        return new Article
        {
            Id = Article.IdFromText(text),
            Text = text,
            Origin = origin,
            Headline = headline,
            Body = body,
            DatelineRange = datelineRange,
            TrailerRange = trailer,
            Paragraphs = paragraphs,
            Subheadings = subheadings,
            Source = new ArticleSource
            {
                Agency = agency,
                AgencyRange = agencyRange,
                Published = published,
                Datelines = datelines,
                EditorCodes = codes,
                VersionMarkers = markers.ToImmutable(),
            },
        };
    }

    /// <summary>True when <paramref name="name"/> is a known news agency (<c>dpa</c>, <c>Reuters</c>, …), ignoring case.</summary>
    internal static bool IsKnownAgency(string name) => Agencies.Contains(name);

    private static bool LooksLikeHeadline(string text, int start, int end, int next, int bodyEnd)
    {
        if (TryDateline(text, start, bodyEnd) is not null) return false;
        var line = text.AsSpan(start, end - start);
        if (line.Length > MaxHeadlineChars || CountWords(line) > MaxHeadlineWords) return false;
        if (!HasLetter(line)) return false;
        // Why: a first line ending like a sentence is body copy, unless the dateline paragraph follows it.
        if (line[^1] is '.' or ',' or ';' or ':') return TryDateline(text, next, bodyEnd) is not null;
        return true;
    }

    // ---- Dateline -------------------------------------------------------------------------------------------------

    private sealed record DatelineMatch(TextRange Range, ImmutableArray<Dateline> Places, TextRange Agency, PublicationTime? Published);

    private static DatelineMatch? TryDateline(string text, int start, int end)
    {
        if (start >= end) return null;
        var m = DatelineRegex().Match(text, start, Math.Min(end - start, 400));
        if (!m.Success) return null;
        var agencyGroup = m.Groups["agency"];
        var agency = agencyGroup.Value.Trim();
        var places = m.Groups["place"].Captures;
        var allCaps = true;
        foreach (Capture c in places)
            foreach (var ch in c.ValueSpan)
                if (char.IsLower(ch)) allCaps = false;
        // Why: "Die Regierung (SPD) - ..." must not read as a dateline. Titlecase places need a known agency;
        // all-caps places, which only datelines use, may name a short unknown one (a regional service).
        if (!IsKnownAgency(agency) && !(allCaps && ShortAgencyRegex().IsMatch(agency))) return null;

        var list = ImmutableArray.CreateBuilder<Dateline>(places.Count);
        foreach (Capture c in places) list.Add(new Dateline(c.Value, new TextRange(c.Index, c.Index + c.Length)));

        PublicationTime? published = null;
        if (m.Groups["year"].Success && m.Groups["day"].Success)
        {
            var month = m.Groups["month"].Success ? DateParsing.MonthNumber(m.Groups["month"].Value)
                : int.Parse(m.Groups["mnum"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            if (month is { } mo && DateParsing.TryDate(
                    int.Parse(m.Groups["year"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture), mo,
                    int.Parse(m.Groups["day"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture), out var date))
                published = new PublicationTime(date);
        }
        if (m.Groups["month"].Success && DateParsing.MonthNumber(m.Groups["month"].Value) is null) return null;

        var leading = agencyGroup.Index + (agencyGroup.Length - agencyGroup.ValueSpan.TrimStart().Length);
        return new DatelineMatch(
            new TextRange(m.Index, m.Index + m.Length),
            list.ToImmutable(),
            new TextRange(leading, leading + agency.Length),
            published);
    }

    // ---- Trailer --------------------------------------------------------------------------------------------------

    /// <summary>Editor codes at the very end, in text order; empty when there is no trailer.</summary>
    private static ImmutableArray<EditorCode> FindTrailer(string text, int start, int end)
    {
        var found = new List<EditorCode>();
        var i = end;
        while (true)
        {
            var j = i;
            while (j > start && i - j <= MaxCodeLength && char.IsLetterOrDigit(text[j - 1])) j--;
            if (j == i || i - j > MaxCodeLength || j - 1 < start || text[j - 1] != '/' || !char.IsLetter(text[j])) break;
            found.Add(new EditorCode(text[j..i], new TextRange(j, i)));
            i = j - 1;
            if (i == start || !char.IsLetterOrDigit(text[i - 1])) break;
        }
        if (found.Count == 0) return [];
        var slash = found[^1].Range.Start - 1;
        // Why: only a trailer that follows whitespace or sentence-final punctuation counts; "und/oder", "1/2" or a
        // URL path end in letters glued to a word, and "https://" has an empty segment.
        var before = slash > start ? text[slash - 1] : '\n';
        var afterSentence = before is '.' or '!' or '?' or '"' or '“' or '”' or '»' or '«' or ')' or ']' or '\'' or '’' or '…';
        if (!char.IsWhiteSpace(before) && !afterSentence) return [];
        // Why: one lone code is accepted only on a line of its own; "... im Jahr /x" is too weak a signal.
        if (found.Count == 1 && before != '\n' && !(char.IsWhiteSpace(before) && LineStartsAt(text, slash))) return [];
        found.Reverse();
        return [.. found];
    }

    private static bool LineStartsAt(string text, int i)
    {
        while (i > 0 && text[i - 1] is ' ' or '\t') i--;
        return i == 0 || text[i - 1] == '\n';
    }

    // ---- Version markers ------------------------------------------------------------------------------------------

    /// <summary>Adds markers found in <c>[start, end)</c>; returns where the leading markers stop.</summary>
    private static int ScanMarkers(string text, int start, int end, ImmutableArray<VersionMarker>.Builder into, bool leadingOnly)
    {
        var pos = start;
        while (pos < end)
        {
            var m = LeadingMarkerRegex().Match(text, pos, end - pos);
            if (!m.Success) break;
            var word = m.Groups["m"];
            int? number = m.Groups["n"].Success ? int.Parse(m.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : null;
            var rangeEnd = m.Groups["n"].Success ? m.Groups["n"].Index + m.Groups["n"].Length : word.Index + word.Length;
            into.Add(new VersionMarker(KindOf(word.Value), number, new TextRange(word.Index, rangeEnd)));
            pos = m.Index + m.Length;
        }
        if (leadingOnly) return pos;
        foreach (Match m in ParenMarkerRegex().Matches(text[..end], start))
        {
            int? number = m.Groups["n"].Success ? int.Parse(m.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture) : null;
            into.Add(new VersionMarker(KindOf(m.Groups["m"].Value), number, new TextRange(m.Index, m.Index + m.Length)));
        }
        return pos;
    }

    private static VersionKind KindOf(string word) => word.TrimEnd('.').ToUpperInvariant() switch
    {
        "WDH" or "WIEDERHOLUNG" => VersionKind.Repeat,
        "ROUNDUP" => VersionKind.Roundup,
        "KORREKTUR" or "BERICHTIGUNG" => VersionKind.Correction,
        "UPDATE" or "AKTUALISIERT" or "AKTUALISIERUNG" => VersionKind.Update,
        "ÜBERBLICK" => VersionKind.Overview,
        _ => VersionKind.Flash,
    };

    // ---- Blocks ---------------------------------------------------------------------------------------------------

    private static (ImmutableArray<TextRange> Paragraphs, ImmutableArray<TextRange> Subheadings) SplitBlocks(string text, TextRange body)
    {
        // 1. Non-blank lines, trimmed, with whether a blank line (or the body start) precedes them.
        var lines = new List<(TextRange Range, bool AfterBlank)>();
        var afterBlank = true;
        for (var i = body.Start; i < body.End;)
        {
            var nl = text.IndexOf('\n', i, body.End - i);
            var lineEnd = nl < 0 ? body.End : nl;
            int s = i, e = lineEnd;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (e > s) { lines.Add((new TextRange(s, e), afterBlank)); afterBlank = false; }
            else afterBlank = true;
            i = lineEnd + 1;
        }

        // 2. Hard-wrapped text breaks only at blank lines; otherwise every line is a block.
        int wrappedCandidates = 0, wrappedLike = 0;
        for (var k = 0; k + 1 < lines.Count; k++)
        {
            if (lines[k + 1].AfterBlank) continue;
            wrappedCandidates++;
            if (lines[k].Range.Length is >= 40 and <= 100) wrappedLike++;
        }
        var hardWrapped = wrappedCandidates >= 3 && wrappedLike >= wrappedCandidates * 0.8;

        var blocks = new List<(TextRange Range, bool SingleLine)>();
        foreach (var (range, blank) in lines)
        {
            if (hardWrapped && !blank && blocks.Count > 0)
                blocks[^1] = (new TextRange(blocks[^1].Range.Start, range.End), false);
            else
                blocks.Add((range, true));
        }

        // 3. Subheadings: short single-line blocks between paragraphs, without final punctuation.
        var paragraphs = ImmutableArray.CreateBuilder<TextRange>();
        var subheadings = ImmutableArray.CreateBuilder<TextRange>();
        for (var k = 0; k < blocks.Count; k++)
        {
            var (range, single) = blocks[k];
            if (single && k > 0 && k < blocks.Count - 1 && IsSubheading(range.SliceSpan(text))) subheadings.Add(range);
            else paragraphs.Add(range);
        }
        return (paragraphs.ToImmutable(), subheadings.ToImmutable());
    }

    private static bool IsSubheading(ReadOnlySpan<char> line)
    {
        if (line.Length > MaxSubheadingChars || CountWords(line) > MaxSubheadingWords) return false;
        if (!char.IsLetterOrDigit(line[0]) || !HasLetter(line)) return false;
        return line[^1] is not ('.' or '!' or '?' or ':' or '"' or '“' or '”' or '»' or '«' or ';' or ',' or '…' or '-' or '–');
    }

    // ---- Helpers --------------------------------------------------------------------------------------------------

    private static int SkipWhitespace(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static int CountWords(ReadOnlySpan<char> s)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord) { inWord = true; words++; }
        }
        return words;
    }

    private static bool HasLetter(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (char.IsLetter(c)) return true;
        return false;
    }

    private sealed class FrozenAgencies(string[] names)
    {
        private readonly HashSet<string> _names = new(names, StringComparer.OrdinalIgnoreCase);

        public bool Contains(string name)
        {
            var n = WhitespaceRegex().Replace(name.Trim(), " ");
            if (_names.Contains(n)) return true;
            // Why: regional and product services are written "dpa/lby", "dpa-AFX/Broker".
            var slash = n.IndexOf('/', StringComparison.Ordinal);
            return slash > 0 && _names.Contains(n[..slash]);
        }
    }

    [GeneratedRegex(@"\G(?i:date|datum)[:=]?[ \t]+(?<when>\d{4}-\d{2}-\d{2}(?:(?:T|[ \t]+)\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?[ \t]*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?)(?=\s|$)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatePrefixRegex();

    // Why: words are joined only by a space (a hyphen is part of the word class), so there is one way to split a
    // place and the pattern cannot backtrack exponentially on long capitalised runs.
    private const string PlacePattern =
        @"\p{Lu}[\p{L}'’.\-]*(?:[ ](?:(?:am|an der|an|im|ob der|bei|upon|de|del|la|le|sur|on)[ ])?\p{Lu}[\p{L}'’.\-]*){0,3}";

    [GeneratedRegex(@"\G(?<place>" + PlacePattern + @")(?:[ \t]*/[ \t]*(?<place>" + PlacePattern + @"))*" +
                    @"(?:,[ \t]*(?<day>\d{1,2})\.[ \t]*(?:(?<month>\p{L}{3,9}\.?)|(?<mnum>\d{1,2})\.)(?:[ \t]*(?<year>\d{4}))?)?" +
                    @"[ \t]*\((?<agency>[^()\r\n]{1,40})\)[ \t]*[-–—](?=\s|$)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex DatelineRegex();

    [GeneratedRegex(@"^[\p{L}][\p{L}\d\-/&. ]{0,23}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShortAgencyRegex();

    [GeneratedRegex(@"\G(?<m>WDH|Wdh\.|WIEDERHOLUNG|ROUNDUP|KORREKTUR|BERICHTIGUNG|UPDATE|AKTUALISIERT|AKTUALISIERUNG|EILMELDUNG|EIL|ÜBERBLICK)(?![\p{L}\d])(?:[ \t]+(?<n>\d{1,2})(?![\p{L}\d]|[.,]\d))?(?:[ \t]*[:/,\-–][ \t]*|[ \t]+)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex LeadingMarkerRegex();

    [GeneratedRegex(@"\((?<m>Wiederholung|Wdh\.?|Korrektur|Berichtigung|Aktualisierung|Aktualisiert|Update)(?![\p{L}])(?:[ \t]*(?<n>\d{1,2})(?!\d))?[^()\r\n]*\)", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex ParenMarkerRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
