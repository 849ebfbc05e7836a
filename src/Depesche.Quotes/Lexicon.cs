using System.Collections.Frozen;

namespace Depesche.Quotes;

/// <summary>Word classes the quote rules look at. A word may be in several.</summary>
[Flags]
internal enum Lex : uint
{
    None = 0,
    Cue = 1 << 0,            // finite or participle form of a speech/cue verb (see CueVerb)
    Konj1 = 1 << 1,          // unambiguous Konjunktiv I (sei, habe, werde, …)
    Konj2 = 1 << 2,          // Konjunktiv II (wäre, hätte, würde, …)
    Pronoun = 1 << 3,        // er, sie (as speakers)
    Determiner = 1 << 4,     // der, die, ein, sein, …
    Preposition = 1 << 5,    // stops a noun phrase
    Adverb = 1 << 6,         // stops a noun phrase
    Complementizer = 1 << 7, // dass, ob
    WhWord = 1 << 8,         // wann, wer, wo, warum, wie, was, …
    Laut = 1 << 9,
    Zufolge = 1 << 10,
    Angaben = 1 << 11,       // Angaben, Informationen, Berichten (after "nach")
    Wie = 1 << 12,
    Coord = 1 << 13,         // und, sowie, oder
    Negation = 1 << 14,      // nicht
    Outlet = 1 << 15,        // Medien, Zeitung, Portal, Sender, …
    Agency = 1 << 16,        // Nachrichtenagentur, dpa, Reuters, Interfax, …
    Circle = 1 << 17,        // Kreise, Insider, Quellen, Diplomaten, Beamter, …
    AnonMarker = 1 << 18,    // namentlich, anonym, ungenannt
    Describer = 1 << 19,     // Sprecher, Regierung, Polizei, …: a described (not named) speaker
    Anaphor = 1 << 20,       // Das, Dies, So at sentence start before a cue
    Berufung = 1 << 21,
    Relative = 1 << 22,      // der, die, das, welche after a comma
    Verbish = 1 << 23,       // frequent finite verbs that end a noun phrase (ist, hat, wird, …)
    Person = 1 << 24,        // titles that introduce a person: Präsident, Minister, Sprecher, Kanzler, …
}

[Flags]
internal enum CueFlags : byte
{
    None = 0,
    Say = 1,        // takes a clause: dass, Konjunktiv, V2 after comma or colon
    Report = 2,     // takes an object: "lehnt … ab", "fordert …"
    Deny = 4,
    Confirm = 8,
    Write = 16,
    Think = 32,
    NoSubject = 64, // "hieß es"
}

/// <summary>A cue verb form: the lemma, the separable particle it needs at the clause end (or null), and what it takes.</summary>
internal sealed record CueVerb(string Lemma, string? Particle, CueFlags Flags);

