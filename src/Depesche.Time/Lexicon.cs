using System.Collections.Frozen;

namespace Depesche.Time;

/// <summary>What a trigger word is. The scanner only starts a match at a word that has an entry.</summary>
internal enum LexKind : byte
{
    None,
    Month,        // A = 1..12
    Weekday,      // A = 1..7 (ISO, Monday = 1)
    WeekdayPart,  // Freitagabend: A = weekday, B = part of day
    Season,       // A = Season
    PartOfDay,    // A = PartOfDay
    RelDay,       // heute/gestern/morgen: A = day offset
    Unit,         // A = Unit
    NumWord,      // A = value (anderthalb: A = 3, B = 2 → 3/2)
    Vague,        // wenige, einige, mehrere
    OrdinalWord,  // erste: A = 1; letzte: A = -1
    RelAdj,       // kommend/vergangen/dies: A = Rel
    Boundary,     // Anfang/Mitte/Ende: A = TimexMod
    BoundaryUnit, // Jahresende: A = TimexMod, B = Unit
    CmpMod,       // etwa/fast/mehr (als): A = TimexMod
    Prep,         // A = Prep
    Det,          // der/die/das/des/dem/den
    Ref,          // A = 0 present, -1 past, +1 future
    SetAdverb,    // täglich: A = Unit
    SetWeekday,   // montags: A = weekday
    Every,        // jeden/jede/jedes/alle
    Per,          // pro
    Holiday,      // A = month, B = day
    Uhr,
    Zone,
    After,        // später/danach/darauf
    Before,       // zuvor/vorher/früher
    Lang,         // lang/lange
    DecadeWord,   // zwanziger: A = 2
    DurAdj,       // zweiwöchig: A = Unit, B = count (parsed at build time)
    VorUnit,      // Vorjahr/Vortag/Vormonat/Vorwoche: A = Unit
    FolgeUnit,    // Folgetag/Folgejahr: A = Unit
    Und,          // und/bis/oder/-
    Feast,        // a feast dated from Easter Sunday: A = day offset
}

internal enum Unit : byte { None, Second, Minute, Hour, Day, Week, Weekend, Month, Quarter, Half, Year, Decade, Century, Night }

internal enum PartOfDay : byte { None, MO, MI, AF, EV, NI, DT }

internal enum Season : byte { None, SP, SU, FA, WI }

/// <summary>Relative adjectives: direction from the anchor.</summary>
internal enum Rel : sbyte { Prev = -1, This = 0, Next = 1, Same = 2, Following = 3 }

internal enum Prep : byte { None, Am, Im, In, Vor, Seit, Nach, Bis, Ab, Um, Von, Zwischen, Gegen, Binnen, Fuer, Zu, Ueber, Bei, Des, An }

internal readonly record struct Lex(LexKind Kind, int A = 0, int B = 0, bool Plural = false);

/// <summary>
/// The trigger lexicon: every inflected form as a key, built once. Lookup is case-insensitive and
/// allocation-free through the span alternate lookup. Thread-safe (immutable).
/// </summary>
internal static class Lexicon
{
    public static readonly FrozenDictionary<string, Lex> Words = Build();
    public static readonly FrozenDictionary<string, Lex>.AlternateLookup<ReadOnlySpan<char>> Span =
        Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static Lex Find(ReadOnlySpan<char> word) => Span.TryGetValue(word, out var lex) ? lex : default;

