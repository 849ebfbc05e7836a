using System.Collections.Frozen;

namespace Depesche.Text;

/// <summary>
/// The small closed word lists the tokenizer consults: abbreviations, month names, words that announce an
/// ordinal, and top-level domains. Curated in code so behaviour never depends on a data file. Thread-safe.
/// </summary>
public static class GermanLexicon
{
    // Why: every entry includes its final period, so a lookup is one span comparison with no allocation.
    private static readonly string[] AbbreviationList =
    [
        // Titles and forms of address
        "Dr.", "Prof.", "Dipl.", "Ing.", "Hr.", "Hrn.", "Fr.", "Frl.", "Mr.", "Mrs.", "Ms.", "Jr.", "Sr.", "St.", "Hl.",
        "Priv.", "Doz.", "Mag.", "Abg.", "Bürgerm.", "Kard.", "Pfr.", "Gebr.",
        // Frequent abbreviations of running text
        "bzw.", "ca.", "etc.", "evtl.", "ggf.", "usw.", "vgl.", "sog.", "inkl.", "exkl.", "zzgl.", "bspw.", "bzgl.",
        "insb.", "insbes.", "sogen.", "einschl.", "gem.", "geb.", "gest.", "verh.", "gez.", "ebd.", "zit.", "ff.", "f.", "max.", "min.",
        "mind.", "rd.", "od.", "resp.", "usf.", "ugs.", "urspr.", "näml.", "sof.", "stellv.", "zw.", "zz.", "zzt.", "bes.",
        "bez.", "lt.", "allg.", "ehem.", "jew.", "jährl.", "mtl.", "tägl.", "vorl.", "zus.", "Anm.", "Abb.", "Aufl.", "Bsp.",
        "Ausg.", "Hrsg.", "Verf.", "Vors.", "Nachf.", "Jh.", "Jhd.", "Jhdt.", "Chr.", "Tsd.", "Mio.", "Mrd.", "Mill.", "Bio.",
        "Nr.", "Nrn.", "S.", "Abs.", "Bd.", "Bde.", "Kap.", "Ziff.", "Tab.", "Tel.", "Str.", "Pl.", "Hbf.", "Std.", "Min.",
        "Sek.", "Jg.", "Jgg.", "Kfz.", "Pkt.", "Reg.", "Bez.", "Kr.", "Krs.", "Landkr.", "Co.", "Corp.", "Inc.", "Ltd.",
        "Bhf.", "Ges.", "Gr.", "Mt.", "Vol.", "No.", "vs.",
        // Nationalities and languages (US-amerik., dt.)
        "amerik.", "dt.", "engl.", "franz.", "frz.", "ital.", "span.", "russ.", "österr.", "schweiz.", "europ.", "int.",
        "intern.", "kath.", "ev.", "evang.", "röm.", "lat.", "griech.",
        // Months and weekdays
        "Jan.", "Feb.", "Febr.", "Mär.", "Mrz.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Okt.", "Nov.", "Dez.",
        "Mo.", "Di.", "Mi.", "Do.", "Sa.", "So.",
    ];

    /// <summary>Abbreviations that may also end a sentence when a capitalised word follows (<c>… usw. Dann</c>).</summary>
    private static readonly string[] SentenceFinalList = ["usw.", "etc.", "usf.", "ff.", "Chr.", "Co.", "Inc.", "Ltd.", "Corp."];

    /// <summary>Abbreviations of units and amounts that end a sentence when a closed-class word follows (<c>3 Mrd. Die</c>).</summary>
    private static readonly string[] UnitList = ["Mio.", "Mrd.", "Mill.", "Tsd.", "Bio.", "Std.", "Min.", "Sek.", "Jh.", "Jhd.", "Jhdt.", "Pkt."];

    /// <summary>Abbreviations only before a number: <c>Art. 5</c>, <c>Rn. 12</c>; elsewhere the word ends a sentence (<c>auf diese Art.</c>).</summary>
    private static readonly string[] BeforeNumberList = ["Art.", "Rn.", "Rz.", "Tz.", "Bl.", "Sp.", "Fax.", "Anl.", "Zi."];

    // Why: nouns follow "Mrd." ("Mrd. Euro"); determiners, pronouns and sentence adverbs do not, so they open a sentence.
    private static readonly string[] SentenceOpenerList =
    [
        "Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einer", "Er", "Sie", "Es", "Wir", "Ich", "Man", "Im", "In", "Am",
        "Auch", "Doch", "Dann", "Damit", "Dabei", "Dafür", "Dazu", "Zudem", "Nach", "Laut", "Wie", "Bei", "Mit", "Für", "Auf",
        "Aus", "Zu", "Von", "Vor", "Seit", "Dies", "Diese", "Dieser", "Dieses", "Daher", "Deshalb", "Allerdings", "Außerdem",
        "Jedoch", "Trotzdem", "So", "Als", "Wenn", "Weil", "Da", "Nun", "Jetzt", "Heute", "Gestern", "Und", "Aber", "Oder",
        "Insgesamt", "Zuletzt", "Zuvor", "Damals", "Bereits", "Noch", "Nur", "Mehr", "Ende", "Anfang",
    ];

    private static readonly string[] MonthList =
    [
        "Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember", "Jan", "Feb", "Febr", "Mär", "Mrz", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
    ];

