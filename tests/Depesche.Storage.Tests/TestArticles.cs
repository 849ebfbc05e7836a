using System.Collections.Immutable;
using Depesche.Core;

namespace Depesche.Storage.Tests;

/// <summary>Small invented German wire texts, built in code with their metadata and entity layers (no tokenizer needed).</summary>
public static class TestArticles
{
    public static readonly Producer TestProducer = new("test.v1");

    /// <summary>
    /// A wire article: <c>DATELINE (AGENCY) - body</c> with the headline on the first line, version markers
    /// taken from the headline, entities given by surface text (first occurrence) and type.
    /// </summary>
    public static Analysis Wire(
        string headline, string body, string agency = "dpa", string dateline = "BERLIN", string date = "2025-03-14",
        string? outlet = null, (string Surface, EntityType Type)[]? entities = null, (string Surface, string Value)[]? times = null,
        VersionKind? marker = null, int? markerNumber = null, string? file = null, long? line = null)
    {
        var lead = $"{dateline} ({agency}) - ";
        var text = headline + "\n\n" + lead + body;
        var datelineStart = headline.Length + 2;
        var bodyStart = datelineStart + lead.Length;
        var markers = ImmutableArray<VersionMarker>.Empty;
        if (marker is { } k)
        {
            var word = k switch { VersionKind.Roundup => "ROUNDUP", VersionKind.Correction => "KORREKTUR", VersionKind.Repeat => "WDH", _ => k.ToString().ToUpperInvariant() };
            int at = headline.IndexOf(word, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"headline lacks the marker {word}");
            markers = [new VersionMarker(k, markerNumber, new TextRange(at, at + word.Length + (markerNumber is null ? 0 : 2)))];
        }
        var article = new Article
        {
            Id = Article.IdFromText(text),
            Text = text,
            Headline = new TextRange(0, headline.Length),
            Body = new TextRange(bodyStart, text.Length),
            DatelineRange = new TextRange(datelineStart, bodyStart - 1),
            Source = new ArticleSource
            {
                Agency = agency,
                AgencyRange = new TextRange(datelineStart + dateline.Length + 2, datelineStart + dateline.Length + 2 + agency.Length),
                Outlet = outlet,
                Published = new PublicationTime(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)),
                Datelines = [new Dateline(dateline, new TextRange(datelineStart, datelineStart + dateline.Length))],
                VersionMarkers = markers,
                Url = $"https://example.org/{Article.IdFromText(text)}",
            },
            Origin = new SourceLocation(file ?? "test.txt", line ?? 1),
        };
        var analysis = new Analysis(article);
        var mentions = new List<EntityMention>();
        foreach (var (surface, type) in entities ?? [])
        {
            int at = text.IndexOf(surface, bodyStart, StringComparison.Ordinal);
            if (at < 0) at = text.IndexOf(surface, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{surface}' is not in the text");
            mentions.Add(new EntityMention(at, at + surface.Length, type, EntityFlags.None, 0, 0.9f));
        }
        analysis = analysis.With(new Layer<EntityMention>(LayerName.Entities, TestProducer, mentions));
        var exprs = new List<TimeExpression>();
        foreach (var (surface, value) in times ?? [])
        {
            int at = text.IndexOf(surface, StringComparison.Ordinal);
            exprs.Add(new TimeExpression(at, at + surface.Length, TimexType.Date, value, TimexMod.None));
        }
        return analysis.With(new Layer<TimeExpression>(LayerName.Times, TestProducer, exprs));
    }

    public static Analysis Verhandlungen(string date = "2025-03-14") => Wire(
        "Koalition setzt Verhandlungen fort",
        "Die Verhandlungen über den Haushalt gehen am Montag weiter. Bundeskanzler Olaf Scholz sagte, man sei einer Einigung nahe. " +
        "Die Union kritisierte die Pläne der Regierung scharf. Ein Sprecher des Finanzministeriums wollte sich nicht äußern.",
        date: date,
        entities: [("Olaf Scholz", EntityType.Person), ("Union", EntityType.Organisation), ("Finanzministeriums", EntityType.Organisation)],
        times: [("am Montag", "2025-03-17")]);

