using System.Collections.Frozen;

namespace Depesche.Events;

/// <summary>
/// CAMEO-style actor codes for export (<c>USA</c>, <c>RUS</c>, <c>IGOUNO</c>): the countries, groups and people of the
/// event lexicon, and ISO 3166 alpha-2 to alpha-3 for linked places. Our approximation of the CAMEO actor codebook,
/// not a copy of it: a person is coded by the country they act for. Read-only and thread-safe.
/// </summary>
public static class EventCodes
{
    private static readonly FrozenDictionary<string, string> ByName = Build();
    private static readonly FrozenDictionary<string, string> ByIso2 = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["US"] = "USA", ["RU"] = "RUS", ["UA"] = "UKR", ["DE"] = "DEU", ["FR"] = "FRA", ["GB"] = "GBR", ["CN"] = "CHN", ["TR"] = "TUR",
        ["PL"] = "POL", ["IL"] = "ISR", ["IR"] = "IRN", ["QA"] = "QAT", ["EG"] = "EGY", ["SA"] = "SAU", ["BY"] = "BLR", ["HU"] = "HUN",
        ["JP"] = "JPN", ["IN"] = "IND", ["RS"] = "SRB", ["XK"] = "KSV", ["AM"] = "ARM", ["AZ"] = "AZE", ["GE"] = "GEO", ["MD"] = "MDA",
        ["SY"] = "SYR", ["VE"] = "VEN", ["CA"] = "CAN", ["LT"] = "LTU", ["LV"] = "LVA", ["EE"] = "EST", ["CH"] = "CHE", ["BE"] = "BEL",
        ["IT"] = "ITA", ["ES"] = "ESP", ["AT"] = "AUT", ["FI"] = "FIN", ["SE"] = "SWE", ["NO"] = "NOR", ["DK"] = "DNK", ["NL"] = "NLD",
        ["CZ"] = "CZE", ["SK"] = "SVK", ["RO"] = "ROU", ["BG"] = "BGR", ["GR"] = "GRC", ["LB"] = "LBN", ["PS"] = "PSE", ["AE"] = "ARE",
        ["KP"] = "PRK", ["KR"] = "KOR", ["VA"] = "VAT", ["OM"] = "OMN", ["CU"] = "CUB",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The code for a normalised actor name (<c>Witkoff</c> → <c>USA</c>), or null.</summary>
    public static string? OfName(string? name) => name is not null && ByName.TryGetValue(name, out var c) ? c : null;

    /// <summary>The alpha-3 code for an ISO 3166 alpha-2 country (<c>UA</c> → <c>UKR</c>), or null.</summary>
    public static string? OfCountry(string? iso2) => iso2 is not null && ByIso2.TryGetValue(iso2, out var c) ? c : null;

    private static FrozenDictionary<string, string> Build()
    {
        var d = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        void C(string code, params string[] names) { foreach (var n in names) d[n] = code; }
        C("USA", "USA", "Vereinigte Staaten", "Trump", "Witkoff", "Kushner", "Rubio", "Vance", "Hegseth", "Kellogg", "Driscoll", "Waltz", "Bessent");
        C("RUS", "Russland", "Putin", "Peskow", "Lawrow", "Dmitrijew", "Uschakow", "Schoigu", "Medwedew");
        C("UKR", "Ukraine", "Selenskyj", "Umjerow", "Sybiha", "Jermak", "Budanow", "Schmyhal", "Swyrydenko", "Klitschko");
        C("DEU", "Deutschland", "Merz", "Wadephul", "Pistorius", "Scholz", "Kornelius");
        C("FRA", "Frankreich", "Macron");
        C("GBR", "Großbritannien", "Starmer");
        C("CHN", "China", "Xi", "Wang");
        C("TUR", "Türkei", "Erdogan", "Fidan");
        C("POL", "Polen", "Tusk", "Sikorski", "Nawrocki");
        C("ISR", "Israel", "Netanjahu");
        C("IRN", "Iran", "Chamenei", "Araghtschi");
        C("PSE", "Abbas");
        C("PSEHMS", "Hamas");
        C("LBNHEZ", "Hisbollah");
        C("QAT", "Katar");
        C("EGY", "Ägypten");
        C("SAU", "Saudi-Arabien");
        C("BLR", "Belarus", "Lukaschenko");
        C("HUN", "Ungarn", "Orban");
        C("JPN", "Japan");
        C("IND", "Indien", "Modi");
        C("SRB", "Serbien", "Vučić");
        C("KSV", "Kosovo");
        C("ARM", "Armenien", "Paschinjan");
        C("AZE", "Aserbaidschan", "Alijew");
        C("GEO", "Georgien");
        C("MDA", "Moldau");
        C("SYR", "Syrien");
        C("VEN", "Venezuela");
        C("CAN", "Kanada", "Carney");
        C("LTU", "Litauen");
        C("CHE", "Schweiz");
        C("BEL", "Belgien");
        C("ITA", "Meloni");
        C("ESP", "Sánchez");
        C("FIN", "Stubb");
        C("DNK", "Frederiksen");
        C("SVK", "Fico");
        C("EUR", "Europäer");
        C("IGOEUREEC", "EU", "von der Leyen", "Kallas", "Costa");
        C("IGOWSTNAT", "NATO", "Rutte");
        C("IGOUNO", "UN", "Guterres");
        C("LAB", "Gewerkschaften");
        C("OPP", "Opposition");
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