internal static class Lexicon
{
    // Lemma; particle (or -); flags (S=say R=report D=deny C=confirm W=write T=think N=no subject); base forms (3sg/3pl present, past; the participle last).
    // For a separable verb the base forms need the particle at the clause end; the joined forms (particle+form) and the participle do not.
    private const string Verbs = """
        sagen;-;S;sagt sagen sagte sagten gesagt
        erklären;-;SR;erklärt erklären erklärte erklärten
        betonen;-;S;betont betonen betonte betonten
        mitteilen;mit;S;teilt teilen teilte teilten mitgeteilt
        ankündigen;an;SR;kündigt kündigen kündigte kündigten angekündigt
        berichten;-;SR;berichtet berichten berichtete berichteten
        schreiben;-;SW;schreibt schreiben schrieb schrieben geschrieben
        warnen;-;SR;warnt warnen warnte warnten gewarnt
        fordern;-;SR;fordert fordern forderte forderten gefordert
        ablehnen;ab;R;lehnt lehnen lehnte lehnten abgelehnt
        zurückweisen;zurück;RD;weist weisen wies wiesen zurückgewiesen
        bestätigen;-;SRC;bestätigt bestätigen bestätigte bestätigten
        dementieren;-;SRD;dementiert dementieren dementierte dementierten
        bestreiten;-;SRD;bestreitet bestreiten bestritt bestritten
        meinen;-;ST;meint meinen meinte meinten
        äußern;-;SR;äußert äußern äußerte äußerten geäußert
        erläutern;-;S;erläutert erläutern erläuterte erläuterten
        hinzufügen;hinzu;S;fügt fügen fügte fügten hinzugefügt
        ergänzen;-;S;ergänzt ergänzen ergänzte ergänzten
        unterstreichen;-;S;unterstreicht unterstreichen unterstrich unterstrichen
        versichern;-;S;versichert versichern versicherte versicherten
        behaupten;-;S;behauptet behaupten behauptete behaupteten
        verkünden;-;SR;verkündet verkünden verkündete verkündeten
        bekanntgeben;bekannt;SR;gibt geben gab gaben bekanntgegeben
        angeben;an;SR;gibt geben gab gaben angegeben
        einräumen;ein;S;räumt räumen räumte räumten eingeräumt
        zugeben;zu;S;gibt geben gab gaben zugegeben
        vorwerfen;vor;SR;wirft werfen warf warfen vorgeworfen
        kritisieren;-;SR;kritisiert kritisieren kritisierte kritisierten
        begründen;-;S;begründet begründen begründete begründeten
        argumentieren;-;S;argumentiert argumentieren argumentierte argumentierten
        antworten;-;S;antwortet antworten antwortete antworteten
        bekräftigen;-;SR;bekräftigt bekräftigen bekräftigte bekräftigten
        hinweisen;hin;SR;weist weisen wies wiesen hingewiesen
        klarstellen;klar;S;stellt stellen stellte stellten klargestellt
        feststellen;fest;S;stellt stellen stellte stellten festgestellt
        mahnen;-;S;mahnt mahnen mahnte mahnten gemahnt
        melden;-;S;meldet melden meldete meldeten gemeldet
        zitieren;-;S;zitiert zitieren zitierte zitierten
        verlangen;-;SR;verlangt verlangen verlangte verlangten
        drohen;-;SR;droht drohen drohte drohten
        versprechen;-;SR;verspricht versprechen versprach versprachen
        erwidern;-;S;erwidert erwidern erwiderte erwiderten
        entgegnen;-;S;entgegnet entgegnen entgegnete entgegneten
        bezeichnen;-;R;bezeichnet bezeichnen bezeichnete bezeichneten
        sprechen;-;R;spricht sprechen sprach sprachen
        glauben;-;ST;glaubt glauben glaubte glaubten
        befürchten;-;ST;befürchtet befürchten befürchtete befürchteten
        hoffen;-;ST;hofft hoffen hoffte hofften
        vermuten;-;ST;vermutet vermuten vermutete vermuteten
        schätzen;-;STR;schätzt schätzen schätzte schätzten
        erwarten;-;ST;erwartet erwarten erwartete erwarteten
        ausgehen;aus;STR;geht gehen ging gingen
        annehmen;an;ST;nimmt nehmen nahm nahmen
        heißen;-;SN;heißt hieß
        zeigen;-;S;zeigte zeigten
        appellieren;-;R;appelliert appellieren appellierte appellierten
        beklagen;-;SR;beklagt beklagen beklagte beklagten
        loben;-;R;lobt loben lobte lobten
        begrüßen;-;SR;begrüßt begrüßen begrüßte begrüßten
        verurteilen;-;R;verurteilt verurteilen verurteilte verurteilten
        anordnen;an;R;ordnet ordnen ordnete ordneten
        aufrufen;auf;R;ruft rufen rief riefen aufgerufen
        vorschlagen;vor;SR;schlägt schlagen schlug schlugen vorgeschlagen
        twittern;-;SW;twittert twitterten twitterte
        beschreiben;-;S;beschreibt beschreiben beschrieb beschrieben
        ausschließen;aus;R;schließt schließen schloss schlossen
        zusagen;zu;R;sagt sagen sagte sagten zugesagt
        absagen;ab;R;sagt sagen sagte sagten abgesagt
        herausfinden;heraus;S;findet finden fand fanden herausgefunden
        ergeben;-;S;ergibt ergab ergaben
        ermitteln;-;S;ermittelt ermitteln ermittelte ermittelten
        belegen;-;S;belegt belegen belegte belegten
        hervorheben;hervor;S;hebt heben hob hoben hervorgehoben
        auffordern;auf;SR;fordert fordern forderte forderten aufgefordert
        empfehlen;-;SR;empfiehlt empfehlen empfahl empfahlen empfohlen
        raten;-;SR;rät raten riet rieten geraten
        bitten;-;SR;bittet bitten bat baten gebeten
        erinnern;-;S;erinnert erinnern erinnerte erinnerten
        bezweifeln;-;ST;bezweifelt bezweifeln bezweifelte bezweifelten
        prognostizieren;-;S;prognostiziert prognostizieren prognostizierte prognostizierten
        bemängeln;-;SR;bemängelt bemängeln bemängelte bemängelten
        beanstanden;-;SR;beanstandet beanstanden beanstandete beanstandeten
        gestehen;-;S;gesteht gestehen gestand gestanden
        kommentieren;-;SR;kommentiert kommentieren kommentierte kommentierten
        nennen;-;R;nennt nennen nannte nannten genannt
        beschuldigen;-;SR;beschuldigt beschuldigen beschuldigte beschuldigten
        wissen;-;ST;weiß wissen wusste wussten
        vorhersagen;vorher;S;sagt sagen sagte sagten vorhergesagt
        verweisen;-;SR;verweist verweisen verwies verwiesen
        zusichern;zu;S;sichert sichern sicherte sicherten zugesichert
        festhalten;fest;S;hält halten hielt hielten festgehalten
        einschätzen;ein;S;schätzt schätzen schätzte schätzten eingeschätzt
        rechnen;-;ST;rechnet rechnen rechnete rechneten gerechnet
        fürchten;-;ST;fürchtet fürchten fürchtete fürchteten
        beteuern;-;S;beteuert beteuern beteuerte beteuerten
        signalisieren;-;S;signalisiert signalisieren signalisierte signalisierten
        unterstellen;-;S;unterstellt unterstellen unterstellte unterstellten
        würdigen;-;R;würdigt würdigen würdigte würdigten gewürdigt
        vergleichen;-;R;vergleicht vergleichen verglich verglichen
        attackieren;-;R;attackiert attackieren attackierte attackierten
        beziffern;-;R;beziffert beziffern bezifferte bezifferten
        anregen;an;R;regt regen regte regten angeregt
        anprangern;an;R;prangert prangern prangerte prangerten angeprangert
        dokumentieren;-;R;dokumentiert dokumentieren dokumentierte dokumentierten
        ausführen;aus;S;führt führen führte führten ausgeführt
        erwähnen;-;S;erwähnt erwähnen erwähnte erwähnten
        besagen;-;S;besagt besagen besagte besagten
        erzählen;-;S;erzählt erzählen erzählte erzählten
        vermelden;-;S;vermeldet vermelden vermeldete vermeldeten
        darlegen;dar;S;legt legen legte legten dargelegt
        bemerken;-;S;bemerkt bemerken bemerkte bemerkten
        konstatieren;-;S;konstatiert konstatieren konstatierte konstatierten
        bedauern;-;ST;bedauert bedauern bedauerte bedauerten
        erwägen;-;ST;erwägt erwägen erwog erwogen
        aussagen;aus;S;sagt sagen sagte sagten ausgesagt
        plädieren;-;R;plädiert plädieren plädierte plädierten
        entscheiden;-;S;entscheidet entscheiden entschied entschieden
        hervorgehen;hervor;S;geht gehen ging gingen hervorgegangen
        """;