    public static Analysis Gaza(string date = "2025-03-20") => Wire(
        "Waffenruhe im Gazastreifen hält",
        "Die Waffenruhe im Gazastreifen hält nach Angaben der Vermittler. Katar und Ägypten riefen beide Seiten zur Zurückhaltung auf. " +
        "Hilfsorganisationen meldeten, dass erstmals seit Wochen wieder Lastwagen mit Lebensmitteln die Grenze passierten.",
        agency: "Reuters", dateline: "KAIRO", date: date,
        entities: [("Gazastreifen", EntityType.Location), ("Katar", EntityType.Location), ("Ägypten", EntityType.Location)]);

    public static Analysis Macron(string date = "2025-04-02") => Wire(
        "Scholz und Macron beraten über Verteidigung",
        "Bundeskanzler Olaf Scholz und Frankreichs Präsident Emmanuel Macron haben in Paris über eine gemeinsame Verteidigungspolitik beraten. " +
        "Waffen sollen künftig gemeinsam beschafft werden. Beide lobten die Zusammenarbeit.",
        agency: "AFP", dateline: "PARIS", date: date,
        entities: [("Olaf Scholz", EntityType.Person), ("Emmanuel Macron", EntityType.Person), ("Paris", EntityType.Location)]);

    public static Analysis Putin(string date = "2025-04-10") => Wire(
        "Putin droht dem Westen",
        "Der russische Präsident Wladimir Putin hat dem Westen mit Konsequenzen gedroht. Bundeskanzler Olaf Scholz wies die Drohungen zurück. " +
        "Die Gespräche über eine Waffenruhe in der Ukraine kommen nicht voran.",
        agency: "dpa", dateline: "MOSKAU", date: date,
        entities: [("Wladimir Putin", EntityType.Person), ("Olaf Scholz", EntityType.Person), ("Ukraine", EntityType.Location)]);

    public const string StrikeBody =
        "Die Gewerkschaft Verdi hat die Beschäftigten der Lufthansa für Donnerstag zu einem ganztägigen Warnstreik aufgerufen. " +
        "Betroffen sind die Flughäfen Frankfurt und München. Die Fluggesellschaft rechnet mit zahlreichen Ausfällen und rät Reisenden, " +
        "sich vor der Fahrt zum Flughafen über den Status ihres Fluges zu informieren. Verdi fordert zwölf Prozent mehr Lohn.";

    public static Analysis Strike() => Wire("Verdi ruft zu Warnstreik bei Lufthansa auf", StrikeBody, dateline: "FRANKFURT", date: "2025-02-05",
        entities: [("Verdi", EntityType.Organisation), ("Lufthansa", EntityType.Organisation), ("Frankfurt", EntityType.Location)]);

    /// <summary>The roundup of <see cref="Strike"/>: same agency and dateline, a marker, and new paragraphs.</summary>
    public static Analysis StrikeRoundup() => Wire("ROUNDUP 2: Verdi ruft zu Warnstreik bei Lufthansa auf - Hunderte Flüge gestrichen",
        StrikeBody + " Inzwischen hat die Lufthansa Hunderte Flüge gestrichen. Ein Sprecher sagte, der Streik sei unverhältnismäßig. " +
        "Die Arbeitgeber wollen am Freitag ein neues Angebot vorlegen.",
        dateline: "FRANKFURT", date: "2025-02-05", marker: VersionKind.Roundup, markerNumber: 2,
        entities: [("Verdi", EntityType.Organisation), ("Lufthansa", EntityType.Organisation), ("Frankfurt", EntityType.Location)]);

    /// <summary>The same story copied by another outlet from another agency feed, with small edits.</summary>
    public static Analysis StrikeElsewhere() => Wire("Warnstreik: Lufthansa-Passagiere müssen mit Ausfällen rechnen",
        StrikeBody.Replace("zahlreichen Ausfällen", "zahlreichen Flugausfällen", StringComparison.Ordinal),
        agency: "AFP", dateline: "FRANKFURT/MAIN", date: "2025-02-05", outlet: "Hessenschau",
        entities: [("Verdi", EntityType.Organisation), ("Lufthansa", EntityType.Organisation)]);

