using Depesche.Core;

namespace Depesche.Time;

/// <summary>The reference date a document's underspecified expressions resolve against. Mutable, one per document.</summary>
internal sealed class Anchor(DateOnly date, Gran gran)
{
    public DateOnly Date = date;
    public Gran Gran = gran;

    /// <summary>A BC year (positive, 264 for 264 BC) when the story is before the common era; DateOnly cannot hold it.</summary>
    public int? Bc;
}

/// <summary>
/// Scans one sentence: a hand-written matcher that starts only at trigger tokens (lexicon hits and numbers)
/// and tries a fixed order of patterns there, longest first. One instance per call; not thread-safe.
/// </summary>
internal sealed class SentenceScanner
{
    private readonly string _text;
    private readonly Tok[] _t;
    private readonly int _n;
    private sbyte[]? _marks; // tense markers, computed on first need: most sentences hold no time expression
    private readonly Tense? _forced;
    private readonly TimeMode _mode;
    private readonly DateOnly _dct;
    private readonly Anchor _anchor;
    private readonly List<TimeExpression> _out;
    private Tok _none;
    private DateOnly? _lastDay;
    private bool _rangeGuard; // the last day-precise date in this sentence: a following time belongs to it

    private SentenceScanner(string text, Tok[] t, int n, Tense? forced, TimeMode mode, DateOnly dct, Anchor anchor, List<TimeExpression> output)
    {
        _text = text; _t = t; _n = n; _forced = forced; _mode = mode; _dct = dct; _anchor = anchor; _out = output;
    }

    private sbyte[] Marks()
    {
        if (_marks is not null) return _marks;
        var marks = new sbyte[_n];
        if (_forced is { } f)
        {
            if (f != Tense.Present) marks[0] = f == Tense.Past ? (sbyte)-1 : (sbyte)1;
        }
        else
        {
            TenseDetector.Mark(_text, _t, _n, marks);
        }
        return _marks = marks;
    }

    public static void Scan(string text, int start, int end, TimeMode mode, DateOnly dct, Anchor anchor, List<TimeExpression> output, Tense? forced = null)
    {
        var toks = MiniLexer.Lex(text, start, end, out int n);
        try
        {
            if (n == 0) return;
            new SentenceScanner(text, toks, n, forced, mode, dct, anchor, output).Run();
        }
        finally { MiniLexer.Return(toks); }
    }

    private void Run()
    {
        for (int i = 0; i < _n;)
        {
            int next = Match(i);
            i = next > i ? next : i + 1;
        }
    }

    // ---------- token helpers ----------

    private ref Tok T(int k)
    {
        if ((uint)k < (uint)_n) return ref _t[k];
        _none = default;
        _none.Kind = TKind.Punct;
        _none.Start = _none.End = k < 0 ? (_n > 0 ? _t[0].Start : 0) : (_n > 0 ? _t[_n - 1].End : 0);
        return ref _none;
    }

    private LexKind K(int k) => (uint)k < (uint)_n && _t[k].Kind == TKind.Word ? _t[k].Lex.Kind : LexKind.None;
    private ReadOnlySpan<char> S(int k) => (uint)k < (uint)_n ? _text.AsSpan(_t[k].Start, _t[k].End - _t[k].Start) : default;
    private bool W(int k, string s) => (uint)k < (uint)_n && S(k).Equals(s, StringComparison.OrdinalIgnoreCase);
    private bool P(int k, char c) => (uint)k < (uint)_n && _t[k].Kind == TKind.Punct && _text[_t[k].Start] == c;

    private bool IsYear(int k)
    {
        ref var t = ref T(k);
        return t.Kind == TKind.Num && t.Shape == NumShape.Plain && t.Digits == 4 && t.N1 >= 1000 && t.N1 <= 2199;
    }

    /// <summary>Tokens of a "v. Chr." / "vor Christus" marker at <paramref name="k"/>, or 0.</summary>
    private int BcLength(int k)
    {
        if (W(k, "v") && P(k + 1, '.') && W(k + 2, "Chr")) return P(k + 3, '.') ? 4 : 3;
        if (W(k, "vor") && (W(k + 1, "Christus") || W(k + 1, "Christi")) && !W(k + 2, "Geburt")) return 2;
        if (W(k, "vor") && W(k + 1, "Christi") && W(k + 2, "Geburt")) return 3;
        if (W(k, "v") && P(k + 1, '.') && W(k + 2, "u") && P(k + 3, '.') && W(k + 4, "Z")) return P(k + 5, '.') ? 6 : 5;
        return 0;
    }

    private int AdLength(int k) => W(k, "n") && P(k + 1, '.') && W(k + 2, "Chr") ? (P(k + 3, '.') ? 4 : 3) : 0;

    /// <summary>A year at <paramref name="k"/>: four digits (1000–2199), or up to four digits with "v. Chr." (negative) or "n. Chr.".</summary>
    private bool TryYear(int k, out int year, out int end)
    {
        year = 0; end = k;
        ref var t = ref T(k);
        if (IsYear(k)) { year = t.N1; end = k + 1; return true; }
        if (t.Kind != TKind.Num || t.Shape != NumShape.Plain || t.Digits > 4 || t.Dot || t.N1 <= 0) return false;
        int bc = BcLength(k + 1);
        if (bc > 0) { year = -t.N1; end = k + 1 + bc; return true; }
        int ad = AdLength(k + 1);
        if (ad > 0) { year = t.N1; end = k + 1 + ad; return true; }
        if (IsYear(k)) { year = t.N1; end = k + 1; return true; }
        return false;
    }

    private int RefYear => !News && _anchor.Bc is { } b ? -b : Ref.Year;

    private void SetAnchorYear(int y, int month = 0)
    {
        if (News) return;
        if (y <= 0)
        {
            if (_out.Count > 0 && _rangeGuard) return;
            _anchor.Bc = -y;
            _anchor.Gran = Gran.Year;
            return;
        }
        SetAnchor(new DateOnly(y, month == 0 ? 1 : month, 1), month == 0 ? Gran.Year : Gran.Month);
    }

    private bool IsDayOrd(int k)
    {
        ref var t = ref T(k);
        return t.Kind == TKind.Num && t.Shape == NumShape.Plain && t.Dot && t.Digits <= 2 && t.N1 >= 1 && t.N1 <= 31;
    }

    private static bool LooksLikeParticiple(ReadOnlySpan<char> w)
    {
        // gegründete, eröffneten, abgeschlossenen: a participle plus an adjective ending.
        foreach (var end in (ReadOnlySpan<string>)["en", "e", "er", "es", "em"])
        {
            if (!w.EndsWith(end, StringComparison.Ordinal)) continue;
            var stem = w[..^end.Length];
            if ((stem.EndsWith('t') || stem.EndsWith("en", StringComparison.Ordinal)) && TenseDetector.IsParticiple(stem)) return true;
        }
        return false;
    }

    private bool IsLineBreakBetween(int a, int b)
    {
        for (int c = T(a).End; c < T(b).Start; c++) if (_text[c] == '\n') return true;
        return false;
    }

    private Prep PrepBefore(int i)
    {
        int j = i - 1;
        if (K(j) == LexKind.Det) j--;
        return K(j) == LexKind.Prep ? (Prep)_t[j].Lex.A : Prep.None;
    }

    private int PrepIndexBefore(int i)
    {
        int j = i - 1;
        if (K(j) == LexKind.Det) j--;
        return K(j) == LexKind.Prep ? j : -1;
    }

    private Tense TenseAt(int i)
    {
        int best = int.MaxValue;
        sbyte m = 0;
        var marks = Marks();
        for (int k = 0; k < _n; k++)
        {
            if (marks[k] == 0) continue;
            int d = Math.Abs(k - i);
            // Why: on a tie the later marker wins: German puts participles and infinitives at the clause end.
            if (d < best || (d == best && k > i)) { best = d; m = marks[k]; }
        }
        return m < 0 ? Tense.Past : m > 0 ? Tense.Future : Tense.Present;
    }

    private bool News => _mode == TimeMode.News;
    private DateOnly Ref => News ? _dct : _anchor.Date;
    private Gran RefGran => News ? Gran.Day : _anchor.Gran;

    private void SetAnchor(DateOnly d, Gran g)
    {
        if (News) return;
        // Why: after "Januar 1775 bis März 1776" the narrative goes on from the range's start, not its end.
        if (_out.Count > 0 && _rangeGuard) return;
        _anchor.Bc = null;
        _anchor.Date = d;
        _anchor.Gran = g;
    }