    // Why: "die 2. Liga", "am 3. Advent": before a capitalised noun a number is an ordinal only after these words.
    private static readonly string[] OrdinalCueList =
    [
        "am", "im", "zum", "zur", "vom", "beim", "der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einen",
        "einer", "eines", "sein", "seine", "seinem", "seinen", "seiner", "seines", "ihr", "ihre", "ihrem", "ihren", "ihrer",
        "ihres", "unser", "unsere", "unserem", "unseren", "unserer", "dieser", "diese", "diesem", "diesen", "dieses",
        "jeder", "jede", "jedem", "jeden", "bis", "ab", "seit", "vor", "nach", "für", "zu", "fürs", "ins", "aufs", "ums", "in", "von",
    ];

    private static readonly string[] ClubPrefixList = ["FC", "FSV", "FFC", "SC", "SV", "VfB", "VfL", "BC", "TSV", "TuS", "SpVgg"];

    // Why: "die Kinder waren 3. Dann": verbs in -en before a number and a capital are not adjectives.
    private static readonly string[] NotAdjectiveList =
    [
        "waren", "wurden", "werden", "haben", "hatten", "lagen", "kamen", "landeten", "belegten", "seien", "wären", "würden",
        "gewesen", "geworden", "sollen", "können", "müssen", "wollen", "dürfen", "lassen", "geben", "nehmen", "unter", "über",
        "wieder", "aber", "oder", "immer", "später", "jeweils", "etwa", "rund", "knapp", "fast", "nur", "mehr", "weniger",
        "insgesamt", "zusammen", "bereits", "schon", "noch", "letzten", "ersten", "gegen", "zwischen", "neben", "hinter",
        "außer", "entgegen", "innerhalb", "außerhalb", "oben", "unten", "eben", "nebeneinander",
    ];

    private static readonly string[] TopLevelDomainList =
    [
        "de", "com", "org", "net", "at", "ch", "eu", "info", "io", "gov", "edu", "uk", "fr", "it", "es", "nl", "pl", "ru", "ua", "biz", "tv",
    ];

    private static readonly FrozenSet<string> Abbreviations = BuildAbbreviations();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup =
        Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceFinalLookup =
        FrozenSet.Create(StringComparer.Ordinal, SentenceFinalList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> UnitLookup =
        FrozenSet.Create(StringComparer.Ordinal, UnitList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> BeforeNumberLookup =
        FrozenSet.Create(StringComparer.Ordinal, BeforeNumberList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SentenceOpenerLookup =
        FrozenSet.Create(StringComparer.Ordinal, SentenceOpenerList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        FrozenSet.Create(StringComparer.Ordinal, MonthList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalCueLookup =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, OrdinalCueList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClubPrefixLookup =
        FrozenSet.Create(StringComparer.Ordinal, ClubPrefixList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotAdjectiveLookup =
        FrozenSet.Create(StringComparer.Ordinal, NotAdjectiveList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevelDomainLookup =
        FrozenSet.Create(StringComparer.Ordinal, TopLevelDomainList).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The curated abbreviations, each with its final period (capitalised variants included).</summary>
    public static IReadOnlySet<string> AbbreviationSet => Abbreviations;

    /// <summary>True when <paramref name="withPeriod"/> (ending in '.') is a curated abbreviation.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> withPeriod) => AbbreviationLookup.Contains(withPeriod);

    /// <summary>True for abbreviations that may end a sentence (<c>usw.</c>, <c>etc.</c>).</summary>
    public static bool CanEndSentence(ReadOnlySpan<char> abbreviation) => SentenceFinalLookup.Contains(abbreviation);

    /// <summary>Unit and amount abbreviations (<c>Mrd.</c>, <c>Jh.</c>) that end a sentence before a <see cref="IsSentenceOpener"/> word.</summary>
    public static bool IsUnitAbbreviation(ReadOnlySpan<char> abbreviation) => UnitLookup.Contains(abbreviation);

    /// <summary>A capitalised closed-class word (article, pronoun, preposition, sentence adverb) that cannot be the noun after a unit.</summary>
    public static bool IsSentenceOpener(ReadOnlySpan<char> word) => SentenceOpenerLookup.Contains(word);

    internal static bool IsBeforeNumberAbbreviation(ReadOnlySpan<char> withPeriod) => BeforeNumberLookup.Contains(withPeriod);

    /// <summary>A German month name or its abbreviation without the period.</summary>
    public static bool IsMonth(ReadOnlySpan<char> word) => MonthLookup.Contains(word);

    internal static bool IsOrdinalCue(ReadOnlySpan<char> word) => OrdinalCueLookup.Contains(word);

    internal static bool IsClubPrefix(ReadOnlySpan<char> word) => ClubPrefixLookup.Contains(word);

    /// <summary>A lower-case word ending like an inflected adjective (<c>neuen</c>, <c>späteren</c>, <c>nächstem</c>), minus common verbs and adverbs.</summary>
    internal static bool IsInflectedAdjectiveLike(ReadOnlySpan<char> word)
    {
        if (word.Length < 4 || !char.IsLower(word[0])) return false;
        if (!(word.EndsWith("en") || word.EndsWith("em") || word.EndsWith("er") || word.EndsWith("es"))) return false;
        return !NotAdjectiveLookup.Contains(word);
    }

    internal static bool IsTopLevelDomain(ReadOnlySpan<char> label) => TopLevelDomainLookup.Contains(label);

    private static FrozenSet<string> BuildAbbreviations()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in AbbreviationList)
        {
            set.Add(a);
            // Why: "Vgl. Seite 3", "Ca. 40 Menschen": a lower-case abbreviation may open a sentence.
            if (char.IsLower(a[0])) set.Add(char.ToUpperInvariant(a[0]) + a[1..]);
        }
        foreach (var a in set)
            if (a[^1] != '.') throw new InvalidOperationException($"Abbreviation '{a}' lacks its period.");
        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