    /// <summary>A follow-up of <see cref="Strike"/> the next day from another dateline: the same story, new text.</summary>
    public static Analysis StrikeFollowUp() => Wire("Lufthansa-Warnstreik: Verdi kündigt weitere Streiks an",
        "Nach dem ganztägigen Warnstreik bei der Lufthansa hat die Gewerkschaft Verdi weitere Arbeitsniederlegungen angekündigt. " +
        "Die Fluggesellschaft zählte Hunderte Ausfälle in Frankfurt und München. Die Beschäftigten seien zu weiteren Warnstreiks bereit, " +
        "wenn die Lufthansa kein besseres Angebot vorlege, sagte eine Sprecherin von Verdi.",
        dateline: "BERLIN", date: "2025-02-06",
        entities: [("Lufthansa", EntityType.Organisation), ("Verdi", EntityType.Organisation), ("Frankfurt", EntityType.Location), ("München", EntityType.Location)]);

    /// <summary>Another story on the same topic (a strike), not a copy.</summary>
    public static Analysis OtherStrike() => Wire("Bahnstreik legt Fernverkehr lahm",
        "Die Lokführergewerkschaft GDL hat den Fernverkehr der Deutschen Bahn bundesweit lahmgelegt. Pendler mussten auf Busse ausweichen. " +
        "Die Bahn nannte den Streik überzogen und kündigte einen Notfahrplan an.",
        dateline: "BERLIN", date: "2025-02-06",
        entities: [("GDL", EntityType.Organisation), ("Deutschen Bahn", EntityType.Organisation)]);

    private static readonly string[] Sentences =
    [
        "Die Bundesregierung hat sich auf einen neuen Haushalt geeinigt.",
        "Die Opposition kritisierte die Pläne als unzureichend.",
        "Nach Angaben der Polizei wurde niemand verletzt.",
        "Der Bundestag soll noch in dieser Woche abstimmen.",
        "Die Verhandlungen dauerten bis tief in die Nacht.",
        "Ein Sprecher des Ministeriums bestätigte die Angaben.",
        "Die Preise für Energie sind im vergangenen Monat gestiegen.",
        "Die Europäische Zentralbank ließ den Leitzins unverändert.",
        "Tausende Menschen demonstrierten in der Innenstadt.",
        "Die Feuerwehr war mit einem Großaufgebot im Einsatz.",
        "Der Aufsichtsrat will am Donnerstag über die Nachfolge entscheiden.",
        "Experten rechnen mit weiteren Verzögerungen.",
        "Die Gewerkschaft drohte mit weiteren Streiks.",
        "Das Unternehmen meldete einen Rekordgewinn.",
        "Die Ermittlungen dauern an.",
        "Die Wahlbeteiligung lag bei knapp siebzig Prozent.",
    ];

    private static readonly string[] Places = ["BERLIN", "HAMBURG", "MÜNCHEN", "KÖLN", "FRANKFURT", "BRÜSSEL", "WIEN", "ZÜRICH"];

    /// <summary>A deterministic synthetic corpus: <paramref name="n"/> distinct articles recombined from a few sentences.</summary>
    public static IEnumerable<Analysis> Generate(int n, int seed = 7)
    {
        var rng = new Random(seed);
        for (int i = 0; i < n; i++)
        {
            var body = string.Join(' ', Enumerable.Range(0, 4 + rng.Next(4)).Select(_ => Sentences[rng.Next(Sentences.Length)])) + $" Meldung Nummer {i}.";
            yield return Wire($"Meldung {i}: {Sentences[rng.Next(Sentences.Length)].TrimEnd('.')}", body,
                agency: i % 3 == 0 ? "dpa" : "Reuters", dateline: Places[rng.Next(Places.Length)],
                date: new DateOnly(2025, 1, 1).AddDays(rng.Next(300)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                file: "synthetic.txt", line: i + 1);
        }
    }
}
