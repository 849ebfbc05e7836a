using System.IO.Compression;
using System.Text.Json;

namespace Depesche.Entities.Ner;

/// <summary>
/// Builds the gazetteer and word-cluster resources from the public data folders. Which lists go in is decided by
/// licence: the default set may be baked into a redistributed model (see docs/ner.md); share-alike lists
/// (OpenStreetMap town and company names) only with <c>includeShareAlike</c>.
/// </summary>
public static class NerResources
{
    /// <summary>News media and agencies that wire copy cites as sources (hand-written list).</summary>
    public static readonly string[] MediaNames =
    [
        "dpa", "dpa-AFX", "AFP", "Reuters", "AP", "Interfax", "Interfax-Ukraina", "Tass", "TASS", "RIA Nowosti", "Ukrinform", "Unian",
        "Bloomberg", "Politico", "Axios", "CNN", "BBC", "ARD", "ZDF", "NTV", "n-tv", "RTL", "Spiegel", "Der Spiegel", "Bild", "Stern", "Focus",
        "Handelsblatt", "FAZ", "Süddeutsche Zeitung", "Die Welt", "Die Zeit", "taz", "New York Times", "Washington Post", "Wall Street Journal",
        "Financial Times", "Guardian", "Le Monde", "Kyiv Independent", "Kommersant", "Nachrichtenagentur", "Xinhua", "Kyodo", "Yonhap", "Anadolu",
        "Al Jazeera", "Fox News", "NBC", "CBS", "ABC", "Sky News", "Euronews", "Dow Jones", "Sky",
    ];

    /// <summary>International and German organisations that news copy names bare (hand-written list).</summary>
    public static readonly string[] OrganisationNames =
    [
        "Nato", "NATO", "EU", "Europäische Union", "Europäischen Union", "UN", "UNO", "Vereinte Nationen", "Vereinten Nationen", "OSZE", "G7", "G20",
        "IWF", "Internationaler Währungsfonds", "Weltbank", "WHO", "EZB", "Europäische Zentralbank", "Fed", "Bundesbank", "Bundestag", "Bundesrat",
        "Bundesregierung", "Bundeswehr", "Bundesverfassungsgericht", "Europäische Kommission", "EU-Kommission", "Europaparlament", "Europäisches Parlament",
        "Kongress", "Senat", "Repräsentantenhaus", "Duma", "Kreml", "Pentagon", "Weißes Haus", "Opec", "OPEC", "Gazprom", "Rosneft", "Naftogaz",
        "SPD", "CDU", "CSU", "FDP", "AfD", "Grünen", "Linke", "BSW", "ÖVP", "SPÖ", "FPÖ", "Hamas", "Hisbollah", "Taliban", "Wagner", "IAEA", "Interpol",
        "Europol", "Frontex", "Siemens", "Volkswagen", "VW", "BMW", "Daimler", "Mercedes-Benz", "Deutsche Bank", "Commerzbank", "Allianz", "BASF", "Bayer",
        "SAP", "Telekom", "Lufthansa", "Airbus", "Boeing", "Apple", "Google", "Microsoft", "Amazon", "Meta", "Tesla", "OpenAI", "Nvidia",
    ];

