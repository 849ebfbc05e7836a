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
        "insb.", "insbes.", "einschl.", "gem.", "geb.", "gest.", "verh.", "gez.", "ebd.", "zit.", "ff.", "f.", "max.", "min.",
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
        "jeder", "jede", "jedem", "jeden", "bis", "ab", "seit", "vor", "nach", "für", "zu", "fürs", "ins", "aufs", "ums",
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
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        FrozenSet.Create(StringComparer.Ordinal, MonthList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalCueLookup =
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, OrdinalCueList).GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevelDomainLookup =
        FrozenSet.Create(StringComparer.Ordinal, TopLevelDomainList).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The curated abbreviations, each with its final period (capitalised variants included).</summary>
    public static IReadOnlySet<string> AbbreviationSet => Abbreviations;

    /// <summary>True when <paramref name="withPeriod"/> (ending in '.') is a curated abbreviation.</summary>
    public static bool IsAbbreviation(ReadOnlySpan<char> withPeriod) => AbbreviationLookup.Contains(withPeriod);

    /// <summary>True for abbreviations that may end a sentence (<c>usw.</c>, <c>etc.</c>).</summary>
    public static bool CanEndSentence(ReadOnlySpan<char> abbreviation) => SentenceFinalLookup.Contains(abbreviation);

    /// <summary>A German month name or its abbreviation without the period.</summary>
    public static bool IsMonth(ReadOnlySpan<char> word) => MonthLookup.Contains(word);

    internal static bool IsOrdinalCue(ReadOnlySpan<char> word) => OrdinalCueLookup.Contains(word);

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
