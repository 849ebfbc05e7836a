using System.Collections.Frozen;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>Word classes the event rules look at. One word may have several.</summary>
[Flags]
internal enum Cue : ulong
{
    None = 0,
    Negation = 1UL << 0,        // nicht, nie
    NegDeterminer = 1UL << 1,   // kein, keine, keinen
    Planned = 1UL << 2,         // geplant, erwartet, vorgesehen, angekündigt
    Stattfinden = 1UL << 3,     // stattfinden
    FutureAux = 1UL << 4,       // wird, werden, will, wollen
    Soll = 1UL << 5,            // soll, sollen, solle
    Held = 1UL << 6,            // stattgefunden, fand, fanden
    Cancelled = 1UL << 7,       // abgesagt
    Postponed = 1UL << 8,       // verschoben, vertagt
    Denied = 1UL << 9,          // dementierte
    Hypothetical = 1UL << 10,   // könnte, wäre, falls
    KonjunktivI = 1UL << 11,    // sei, seien, habe, werde
    Confirm = 1UL << 12,        // bestätigte
    Speech = 1UL << 13,         // sagte, teilte, berichtete
    Zufolge = 1UL << 14,        // zufolge
    Subordinator = 1UL << 15,   // dass, weil, nachdem
    Zwischen = 1UL << 16,
    Mit = 1UL << 17,
    PlacePrep = 1UL << 18,      // in, nach, im
    Determiner = 1UL << 19,     // der, die, den
    And = 1UL << 20,            // und, sowie
    PastAux = 1UL << 21,        // hatte, hatten
    Gegeben = 1UL << 22,        // gegeben
    FutureAdj = 1UL << 23,      // kommenden, nächsten, künftigen
    PastVerb = 1UL << 24,       // trafen, war, wurde, gab
    Title = 1UL << 25,          // Präsident, Außenminister
    GroupNoun = 1UL << 26,      // Vertreter, Unterhändler, Delegation
    Gegen = 1UL << 27,
    Reflexive = 1UL << 28,      // sich
    Geben = 1UL << 29,          // geben, gibt
    Possible = 1UL << 30,       // möglichen, eventuellen
    Medium = 1UL << 31,         // Medien, Berichten, Kreise
    Von = 1UL << 32,            // von, vom
    Gab = 1UL << 33,            // gab (es gab)
    Present = 1UL << 34,        // fordert, lehnt: finite present of a speech act
    Topic = 1UL << 35,          // über, um: what talks are about
    Zu = 1UL << 36,             // zu (infinitive marker)
}

/// <summary>One reading of a trigger word. <see cref="Particle"/> is the separated particle a finite verb needs (<c>lehnt … ab</c>).</summary>
internal sealed record TriggerDef(EventType Type, EventMode Mode, string Cameo, bool Noun, bool SpeechAct, string? Particle = null);

/// <summary>An actor form: the normalised name and whether the form is a demonym adjective or a group noun (<c>Europäer</c>).</summary>
internal sealed record ActorDef(string Name, bool Adjective, bool Group, bool Metonym);

/// <summary>
/// The closed word lists of the event rules: triggers, cues, actors and places. Built once; read-only and thread-safe.
/// Why frozen dictionaries with a span lookup: the hot loop looks up every token without allocating a string.
/// </summary>
internal static class EventLexicon
{
    public static readonly FrozenDictionary<string, Cue> Cues;
    public static readonly FrozenDictionary<string, TriggerDef[]> Triggers;
    public static readonly FrozenDictionary<string, ActorDef> Actors;
    public static readonly FrozenDictionary<string, string> Places;
    public static readonly FrozenDictionary<string, Cue>.AlternateLookup<ReadOnlySpan<char>> CueLookup;
    public static readonly FrozenDictionary<string, TriggerDef[]>.AlternateLookup<ReadOnlySpan<char>> TriggerLookup;
    public static readonly FrozenDictionary<string, ActorDef>.AlternateLookup<ReadOnlySpan<char>> ActorLookup;
    public static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> PlaceLookup;