    /// <summary>
    /// Loads the gazetteer from <c>shared/data/gazetteers</c>. Why no names harvested from the training corpora: they
    /// cover every gold mention of those corpora, so the tagger learnt to trust the list blindly (−4 F1 in CV, docs/ner.md).
    /// </summary>
    public static Gazetteer LoadGazetteer(string gazetteerDir, bool includeShareAlike = false)
    {
        var b = new Gazetteer.Builder();
        string P(string rel) => Path.Combine(gazetteerDir, rel);

        // 1. Countries: CLDR names (MIT), Foreign Office list (official work), Wikidata aliases (CC0), GeoNames translations (CC BY 4.0).
        foreach (var loc in new[] { "de", "de_AT", "de_CH", "en" })
            if (File.Exists(P($"country-names-umpirsky/{loc}/country.csv")))
                foreach (var line in File.ReadLines(P($"country-names-umpirsky/{loc}/country.csv")).Skip(1))
                {
                    var comma = line.IndexOf(',');
                    if (comma < 0) continue;
                    var name = line[(comma + 1)..].Trim('"');
                    b.Add(Gazetteer.Kind.Country, name);
                    if (loc != "en") b.AddPlaceStems(name);
                }
        if (File.Exists(P("ler-gazetteers/laendernamen.list")))
            foreach (var name in File.ReadLines(P("ler-gazetteers/laendernamen.list")))
            {
                b.Add(Gazetteer.Kind.Country, name);
                b.AddPlaceStems(name);
            }
        AddInflectedCountries(b, gazetteerDir);
        if (File.Exists(P("wikidata-country-aliases/country_aliases.csv")))
            foreach (var line in File.ReadLines(P("wikidata-country-aliases/country_aliases.csv")).Skip(1))
            {
                var c = line.Split(',');
                if (c.Length >= 6 && c[2] is "de" or "en") b.Add(Gazetteer.Kind.Country, c[4].Trim('"'));
            }
        if (File.Exists(P("geonames/country_translations.json")))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(P("geonames/country_translations.json")));
            foreach (var country in doc.RootElement.EnumerateObject())
                foreach (var lang in new[] { "de", "en" })
                    if (country.Value.TryGetProperty(lang, out var n) && n.GetString() is { } name)
                    {
                        b.Add(Gazetteer.Kind.Country, name);
                        if (lang == "de") b.AddPlaceStems(name);
                    }
        }

        // 2. Cities and regions (GeoNames, CC BY 4.0). Alternate names only in Latin script.
        if (File.Exists(P("geonames/cities15000.txt.gz")))
        {
            using var gz = new GZipStream(File.OpenRead(P("geonames/cities15000.txt.gz")), CompressionMode.Decompress);
            using var sr = new StreamReader(gz);
            string? line;
            while ((line = sr.ReadLine()) is not null)
            {
                var c = line.Split('\t');
                if (c.Length < 15) continue;
                long.TryParse(c[14], out var pop);
                var names = new List<string> { c[1], c[2] };
                foreach (var alt in c[3].Split(',')) if (IsLatinName(alt)) names.Add(alt);
                foreach (var name in names.Distinct(StringComparer.Ordinal))
                {
                    b.Add(Gazetteer.Kind.City, name);
                    if (pop >= 200_000) b.AddPlaceStems(name);
                }
            }
        }
        if (File.Exists(P("geonames/regionInfo.tsv")))
            foreach (var line in File.ReadLines(P("geonames/regionInfo.tsv")).Skip(1))
            {
                var c = line.Split('\t');
                if (c.Length >= 3) { b.Add(Gazetteer.Kind.Region, c[1]); b.Add(Gazetteer.Kind.Region, c[2]); }
            }

        // 3. Persons: GermaNER surnames (Apache-2.0); heads of state/government from Wikidata (CC0).
        if (File.Exists(P("ler-gazetteers/personennamen.list")))
            foreach (var name in File.ReadLines(P("ler-gazetteers/personennamen.list"))) b.Add(Gazetteer.Kind.Surname, name);
        if (File.Exists(P("world-leaders-wikidata/wikidata.csv")))
            foreach (var line in File.ReadLines(P("world-leaders-wikidata/wikidata.csv")).Skip(1))
            {
                var c = line.Split(',');
                if (c.Length < 6) continue;
                var parts = c[5].Trim('"').Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length < 2) continue;
                b.Add(Gazetteer.Kind.FirstName, parts[0]);
                b.Add(Gazetteer.Kind.Surname, parts[^1]);
            }

        foreach (var name in FirstNames()) b.Add(Gazetteer.Kind.FirstName, name);
        foreach (var form in DemonymForms()) b.Add(Gazetteer.Kind.Demonym, form);

        // 4. Media, agencies and well-known organisations (hand-written).
        foreach (var m in MediaNames) b.Add(Gazetteer.Kind.Media, m);
        foreach (var o in OrganisationNames) b.Add(Gazetteer.Kind.Organisation, o);

        // 5. Share-alike lists (OSM, CC BY-SA 2.0): never in a redistributed model unless its licence follows.
        if (includeShareAlike)
        {
            if (File.Exists(P("ler-gazetteers/stadtnamen.list")))
                foreach (var name in File.ReadLines(P("ler-gazetteers/stadtnamen.list"))) b.Add(Gazetteer.Kind.City, name);
            if (File.Exists(P("ler-gazetteers/firmennamen.list")))
                foreach (var name in File.ReadLines(P("ler-gazetteers/firmennamen.list"))) b.Add(Gazetteer.Kind.Organisation, name);
        }
        return b.Build();
    }

    // Why: "der Vereinigten Staaten", "die Vereinigten Arabischen Emirate": the lists hold only the nominative of the adjectives.
    private static void AddInflectedCountries(Gazetteer.Builder b, string gazetteerDir)
    {
        var path = Path.Combine(gazetteerDir, "ler-gazetteers/laendernamen.list");
        var names = File.Exists(path) ? File.ReadLines(path).ToList() : [];
        var csv = Path.Combine(gazetteerDir, "country-names-umpirsky/de/country.csv");
        if (File.Exists(csv)) names.AddRange(File.ReadLines(csv).Skip(1).Select(l => l[(l.IndexOf(',') + 1)..].Trim('"')));
        foreach (var name in names)
        {
            var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length < 2) continue;
            bool changed = false;
            for (int k = 0; k < words.Length - 1; k++)
                if (words[k].Length > 3 && words[k].EndsWith('e') && char.IsUpper(words[k][0])) { words[k] += "n"; changed = true; }
            if (changed) b.Add(Gazetteer.Kind.Country, string.Join(' ', words));
        }
    }

    /// <summary>
    /// Inflected forms of the hand-written demonyms and place adjectives (<c>Ner/Resources/demonyms.tsv</c>):
    /// <c>Spanier, Spaniern, Spaniers, Spanierin, Spanierinnen, spanisch, spanischen, Spanische …</c>. Why a list:
    /// GermEval tags these LOCderiv, and nouns such as <c>Dänen</c>, <c>Franzosen</c>, <c>Briten</c> share no
    /// regular stem with the place name, so no suffix rule finds them.
    /// </summary>
    public static IEnumerable<string> DemonymForms()
    {
        using var stream = typeof(NerResources).Assembly.GetManifestResourceStream("Depesche.Entities.Ner.demonyms.tsv")
            ?? throw new InvalidOperationException("The demonym list is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var c = line.Split('\t');
            if (c.Length != 4) throw new InvalidDataException($"demonyms.tsv: expected 4 columns in '{line}'");
            foreach (var form in Forms(c[1], Masculine).Concat(Forms(c[2], f => [f, f + "nen"])).Concat(Forms(c[3], Adjective)))
                if (seen.Add(form)) yield return form;
        }

        static IEnumerable<string> Forms(string cell, Func<string, IEnumerable<string>> inflect) =>
            cell == "-" ? [] : cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SelectMany(inflect);

        static IEnumerable<string> Masculine(string m) =>
            m.EndsWith('e') ? [m, m + "n"]
            : m.EndsWith('i') ? [m, m + "s"]
            : m.EndsWith("er", StringComparison.Ordinal) ? [m, m + "n", m + "s"]
            : [m, m + "en", m + "n"];   // weak nouns in a consonant: Jemeniten, Zyprioten, Ungarn

        static IEnumerable<string> Adjective(string a)
        {
            foreach (var end in new[] { "", "e", "en", "er", "es", "em" })
            {
                yield return a + end;
                yield return char.ToUpperInvariant(a[0]) + a[1..] + end;
            }
        }
    }

    /// <summary>Locales whose first-name tables go into the gazetteer: the languages of names in German news copy.</summary>
    private static readonly string[] NameLocales = ["de", "de_AT", "de_CH", "en", "en_US", "en_GB", "fr", "it", "es", "pl", "ru", "tr", "nl", "sv", "nb_NO", "fi", "cz", "sk", "hr", "pt_BR", "uk", "el", "ar"];

    /// <summary>
    /// First names from Bogus's locale tables (MIT, taken from faker.js), Latin script only. Why this source: the
    /// gazetteer folder has no first-name list, and names alone (<c>Claire</c>, <c>Sven</c>) were a large share of
    /// the missed persons.
    /// </summary>
    public static IEnumerable<string> FirstNames()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var loc in NameLocales)
            foreach (var table in new[] { "first_name", "male_first_name", "female_first_name" })
            {
                if (Bogus.Database.Get("name", table, loc) is not Bogus.Bson.BArray arr) continue;
                for (int i = 0; i < arr.Count; i++)
                    if (arr[i].StringValue is { } n && IsLatinName(n) && !n.Contains(' ') && seen.Add(n)) yield return n;
            }
    }

    private static bool IsHipe(string path)
    {
        if (!path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) return false;
        using var r = new StreamReader(path);
        return r.ReadLine()?.StartsWith("TOKEN\t", StringComparison.Ordinal) == true;
    }

    private static bool IsLatinName(string s)
    {
        if (s.Length < 2 || !char.IsUpper(s[0])) return false;
        foreach (var c in s)
            if (char.IsLetter(c) && c > '\u024F') return false;
        return true;
    }

    /// <summary>
    /// Tokenised sentences of unlabelled text for cluster learning. Recognises: a folder of SpkAtt JSON files
    /// (<c>Sentences[].Tokens</c>; also the SpkAtt Bundestag debates), Europeana <c>.bio</c> and HIPE-2022 <c>.tsv</c> files, a 10kGNAD CSV (<c>label;'text'</c>), a SmartData JSON/JSONL(.gz) file, a GermEval TSV.
    /// </summary>
    public static IEnumerable<string[]> UnlabelledSentences(string path)
    {
        if (Directory.Exists(path))
        {
            foreach (var f in Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Where(f => !f.Contains("pretty", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                using var doc = JsonDocument.Parse(File.ReadAllBytes(f));
                if (!doc.RootElement.TryGetProperty("Sentences", out var sents)) continue;
                foreach (var s in sents.EnumerateArray())
                    yield return s.GetProperty("Tokens").EnumerateArray().Select(t => t.GetString() ?? "").ToArray();
            }
            yield break;
        }
        if (path.Contains("smartdata", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var d in SmartDataReader.ReadDocuments(path))
                foreach (var s in SmartDataReader.ToSentences(d))
                    yield return Enumerable.Range(0, s.Count).Select(s.TokenString).ToArray();
            yield break;
        }
        if (path.EndsWith(".bio", StringComparison.OrdinalIgnoreCase) || IsHipe(path))
        {
            foreach (var s in path.EndsWith(".bio", StringComparison.OrdinalIgnoreCase) ? HistoricNerReader.ReadEuropeana(path) : HistoricNerReader.ReadHipe(path))
                yield return Enumerable.Range(0, s.Count).Select(s.TokenString).ToArray();
            yield break;
        }
        if (path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
        {
            foreach (var s in GermEvalReader.ReadFile(path))
                yield return Enumerable.Range(0, s.Count).Select(s.TokenString).ToArray();
            yield break;
        }
        foreach (var line in File.ReadLines(path))
        {
            int semi = line.IndexOf(';');
            var text = (semi >= 0 ? line[(semi + 1)..] : line).Trim('\'').Replace("''", "'", StringComparison.Ordinal);
            var toks = SimpleTokenizer.Tokenize(text);
            foreach (var (f, e) in SimpleTokenizer.Sentences(text, toks))
                yield return toks.Skip(f).Take(e - f).Select(t => text[t.Start..t.End]).ToArray();
        }
    }
}