    private static FrozenDictionary<string, Lex> Build()
    {
        string[] AdjEndings = ["", "e", "en", "er", "em", "es"];
        string[] InflEndings = ["e", "en", "er", "em", "es"];
        var d = new Dictionary<string, Lex>(StringComparer.OrdinalIgnoreCase);
        void Add(string w, Lex l) => d.TryAdd(w, l);
        void Adj(string stem, Lex l, bool bare = true)
        {
            foreach (var e in bare ? AdjEndings : InflEndings) Add(stem + e, l);
        }

        string[] months = ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"];
        for (int i = 0; i < 12; i++)
        {
            Add(months[i], new(LexKind.Month, i + 1));
            Add(months[i] + "s", new(LexKind.Month, i + 1));
        }
        Add("jänner", new(LexKind.Month, 1));
        Add("augustmonate", new(LexKind.Month, 8));
        string[] monthAbbr = ["jan", "feb", "mär", "apr", "", "jun", "jul", "aug", "sep", "okt", "nov", "dez"];
        for (int i = 0; i < 12; i++) if (monthAbbr[i].Length > 0) Add(monthAbbr[i] + ".", new(LexKind.Month, i + 1));
        Add("sept.", new(LexKind.Month, 9));

        string[] days = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"];
        (string, PartOfDay)[] parts = [("morgen", PartOfDay.MO), ("vormittag", PartOfDay.MO), ("mittag", PartOfDay.MI), ("nachmittag", PartOfDay.AF), ("abend", PartOfDay.EV), ("nacht", PartOfDay.NI), ("früh", PartOfDay.MO)];
        for (int i = 0; i < 7; i++)
        {
            Add(days[i], new(LexKind.Weekday, i + 1));
            Add(days[i] + "s", new(LexKind.SetWeekday, i + 1));
            foreach (var (p, pod) in parts) Add(days[i] + p, new(LexKind.WeekdayPart, i + 1, (int)pod));
        }
        Add("sonnabend", new(LexKind.Weekday, 6));
        Add("sonnabends", new(LexKind.SetWeekday, 6));

        foreach (var (w, s) in new[] { ("frühling", Season.SP), ("frühjahr", Season.SP), ("frühjahrs", Season.SP), ("sommer", Season.SU), ("sommers", Season.SU),
                     ("herbst", Season.FA), ("herbstes", Season.FA), ("herbsts", Season.FA), ("winter", Season.WI), ("winters", Season.WI) })
            Add(w, new(LexKind.Season, (int)s));
        // Frühsommer → SU START, Spätherbst → FA END, Hochsommer → SU MID
        foreach (var (stem, s) in new[] { ("sommer", Season.SU), ("herbst", Season.FA), ("winter", Season.WI), ("frühling", Season.SP), ("jahr", Season.SP) })
        {
            if (stem != "jahr") Add("früh" + stem, new(LexKind.Season, (int)s, (int)Depesche.Core.TimexMod.Start));
            if (stem == "jahr") continue;
            Add("spät" + stem, new(LexKind.Season, (int)s, (int)Depesche.Core.TimexMod.End));
            Add("hoch" + stem, new(LexKind.Season, (int)s, (int)Depesche.Core.TimexMod.Mid));
            Add("früh" + stem + "s", new(LexKind.Season, (int)s, (int)Depesche.Core.TimexMod.Start));
            Add("spät" + stem + "s", new(LexKind.Season, (int)s, (int)Depesche.Core.TimexMod.End));
        }

        foreach (var (w, p) in new[] { ("morgen", PartOfDay.MO), ("morgens", PartOfDay.MO), ("vormittag", PartOfDay.MO), ("vormittags", PartOfDay.MO),
                     ("morgenstunden", PartOfDay.MO), ("morgengrauen", PartOfDay.MO), ("tagesanbruch", PartOfDay.MO),
                     ("mittag", PartOfDay.MI), ("mittags", PartOfDay.MI), ("mittagszeit", PartOfDay.MI),
                     ("nachmittag", PartOfDay.AF), ("nachmittags", PartOfDay.AF), ("nachmittagsstunden", PartOfDay.AF),
                     ("abend", PartOfDay.EV), ("abends", PartOfDay.EV), ("abendstunden", PartOfDay.EV),
                     ("nacht", PartOfDay.NI), ("nachts", PartOfDay.NI), ("nachtstunden", PartOfDay.NI), ("früh", PartOfDay.MO) })
            Add(w, new(LexKind.PartOfDay, (int)p));
        // Why: "morgen" is both "tomorrow" and "morning"; the scanner decides by case and context, the lexicon says PartOfDay.
        foreach (var (w, o) in new[] { ("heute", 0), ("gestern", -1), ("vorgestern", -2), ("übermorgen", 2), ("heutigen", 0), ("gestrigen", -1), ("morgigen", 1) })
            Add(w, new(LexKind.RelDay, o));

        void Units(Unit u, params string[] forms) { foreach (var f in forms) Add(f, new(LexKind.Unit, (int)u)); }
        Units(Unit.Second, "sekunde", "sekunden");
        Units(Unit.Minute, "minute", "minuten");
        Units(Unit.Hour, "stunde", "stunden");
        Units(Unit.Day, "tag", "tage", "tagen", "tages", "tags");
        Units(Unit.Week, "woche", "wochen");
        Units(Unit.Weekend, "wochenende", "wochenenden", "wochenendes");
        Units(Unit.Month, "monat", "monate", "monaten", "monats", "monates");
        Units(Unit.Quarter, "quartal", "quartale", "quartalen", "quartals", "vierteljahr", "vierteljahres");
        Units(Unit.Half, "halbjahr", "halbjahres", "halbjahrs", "halbjahren", "jahreshälfte");
        Units(Unit.Year, "jahr", "jahre", "jahren", "jahres", "jahrs", "kriegsjahr", "kriegsjahre", "kriegsjahres", "kriegsjahren");
        Units(Unit.Decade, "jahrzehnt", "jahrzehnte", "jahrzehnten", "jahrzehnts");
        Units(Unit.Century, "jahrhundert", "jahrhunderte", "jahrhunderten", "jahrhunderts");
        Units(Unit.Night, "nächte", "nächten");

        string[] nums = ["null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn", "elf", "zwölf",
            "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig"];
        for (int i = 2; i < nums.Length; i++) Add(nums[i], new(LexKind.NumWord, i));
        foreach (var w in new[] { "ein", "eine", "einen", "einem", "einer", "eines" }) Add(w, new(LexKind.NumWord, 1));
        foreach (var (w, v) in new[] { ("dreißig", 30), ("vierzig", 40), ("fünfzig", 50), ("sechzig", 60), ("siebzig", 70), ("achtzig", 80), ("neunzig", 90), ("hundert", 100), ("zwei", 2) })
            Add(w, new(LexKind.NumWord, v));
        Add("anderthalb", new(LexKind.NumWord, 3, 2));
        Add("eineinhalb", new(LexKind.NumWord, 3, 2));
        Add("zweieinhalb", new(LexKind.NumWord, 5, 2));
        Add("halb", new(LexKind.NumWord, 1, 2));
        Add("halbe", new(LexKind.NumWord, 1, 2));
        Add("halben", new(LexKind.NumWord, 1, 2));
        Adj("wenig", new(LexKind.Vague), bare: false);
        Adj("einig", new(LexKind.Vague), bare: false);
        Adj("mehrer", new(LexKind.Vague), bare: false);

        string[] ords = ["", "erst", "zweit", "dritt", "viert", "fünft", "sechst", "siebt", "acht", "neunt", "zehnt", "elft", "zwölft"];
        for (int i = 1; i < ords.Length; i++) Adj(ords[i], new(LexKind.OrdinalWord, i), bare: false);
        Adj("letzt", new(LexKind.RelAdj, (int)Rel.Prev), bare: false);

        foreach (var s in new[] { "kommend", "nächst", "bevorstehend", "anstehend" }) Adj(s, new(LexKind.RelAdj, (int)Rel.Next), bare: false);
        foreach (var s in new[] { "vergangen", "vorig", "vorherig", "vorangegangen", "zurückliegend", "abgelaufen" }) Adj(s, new(LexKind.RelAdj, (int)Rel.Prev), bare: false);
        foreach (var s in new[] { "dies", "laufend", "jetzig", "aktuell" }) Adj(s, new(LexKind.RelAdj, (int)Rel.This), bare: false);
        foreach (var s in new[] { "selb", "gleich", "desselb", "derselb", "demselb", "denselb" }) Adj(s, new(LexKind.RelAdj, (int)Rel.Same), bare: false);
        foreach (var s in new[] { "folgend", "darauffolgend", "nachfolgend", "anschließend" }) Adj(s, new(LexKind.RelAdj, (int)Rel.Following), bare: false);

        foreach (var (w, m) in new[] { ("anfang", Depesche.Core.TimexMod.Start), ("beginn", Depesche.Core.TimexMod.Start), ("mitte", Depesche.Core.TimexMod.Mid), ("ende", Depesche.Core.TimexMod.End) })
            Add(w, new(LexKind.Boundary, (int)m));
        foreach (var (w, m, u) in new[] {
                     ("jahresanfang", Depesche.Core.TimexMod.Start, Unit.Year), ("jahresbeginn", Depesche.Core.TimexMod.Start, Unit.Year),
                     ("jahresmitte", Depesche.Core.TimexMod.Mid, Unit.Year), ("jahresende", Depesche.Core.TimexMod.End, Unit.Year),
                     ("monatsanfang", Depesche.Core.TimexMod.Start, Unit.Month), ("monatsbeginn", Depesche.Core.TimexMod.Start, Unit.Month),
                     ("monatsmitte", Depesche.Core.TimexMod.Mid, Unit.Month), ("monatsende", Depesche.Core.TimexMod.End, Unit.Month),
                     ("wochenanfang", Depesche.Core.TimexMod.Start, Unit.Week), ("wochenbeginn", Depesche.Core.TimexMod.Start, Unit.Week),
                     ("wochenmitte", Depesche.Core.TimexMod.Mid, Unit.Week), ("jahreswechsel", Depesche.Core.TimexMod.End, Unit.Year) })
            Add(w, new(LexKind.BoundaryUnit, (int)m, (int)u));

        foreach (var (w, m) in new[] { ("etwa", Depesche.Core.TimexMod.Approx), ("ungefähr", Depesche.Core.TimexMod.Approx), ("rund", Depesche.Core.TimexMod.Approx),
                     ("circa", Depesche.Core.TimexMod.Approx), ("ca.", Depesche.Core.TimexMod.Approx), ("gegen", Depesche.Core.TimexMod.Approx),
                     ("knapp", Depesche.Core.TimexMod.Approx), ("fast", Depesche.Core.TimexMod.Approx), ("beinahe", Depesche.Core.TimexMod.Approx),
                     ("nahezu", Depesche.Core.TimexMod.Approx), ("annähernd", Depesche.Core.TimexMod.Approx),
                     ("mehr", Depesche.Core.TimexMod.MoreThan), ("über", Depesche.Core.TimexMod.MoreThan), ("weniger", Depesche.Core.TimexMod.LessThan),
                     ("höchstens", Depesche.Core.TimexMod.EqualOrLess), ("maximal", Depesche.Core.TimexMod.EqualOrLess),
                     ("mindestens", Depesche.Core.TimexMod.EqualOrMore), ("wenigstens", Depesche.Core.TimexMod.EqualOrMore) })
            Add(w, new(LexKind.CmpMod, (int)m));

        foreach (var (w, p) in new[] { ("am", Prep.Am), ("im", Prep.Im), ("in", Prep.In), ("vor", Prep.Vor), ("seit", Prep.Seit), ("nach", Prep.Nach),
                     ("bis", Prep.Bis), ("ab", Prep.Ab), ("um", Prep.Um), ("von", Prep.Von), ("vom", Prep.Von), ("zwischen", Prep.Zwischen),
                     ("binnen", Prep.Binnen), ("innerhalb", Prep.Binnen), ("für", Prep.Fuer), ("zum", Prep.Zu), ("zur", Prep.Zu), ("zu", Prep.Zu),
                     ("beim", Prep.Bei), ("an", Prep.An), ("übers", Prep.Ueber), ("während", Prep.In), ("laufe", Prep.In), ("verlauf", Prep.In) })
            Add(w, new(LexKind.Prep, (int)p));
        foreach (var w in new[] { "der", "die", "das", "des", "dem", "den" }) Add(w, new(LexKind.Det));

        foreach (var w in new[] { "derzeit", "aktuell", "gegenwärtig", "momentan", "zurzeit", "jetzt", "heutzutage", "augenblicklich" }) Add(w, new(LexKind.Ref, 0));
        // Why: "damals", "bisher", "einst" are left out: they relate to a story time, and TIMEX gold (WikiWarsDE) leaves them untagged.
        foreach (var w in new[] { "zuletzt", "kürzlich", "jüngst", "neulich", "unlängst" }) Add(w, new(LexKind.Ref, -1));
        foreach (var w in new[] { "künftig", "zukünftig", "bald", "demnächst", "künftighin" }) Add(w, new(LexKind.Ref, 1));

        foreach (var (w, u) in new[] { ("täglich", Unit.Day), ("wöchentlich", Unit.Week), ("monatlich", Unit.Month), ("jährlich", Unit.Year),
                     ("stündlich", Unit.Hour), ("alljährlich", Unit.Year), ("vierteljährlich", Unit.Quarter), ("halbjährlich", Unit.Half) })
            Add(w, new(LexKind.SetAdverb, (int)u));
        foreach (var w in new[] { "jeden", "jede", "jedes", "jedem", "alle", "allen" }) Add(w, new(LexKind.Every));
        Add("pro", new(LexKind.Per));

        foreach (var (w, m, dd) in new[] { ("weihnachten", 12, 25), ("heiligabend", 12, 24), ("heiligen abend", 12, 24), ("silvester", 12, 31), ("neujahr", 1, 1),
                     ("neujahrstag", 1, 1), ("silvesterabend", 12, 31), ("weihnachtstag", 12, 25), ("weihnachtsfeiertag", 12, 25), ("nikolaustag", 12, 6) })
            Add(w, new(LexKind.Holiday, m, dd));

        foreach (var (w, off) in new[] { ("ostern", 0), ("ostersonntag", 0), ("ostermontag", 1), ("karfreitag", -2), ("gründonnerstag", -3),
                     ("pfingsten", 49), ("pfingstsonntag", 49), ("pfingstmontag", 50), ("himmelfahrt", 39), ("fronleichnam", 60),
                     ("rosenmontag", -48), ("aschermittwoch", -46) })
            Add(w, new(LexKind.Feast, off));
        Add("uhr", new(LexKind.Uhr));
        foreach (var w in new[] { "mez", "mesz", "utc", "gmt", "ortszeit", "ezt" }) Add(w, new(LexKind.Zone));
        foreach (var w in new[] { "später", "danach", "darauf", "drauf", "hernach" }) Add(w, new(LexKind.After));
        foreach (var w in new[] { "zuvor", "vorher", "früher", "davor", "eher" }) Add(w, new(LexKind.Before));
        Add("lang", new(LexKind.Lang));
        Add("lange", new(LexKind.Lang));
        string[] decades = ["", "", "zwanziger", "dreißiger", "vierziger", "fünfziger", "sechziger", "siebziger", "achtziger", "neunziger"];
        for (int i = 2; i < decades.Length; i++) Add(decades[i], new(LexKind.DecadeWord, i));

        foreach (var (w, u) in new[] { ("vorjahr", Unit.Year), ("vorjahres", Unit.Year), ("vorjahrs", Unit.Year), ("vortag", Unit.Day), ("vortages", Unit.Day), ("vortags", Unit.Day),
                     ("vormonat", Unit.Month), ("vormonats", Unit.Month), ("vorwoche", Unit.Week), ("vorquartal", Unit.Quarter), ("vorquartals", Unit.Quarter) })
            Add(w, new(LexKind.VorUnit, (int)u));
        foreach (var (w, u) in new[] { ("folgetag", Unit.Day), ("folgetages", Unit.Day), ("folgejahr", Unit.Year), ("folgejahres", Unit.Year), ("folgejahren", Unit.Year), ("folgemonat", Unit.Month), ("folgewoche", Unit.Week) })
            Add(w, new(LexKind.FolgeUnit, (int)u, w == "folgejahren" ? 1 : 0));

        // Compound duration adjectives: zweiwöchig, achtjährig, anderthalbstündig, dreitägig…
        (string, Unit)[] durStems = [("jährig", Unit.Year), ("monatig", Unit.Month), ("wöchig", Unit.Week), ("tägig", Unit.Day), ("stündig", Unit.Hour), ("minütig", Unit.Minute)];
        (string, int, int)[] countWords = [("ein", 1, 1), ("zwei", 2, 1), ("drei", 3, 1), ("vier", 4, 1), ("fünf", 5, 1), ("sechs", 6, 1), ("sieben", 7, 1), ("acht", 8, 1),
            ("neun", 9, 1), ("zehn", 10, 1), ("elf", 11, 1), ("zwölf", 12, 1), ("vierzehn", 14, 1), ("zwanzig", 20, 1), ("dreißig", 30, 1), ("hundert", 100, 1),
            ("anderthalb", 3, 2), ("eineinhalb", 3, 2), ("halb", 1, 2), ("mehr", -1, 1)];
        foreach (var (cw, n, den) in countWords)
            foreach (var (st, u) in durStems)
                Adj(cw + st, new(LexKind.DurAdj, (int)u, den == 2 ? -n : n), bare: true);

        foreach (var w in new[] { "und", "bis", "oder", "sowie" }) Add(w, new(LexKind.Und));
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