    private static DateOnly? MakeDate(int y, int m, int d)
    {
        if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d);
    }

    private void Emit(int startTok, int endTok, string value, TimexMod mod = TimexMod.None, bool set = false, bool withDot = false)
    {
        int s = T(startTok).Start;
        ref var last = ref T(endTok - 1);
        int e = last.End + (withDot && last.Dot ? 1 : 0);
        // im Laufe des folgenden Jahres: TIMEX2 extents take "Laufe des" in.
        if (K(startTok - 1) == LexKind.Det && (W(startTok - 2, "Laufe") || W(startTok - 2, "Verlauf"))) s = T(startTok - 2).Start;
        // Why: an enclosing match already emitted (e.g. a range's second day) must not be duplicated.
        for (int k = _out.Count - 1; k >= 0 && k >= _out.Count - 4; k--)
            if (_out[k].Start == s && _out[k].End == e) return;
        _out.Add(new TimeExpression(s, e, TimexValue.TypeOf(value, set), value, mod));
        _rangeGuard = ClosesRange(startTok) && _out.Count > 1 && _out[^2].End >= T(startTok - 3).Start;
    }

    // ---------- dispatch ----------

    private int Match(int i)
    {
        ref var t = ref _t[i];
        if (t.Kind == TKind.Num) return MatchNumber(i, i, TimexMod.None);
        if (t.Kind != TKind.Word) return -1;
        switch (t.Lex.Kind)
        {
            case LexKind.Month: return MatchMonth(i, i, TimexMod.None);
            case LexKind.Weekday: return MatchWeekday(i, i, TimexMod.None);
            case LexKind.WeekdayPart: return MatchWeekday(i, i, TimexMod.None);
            case LexKind.Season: return MatchSeason(i, i, TimexMod.None);
            case LexKind.PartOfDay:
                if (W(i, "morgen") && (!t.Cap || IsTomorrowMorgen(i))) return MatchRelDay(i);
                return MatchPartOfDay(i, i, TimexMod.None);
            case LexKind.RelDay: return MatchRelDay(i);
            case LexKind.Unit: return MatchUnitStart(i);
            case LexKind.NumWord:
            case LexKind.Vague: return MatchDuration(i, i, TimexMod.None);
            case LexKind.OrdinalWord: return MatchOrdinal(i, i, TimexMod.None);
            case LexKind.RelAdj: return MatchRelAdj(i, i, TimexMod.None);
            case LexKind.Boundary: return MatchBoundary(i, i);
            case LexKind.BoundaryUnit: return MatchBoundaryUnit(i, i);
            case LexKind.CmpMod: return MatchCmp(i);
            case LexKind.Prep: return MatchPrep(i);
            case LexKind.Ref: return MatchRef(i);
            case LexKind.SetAdverb:
                if (t.Cap && i > 0) return -1;
                if (T(i + 1).Kind == TKind.Num) return -1; // "bei jährlich 3,3 Prozent": a rate, not a recurrence
                Emit(i, i + 1, TimexValue.Duration(1, 1, (Unit)t.Lex.A), set: true);
                return i + 1;
            case LexKind.SetWeekday:
                Emit(i, i + 1, "XXXX-WXX-" + t.Lex.A, set: true);
                return i + 1;
            case LexKind.Every: return MatchEvery(i);
            case LexKind.Per: return MatchPer(i);
            case LexKind.Holiday: return MatchHoliday(i, i, 0);
            case LexKind.Feast: return MatchFeast(i);
            case LexKind.DecadeWord: return MatchDecadeWord(i, i, TimexMod.None);
            case LexKind.DurAdj: return MatchDurAdj(i);
            case LexKind.VorUnit: return MatchVorUnit(i);
            case LexKind.FolgeUnit: return MatchFolgeUnit(i);
            default:
                if ((W(i, "wenig") || W(i, "bald")) && (K(i + 1) == LexKind.After || K(i + 1) == LexKind.Before) && !W(i + 1, "eher"))
                {
                    Emit(i, i + 2, K(i + 1) == LexKind.After ? "FUTURE_REF" : "PAST_REF");
                    return i + 2;
                }
                return MatchVagueLang(i);
        }
    }

    // jahrelang, monatelang …
    private int MatchVagueLang(int i)
    {
        var s = S(i);
        if (s.Length < 8 || !s.EndsWith("lang", StringComparison.OrdinalIgnoreCase)) return -1;
        Unit u = s.StartsWith("jahrzehnte", StringComparison.OrdinalIgnoreCase) ? Unit.Decade
            : s.StartsWith("jahre", StringComparison.OrdinalIgnoreCase) ? Unit.Year
            : s.StartsWith("monate", StringComparison.OrdinalIgnoreCase) ? Unit.Month
            : s.StartsWith("wochen", StringComparison.OrdinalIgnoreCase) ? Unit.Week
            : s.StartsWith("tage", StringComparison.OrdinalIgnoreCase) ? Unit.Day
            : s.StartsWith("stunden", StringComparison.OrdinalIgnoreCase) ? Unit.Hour
            : Unit.None;
        if (u == Unit.None || s.Length > 14) return -1;
        Emit(i, i + 1, TimexValue.Duration(-1, 1, u));
        return i + 1;
    }

    private bool IsTomorrowMorgen(int i)
    {
        // Capitalised "Morgen": the morning after an article or adjective, otherwise (sentence start) tomorrow.
        int j = i - 1;
        if (j < 0) return !(K(i + 1) == LexKind.Det || W(i + 1, "des"));
        return false;
    }

    // ---------- numbers ----------

    private int MatchNumber(int i, int ext, TimexMod mod)
    {
        ref var t = ref _t[i];
        switch (t.Shape)
        {
            case NumShape.ThreePart:
            {
                int y = t.N3 < 100 && t.Digits2 <= 2 ? (t.N3 < 50 ? 2000 + t.N3 : 1900 + t.N3) : t.N3;
                if (MakeDate(y, t.N2, t.N1) is not { } d || t.Digits > 2) return -1;
                return EmitDate(ext, i + 1, d, Gran.Day, mod);
            }
            case NumShape.TwoPart:
                if (t.Sep == ',')
                {
                    // 3,5 Jahre → P3.5Y (ISO 8601 allows a decimal fraction on the last component).
                    if (K(i + 1) != LexKind.Unit || t.Digits > 3) return -1;
                    var du = (Unit)_t[i + 1].Lex.A;
                    if (du is Unit.Night or Unit.Weekend) return -1;
                    var whole = TimexValue.Duration(t.N1, 1, du);
                    int at = whole.IndexOf(t.N1.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) + t.Digits;
                    var frac = _text.AsSpan(_t[i].Start + t.Digits + 1, t.Digits2).ToString();
                    int dend = i + 2;
                    if (W(dend, "lang")) dend++;
                    Emit(ext, dend, whole[..at] + "." + frac + whole[at..], mod);
                    return dend;
                }
                if (W(i + 1, "uhr") || t.Sep == ':') return MatchTime(i, ext, mod);
                if (t.Dot && t.Digits <= 2 && t.Digits2 <= 2 && t.N2 >= 1 && t.N2 <= 12)
                {
                    int y = YearForMonthDay(t.N2, t.N1, i);
                    if (MakeDate(y, t.N2, t.N1) is not { } d) return -1;
                    return EmitDate(ext, i + 1, d, Gran.Day, mod, withDot: true);
                }
                return -1;
            case NumShape.Suffixed:
                return MatchSuffixed(i, ext, mod);
        }
        // Plain
        if (W(i + 1, "uhr")) return MatchTime(i, ext, mod);
        if (IsDayOrd(i))
        {
            int r = MatchDayMonth(i, ext, mod);
            if (r > 0) return r;
            if (K(i + 1) == LexKind.Unit && (Unit)_t[i + 1].Lex.A == Unit.Century && t.N1 <= 21)
            {
                int bc = BcLength(i + 2);
                Emit(ext, i + 2 + bc, (bc > 0 ? "BC" : "") + TimexValue.Century(t.N1 - 1), mod);
                return i + 2 + bc;
            }
            // "am 16. den Briten …": a bare day of the anchor's month.
            if (ext == i && W(i - 1, "am") && (K(i + 1) is LexKind.Det or LexKind.Prep || T(i + 1).Kind == TKind.Punct || (T(i + 1).Kind == TKind.Word && !T(i + 1).Cap && K(i + 1) != LexKind.Unit))
                && (News || RefGran != Gran.Year) && MakeDate(Ref.Year, Ref.Month, t.N1) is { } bare)
            {
                Emit(i, i + 1, TimexValue.Day(bare), mod, withDot: true);
                SetAnchor(bare, Gran.Day);
                _lastDay = bare;
                return i + 1;
            }
        }
        if (!t.Dot && (BcLength(i + 1) > 0 || AdLength(i + 1) > 0) && TryYear(i, out int ancient, out int aend))
        {
            Emit(ext, aend, TimexValue.Year(ancient), mod);
            SetAnchorYear(ancient);
            return aend;
        }
        if (IsYear(i)) return MatchYear(i, ext, mod);
        if (t.Digits <= 4 && !t.Dot) return MatchDuration(i, ext, mod);
        return -1;
    }

    private int MatchSuffixed(int i, int ext, TimexMod mod)
    {
        ref var t = ref _t[i];
        var suffix = _text.AsSpan(t.SuffixStart, t.End - t.SuffixStart);
        if (suffix.StartsWith("er", StringComparison.OrdinalIgnoreCase) && (suffix.Length == 2 || suffix[2] == '-' || suffix.Length > 2 && suffix[2..].StartsWith("-Jahre", StringComparison.OrdinalIgnoreCase)) && t.N1 % 10 == 0)
        {
            int decade = t.Digits == 4 ? t.N1 / 10 : t.Digits == 2 ? 190 + t.N1 / 10 : -1;
            if (decade < 0) return -1;
            int end = i + 1;
            if (suffix.Length == 2 && K(i + 1) == LexKind.Unit && (Unit)_t[i + 1].Lex.A == Unit.Year) end++;
            Emit(ext, end, decade.ToString("D3", System.Globalization.CultureInfo.InvariantCulture), mod);
            return end;
        }
        // 30-jährige, 14-tägige, 3-monatige
        var lex = Lexicon.Find(suffix);
        Unit u = Unit.None;
        if (suffix.StartsWith("jährig", StringComparison.OrdinalIgnoreCase)) u = Unit.Year;
        else if (suffix.StartsWith("tägig", StringComparison.OrdinalIgnoreCase)) u = Unit.Day;
        else if (suffix.StartsWith("wöchig", StringComparison.OrdinalIgnoreCase)) u = Unit.Week;
        else if (suffix.StartsWith("monatig", StringComparison.OrdinalIgnoreCase)) u = Unit.Month;
        else if (suffix.StartsWith("stündig", StringComparison.OrdinalIgnoreCase)) u = Unit.Hour;
        else if (lex.Kind == LexKind.Unit && (_text[t.SuffixStart - 1] == '-')) u = (Unit)lex.A;
        if (u == Unit.None || t.N1 <= 0 || t.N1 > 1000) return -1;
        if (char.IsUpper(_text[t.SuffixStart])) return -1; // der 55-Jährige: a person, not a time
        Emit(ext, i + 1, TimexValue.Duration(t.N1, 1, u), mod);
        return i + 1;
    }

    private static readonly string[] MeasureNouns =
    [
        "mann", "soldaten", "menschen", "tote", "toten", "euro", "dollar", "pfund", "kilometer", "km", "meter", "einwohner",
        "stück", "prozent", "%", "personen", "opfer", "gefangene", "gefangenen", "panzer", "flugzeuge", "schiffe", "geschütze",
        "kanonen", "truppen", "mitglieder", "stimmen", "häuser", "fälle", "mark", "franken", "rubel", "tonnen", "kg", "männer",
        "frauen", "kinder", "verwundete", "deutsche", "briten", "franzosen", "amerikaner", "sitze", "abgeordnete",
    ];

    private int MatchYear(int i, int ext, TimexMod mod)
    {
        ref var t = ref _t[i];
        if (!t.Dot)
        {
            var next = S(i + 1);
            foreach (var m in MeasureNouns)
                if (next.Equals(m, StringComparison.OrdinalIgnoreCase)) return -1;
            // "die 1400 hessischen Truppen", "rund 1600 Loyalisten": a count, not a year. A year rarely follows an
            // article, and a bare year is rarely followed directly by a noun.
            // "der 1936 gegründete Verband" is a year: a participle follows, not an adjective of a counted noun.
            if (ext == i && K(i - 1) == LexKind.Det && !W(i - 1, "des") && K(i + 1) is not (LexKind.Det or LexKind.Prep)
                && !(T(i + 1).Kind == TKind.Word && !T(i + 1).Cap && LooksLikeParticiple(S(i + 1)))) return -1;
            ref var nt = ref T(i + 1);
            if (nt.Kind == TKind.Word && nt.Cap && nt.Lex.Kind == LexKind.None && i + 1 < _n && !IsLineBreakBetween(i, i + 1)
                && !(K(i - 1) is LexKind.Prep or LexKind.Month or LexKind.Season or LexKind.Boundary or LexKind.Unit)) return -1;
            if (nt.Kind == TKind.Word && !nt.Cap && nt.Lex.Kind == LexKind.None && S(i + 1).EndsWith("en", StringComparison.Ordinal)
                && T(i + 2).Kind == TKind.Word && T(i + 2).Cap && K(i - 1) is LexKind.Det or LexKind.CmpMod or LexKind.None && ext == i && i > 0 && !(K(i - 1) == LexKind.Prep)) return -1;
        }
        int y = t.N1;
        // BC years: 264 v. Chr.
        int end = i + 1;
        Emit(ext, end, TimexValue.Year(y), mod);
        // Why: "die Teilung Polens 1772", "seit 1982" point away from the story's present; they must not move the anchor.
        bool label = ext == i && i > 0 && (T(i - 1).Kind == TKind.Word && T(i - 1).Cap && K(i - 1) == LexKind.None && !IsLineBreakBetween(i - 1, i)
            || K(i - 1) == LexKind.Det && !W(i - 1, "des"));
        // A year in parentheses is an aside ("der Vertrag von Versailles (1919)").
        if (!label && !W(i - 1, "seit") && !(ext == i && P(i - 1, '('))) SetAnchor(new DateOnly(y, 1, 1), Gran.Year);
        // 1777/78 → a second year
        if (P(end, '/') && T(end + 1).Kind == TKind.Num && T(end + 1).Shape == NumShape.Plain && T(end + 1).Digits == 2 && T(end + 1).Start == T(end).End)
        {
            int y2 = y / 100 * 100 + T(end + 1).N1;
            Emit(end + 1, end + 2, TimexValue.Year(y2));
            return end + 2;
        }
        return end;
    }

    private int EmitDate(int ext, int end, DateOnly d, Gran g, TimexMod mod, bool withDot = false)
    {
        // A time or part of day right after a date belongs to it: "19. Dezember um 14 Uhr", "17. Juli morgens".
        int k = end;
        if (g == Gran.Day)
        {
            _lastDay = d;
            if (K(k) == LexKind.PartOfDay && !T(k).Cap && (W(k, "morgens") || W(k, "abends") || W(k, "nachts") || W(k, "mittags") || W(k, "nachmittags") || W(k, "vormittags") || W(k, "früh")))
            {
                Emit(ext, k + 1, TimexValue.Pod(TimexValue.Day(d), (PartOfDay)_t[k].Lex.A), mod);
                SetAnchor(d, Gran.Day);
                return k + 1;
            }
        }
        Emit(ext, end, TimexValue.At(d, g), mod, withDot: withDot);
        SetAnchor(d, g);
        return end;
    }

    // 18. Dezember [2025]; 3. bis 5. März; 4./5. August 1789
    private int MatchDayMonth(int i, int ext, TimexMod mod)
    {
        // Collect day ordinals joined by / - bis und
        Span<int> dayToks = stackalloc int[6];
        int nd = 0, k = i;
        while (IsDayOrd(k) && nd < 6)
        {
            dayToks[nd++] = k;
            int j = k + 1;
            if (P(j, '/') || P(j, '-') || P(j, '–') || W(j, "bis") || W(j, "und") || W(j, "oder") || P(j, ','))
            {
                if (IsDayOrd(j + 1)) { k = j + 1; continue; }
                if (W(j + 1, "zum") && IsDayOrd(j + 2)) { k = j + 2; continue; }
            }
            break;
        }
        int mTok = dayToks[nd - 1] + 1;
        if (K(mTok) != LexKind.Month) return -1;
        int month = _t[mTok].Lex.A;
        int end = mTok + 1;
        int year;
        bool explicitYear = false;
        if (IsYear(end)) { year = _t[end].N1; end++; explicitYear = true; }
        else if (P(end, ',') && IsYear(end + 1)) { year = _t[end + 1].N1; end += 2; explicitYear = true; }
        else if (IsSameYearPhrase(end, out int e2)) { year = Ref.Year; end = e2; }
        else if (RangeTailYear(end) is > 0 and var ty) year = ty;
        else year = YearForMonthDay(month, _t[dayToks[nd - 1]].N1, dayToks[nd - 1]);
        _ = explicitYear;
        for (int q = 0; q < nd - 1; q++)
        {
            if (MakeDate(year, month, _t[dayToks[q]].N1) is { } dq)
                Emit(q == 0 ? ext : dayToks[q], dayToks[q] + 1, TimexValue.Day(dq), mod, withDot: true);
        }
        if (MakeDate(year, month, _t[dayToks[nd - 1]].N1) is not { } d) return end;
        return EmitDate(nd == 1 ? ext : dayToks[nd - 1], end, d, Gran.Day, mod);
    }

    /// <summary>
    /// The year of a range's closing element: "Juli bis Oktober 1777", "16. September bis 10. Oktober 1779",
    /// "vom Februar bis zum April 1988". Returns -1 when <paramref name="k"/> does not open such a tail.
    /// </summary>
    private int RangeTailYear(int k)
    {
        if (!(W(k, "bis") || W(k, "und") || P(k, '-') || P(k, '–') || P(k, '/'))) return -1;
        int j = k + 1;
        if (W(j, "zum") || W(j, "zu") || W(j, "den") || W(j, "Ende") || W(j, "Anfang") || W(j, "Mitte")) j++;
        if (IsDayOrd(j)) j++;
        if (K(j) == LexKind.Month && IsYear(j + 1)) return _t[j + 1].N1;
        return -1;
    }

    /// <summary>True when the expression starting at token <paramref name="i"/> closes a range ("… bis März 1776").</summary>
    private bool ClosesRange(int i) => W(i - 1, "bis") || P(i - 1, '-') || P(i - 1, '–') || (W(i - 1, "zum") && W(i - 2, "bis"));

    // desselben Jahres, des gleichen Jahres, dieses Jahres
    private bool IsSameYearPhrase(int k, out int end)
    {
        end = k;
        if ((W(k, "desselben") || W(k, "dieses") || W(k, "selben") ) && K(k + 1) == LexKind.Unit && (Unit)_t[k + 1].Lex.A == Unit.Year) { end = k + 2; return true; }
        if (W(k, "des") && (W(k + 1, "gleichen") || W(k + 1, "selben")) && K(k + 2) == LexKind.Unit && (Unit)_t[k + 2].Lex.A == Unit.Year) { end = k + 3; return true; }
        return false;
    }

    private bool TryTime(int i, out int h, out int min, out int end)
    {
        ref var t = ref T(i);
        h = -1; min = 0; end = i;
        if (t.Kind != TKind.Num) return false;
        if (t.Shape == NumShape.Plain && t.Digits <= 2 && !t.Dot) { h = t.N1; }
        else if (t.Shape == NumShape.TwoPart && t.Sep != ',' && t.Digits <= 2 && t.Digits2 == 2) { h = t.N1; min = t.N2; }
        else return false;
        if (h > 24 || min > 59) return false;
        int k = i + 1;
        if (W(k, "uhr")) k++;
        else if (t.Sep != ':') return false;
        if (K(k) == LexKind.Zone) k++;
        else if (P(k, '(') && K(k + 1) == LexKind.Zone && P(k + 2, ')')) k += 3;
        else if ((W(k, "deutscher") || W(k, "mitteleuropäischer")) && W(k + 1, "Zeit")) k += 2;
        end = k;
        return true;
    }

    private int MatchTime(int i, int ext, TimexMod mod)
    {
        if (!TryTime(i, out int h, out int min, out int end)) return -1;
        var d = _lastDay ?? Ref;
        Emit(ext, end, TimexValue.Time(d, h, min), mod);
        return end;
    }

    // ---------- months, weekdays, seasons ----------

    private int MatchMonth(int i, int ext, TimexMod mod)
    {
        int month = _t[i].Lex.A;
        int end = i + 1;
        if (TryYear(end, out int y0, out int yend))
        {
            Emit(ext, yend, TimexValue.Month(y0, month), mod);
            SetAnchorYear(y0, month);
            return yend;
        }
        if (IsSameYearPhrase(end, out int e2))
        {
            Emit(ext, e2, TimexValue.Month(Ref.Year, month), mod);
            SetAnchor(new DateOnly(Ref.Year, month, 1), Gran.Month);
            return e2;
        }
        int tail = RangeTailYear(end);
        // A bare month name needs a temporal context: a preposition, article, boundary word or coordination.
        var pk = K(i - 1);
        bool ok = ext < i || tail > 0 || pk is LexKind.Prep or LexKind.Det or LexKind.Boundary or LexKind.CmpMod or LexKind.Und or LexKind.RelAdj
                  || W(i - 1, "bis") || (K(i + 1) == LexKind.Und && (K(i + 2) == LexKind.Month));
        if (!ok) return -1;
        // "von August Bebel": the first name, not the month. A month is not followed by a surname-like word.
        if (month == 8 && T(i + 1).Kind == TKind.Word && T(i + 1).Cap && K(i + 1) == LexKind.None && !W(i - 1, "im") && K(i - 1) != LexKind.Boundary) return -1;
        int year = tail > 0 ? tail : YearForMonth(month, i);
        Emit(ext, end, TimexValue.Month(year, month), mod);
        SetAnchorYear(year, month);
        return end;
    }

    private int YearForMonth(int month, int i)
    {
        if (!News) return RefYear;
        int y = _dct.Year, cm = _dct.Month;
        return TenseAt(i) switch
        {
            // Why: news names last year's month with the year or "vergangenen"; a bare next month in a past-tense
            // clause is a nominal future ("kostete … zur Lieferung im Dezember"), not eleven months back.
            Tense.Past => month <= cm + 1 ? y : y - 1,
            Tense.Future => month >= cm ? y : y + 1,
            _ => Math.Abs(month - cm) <= 6 ? y : (month < cm ? y + 1 : y - 1),
        };
    }

    private int YearForMonthDay(int month, int day, int i)
    {
        if (!News) return _anchor.Date.Year;
        int y = _dct.Year;
        var same = MakeDate(y, month, Math.Min(day, 28)) ?? _dct;
        if (MakeDate(y, month, day) is { } exact) same = exact;
        return TenseAt(i) switch
        {
            // Why: a past-tense clause cannot report a day that has not come yet, so a date up to two months after the
            // article is what was set or moved ("hat ein Treffen für den 20. Januar angesetzt"), as YearForMonth does.
            Tense.Past => same <= _dct.AddDays(62) ? y : y - 1,
            Tense.Future => same >= _dct ? y : y + 1,
            _ => Math.Abs(same.DayNumber - _dct.DayNumber) <= 183 ? y : (same < _dct ? y + 1 : y - 1),
        };
    }

    private DateOnly WeekdayDate(int dow, int i, Rel? rel = null)
    {
        var r = Ref;
        int cur = (int)r.DayOfWeek == 0 ? 7 : (int)r.DayOfWeek;
        int back = (cur - dow + 7) % 7, fwd = (dow - cur + 7) % 7;
        Tense tense = rel switch
        {
            Rel.Next or Rel.Following => Tense.Future,
            Rel.Prev => Tense.Past,
            _ => TenseAt(i),
        };
        if (rel == Rel.Next && fwd == 0) fwd = 7;
        if (rel == Rel.Prev && back == 0) back = 7;
        return tense switch
        {
            Tense.Past => r.AddDays(-back),
            Tense.Future => r.AddDays(fwd),
            _ => fwd <= back ? r.AddDays(fwd) : r.AddDays(-back),
        };
    }

    private int MatchWeekday(int i, int ext, TimexMod mod, Rel? rel = null)
    {
        ref var t = ref _t[i];
        int dow = t.Lex.A;
        PartOfDay pod = t.Lex.Kind == LexKind.WeekdayPart ? (PartOfDay)t.Lex.B : PartOfDay.None;
        int end = i + 1;
        // Freitag, 19. Dezember [2025] / Freitag, den 19.12.
        int k = end;
        if (P(k, ',')) k++;
        if (W(k, "den") || W(k, "dem")) k++;
        if (pod == PartOfDay.None && IsDayOrd(k) && K(k + 1) == LexKind.Month)
        {
            int before = _out.Count;
            int r = MatchDayMonth(k, k, mod);
            if (r > 0 && _out.Count > before)
            {
                var last = _out[^1];
                _out[^1] = last with { Start = _t[ext].Start };
                return r;
            }
        }
        if (pod == PartOfDay.None && T(k).Kind == TKind.Num && T(k).Shape is NumShape.TwoPart or NumShape.ThreePart && k > end)
        {
            int before = _out.Count;
            int r = MatchNumber(k, k, mod);
            if (r > 0 && _out.Count > before)
            {
                var last = _out[^1];
                _out[^1] = last with { Start = _t[ext].Start };
                return r;
            }
        }
        if (W(i - 1, "jeden") || W(i - 1, "jedem")) return -1;
        var d = WeekdayDate(dow, i, rel);
        // Mittwoch kommender Woche / Freitag dieser Woche: the weekday inside that ISO week.
        if (K(end) == LexKind.RelAdj && K(end + 1) == LexKind.Unit && (Unit)_t[end + 1].Lex.A == Unit.Week && !IsPluralUnit(S(end + 1)))
        {
            int delta = (Rel)_t[end].Lex.A switch { Rel.Next or Rel.Following => 1, Rel.Prev => -1, _ => 0 };
            int cur = (int)Ref.DayOfWeek == 0 ? 7 : (int)Ref.DayOfWeek;
            d = Ref.AddDays(7 * delta - (cur - 1) + (dow - 1));
            end += 2;
        }
        if (pod == PartOfDay.None && K(end) == LexKind.PartOfDay && !W(end, "morgens") && !W(end, "abends") && !W(end, "nachts"))
        {
            pod = (PartOfDay)_t[end].Lex.A;
            end++;
        }
        _lastDay = d;
        string v = TimexValue.Day(d);
        Emit(ext, end, pod == PartOfDay.None ? v : TimexValue.Pod(v, pod), mod);
        if (!News && RefGran == Gran.Day) SetAnchor(d, Gran.Day);
        return end;
    }

    private int MatchSeason(int i, int ext, TimexMod mod, Rel? rel = null)
    {
        var s = (Season)_t[i].Lex.A;
        if (mod == TimexMod.None) mod = (TimexMod)_t[i].Lex.B;
        int end = i + 1;
        int y;
        bool explicitYear = false;
        if (TryYear(end, out int sy, out int syend)) { y = sy; end = syend; explicitYear = true; }
        else if (IsSameYearPhrase(end, out int e2)) { y = RefYear; end = e2; }
        else
        {
            var pk = K(i - 1);
            if (!(ext < i || pk is LexKind.Prep or LexKind.Det or LexKind.RelAdj or LexKind.Boundary)) return -1;
            y = RefYear;
            int cur = Ref.Month switch { 3 or 4 or 5 => 1, 6 or 7 or 8 => 2, 9 or 10 or 11 => 3, _ => 4 };
            var tense = rel switch { Rel.Prev => Tense.Past, Rel.Next or Rel.Following => Tense.Future, Rel.This => Tense.Present, _ => News ? TenseAt(i) : Tense.Present };
            if (tense == Tense.Past && (int)s > cur) y--;
            else if (tense == Tense.Future && (int)s < cur) y++;
            if (s == Season.WI && Ref.Month <= 2 && tense != Tense.Future && y > 0) y--;
        }
        Emit(ext, end, TimexValue.SeasonOf(y, s), mod);
        if (explicitYear) SetAnchorYear(y);
        if (y > 0 && P(end, '/') && T(end + 1).Kind == TKind.Num && T(end + 1).Digits == 2 && T(end + 1).Start == T(end).End)
        {
            Emit(end + 1, end + 2, TimexValue.SeasonOf(y / 100 * 100 + T(end + 1).N1, s));
            return end + 2;
        }
        return end;
    }

    // ---------- relative days, parts of day ----------

    private int MatchRelDay(int i)
    {
        ref var t = ref _t[i];
        int off = W(i, "morgen") ? 1 : t.Lex.A;
        bool adjective = S(i).EndsWith("en", StringComparison.OrdinalIgnoreCase) && !W(i, "morgen");
        int end = i + 1;
        PartOfDay pod = PartOfDay.None;
        if (K(end) == LexKind.PartOfDay && !W(i + 1, "morgens") && !W(i + 1, "abends"))
        {
            pod = (PartOfDay)_t[end].Lex.A;
            end++;
        }
        if (!News && off == 0 && pod == PartOfDay.None)
        {
            // Why: in a narrative "heute" is the writer's present, not the story's day.
            if (adjective) return -1;
            Emit(i, end, "PRESENT_REF");
            return end;
        }
        var d = Ref.AddDays(off);
        _lastDay = d;
        // am heutigen Tag / am gestrigen Mittwoch / am gestrigen 13. Oktober: one expression, the relative day decides.
        if (adjective && K(end) == LexKind.Unit && (Unit)_t[end].Lex.A == Unit.Day) end++;
        else if (adjective && K(end) is LexKind.Weekday or LexKind.WeekdayPart)
        {
            if (K(end) == LexKind.WeekdayPart) pod = (PartOfDay)_t[end].Lex.B;
            end++;
        }
        else if (adjective && IsDayOrd(end) && K(end + 1) == LexKind.Month) end += IsYear(end + 2) ? 3 : 2;
        string v = TimexValue.Day(d);
        Emit(i, end, pod == PartOfDay.None ? v : TimexValue.Pod(v, pod));
        return end;
    }

    private int MatchPartOfDay(int i, int ext, TimexMod mod, DateOnly? day = null)
    {
        var pod = (PartOfDay)_t[i].Lex.A;
        int start = ext;
        // am frühen Morgen / am späten Abend
        if (start == i && (W(i - 1, "frühen") || W(i - 1, "späten") || W(i - 1, "frühe")))
        {
            mod = W(i - 1, "späten") ? TimexMod.End : TimexMod.Start;
            start = i - 1;
        }
        var pk = K(start - 1);
        bool adverb = !_t[i].Cap;
        if (adverb) return -1;
        if (!(pk is LexKind.Prep or LexKind.Det or LexKind.RelAdj || day is not null || W(start - 1, "gegen"))) return -1;
        if (W(i, "früh")) return -1;
        int end = i + 1;
        DateOnly d = day ?? Ref;
        // Morgen des 26. Dezember / Nacht vom 30. [Dezember] / Nacht zum Freitag
        if ((W(end, "des") || W(end, "vom") || W(end, "von") || W(end, "zum") || W(end, "zu") || W(end, "auf")) && day is null)
        {
            int k = end + 1;
            if (W(k, "den")) k++;
            if (IsDayOrd(k))
            {
                int month = -1, year = -1;
                int scan = k + 1;
                if (K(scan) == LexKind.Month) { month = _t[scan].Lex.A; if (IsYear(scan + 1)) year = _t[scan + 1].N1; }
                else
                {
                    // Nacht vom 30. auf den 31. Dezember 1775: take the month from the second date.
                    for (int q = scan; q < Math.Min(_n, scan + 6); q++)
                        if (K(q) == LexKind.Month) { month = _t[q].Lex.A; if (IsYear(q + 1)) year = _t[q + 1].N1; break; }
                }
                if (month > 0)
                {
                    if (year < 0) year = YearForMonthDay(month, _t[k].N1, k);
                    if (MakeDate(year, month, _t[k].N1) is { } dd)
                    {
                        bool withMonth = K(k + 1) == LexKind.Month;
                        int e = withMonth ? (IsYear(k + 2) ? k + 3 : k + 2) : k + 1;
                        Emit(start, e, TimexValue.Pod(TimexValue.Day(dd), pod), mod, withDot: !withMonth);
                        SetAnchor(dd, Gran.Day);
                        return e;
                    }
                }
            }
            if (K(k) == LexKind.Weekday)
            {
                var wd = WeekdayDate(_t[k].Lex.A, k);
                int e = k + 1;
                // Nacht von Freitag auf Samstag: the night is dated by its evening.
                if ((W(e, "auf") || W(e, "zum") || W(e, "zu")) && K(e + 1) == LexKind.Weekday) e += 2;
                Emit(start, e, TimexValue.Pod(TimexValue.Day(wd), pod), mod);
                return e;
            }
        }
        if (W(end, "darauf") || W(end, "danach"))
        {
            Emit(start, end + 1, TimexValue.Pod(TimexValue.Day(d.AddDays(1)), pod), mod);
            return end + 1;
        }
        if (!News && RefGran != Gran.Day && day is null) return -1;
        Emit(start, end, TimexValue.Pod(TimexValue.Day(d), pod), mod);
        return end;
    }

    // ---------- units ----------

    private static bool IsPluralUnit(ReadOnlySpan<char> s) =>
        s.EndsWith("en", StringComparison.OrdinalIgnoreCase) && !s.Equals("morgen", StringComparison.OrdinalIgnoreCase)
        || s.Equals("tage", StringComparison.OrdinalIgnoreCase) || s.Equals("jahre", StringComparison.OrdinalIgnoreCase)
        || s.Equals("monate", StringComparison.OrdinalIgnoreCase) || s.Equals("jahrzehnte", StringComparison.OrdinalIgnoreCase)
        || s.Equals("jahrhunderte", StringComparison.OrdinalIgnoreCase) || s.Equals("quartale", StringComparison.OrdinalIgnoreCase)
        || s.Equals("kriegsjahre", StringComparison.OrdinalIgnoreCase);

    // Jahr 1919 / Jahres 1789 / Kriegsjahr 1984 / Tag zuvor / Jahr darauf / Jahre lang / Wochenende
    private int MatchUnitStart(int i)
    {
        var u = (Unit)_t[i].Lex.A;
        var s = S(i);
        bool plural = IsPluralUnit(s) && !s.Equals("jahres", StringComparison.OrdinalIgnoreCase) && !s.Equals("wochenenden", StringComparison.OrdinalIgnoreCase) && !s.EndsWith("es", StringComparison.OrdinalIgnoreCase);
        if (u == Unit.Year && (TryYear(i + 1, out int y, out int yend)
            || !plural && T(i + 1).Kind == TKind.Num && T(i + 1).Shape == NumShape.Plain && T(i + 1).Digits == 3 && !T(i + 1).Dot && (y = T(i + 1).N1) > 0 && (yend = i + 2) > 0))
        {
            Emit(i, yend, TimexValue.Year(y));
            SetAnchorYear(y);
            return yend;
        }
        if (!plural && (K(i + 1) == LexKind.After || K(i + 1) == LexKind.Before) && !W(i + 1, "früher") && !W(i + 1, "eher"))
        {
            int sign = K(i + 1) == LexKind.After ? 1 : -1;
            if (TimexValue.Add(Ref, u, sign) is { } d)
            {
                Emit(i, i + 2, News ? TimexValue.AtUnit(d, u) : NarrativeOffsetValue(d, u));
                if (!News && u is Unit.Day) SetAnchor(d, RefGran);
                return i + 2;
            }
        }
        // "Monate später", "Jahre zuvor": only the direction is known.
        if (plural && (K(i + 1) == LexKind.After || K(i + 1) == LexKind.Before) && !W(i + 1, "eher") && K(i - 1) is not (LexKind.NumWord or LexKind.Vague))
        {
            Emit(i, i + 2, K(i + 1) == LexKind.After ? "FUTURE_REF" : "PAST_REF");
            return i + 2;
        }
        if (plural && K(i - 1) == LexKind.Det && (W(i - 2, "Laufe") || W(i - 2, "Verlauf")))
        {
            Emit(i, i + 1, TimexValue.Duration(-1, 1, u));
            return i + 1;
        }
        if (plural && W(i + 1, "lang"))
        {
            Emit(i, i + 2, TimexValue.Duration(-1, 1, u));
            return i + 2;
        }
        var prep = PrepBefore(i);
        if (plural && (prep == Prep.Seit) && K(i - 1) == LexKind.Prep)
        {
            Emit(i - 1, i + 1, TimexValue.Duration(-1, 1, u));
            return i + 1;
        }
        if (u == Unit.Weekend && !plural && (prep is Prep.Am or Prep.Ueber or Prep.Zu || W(i - 1, "übers")))
            return EmitWeekend(i, i, null);
        return -1;
    }

    private int EmitWeekend(int ext, int i, Rel? rel)
    {
        var r = Ref;
        int cur = (int)r.DayOfWeek == 0 ? 7 : (int)r.DayOfWeek;
        DateOnly d;
        var tense = rel switch { Rel.Next or Rel.Following => Tense.Future, Rel.Prev => Tense.Past, Rel.This => Tense.Present, _ => TenseAt(i) };
        if (cur >= 6) d = tense == Tense.Future && rel == Rel.Next ? r.AddDays(7) : r;
        else d = tense == Tense.Past ? r.AddDays(-7) : r;
        Emit(ext, i + 1, TimexValue.Weekend(d));
        return i + 1;
    }

    private static string NarrativeOffsetValue(DateOnly d, Unit u, Gran refGran) => u switch
    {
        Unit.Year or Unit.Decade or Unit.Century => TimexValue.Year(d.Year),
        Unit.Month or Unit.Quarter or Unit.Half => refGran == Gran.Day ? TimexValue.Day(d) : refGran == Gran.Month ? TimexValue.Month(d.Year, d.Month) : TimexValue.Year(d.Year),
        _ => TimexValue.At(d, refGran),
    };

    private string NarrativeOffsetValue(DateOnly d, Unit u) => NarrativeOffsetValue(d, u, RefGran);

    private bool TryCount(int k, out int num, out int den, out int next)
    {
        num = 0; den = 1; next = k;
        ref var t = ref T(k);
        if (t.Kind == TKind.Num && t.Shape == NumShape.Plain && !t.Dot && t.N1 > 0 && t.N1 <= 1000) { num = t.N1; next = k + 1; return true; }
        if (t.Kind == TKind.Num && t.Shape == NumShape.TwoPart && t.Sep == '.' && false) { return false; }
        if (K(k) == LexKind.NumWord)
        {
            num = t.Lex.A; den = t.Lex.B == 0 ? 1 : t.Lex.B; next = k + 1;
            if (num == 1 && W(k + 1, "paar")) { num = -1; next = k + 2; }
            else if (num == 1 && W(k + 1, "halbes") || num == 1 && W(k + 1, "halben")) { num = 1; den = 2; next = k + 2; }
            return true;
        }
        if (K(k) == LexKind.Vague) { num = -1; next = k + 1; return true; }
        return false;
    }

    // zwei Wochen / vor drei Tagen / in zwei Jahren / drei Tage später / seit fast vier Jahren
    private int MatchDuration(int i, int ext, TimexMod mod, Prep prepOverride = Prep.None, int prepTok = -1)
    {
        if (!TryCount(i, out int num, out int den, out int k)) return -1;
        if (K(k) != LexKind.Unit) return -1;
        var u = (Unit)_t[k].Lex.A;
        if (num == 1 && W(i, "eines") && u == Unit.Day) return -1; // eines Tages
        if (num == 1 && den == 1 && IsPluralUnit(S(k)) && !S(k).Equals("jahren", StringComparison.OrdinalIgnoreCase)) { }
        int end = k + 1;
        var prep = prepOverride != Prep.None ? prepOverride : PrepBefore(ext);
        // N Tage später / zuvor
        if ((K(end) == LexKind.After || K(end) == LexKind.Before) && den == 1)
        {
            int sign = K(end) == LexKind.After ? 1 : -1;
            if (num < 0)
            {
                // wenige Tage später: TIMEX2/TIMEX3 give only the direction.
                Emit(ext, end + 1, sign > 0 ? "FUTURE_REF" : "PAST_REF", mod);
                return end + 1;
            }
            if (u is Unit.Hour or Unit.Minute or Unit.Second)
            {
                Emit(ext, end, TimexValue.Duration(num, den, u), mod);
                return end;
            }
            if (!News && _anchor.Bc is { } bc && u is Unit.Year or Unit.Decade or Unit.Century)
            {
                // Before the common era: count on the BC year line, which has no year 0.
                int years = sign * num * (u == Unit.Decade ? 10 : u == Unit.Century ? 100 : 1);
                int y = -bc + years;
                if (y >= 0) y++;
                Emit(ext, end + 1, TimexValue.Year(y), mod);
                return end + 1;
            }
            if (TimexValue.Add(Ref, u, sign * num) is { } d)
            {
                string v = News ? TimexValue.AtUnit(d, u) : NarrativeOffsetValue(d, u);
                if (u == Unit.Night) v = TimexValue.Pod(TimexValue.Day(d), PartOfDay.NI);
                Emit(ext, end + 1, v, mod);
                if (!News && u is Unit.Day or Unit.Week or Unit.Month && RefGran == Gran.Day) SetAnchor(d, Gran.Day);
                return end + 1;
            }
        }
        if (prep == Prep.Vor && num != 0 && prepTok >= 0)
        {
            // vor zwei Wochen: a date in the past (TIMEX3 "two weeks ago")
            if (num < 0) { Emit(prepTok, end, "PAST_REF", mod); return end; }
            if (den == 1 && TimexValue.Add(Ref, u, -num) is { } d)
            {
                Emit(prepTok, end, u is Unit.Hour or Unit.Minute or Unit.Second ? TimexValue.Day(Ref) : News ? TimexValue.AtUnit(d, u) : NarrativeOffsetValue(d, u), mod);
                return end;
            }
        }
        if (prep == Prep.In && News && num > 0 && den == 1 && prepTok >= 0 && u is Unit.Day or Unit.Week or Unit.Month or Unit.Year or Unit.Quarter)
        {
            if (TimexValue.Add(Ref, u, num) is { } d)
            {
                Emit(prepTok, end, TimexValue.AtUnit(d, u), mod);
                return end;
            }
        }
        if (W(end, "lang") || W(end, "lange")) end++;
        if (u == Unit.Night) return -1;
        Emit(ext, end, TimexValue.Duration(num, den, u), mod);
        return end;
    }

    private int MatchDurAdj(int i)
    {
        ref var t = ref _t[i];
        if (t.Cap && i > 0) return -1;
        int a = t.Lex.B;
        if (a == -1) { Emit(i, i + 1, TimexValue.Duration(-1, 1, (Unit)t.Lex.A)); return i + 1; }
        Emit(i, i + 1, a < 0 ? TimexValue.Duration(-a, 2, (Unit)t.Lex.A) : TimexValue.Duration(a, 1, (Unit)t.Lex.A));
        return i + 1;
    }

    private int MatchVorUnit(int i)
    {
        var u = (Unit)_t[i].Lex.A;
        if (TimexValue.Add(Ref, u, -1) is not { } d) return -1;
        Emit(i, i + 1, News ? TimexValue.AtUnit(d, u) : NarrativeOffsetValue(d, u));
        return i + 1;
    }

    private int MatchFolgeUnit(int i)
    {
        var u = (Unit)_t[i].Lex.A;
        if (_t[i].Lex.B == 1) { Emit(i, i + 1, TimexValue.Duration(-1, 1, u)); return i + 1; }
        if (TimexValue.Add(Ref, u, 1) is not { } d) return -1;
        Emit(i, i + 1, News ? TimexValue.AtUnit(d, u) : NarrativeOffsetValue(d, u));
        if (!News && u == Unit.Day && RefGran == Gran.Day) SetAnchor(d, Gran.Day);
        return i + 1;
    }

    // ---------- ordinals, relative adjectives, boundaries ----------

    private int MatchOrdinal(int i, int ext, TimexMod mod)
    {
        int ord = _t[i].Lex.A;
        int k = i + 1;
        if (K(k) == LexKind.Unit && (Unit)_t[k].Lex.A is Unit.Quarter or Unit.Half)
        {
            var u = (Unit)_t[k].Lex.A;
            int max = u == Unit.Quarter ? 4 : 2;
            if (ord > max) return -1;
            int end = k + 1;
            int y = Ref.Year;
            if (IsYear(end)) { y = _t[end].N1; end++; }
            else if (W(end, "des") && K(end + 1) == LexKind.VorUnit) { y = Ref.Year - 1; end += 2; }
            else if ((W(end, "dieses") || W(end, "des")) && K(end + 1) == LexKind.Unit && (Unit)_t[end + 1].Lex.A == Unit.Year)
            {
                if (IsYear(end + 2)) { y = _t[end + 2].N1; end += 3; } else end += 2;
            }
            else if (W(end, "des") && K(end + 1) == LexKind.RelAdj && K(end + 2) == LexKind.Unit)
            {
                y += _t[end + 1].Lex.A switch { -1 => -1, 1 => 1, _ => 0 };
                end += 3;
            }
            else if (News)
            {
                int cur = u == Unit.Quarter ? (_dct.Month - 1) / 3 + 1 : (_dct.Month - 1) / 6 + 1;
                var tense = TenseAt(i);
                if (tense == Tense.Past && ord > cur) y--;
                else if (tense == Tense.Future && ord < cur) y++;
            }
            Emit(ext, end, u == Unit.Quarter ? TimexValue.Quarter(y, ord) : TimexValue.Half(y, ord), mod);
            return end;
        }
        if (K(k) == LexKind.Holiday && W(k, "weihnachtstag") || W(k, "weihnachtsfeiertag"))
            return MatchHoliday(k, ext, ord == 2 ? 1 : 0);
        return -1;
    }

    private int MatchRelAdj(int i, int ext, TimexMod mod)
    {
        var rel = (Rel)_t[i].Lex.A;
        int k = i + 1;
        var kk = K(k);
        if (kk == LexKind.Weekday && rel != Rel.Same) return MatchWeekday(k, ext, mod, rel == Rel.This ? null : rel);
        if (kk == LexKind.Season) return MatchSeason(k, ext, mod, rel);
        if (kk == LexKind.Month && rel is Rel.Prev or Rel.Next)
        {
            int month = _t[k].Lex.A;
            int y = Ref.Year;
            if (rel == Rel.Prev && month >= Ref.Month) y--;
            if (rel == Rel.Next && month <= Ref.Month) y++;
            Emit(ext, k + 1, TimexValue.Month(y, month), mod);
            return k + 1;
        }
        if (kk == LexKind.PartOfDay && _t[k].Cap)
        {
            int off = rel switch { Rel.Following or Rel.Next => 1, Rel.Prev => -1, _ => 0 };
            if (!News && RefGran != Gran.Day) return -1;
            var d = Ref.AddDays(off);
            Emit(ext, k + 1, TimexValue.Pod(TimexValue.Day(d), (PartOfDay)_t[k].Lex.A), mod);
            return k + 1;
        }
        if (rel == Rel.This && (W(k, "Zeit") || W(k, "Zeitpunkt") || W(k, "Tagen")))
        {
            Emit(ext, k + 1, "PRESENT_REF", mod);
            return k + 1;
        }
        // den vergangenen fünf Jahren / den nächsten drei Tagen: a duration
        if (kk is LexKind.NumWord or LexKind.Vague || T(k).Kind == TKind.Num && !T(k).Dot)
        {
            if (TryCount(k, out int num, out int den, out int uk) && K(uk) == LexKind.Unit)
            {
                var du = (Unit)_t[uk].Lex.A;
                int end = uk + 1;
                if (W(end, "lang")) end++;
                Emit(ext, end, TimexValue.Duration(num, den, du), mod);
                return end;
            }
            return -1;
        }
        if (kk != LexKind.Unit) return -1;
        var u = (Unit)_t[k].Lex.A;
        var s = S(k);
        bool plural = IsPluralUnit(s) && !s.EndsWith("es", StringComparison.OrdinalIgnoreCase) && !s.Equals("wochenenden", StringComparison.OrdinalIgnoreCase);
        if (plural)
        {
            if (rel is Rel.Next or Rel.Prev or Rel.Following)
            {
                Emit(ext, k + 1, TimexValue.Duration(-1, 1, u), mod);
                return k + 1;
            }
            return -1;
        }
        int delta = rel switch { Rel.Next or Rel.Following => 1, Rel.Prev => -1, _ => 0 };
        if (u == Unit.Weekend) return EmitWeekend(ext, k, rel);
        if (u is Unit.Hour or Unit.Minute or Unit.Second or Unit.Night) return -1;
        // "letzten Tag" (the last day of …) is not yesterday.
        if (u == Unit.Day && rel == Rel.Prev && W(i, "letzten")) return -1;
        if (!News && u is Unit.Day && RefGran != Gran.Day) return -1;
        if (TimexValue.Add(Ref, u, delta) is not { } dd) return -1;
        int e = k + 1;
        if (u == Unit.Year && IsYear(e)) return -1;
        string v = u == Unit.Day && !News ? TimexValue.Day(dd) : TimexValue.AtUnit(dd, u);
        Emit(ext, e, v, mod);
        // Why: "im vorigen Jahr" looks back from the story's present; only a day step ("am folgenden Tag") moves it.
        if (!News && u == Unit.Day) SetAnchor(dd, Gran.Day);
        return e;
    }

    private int MatchBoundary(int i, int ext)
    {
        var mod = (TimexMod)_t[i].Lex.A;
        if (ext == i && W(i - 1, "gegen")) ext = i - 1;
        int k = i + 1;
        if (K(k) == LexKind.Month) return MatchMonth(k, ext, mod);
        if (IsYear(k)) return MatchYear(k, ext, mod);
        if (TryYear(k, out int by, out int byend))
        {
            Emit(ext, byend, TimexValue.Year(by), mod);
            SetAnchorYear(by);
            return byend;
        }
        if (K(k) == LexKind.Season) return MatchSeason(k, ext, mod);
        if (T(k).Kind == TKind.Num && T(k).Shape == NumShape.Suffixed) return MatchSuffixed(k, ext, mod);
        if (K(k) == LexKind.RelAdj && (K(k + 1) == LexKind.Unit || K(k + 1) == LexKind.Season)) return MatchRelAdj(k, ext, mod);
        if (K(k) == LexKind.OrdinalWord) return MatchOrdinal(k, ext, mod);
        if (K(k) == LexKind.DecadeWord) return MatchDecadeWord(k, ext, mod);
        if (K(k) == LexKind.Det || W(k, "dieses") || W(k, "diesen") || W(k, "dieser") || W(k, "diesem"))
        {
            bool demonstrative = K(k) != LexKind.Det;
            int j = k + 1;
            if (K(j) == LexKind.RelAdj && K(j + 1) == LexKind.Unit) return MatchRelAdj(j, ext, mod);
            if (K(j) == LexKind.Season) return MatchSeason(j, ext, mod, demonstrative ? Rel.This : null);
            if (T(j).Kind == TKind.Num && T(j).Shape == NumShape.Suffixed) return MatchSuffixed(j, ext, mod);
            if (K(j) == LexKind.DecadeWord) return MatchDecadeWord(j, ext, mod);
            if (T(j).Kind == TKind.Num && IsDayOrd(j) && K(j + 1) == LexKind.Unit) return MatchNumber(j, ext, mod);
            if (K(j) == LexKind.Unit)
            {
                var u = (Unit)_t[j].Lex.A;
                if (u == Unit.Year && TryYear(j + 1, out int y, out int yend))
                {
                    Emit(ext, yend, TimexValue.Year(y), mod);
                    SetAnchorYear(y);
                    return yend;
                }
                if (IsPluralUnit(S(j)) && !S(j).EndsWith("es", StringComparison.OrdinalIgnoreCase)) return -1;
                if (u is Unit.Week or Unit.Month or Unit.Year or Unit.Day or Unit.Quarter or Unit.Decade or Unit.Weekend)
                {
                    if (u == Unit.Day && !News && RefGran != Gran.Day) return -1;
                    if (u == Unit.Month && !News && RefGran == Gran.Year) return -1;
                    if (u == Unit.Weekend) { EmitWeekend(ext, j, null); return j + 1; }
                    Emit(ext, j + 1, u == Unit.Day ? TimexValue.Day(Ref) : TimexValue.AtUnit(Ref, u), mod);
                    return j + 1;
                }
            }
        }
        return -1;
    }

    private int MatchBoundaryUnit(int i, int ext)
    {
        var mod = (TimexMod)_t[i].Lex.A;
        var u = (Unit)_t[i].Lex.B;
        int end = i + 1;
        if (u == Unit.Year && IsYear(end))
        {
            int y = _t[end].N1;
            Emit(ext, end + 1, TimexValue.Year(y), mod);
            SetAnchor(new DateOnly(y, 1, 1), Gran.Year);
            return end + 1;
        }
        if (!News && u == Unit.Month && RefGran == Gran.Year) return -1;
        Emit(ext, end, TimexValue.AtUnit(Ref, u), mod);
        return end;
    }

    private int MatchDecadeWord(int i, int ext, TimexMod mod)
    {
        if (!(K(i + 1) == LexKind.Unit && (Unit)_t[i + 1].Lex.A == Unit.Year)) return -1;
        int dec = 190 + _t[i].Lex.A;
        Emit(ext, i + 2, dec.ToString(System.Globalization.CultureInfo.InvariantCulture), mod);
        return i + 2;
    }

    private int MatchCmp(int i)
    {
        var mod = (TimexMod)_t[i].Lex.A;
        int k = i + 1;
        if (W(i, "mehr") || W(i, "weniger"))
        {
            if (!W(k, "als")) return -1;
            k++;
        }
        if (W(i, "bis") && W(k, "zu")) k++;
        if (W(i, "gegen") && K(k) == LexKind.Boundary) return MatchBoundary(k, i);
        if (W(i, "über") && T(k).Kind != TKind.Num && K(k) != LexKind.NumWord) return -1;
        // "vor knapp zwei Jahren": the preposition still decides between a date and a duration.
        var prep = K(i - 1) == LexKind.Prep ? (Prep)_t[i - 1].Lex.A : Prep.None;
        int prepTok = prep is Prep.Vor or Prep.In ? i - 1 : -1;
        if (T(k).Kind == TKind.Num)
        {
            if (W(k + 1, "uhr") || T(k).Sep == ':') return MatchTime(k, i, mod);
            if (IsYear(k) && !(K(k + 1) == LexKind.Unit)) return MatchYear(k, i, mod);
            return MatchDuration(k, i, mod, prepTok >= 0 ? prep : Prep.None, prepTok);
        }
        if (K(k) is LexKind.NumWord or LexKind.Vague) return MatchDuration(k, i, mod, prepTok >= 0 ? prep : Prep.None, prepTok);
        if (K(k) == LexKind.Boundary) return MatchBoundary(k, i);
        if (K(k) == LexKind.Month) return MatchMonth(k, i, mod);
        return -1;
    }

    private int MatchPrep(int i)
    {
        var prep = (Prep)_t[i].Lex.A;
        int k = i + 1;
        if ((prep is Prep.Vor or Prep.In) && (T(k).Kind == TKind.Num || K(k) is LexKind.NumWord or LexKind.Vague))
            return MatchDuration(k, k, TimexMod.None, prep, i);
        if (prep == Prep.Vor && W(k, "kurzem")) { Emit(i, k + 1, "PAST_REF"); return k + 1; }
        if (prep == Prep.In && W(k, "Kürze")) { Emit(i, k + 1, "FUTURE_REF"); return k + 1; }
        if (prep == Prep.In && W(k, "Zukunft")) { Emit(i, k + 1, "FUTURE_REF"); return k + 1; }
        if (prep == Prep.In && W(k, "Vergangenheit")) { Emit(i, k + 1, "PAST_REF"); return k + 1; }
        if (W(i, "im") && (W(k, "Augenblick") || W(k, "Moment"))) { Emit(i, k + 1, "PRESENT_REF"); return k + 1; }
        if (W(i, "zur") && W(k, "Zeit") && K(k + 1) != LexKind.Det) { Emit(i, k + 1, "PRESENT_REF"); return k + 1; }
        if (W(i, "zurzeit")) { Emit(i, k, "PRESENT_REF"); return k; }
        return -1;
    }

    private int MatchRef(int i)
    {
        int v = _t[i].Lex.A;
        if (_t[i].Cap && i > 0) return -1;
        if (W(i - 1, "nicht") || W(i - 1, "zu")) return -1; // nicht zuletzt, zu künftig
        // "bald" after a number is not a reference ("schon bald"): keep it; "aktuell" before a noun is an adjective use.
        Emit(i, i + 1, v == 0 ? "PRESENT_REF" : v < 0 ? "PAST_REF" : "FUTURE_REF");
        return i + 1;
    }

    private int MatchEvery(int i)
    {
        int k = i + 1;
        if (W(i, "alle") || W(i, "allen"))
        {
            if (TryCount(k, out int num, out int den, out int uk) && num > 0 && K(uk) == LexKind.Unit)
            {
                Emit(i, uk + 1, TimexValue.Duration(num, den, (Unit)_t[uk].Lex.A), set: true);
                return uk + 1;
            }
            return -1;
        }
        if (K(k) == LexKind.Weekday) { Emit(i, k + 1, "XXXX-WXX-" + _t[k].Lex.A, set: true); return k + 1; }
        if (K(k) == LexKind.Unit)
        {
            var u = (Unit)_t[k].Lex.A;
            if (u is Unit.Night) return -1;
            Emit(i, k + 1, TimexValue.Duration(1, 1, u), set: true);
            return k + 1;
        }
        if (K(k) == LexKind.PartOfDay && _t[k].Cap) { Emit(i, k + 1, "TXX" + ((PartOfDay)_t[k].Lex.A).ToString(), set: true); return k + 1; }
        if (K(k) == LexKind.Month) { Emit(i, k + 1, "XXXX-" + _t[k].Lex.A.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), set: true); return k + 1; }
        return -1;
    }

    private int MatchPer(int i)
    {
        int k = i + 1;
        if (K(k) != LexKind.Unit) return -1;
        var u = (Unit)_t[k].Lex.A;
        if (u is Unit.Night) return -1;
        Emit(i, k + 1, TimexValue.Duration(1, 1, u), set: true);
        return k + 1;
    }

    /// <summary>Easter Sunday of a Gregorian year (anonymous Gregorian algorithm).</summary>
    internal static DateOnly Easter(int y)
    {
        int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(y, month, day);
    }

    // Ostern, Pfingsten, Karfreitag …: dated from Easter of the year the tense points to.
    private int MatchFeast(int i)
    {
        int off = _t[i].Lex.A;
        int end = i + 1;
        int y;
        if (IsYear(end)) { y = _t[end].N1; end++; }
        else
        {
            y = RefYear;
            if (y < 1584 || y > 9998) return -1;
            if (News)
            {
                var same = Easter(y).AddDays(off);
                var tense = TenseAt(i);
                if (tense == Tense.Past && same > _dct) y--;
                else if (tense == Tense.Future && same < _dct) y++;
                else if (tense == Tense.Present && Math.Abs(same.DayNumber - _dct.DayNumber) > 183) y += same < _dct ? 1 : -1;
            }
        }
        if (y < 1584 || y > 9998) return -1;
        var d = Easter(y).AddDays(off);
        Emit(i, end, TimexValue.Day(d));
        SetAnchor(d, Gran.Day);
        return end;
    }

    private int MatchHoliday(int i, int ext, int dayShift)
    {
        int month = _t[i].Lex.A, day = _t[i].Lex.B + dayShift;
        int end = i + 1;
        int y;
        if (IsYear(end)) { y = _t[end].N1; end++; }
        else y = YearForMonthDay(month, day, i);
        if (MakeDate(y, month, day) is not { } d) return -1;
        Emit(ext, end, TimexValue.Day(d));
        SetAnchor(d, Gran.Day);
        return end;
    }
}