    /// <summary>Compound heads: <c>Friedensgespräche</c>, <c>Luftangriff</c>, <c>Gipfeltreffen</c> end in one of these.</summary>
    public static readonly string[] CompoundHeads =
    [
        "gespräche", "gesprächen", "treffen", "verhandlungen", "angriff", "angriffe", "angriffen", "sanktionen", "proteste",
        "protesten", "besuch", "telefonat", "abkommen", "hilfe", "hilfen", "gipfel", "lieferungen", "waffenruhe", "anschlag",
        "anschläge", "einigung", "vereinbarung", "konferenz", "festnahme", "festnahmen", "manöver", "streik", "streiks",
        "demonstrationen", "vorschlag", "drohungen", "forderung", "forderungen", "kritik", "sitzung", "gefechte", "gefechten",
    ];

    /// <summary>Title suffixes: a capitalised name after <c>Außenminister</c>, <c>Kremlchef</c>, <c>Sondergesandte</c> is a person.</summary>
    public static readonly string[] TitleSuffixes =
    [
        "präsident", "präsidentin", "minister", "ministerin", "kanzler", "kanzlerin", "chef", "chefin", "sprecher", "sprecherin",
        "berater", "beraterin", "gesandte", "gesandten", "unterhändler", "sekretär", "sekretärin", "premier", "botschafter",
        "kommandeur", "general", "vorsitzende", "vorsitzender", "beauftragte",
    ];