    private static readonly string[] Konj1 = ["sei", "seien", "seiest", "habe", "werde", "solle", "könne", "müsse", "wolle", "dürfe", "möge", "gebe",
        "wisse", "liege", "gehe", "komme", "stehe", "bleibe", "lasse", "brauche", "plane", "handle", "handele", "gelte", "sehe", "halte", "trage",
        "führe", "mache", "arbeite", "setze", "stelle", "bringe", "finde", "verfüge", "befinde", "fehle", "drohe", "zeige", "erwarte", "wünsche",
        "beabsichtige", "strebe", "nehme", "gelange", "bestehe", "hänge", "lebe", "spiele", "erfolge", "bedeute", "betrage", "reiche", "laufe", "sitze",
        "treffe", "fahre", "wachse", "sinke", "steige", "entstehe", "benötige", "besitze",
        "funktioniere", "richte", "ruhe", "rate", "diene", "schütze", "entwickle", "bestimme", "beginne", "folge", "gehöre", "glaube", "hoffe",
        "kenne", "koste", "lohne", "passe", "prüfe", "rechne", "schade", "spreche", "stimme", "verliere", "versuche", "warte", "wirke", "zahle",
        "helfe", "leide", "liefere", "erfülle", "ermögliche", "verhindere", "unterstütze", "fordere", "biete", "erhalte", "enthalte", "verlange",
        "bemühe", "stamme", "wende", "ende", "teile", "sorge", "suche", "vertrete", "beziehe", "verfolge", "erkläre", "beschäftige", "gestalte"];
    private static readonly string[] Konj2 = ["wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte", "könnten", "müsste", "müssten", "dürfte",
        "dürften", "gäbe", "käme", "wüsste", "sollte", "sollten", "kämen", "lägen", "befänden", "stünden", "bestünden", "ginge", "hieße", "fände", "bräuchte", "bliebe", "stände"];
    private static readonly string[] Pronouns = ["er", "sie"];
    private static readonly string[] Determiners = ["der", "die", "das", "des", "dem", "den", "ein", "eine", "einer", "eines", "einem", "einen",
        "sein", "seine", "seiner", "seines", "seinem", "seinen", "ihr", "ihre", "ihrer", "ihres", "ihrem", "ihren", "dessen", "deren",
        "mehrere", "einige", "viele", "zwei", "drei", "beide", "beiden", "alle", "andere", "anderen", "dieser", "diese", "dieses", "diesem", "diesen",
        "jener", "kein", "keine", "zahlreiche", "manche", "verschiedene", "weitere", "weiteren", "unser", "unsere"];
    private static readonly string[] Prepositions = ["am", "im", "in", "an", "auf", "aus", "bei", "beim", "mit", "nach", "seit", "vor", "zu", "zum",
        "zur", "von", "vom", "gegenüber", "unter", "über", "für", "durch", "ohne", "gegen", "um", "vom", "ins", "ans", "während", "wegen", "trotz", "bis", "als",
        "bezüglich", "angesichts", "hinsichtlich", "aufgrund", "infolge", "anlässlich", "seitens", "zwecks", "mittels",
        "innerhalb", "außerhalb", "jenseits", "ungeachtet"];
    private static readonly string[] Adverbs = ["auch", "zudem", "außerdem", "weiter", "weiterhin", "bereits", "jedoch", "aber", "nun", "heute",
        "gestern", "dann", "später", "ebenfalls", "zunächst", "noch", "bislang", "bisher", "erneut", "inzwischen", "demnach", "dazu", "darüber",
        "damals", "jetzt", "sogar", "schon", "allerdings", "dagegen", "deshalb", "daher", "also", "ferner", "vorher", "zuvor", "zuletzt",
        "nochmals", "abschließend", "ausdrücklich", "offenbar", "offensichtlich", "angeblich", "wörtlich", "wiederholt", "mehrfach",
        "davon", "darauf", "daran", "dabei", "hierzu", "hierbei", "dort", "hier", "so", "ja", "doch", "stets", "immer", "kürzlich", "vergangene",
        "vergangenen", "morgen", "zugleich", "gleichzeitig", "indes", "indessen", "unterdessen", "wieder", "lediglich", "nur", "kategorisch", "hingegen", "offiziell", "sinngemäß", "anschließend", "derzeit", "daraufhin", "dennoch",
        "trotzdem", "ebenso", "weiterhin", "ausserdem", "nämlich", "insgesamt", "zwar", "vielmehr", "stattdessen", "erst", "wohl", "bald", "kaum", "gern", "gerne",
        "mittlerweile", "letztlich", "damit", "darin", "dadurch", "danach", "davor", "daher", "da", "zuvor", "dafür", "dagegen", "darum", "somit", "folglich", "ebenfalls", "schließlich", "endlich", "plötzlich", "übereinstimmend", "gemeinsam", "öffentlich", "einst", "laut",
        "tatsächlich", "überraschend", "überraschenderweise", "insbesondere", "gegenwärtig", "vermutlich", "möglicherweise", "wahrscheinlich",
        "ursprünglich", "letztendlich", "schlussendlich", "grundsätzlich", "gleichwohl", "anfangs", "erstmals", "zuerst", "zwischenzeitlich",
        "sodann", "eigentlich", "immerhin", "jedenfalls", "keineswegs", "natürlich", "selbstverständlich", "offenkundig",
        "zumindest", "mindestens", "besonders", "deutlich", "kurz", "neuerdings", "anscheinend", "scheinbar", "vorgestern", "übermorgen", "heuer"];
    private static readonly string[] WhWords = ["wann", "wer", "wo", "warum", "wie", "was", "welche", "welcher", "welches", "welchen", "weshalb",
        "wieso", "inwieweit", "wohin", "woher", "weswegen", "wen", "wem", "wieviel", "wieviele", "worauf", "worüber", "womit"];
    private static readonly string[] Outlets = ["Medien", "Medienberichten", "Medienbericht", "Zeitung", "Zeitungen", "Blatt", "Magazin", "Nachrichtenmagazin",
        "Nachrichtenportal", "Nachrichtenportale", "Nachrichtenportals", "Portal", "Portale", "Sender", "Fernsehsender", "Fernsehen", "Rundfunk",
        "Bericht", "Berichten", "Berichte", "Berichtes", "Berichts", "US-Berichten", "US-Medien", "Staatsmedien", "Staatsfernsehen", "Tageszeitung",
        "Wochenzeitung", "Zeitschrift", "Onlineausgabe", "Website", "Webseite", "Nachrichtensender", "Radiosender", "Fernsehsenders", "Zeitungsbericht",
        "Presseberichten", "Pressebericht", "Medienberichte"];
    private static readonly string[] Agencies = ["Nachrichtenagentur", "Nachrichtenagenturen", "Agentur", "dpa", "dpa-AFX", "Reuters", "AFP", "AP",
        "Interfax", "Interfax-Ukraina", "Tass", "RIA", "Xinhua", "Anadolu", "Ukrinform", "Bloomberg", "KNA", "epd", "Unian", "Yonhap", "Kyodo", "ANSA", "Efe", "APA", "SDA"];
    private static readonly string[] Circles = ["Kreise", "Kreisen", "Regierungskreise", "Regierungskreisen", "Diplomaten", "Diplomatenkreisen", "Insider",
        "Insidern", "Quellen", "Quelle", "Beamter", "Beamten", "Beamte", "Informanten", "Informant", "Sicherheitskreisen", "Sicherheitskreise",
        "Verhandlungskreisen", "Parteikreisen", "Koalitionskreisen", "Branchenkreisen", "Unternehmenskreisen", "Teilnehmer", "Personen", "Person",
        "Mitarbeiter", "Vertraute", "Vertrauten"];
    private static readonly string[] AnonMarkers = ["namentlich", "ungenannt", "ungenannte", "ungenannter", "ungenannten", "anonym", "anonyme",
        "anonymer", "anonymen", "informierte", "informierten", "informierter", "gut", "unterrichtete", "unterrichteten", "vertraute", "vertrauten"];
    private static readonly string[] Describers = ["Sprecher", "Sprecherin", "Regierungssprecher", "Regierungssprecherin", "Regierung", "Polizei",
        "Ministerium", "Experten", "Experte", "Behörden", "Behörde", "Vertreter", "Vertreterin", "Staatsanwaltschaft", "Unternehmen", "Konzern",
        "Polizeisprecher", "Polizeisprecherin", "Ermittler", "Analysten", "Beobachter", "Kritiker", "Augenzeugen", "Zeugen", "Angaben",
        "Informationen", "Gericht", "Diplomat", "Diplomatin", "Beamtin", "Insiderin", "Mitarbeiterin", "Ermittlerin", "Armee", "Militär", "Verband", "Gewerkschaft", "Partei", "Kommission", "Opposition", "Veranstalter", "Statistiker"];
    private static readonly string[] PersonTitles = ["Präsident", "Präsidentin", "Minister", "Ministerin", "Kanzler", "Kanzlerin", "Sprecher",
        "Sprecherin", "Kremlsprecher", "Regierungschef", "Regierungschefin", "Chef", "Chefin", "Vorsitzende", "Vorsitzender", "Bürgermeister",
        "Bürgermeisterin", "Außenminister", "Außenministerin", "Verteidigungsminister", "Innenminister", "Finanzminister", "Gesandte", "Sondergesandte",
        "Berater", "Beraterin", "Generalsekretär", "Premierminister", "Ministerpräsident", "Ministerpräsidentin", "Staatschef", "Kremlchef",
        "Bundeskanzler", "Bundeskanzlerin", "Bundespräsident", "Unterhändler", "Chefunterhändler", "Trainer", "Direktor", "Direktorin", "Anwalt", "Anwältin"];
    private static readonly string[] Verbish = ["ist", "sind", "war", "waren", "hat", "haben", "hatte", "hatten", "wird", "werden", "wurde", "wurden",
        "kann", "können", "konnte", "soll", "muss", "müssen", "will", "wollen", "darf", "gibt", "gab", "geht", "steht", "liegt", "kommt"];

