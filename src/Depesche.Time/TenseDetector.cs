using System.Collections.Frozen;

namespace Depesche.Time;

/// <summary>
/// A small rule-based tense detector over word forms: auxiliaries, participles and preterite forms of common
/// verbs. It marks positions; an expression takes the tense of the nearest marker in its sentence, so a
/// sentence with a past main clause and a future subordinate clause resolves each date by its own clause.
/// Thread-safe (static, immutable tables).
/// </summary>
public static class TenseDetector
{
    private static readonly FrozenSet<string> Future = new[]
    {
        "wird", "werden", "werde", "wirst", "werdet", "soll", "sollen", "solle", "sollte", "sollten", "will", "wollen", "wolle",
        "plant", "planen", "plane", "geplant", "voraussichtlich", "beabsichtigt", "künftig", "bevorstehend", "bevorstehenden",
        "beginnt", "beginnen", "startet", "starten", "tagt", "tagen", "trifft", "treffen", "reist", "findet", "finden", "stattfinden",
        "berät", "beraten", "anstehen", "ansteht", "übermorgen", "kommende", "kommenden", "nächste", "nächsten",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PastStrong = new[]
    {
        "hatte", "hatten", "hattest", "hattet", "war", "waren", "warst", "wart", "wurde", "wurden", "worden", "gewesen",
        "sagte", "sagten", "teilte", "teilten", "erklärte", "erklärten", "fand", "fanden", "traf", "trafen", "kam", "kamen",
        "gab", "gaben", "ging", "gingen", "stand", "standen", "lag", "lagen", "nahm", "nahmen", "schrieb", "schrieben",
        "berichtete", "berichteten", "kündigte", "kündigten", "hieß", "zog", "zogen", "begann", "begannen", "endete", "endeten",
        "fiel", "fielen", "starb", "starben", "gewann", "gewannen", "verlor", "verloren", "brach", "brachen", "sprach", "sprachen",
        "rief", "riefen", "blieb", "blieben", "führte", "führten", "griff", "griffen", "eroberte", "eroberten", "unterzeichnete",
        "unterzeichneten", "forderte", "forderten", "betonte", "betonten", "warnte", "warnten", "reiste", "reisten", "besuchte",
        "besuchten", "wies", "bestätigte", "bestätigten", "meldete", "meldeten", "verkündete", "beschloss", "entschied",
        "erreichte", "erreichten", "stieg", "stiegen", "sank", "sanken", "lief", "liefen", "setzte", "setzten", "machte",
        "machten", "sah", "sahen", "hielt", "hielten", "ließ", "ließen", "brachte", "brachten", "folgte", "folgten", "zeigte",
        "zeigten", "stellte", "stellten", "legte", "legten", "lehnte", "lehnten", "schlug", "schlugen", "erlitt", "besiegte",
        "besiegten", "marschierte", "marschierten", "landete", "landeten", "kämpfte", "kämpften", "erhielt", "erhielten",
        "übernahm", "übernahmen", "gelang", "zerstörte", "zerstörten", "griff", "nannte", "trat", "traten", "floh", "flohen",
        "gestern", "vorgestern", "zuletzt", "damals", "vergangenen", "vergangene", "vorigen", "einst",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string> PerfectAux = new[]
    {
        "hat", "haben", "habe", "hast", "habt", "ist", "sind", "sei", "seien", "bin", "bist", "seid",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FutureSpan = Future.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PastSpan = PastStrong.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AuxSpan = PerfectAux.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly string[] SeparablePrefixes = ["an", "auf", "aus", "ab", "bei", "ein", "mit", "nach", "vor", "zu", "zurück", "weg", "fest", "statt", "teil", "her", "hin", "los", "um", "dar", "durch", "fort", "bekannt", "fern", "frei", "hervor", "voran", "weiter", "zusammen"];
    private static readonly string[] InseparablePrefixes = ["be", "er", "ver", "ent", "zer", "emp", "miss", "über", "unter", "hinter", "wider"];

    /// <summary>The tense of a whole sentence (the marker nearest to its end wins when several appear).</summary>
    public static Tense Detect(string sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var toks = MiniLexer.Lex(sentence, 0, sentence.Length, out int n);
        try
        {
            Span<sbyte> marks = n <= 256 ? stackalloc sbyte[n] : new sbyte[n];
            Mark(sentence, toks, n, marks);
            int past = 0, fut = 0;
            for (int i = 0; i < n; i++) { if (marks[i] < 0) past++; else if (marks[i] > 0) fut++; }
            if (past > 0 && fut == 0) return Tense.Past;
            if (fut > 0 && past == 0) return Tense.Future;
            if (past == 0) return Tense.Present;
            return past >= fut ? Tense.Past : Tense.Future;
        }
        finally { MiniLexer.Return(toks); }
    }

    /// <summary>Marks each token: -1 past marker, +1 future marker, 0 none.</summary>
    internal static void Mark(string text, Tok[] toks, int n, Span<sbyte> marks)
    {
        bool hasAux = false;
        for (int i = 0; i < n; i++)
        {
            marks[i] = 0;
            if (toks[i].Kind != TKind.Word) continue;
            var w = text.AsSpan(toks[i].Start, toks[i].End - toks[i].Start);
            if (FutureSpan.Contains(w))
            {
                // Why: lower-case "morgen" is tomorrow; "kommende(n)" and "nächste(n)" are future adverbials.
                marks[i] = 1;
            }
            else if (PastSpan.Contains(w)) marks[i] = -1;
            else if (AuxSpan.Contains(w)) hasAux = true;
            else if (w.Length == 6 && w.SequenceEqual("morgen")) marks[i] = 1;
            else if (!toks[i].Cap && IsWeakPreterite(w) && !(i + 1 < n && toks[i + 1].Kind == TKind.Word && toks[i + 1].Cap)) marks[i] = -1;
        }
        if (!hasAux) return;
        // Perfekt: a present auxiliary plus a participle. Only participles mark; the auxiliary alone is present.
        for (int i = 0; i < n; i++)
        {
            if (marks[i] != 0 || toks[i].Kind != TKind.Word || toks[i].Cap) continue;
            var w = text.AsSpan(toks[i].Start, toks[i].End - toks[i].Start);
            if (IsParticiple(w)) marks[i] = -1;
        }
    }

    /// <summary>explodierten, berichtete, meldeten: weak preterite endings (an adjective before a noun is excluded by the caller).</summary>
    internal static bool IsWeakPreterite(ReadOnlySpan<char> w) =>
        w.Length >= 7 && (w.EndsWith("ierte") || w.EndsWith("ierten") || w.EndsWith("ete") || w.EndsWith("eten"))
        && !w.EndsWith("nete") && !w.EndsWith("neten") && !w.StartsWith("ge");

    internal static bool IsParticiple(ReadOnlySpan<char> w)
    {
        if (w.Length < 5) return false;
        bool endsT = w[^1] == 't' && w[^2] != 'h';
        bool endsEn = w.EndsWith("en");
        if (!endsT && !endsEn) return false;
        if (w.StartsWith("ge")) return true;
        foreach (var p in SeparablePrefixes)
            if (w.Length > p.Length + 4 && w.StartsWith(p) && w[p.Length..].StartsWith("ge")) return true;
        if (endsT)
            foreach (var p in InseparablePrefixes)
                if (w.Length > p.Length + 3 && w.StartsWith(p)) return true;
        return false;
    }
}