    static EventLexicon()
    {
        var cmp = StringComparer.OrdinalIgnoreCase;
        var cues = new Dictionary<string, Cue>(cmp);
        void C(Cue c, params string[] words) { foreach (var w in words) cues[w] = cues.GetValueOrDefault(w) | c; }
        C(Cue.Negation, "nicht", "nie", "niemals");
        C(Cue.NegDeterminer, "kein", "keine", "keinen", "keinem", "keiner", "keinerlei");
        C(Cue.Planned, "bereit", "geplant", "geplante", "geplanten", "geplantes", "erwartet", "erwarteten", "vorgesehen", "vorgesehene", "vorgesehenen",
            "angekündigt", "angekündigte", "angekündigten", "anberaumt", "anberaumte", "anberaumten", "bevorstehende", "bevorstehenden",
            "angesetzt", "angesetzte", "angesetzten", "plant", "planen", "planten", "plane");
        C(Cue.Stattfinden, "stattfinden", "stattfindet", "stattfinde");
        C(Cue.FutureAux, "wird", "werden", "will", "wollen", "wolle", "werde");
        C(Cue.Soll, "soll", "sollen", "solle", "sollten", "sollte");
        C(Cue.Held, "stattgefunden", "fand", "fanden", "stattfand", "stattfanden", "abgehalten");
        C(Cue.Cancelled, "abgesagt", "absage", "abgebrochen", "gestrichen", "annulliert", "platzte", "geplatzt");
        C(Cue.Postponed, "verschoben", "verschob", "verschoben", "vertagt", "vertagte", "verlegt", "aufgeschoben");
        C(Cue.Denied, "dementierte", "dementierten", "dementiert", "dementi", "bestritt", "bestritten", "bestreitet", "dementiere");
        C(Cue.Hypothetical, "könnte", "könnten", "falls", "wäre", "wären", "würde", "würden", "hätte", "hätten", "sofern", "eventuell", "womöglich");
        C(Cue.KonjunktivI, "sei", "seien", "habe", "werde", "solle", "wolle", "könne", "gebe", "finde", "stehe", "plane", "hätten", "lehne", "fordere");
        C(Cue.Confirm, "bestätigte", "bestätigten", "bestätigt", "bestätigen", "bestätigung", "überprüfen", "überprüft", "verifizieren", "verifiziert");
        C(Cue.Speech, "sagte", "sagten", "teilte", "teilten", "berichtete", "berichteten", "erklärte", "erklärten", "schrieb", "schrieben",
            "hieß", "meldete", "meldeten", "berichtet", "sagt", "erklärt", "betonte", "betonten", "äußerte");
        C(Cue.Zufolge, "zufolge");
        C(Cue.Subordinator, "dass", "weil", "nachdem", "wie", "als", "wenn", "ob", "falls", "während", "damit", "obwohl", "bevor", "sobald", "wo");
        C(Cue.Zwischen, "zwischen");
        C(Cue.Mit, "mit");
        C(Cue.PlacePrep, "in", "nach", "im", "bei");
        C(Cue.Determiner, "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "eines");
        C(Cue.And, "und", "sowie", "&");
        C(Cue.PastAux, "hatte", "hatten", "hat", "haben", "war", "waren", "ist", "sind");
        C(Cue.Gegeben, "gegeben");
        C(Cue.FutureAdj, "kommenden", "kommende", "nächsten", "nächste", "künftigen", "künftige", "bevorstehenden");
        C(Cue.PastVerb, "trafen", "traf", "war", "waren", "wurde", "wurden", "gab", "hatte", "hatten", "nahmen", "nahm", "sprachen", "sprach",
            "vergangenen", "vergangene", "jüngsten", "letzten", "gestern", "zuletzt");
        C(Cue.Title, "präsident", "präsidentin", "kanzler", "kanzlerin", "premierminister", "außenminister", "außenministerin", "minister",
            "ministerin", "regierungschef", "regierungschefin", "kremlchef", "kremlsprecher", "sprecher", "sprecherin", "berater", "sondergesandte",
            "sondergesandten", "gesandte", "chefunterhändler", "unterhändler", "papst", "generalsekretär", "ministerpräsident", "ministerpräsidentin",
            "verteidigungsminister", "verteidigungsministerin", "bundeskanzler", "staatschef", "parteichef", "botschafter", "schwiegersohn",
            "präsidenten", "amtskollege", "amtskollegen", "amtskollegin", "regierungschefs", "papst");
        C(Cue.GroupNoun, "vertreter", "vertretern", "unterhändler", "unterhändlern", "delegation", "delegationen", "team", "regierung",
            "regierungen", "behörden", "streitkräfte", "truppen", "armee", "militär", "außenminister", "diplomaten", "staaten", "seite",
            "führung", "regierungsvertreter", "verbündeten", "partner", "demonstranten", "aktivisten", "soldaten", "sicherheitskräfte",
            "polizei", "beamte", "beamten", "administration", "verhandler");
        C(Cue.Gegen, "gegen");
        C(Cue.Reflexive, "sich");
        C(Cue.Geben, "geben", "gibt", "gebe");
        C(Cue.Gab, "gab");
        C(Cue.Possible, "möglichen", "mögliche", "möglicher", "möglich", "eventuellen", "potenziellen", "denkbaren", "erneuten");
        C(Cue.Medium, "medien", "berichten", "kreise", "kreisen", "quellen", "angaben", "zeitung", "portal", "nachrichtenagentur", "nachrichtenportale", "sender", "medienberichten", "medienberichte", "medienberichtenzufolge", "berichte");
        C(Cue.Von, "von", "vom");
        C(Cue.Topic, "über", "um");
        C(Cue.Zu, "zu");
        Cues = cues.ToFrozenDictionary(cmp);
        CueLookup = Cues.GetAlternateLookup<ReadOnlySpan<char>>();

        var trig = new Dictionary<string, List<TriggerDef>>(cmp);
        void Add(TriggerDef d, params string[] forms)
        {
            foreach (var f in forms)
            {
                if (!trig.TryGetValue(f, out var l)) trig[f] = l = [];
                l.Add(d);
            }
        }
        void N(EventType t, EventMode m, string cameo, params string[] forms) => Add(new TriggerDef(t, m, cameo, true, false), forms);
        void V(EventType t, EventMode m, string cameo, bool speech, params string[] forms) => Add(new TriggerDef(t, m, cameo, false, speech), forms);
        void Sep(EventType t, EventMode m, string cameo, bool speech, string particle, string[] finite, string[] joined)
        {
            Add(new TriggerDef(t, m, cameo, false, speech, particle), finite);
            Add(new TriggerDef(t, m, cameo, false, speech), joined);
        }

        // CONSULT
        N(EventType.Consult, EventMode.Meet, "040", "treffen", "treffens", "gespräch", "gespräche", "gesprächen", "gesprächs", "konsultationen", "unterredung", "zusammenkunft", "spitzentreffen", "sitzung", "abstimmung", "dringlichkeitssitzung", "sondersitzung");
        N(EventType.Consult, EventMode.Meet, "046", "verhandlungen", "verhandlung", "verhandlungsrunde", "friedensverhandlungen", "friedensgespräche", "verhandlungen");
        N(EventType.Consult, EventMode.Multilateral, "040", "gipfel", "gipfeltreffen", "gipfels", "konferenz", "ukraine-konferenz", "friedenskonferenz", "sicherheitskonferenz", "dreiergipfel");
        N(EventType.Consult, EventMode.Visit, "042", "besuch", "besuchs", "staatsbesuch", "antrittsbesuch", "reise", "visite");
        N(EventType.Consult, EventMode.Phone, "041", "telefonat", "telefonats", "telefongespräch", "videokonferenz", "videoschalte");
        N(EventType.Consult, EventMode.ThirdParty, "045", "vermittlung", "vermittlungsgespräche", "vermittlungsbemühungen");
        V(EventType.Consult, EventMode.Meet, "040", false, "trafen", "traf", "trifft", "getroffen", "treffen", "berieten", "beraten", "berät", "verhandelten", "verhandeln", "verhandelt", "verhandelte");
        V(EventType.Consult, EventMode.Visit, "043", false, "empfangen", "empfing", "empfingen", "empfängt");
        V(EventType.Consult, EventMode.Visit, "042", false, "besuchte", "besuchten", "besucht", "besuchen", "reiste", "reisten", "reist", "reisen");
        // Why: "sprechen" is CONSULT only with a partner or a topic ("mit", "über"); the extractor checks the clause.
        V(EventType.Consult, EventMode.Meet, "040", false, "sprechen", "sprach", "sprachen", "gesprochen");
        V(EventType.Consult, EventMode.Phone, "041", false, "telefonierte", "telefonierten", "telefoniert", "telefonieren");
        V(EventType.Consult, EventMode.ThirdParty, "045", false, "vermittelte", "vermittelten", "vermittelt", "vermitteln");

        // AGREE
        N(EventType.Agree, EventMode.None, "057", "einigung", "abkommen", "vereinbarung", "friedensabkommen", "vertrag", "rohstoffabkommen", "handelsabkommen");
        N(EventType.Agree, EventMode.None, "0871", "waffenstillstand", "waffenstillstands", "waffenruhe", "feuerpause");
        V(EventType.Agree, EventMode.None, "057", false, "verständigt", "verständigten", "verständigte", "einigten", "einigte", "unterzeichneten", "unterzeichnete", "unterzeichnet", "geeinigt", "vereinbarten");
        Sep(EventType.Agree, EventMode.None, "057", false, "zu", ["stimmte", "stimmten", "stimmt"], ["zugestimmt", "zustimmen"]);

        // SUPPORT
        V(EventType.Support, EventMode.None, "051", true, "unterstützte", "unterstützten", "unterstützt", "lobte", "lobten", "begrüßte", "begrüßten", "begrüßt");
        N(EventType.Support, EventMode.None, "051", "unterstützung", "rückendeckung");
        Sep(EventType.Support, EventMode.None, "051", true, "zu", ["sicherte", "sicherten", "sichert"], ["zugesichert", "zusichern"]);

        // COOPERATE
        N(EventType.Cooperate, EventMode.None, "060", "zusammenarbeit", "kooperation");
        V(EventType.Cooperate, EventMode.None, "060", false, "kooperieren", "kooperierten", "kooperiert");

        // AID
        N(EventType.Aid, EventMode.None, "070", "hilfe", "hilfen", "hilfspaket", "hilfslieferungen", "finanzhilfe", "militärhilfe", "waffenlieferungen", "lieferungen", "militärhilfen");
        V(EventType.Aid, EventMode.None, "070", false, "lieferte", "lieferten", "liefert", "geliefert");
        Sep(EventType.Aid, EventMode.None, "070", false, "bereit", ["stellte", "stellten", "stellt"], ["bereitgestellt"]);

        // CONCEDE
        N(EventType.Concede, EventMode.None, "084", "gefangenenaustausch", "freilassung", "zugeständnis", "zugeständnisse", "austausch");
        Sep(EventType.Concede, EventMode.None, "084", false, "frei", ["ließ", "ließen", "lässt"], ["freigelassen", "freilassen"]);
        Sep(EventType.Concede, EventMode.None, "084", false, "aus", ["tauschten", "tauschte", "tauschen"], ["ausgetauscht"]);

        // RETREAT
        N(EventType.Retreat, EventMode.None, "0874", "rückzug", "abzug", "truppenabzug");
        Sep(EventType.Retreat, EventMode.None, "0874", false, "ab", ["zog", "zogen", "zieht"], ["abgezogen"]);
        Sep(EventType.Retreat, EventMode.None, "0874", false, "zurück", ["zog", "zogen", "zieht"], ["zurückgezogen"]);

        // REQUEST
        V(EventType.Request, EventMode.None, "100", true, "forderte", "forderten", "fordert", "fordern", "gefordert", "aufgefordert", "auffordern", "verlangte", "verlangten", "verlangt", "fordere");
        N(EventType.Request, EventMode.None, "100", "forderung", "forderungen", "appell");
        V(EventType.Request, EventMode.None, "020", true, "appellierte", "appellierten", "bat", "baten", "drängte", "drängten", "drängt");
        Sep(EventType.Request, EventMode.None, "020", true, "auf", ["rief", "riefen", "ruft"], ["aufgerufen"]);

        // ACCUSE
        Sep(EventType.Accuse, EventMode.None, "112", true, "vor", ["warf", "warfen", "wirft"], ["vorgeworfen"]);
        V(EventType.Accuse, EventMode.None, "112", true, "beschuldigte", "beschuldigten", "beschuldigt");
        V(EventType.Accuse, EventMode.None, "111", true, "kritisierte", "kritisierten", "kritisiert", "verurteilte", "verurteilten", "verurteilt");
        N(EventType.Accuse, EventMode.None, "112", "vorwurf", "vorwürfe", "kritik");

        // REJECT
        Sep(EventType.Reject, EventMode.None, "120", true, "ab", ["lehnt", "lehnte", "lehnten", "lehnen", "lehne"], ["abgelehnt", "ablehnt", "ablehnte", "ablehnten", "ablehnen", "abzulehnen"]);
        Sep(EventType.Reject, EventMode.None, "120", true, "zurück", ["wies", "wiesen", "weist"], ["zurückgewiesen", "zurückwies", "zurückweist"]);
        N(EventType.Reject, EventMode.None, "120", "ablehnung");

        // THREATEN
        V(EventType.Threaten, EventMode.None, "130", true, "drohte", "drohten", "droht", "drohen", "gedroht", "warnte", "warnten", "warnt", "gewarnt");
        N(EventType.Threaten, EventMode.None, "130", "drohung", "drohungen", "warnung", "ultimatum");

        // PROTEST
        N(EventType.Protest, EventMode.None, "141", "protest", "proteste", "protesten", "demonstration", "demonstrationen", "kundgebung", "kundgebungen", "massenproteste");
        N(EventType.Protest, EventMode.None, "143", "streik", "streiks", "generalstreik");
        V(EventType.Protest, EventMode.None, "141", false, "demonstrierten", "demonstrierte", "demonstrieren", "demonstriert", "protestierten", "protestierte", "protestieren", "protestiert", "streikten", "gestreikt");

        // SANCTION
        N(EventType.Sanction, EventMode.None, "163", "sanktionen", "sanktion", "sanktionspaket", "strafzölle", "embargo", "einreiseverbot", "strafmaßnahmen");
        V(EventType.Sanction, EventMode.None, "163", false, "verhängte", "verhängten", "verhängt", "sanktionierte", "sanktionierten");
        Sep(EventType.Sanction, EventMode.None, "1663", false, "aus", ["wies", "wiesen", "weist"], ["ausgewiesen"]);
        N(EventType.Sanction, EventMode.None, "1663", "ausweisung");

        // MOBILIZE
        N(EventType.Mobilize, EventMode.None, "150", "mobilmachung", "mobilisierung", "truppenaufmarsch", "manöver", "militärübung", "militärübungen");
        V(EventType.Mobilize, EventMode.None, "150", false, "mobilisierte", "mobilisierten", "mobilisiert");
        Sep(EventType.Mobilize, EventMode.None, "150", false, "zusammen", ["zog", "zogen", "zieht"], ["zusammengezogen"]);

        // COERCE
        N(EventType.Coerce, EventMode.None, "173", "festnahme", "festnahmen", "verhaftung", "verhaftungen");
        V(EventType.Coerce, EventMode.None, "173", false, "verhaftete", "verhafteten", "verhaftet", "festgenommen", "inhaftiert");
        Sep(EventType.Coerce, EventMode.None, "173", false, "fest", ["nahm", "nahmen", "nimmt"], ["festgenommen"]);

        // ASSAULT
        N(EventType.Assault, EventMode.None, "190", "angriff", "angriffe", "angriffen", "angriffs", "luftangriff", "luftangriffe", "raketenangriff", "raketenangriffe",
            "drohnenangriff", "drohnenangriffe", "beschuss", "attacke", "attacken", "offensive", "bombardierung");
        N(EventType.Assault, EventMode.None, "180", "anschlag", "anschläge", "anschlägen");
        N(EventType.Assault, EventMode.None, "190", "gefechte", "gefechten", "kämpfe", "kämpfen", "großangriff");
        V(EventType.Assault, EventMode.None, "190", false, "beschoss", "beschossen", "angegriffen", "bombardierte", "bombardierten", "attackierte", "attackierten");
        Sep(EventType.Assault, EventMode.None, "190", false, "an", ["griff", "griffen", "greift"], []);

        // STATEMENT
        Sep(EventType.Statement, EventMode.None, "010", true, "an", ["kündigte", "kündigten", "kündigt"], ["angekündigt"]);
        N(EventType.Statement, EventMode.None, "010", "erklärung", "ankündigung");
        // A denial of a report with no event of its own in the sentence ("Der Kreml dementierte den Bericht").
        V(EventType.Statement, EventMode.None, "010", true, "dementierte", "dementierten", "dementiert");
        V(EventType.Statement, EventMode.None, "010", true, "bekräftigte", "bekräftigten");

        // Proposals: mode PROPOSE; the type is COOPERATE unless the offer is a meeting.
        Sep(EventType.Cooperate, EventMode.Propose, "030", true, "vor", ["schlug", "schlugen", "schlägt", "schlagen"], ["vorgeschlagen", "vorschlug", "vorschlugen"]);
        Sep(EventType.Cooperate, EventMode.Propose, "030", true, "an", ["bot", "boten", "bietet"], ["angeboten"]);
        N(EventType.Cooperate, EventMode.Propose, "030", "vorschlag", "vorschläge", "angebot", "friedensvorschlag");

        Triggers = trig.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToArray(), cmp);
        TriggerLookup = Triggers.GetAlternateLookup<ReadOnlySpan<char>>();

        var actors = new Dictionary<string, ActorDef>(cmp);
        void A(string name, params string[] forms) { foreach (var f in forms) actors[f] = new ActorDef(name, false, false, false); }
        void Adj(string name, params string[] forms) { foreach (var f in forms) actors[f] = new ActorDef(name, true, false, false); }
        void G(string name, params string[] forms) { foreach (var f in forms) actors[f] = new ActorDef(name, false, true, false); }
        void M(string name, params string[] forms) { foreach (var f in forms) actors[f] = new ActorDef(name, false, false, true); }
        A("USA", "USA", "US", "Vereinigten", "Vereinigte", "US-Regierung", "US-Administration", "Kongress", "US-Kongress", "US-Vertreter", "Pentagon");
        G("USA", "Amerikaner", "Amerikanern", "Amerikanerinnen");
        Adj("USA", "amerikanische", "amerikanischen", "amerikanischer", "amerikanisch", "US-amerikanische", "US-amerikanischen");
        M("USA", "Washington", "Washingtons", "Weißen", "Weiße");
        A("Ukraine", "Ukraine", "Ukrainer", "Ukrainern");
        Adj("Ukraine", "ukrainische", "ukrainischen", "ukrainischer", "ukrainisch");
        M("Ukraine", "Kiew", "Kiews");
        A("Russland", "Russland", "Russlands", "Russen");
        M("Russland", "Kreml", "Kremls");
        Adj("Russland", "russische", "russischen", "russischer", "russisch", "Moskauer");
        M("Russland", "Moskau", "Moskaus");
        G("Europäer", "Europäer", "Europäern");
        Adj("Europäer", "europäische", "europäischen", "europäischer");
        A("EU", "EU", "EU-Kommission", "Kommission", "Europaparlament", "EU-Parlament", "EU-Außenminister");
        A("NATO", "Nato", "NATO", "Nato-Staaten", "Bündnis");
        A("UN", "UN", "Uno", "UNO", "Sicherheitsrat", "Vereinten");
        A("Deutschland", "Deutschland", "Deutschlands", "Bundesregierung", "Bundeswehr");
        Adj("Deutschland", "deutsche", "deutschen", "deutscher");
        M("Deutschland", "Berlin");
        A("Frankreich", "Frankreich", "Frankreichs", "Franzosen");
        Adj("Frankreich", "französische", "französischen");
        M("Frankreich", "Paris");
        A("Großbritannien", "Großbritannien", "Briten");
        Adj("Großbritannien", "britische", "britischen");
        M("Großbritannien", "London");
        A("China", "China", "Chinas", "Chinesen");
        Adj("China", "chinesische", "chinesischen");
        M("China", "Peking");
        A("Türkei", "Türkei");
        Adj("Türkei", "türkische", "türkischen");
        M("Türkei", "Ankara");
        A("Polen", "Polen", "Polens");
        Adj("Polen", "polnische", "polnischen");
        M("Polen", "Warschau");
        A("Israel", "Israel", "Israels");
        Adj("Israel", "israelische", "israelischen");
        A("Iran", "Iran", "Irans");
        Adj("Iran", "iranische", "iranischen");
        M("Iran", "Teheran");
        A("Hamas", "Hamas");
        A("Hisbollah", "Hisbollah");
        A("Katar", "Katar");
        A("Ägypten", "Ägypten");
        A("Saudi-Arabien", "Saudi-Arabien");
        A("Belarus", "Belarus");
        A("Ungarn", "Ungarn", "Ungarns");
        A("Japan", "Japan", "Japans");
        A("Indien", "Indien", "Indiens");
        A("Serbien", "Serbien");
        A("Kosovo", "Kosovo");
        A("Armenien", "Armenien");
        A("Aserbaidschan", "Aserbaidschan");
        A("Georgien", "Georgien");
        A("Moldau", "Moldau");
        A("Syrien", "Syrien");
        A("Venezuela", "Venezuela");
        A("Kanada", "Kanada");
        A("Litauen", "Litauen");
        A("Schweiz", "Schweiz");
        A("Belgien", "Belgien", "Belgiens");
        A("Lettland", "Lettland");
        A("Estland", "Estland");
        A("Nordkorea", "Nordkorea", "Nordkoreas");
        A("Südkorea", "Südkorea", "Südkoreas");
        A("Italien", "Italien", "Italiens");
        A("Spanien", "Spanien");
        A("Österreich", "Österreich");
        A("Niederlande", "Niederlande");
        A("Finnland", "Finnland");
        A("Schweden", "Schweden");
        A("Dänemark", "Dänemark");
        A("Rumänien", "Rumänien");
        A("Libanon", "Libanon");
        A("Palästinenser", "Palästinenser");
        Adj("Syrien", "syrische", "syrischen", "syrischer");
        Adj("Venezuela", "venezolanische", "venezolanischen");
        Adj("Georgien", "georgische", "georgischen");
        Adj("Belarus", "belarussische", "belarussischen");
        Adj("Litauen", "litauische", "litauischen");
        Adj("Ungarn", "ungarische", "ungarischen");
        Adj("Japan", "japanische", "japanischen");
        Adj("Indien", "indische", "indischen");
        Adj("Serbien", "serbische", "serbischen");
        Adj("Armenien", "armenische", "armenischen");
        Adj("Aserbaidschan", "aserbaidschanische", "aserbaidschanischen");
        Adj("Katar", "katarische", "katarischen");
        Adj("Ägypten", "ägyptische", "ägyptischen");
        Adj("Kanada", "kanadische", "kanadischen");
        Adj("Belgien", "belgische", "belgischen");
        Adj("Südkorea", "südkoreanische", "südkoreanischen");
        Adj("Nordkorea", "nordkoreanische", "nordkoreanischen");
        M("Georgien", "Tiflis");
        M("Venezuela", "Caracas");
        M("Syrien", "Damaskus");
        M("Serbien", "Belgrad");
        M("Ungarn", "Budapest");
        M("Belarus", "Minsk");
        M("Litauen", "Vilnius", "Wilna");
        M("Israel", "Jerusalem");
        A("Gewerkschaften", "Gewerkschaft", "Gewerkschaften", "Verdi");
        A("Opposition", "Opposition");
        void P(string name) { actors[name] = new ActorDef(name, false, false, false); actors[name + "s"] = new ActorDef(name, false, false, false); }
        foreach (var p in new[]
        {
            "Selenskyj", "Putin", "Trump", "Witkoff", "Kushner", "Dmitrijew", "Umjerow", "Peskow", "Lawrow", "Rubio", "Merz", "Macron",
            "Starmer", "Erdogan", "Netanjahu", "Sybiha", "Orban", "Tusk", "Meloni", "Scholz", "Wadephul", "Pistorius", "Guterres", "Rutte",
            "Vance", "Hegseth", "Uschakow", "Jermak", "Budanow", "Sikorski", "Kallas", "Costa", "Fico", "Lukaschenko", "Xi", "Modi", "Sánchez",
            "Stubb", "Frederiksen", "Carney", "Albanese", "Abbas", "Chamenei", "Araghtschi", "Fidan", "Wang", "Kellogg", "Driscoll", "Waltz",
            "Schoigu", "Medwedew", "Schmyhal", "Swyrydenko", "Klitschko", "Nawrocki", "Vučić", "Paschinjan", "Alijew", "Bessent", "Kornelius",
        }) P(p);
        actors["von der Leyen"] = new ActorDef("von der Leyen", false, false, false);
        actors["Leyen"] = new ActorDef("von der Leyen", false, false, false);
        Actors = actors.ToFrozenDictionary(cmp);
        ActorLookup = Actors.GetAlternateLookup<ReadOnlySpan<char>>();

        var places = new Dictionary<string, string>(cmp);
        foreach (var p in new[]
        {
            "Berlin", "Miami", "Moskau", "Kiew", "Washington", "Paris", "London", "Brüssel", "Genf", "Istanbul", "Ankara", "Riad", "Dschidda",
            "Doha", "Kairo", "Peking", "Tokio", "Wien", "Warschau", "Minsk", "Budapest", "Rom", "Madrid", "Davos", "München", "Hamburg",
            "Jerusalem", "Teheran", "Damaskus", "Beirut", "Belgrad", "Pristina", "Tiflis", "Eriwan", "Baku", "Odessa", "Charkiw", "Cherson",
            "Donezk", "Saporischschja", "Lwiw", "Mariupol", "Kursk", "Belgorod", "Helsinki", "Stockholm", "Oslo", "Kopenhagen", "Vilnius",
            "Riga", "Tallinn", "Prag", "Bratislava", "Bukarest", "Sofia", "Athen", "Ottawa", "Alaska", "Anchorage", "Straßburg", "Luxemburg",
            "Sotschi", "Ukraine", "Russland", "USA", "Türkei", "Schweiz", "Frankreich", "Deutschland", "Polen", "China", "Israel", "Katar",
            "Ägypten", "Saudi-Arabien", "Gazastreifen", "Libanon", "Syrien", "Iran", "Belarus", "Rafah", "Gaza", "Caracas", "Havanna",
            "Dnipro", "Sumy", "Pokrowsk", "Kramatorsk", "Bachmut", "Vatikan", "Mailand", "Florenz", "Bern", "Zürich", "Lissabon", "Dublin",
            "Oman", "Maskat", "Baku", "Antalya", "Kasan", "Grosny", "Minsk", "Chişinău", "Kischinau",
        }) places[p] = p;
        places["USA"] = "USA";
        places["Vereinigten"] = "USA";
        places["Gazastreifens"] = "Gazastreifen";
        Places = places.ToFrozenDictionary(cmp);
        PlaceLookup = Places.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static Cue CueOf(ReadOnlySpan<char> word) => CueLookup.TryGetValue(word, out var c) ? c : Cue.None;

    /// <summary>True for a title, also as the head of a compound (<c>Kremlsprecher</c>, <c>US-Sondergesandte</c>).</summary>
    public static bool IsTitle(ReadOnlySpan<char> word)
    {
        if ((CueOf(word) & Cue.Title) != 0) return true;
        foreach (var s in TitleSuffixes)
            if (word.Length > s.Length + 2 && word.EndsWith(s, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>The trigger readings of a word, also of a compound ending in a trigger head (<c>Friedensgespräche</c>).</summary>
    public static TriggerDef[]? TriggersOf(ReadOnlySpan<char> word, bool capitalised)
    {
        if (TriggerLookup.TryGetValue(word, out var defs)) return defs;
        if (!capitalised || word.Length < 8) return null;
        // Why: German compounds; the head (last part) decides the meaning, so only noun heads are tried.
        int hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 3 && TriggerLookup.TryGetValue(word[(hyphen + 1)..], out var byHyphen))
            return Array.FindAll(byHyphen, d => d.Noun) is { Length: > 0 } n ? n : null;
        foreach (var head in CompoundHeads)
        {
            if (word.Length > head.Length + 2 && word.EndsWith(head, StringComparison.OrdinalIgnoreCase)
                && TriggerLookup.TryGetValue(head, out var d))
                return Array.FindAll(d, x => x.Noun) is { Length: > 0 } n ? n : null;
        }
        return null;
    }
}