    private static readonly FrozenDictionary<string, Entry> Words = Build();
    private static readonly FrozenDictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cue verbs by id; <see cref="Entry.Verbs"/> indexes into this.</summary>
    internal static readonly CueVerb[] CueVerbs = ParseVerbs(out _);

    internal readonly record struct Entry(Lex Flags, int[]? Verbs);

    internal static Entry Get(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var e) ? e : default;

    private static CueVerb[] ParseVerbs(out List<(string Form, int Verb)> forms)
    {
        var verbs = new List<CueVerb>();
        forms = [];
        foreach (var raw in Verbs.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var parts = line.Split(';');
            string? particle = parts[1] == "-" ? null : parts[1];
            var flags = CueFlags.None;
            foreach (char c in parts[2])
                flags |= c switch { 'S' => CueFlags.Say, 'R' => CueFlags.Report, 'D' => CueFlags.Deny, 'C' => CueFlags.Confirm, 'W' => CueFlags.Write, 'T' => CueFlags.Think, 'N' => CueFlags.NoSubject, _ => throw new InvalidOperationException(line) };
            int id = verbs.Count;
            var sep = new CueVerb(parts[0], particle, flags);
            verbs.Add(sep);
            var fs = parts[3].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (particle is null)
            {
                foreach (var f in fs) forms.Add((f, id));
            }
            else
            {
                // Why: "teilte … mit" needs its particle; "mitteilte" (subordinate clause) and "mitgeteilt" do not.
                int joined = verbs.Count;
                verbs.Add(sep with { Particle = null });
                foreach (var f in fs)
                {
                    if (f.StartsWith(particle, StringComparison.Ordinal)) { forms.Add((f, joined)); continue; }
                    forms.Add((f, id));
                    forms.Add((particle + f, joined));
                }
            }
        }
        return [.. verbs];
    }

    private static FrozenDictionary<string, Entry> Build()
    {
        var d = new Dictionary<string, (Lex Flags, List<int>? Verbs)>(StringComparer.OrdinalIgnoreCase);
        void Add(IEnumerable<string> words, Lex flag)
        {
            foreach (var w in words)
            {
                d.TryGetValue(w, out var e);
                d[w] = (e.Flags | flag, e.Verbs);
            }
        }
        ParseVerbs(out var forms);
        foreach (var (form, verb) in forms)
        {
            d.TryGetValue(form, out var e);
            var list = e.Verbs ?? [];
            list.Add(verb);
            d[form] = (e.Flags | Lex.Cue, list);
        }
        Add(Konj1, Lex.Konj1);
        Add(Konj2, Lex.Konj2);
        Add(Pronouns, Lex.Pronoun);
        Add(Determiners, Lex.Determiner);
        Add(Prepositions, Lex.Preposition);
        Add(Adverbs, Lex.Adverb);
        Add(["dass", "daß", "ob"], Lex.Complementizer);
        Add(WhWords, Lex.WhWord);
        Add(["laut"], Lex.Laut);
        Add(["zufolge"], Lex.Zufolge);
        Add(["Angaben", "Informationen", "Darstellung", "Aussagen", "Einschätzung", "Schätzungen", "Berichten", "Worten"], Lex.Angaben);
        Add(["wie"], Lex.Wie);
        Add(["und", "sowie", "oder"], Lex.Coord);
        Add(["nicht", "nie", "keine", "kein"], Lex.Negation);
        Add(Outlets, Lex.Outlet);
        Add(Agencies, Lex.Agency);
        Add(Circles, Lex.Circle);
        Add(AnonMarkers, Lex.AnonMarker);
        Add(Describers, Lex.Describer);
        Add(["das", "dies", "dieses", "so", "das", "diese"], Lex.Anaphor);
        Add(["Berufung"], Lex.Berufung);
        Add(["der", "die", "das", "welche", "welcher", "welches", "den", "dem", "deren", "dessen", "wo", "was"], Lex.Relative);
        Add(Verbish, Lex.Verbish);
        Add(PersonTitles, Lex.Person);
        return d.ToFrozenDictionary(kv => kv.Key, kv => new Entry(kv.Value.Flags, kv.Value.Verbs?.ToArray()), StringComparer.OrdinalIgnoreCase);
    }
}
