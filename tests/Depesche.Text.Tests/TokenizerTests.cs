using Depesche.Core;
using Xunit;

namespace Depesche.Text.Tests;

public class TokenizerTests
{
    [Theory]
    [InlineData("Der Hund bellt.", "Der|Hund|bellt|.")]
    // Abbreviations keep their period.
    [InlineData("Dr. Müller kam z.B. heute.", "Dr.|Müller|kam|z.B.|heute|.")]
    [InlineData("Nr. 5 bzw. Nr. 6", "Nr.|5|bzw.|Nr.|6")]
    [InlineData("u.a. Prof. Meier, d.h. ca. zehn usw.", "u.a.|Prof.|Meier|,|d.h.|ca.|zehn|usw.")]
    [InlineData("am 3. Jan. in der Goethe-Str. 5", "am|3.|Jan.|in|der|Goethe-Str.|5")]
    [InlineData("v.a. evtl. ggf. etc. Abs. Tel. Mill. Bd. Hrsg. vgl. S. 3", "v.a.|evtl.|ggf.|etc.|Abs.|Tel.|Mill.|Bd.|Hrsg.|vgl.|S.|3")]
    // The last hyphen segment is the abbreviation.
    [InlineData("die US-amerik. Regierung", "die|US-amerik.|Regierung")]
    // Spaced two-letter abbreviation: both halves keep their periods.
    [InlineData("etwa z. B. Brot", "etwa|z.|B.|Brot")]
    // A capital initial before a surname.
    [InlineData("Jared J. Kushner sagte", "Jared|J.|Kushner|sagte")]
    // A single capital at the end of a sentence is no initial.
    [InlineData("Das ist Plan B.", "Das|ist|Plan|B|.")]
    [InlineData("Das Wort.Das nächste", "Das|Wort|.|Das|nächste")]
    // Ordinals before a month or a lower-case word.
    [InlineData("am 18. Dezember", "am|18.|Dezember")]
    [InlineData("der 3. große Streik", "der|3.|große|Streik")]
    // Ordinal after a cue word even before a capitalised noun.
    [InlineData("die 2. Liga", "die|2.|Liga")]
    // A year before a capitalised word ends the sentence.
    [InlineData("Das war 2018. Dann", "Das|war|2018|.|Dann")]
    [InlineData("Es waren 15. Dann", "Es|waren|15|.|Dann")]
    // A number coordinated with an ordinal is one too.
    [InlineData("des 11. und 12. Jahrhunderts", "des|11.|und|12.|Jahrhunderts")]
    // An inflected adjective before the number, a football club, a minute in brackets.
    [InlineData("der neuen 3. Liga", "der|neuen|3.|Liga")]
    [InlineData("zum Bundesligisten 1. FC Köln", "zum|Bundesligisten|1.|FC|Köln")]
    [InlineData("Tor von Saha (29.) und", "Tor|von|Saha|(|29.|)|und")]
    [InlineData("Die Kinder waren 3. Dann", "Die|Kinder|waren|3|.|Dann")]
    [InlineData("in 13. Aufl. von 1. Violine", "in|13.|Aufl.|von|1.|Violine")]
    // A number alone cannot be a sentence: after a sentence end, bracket or slash it is an ordinal.
    [InlineData("Pause. 52. Minute", "Pause|.|52.|Minute")]
    [InlineData("im 1./2. Weltkrieg", "im|1.|/|2.|Weltkrieg")]
    [InlineData("Alaba (49., 52.) vergab", "Alaba|(|49.|,|52.|)|vergab")]
    // Roman regnal numbers after a name.
    [InlineData("Elisabeth II. als Königin", "Elisabeth|II.|als|Königin")]
    // An abbreviated surname before a lower-case word.
    [InlineData("Nico G. auf", "Nico|G.|auf")]
    [InlineData("(Früh-) Rente und Früh-/Spätschicht", "(|Früh-|)|Rente|und|Früh-|/|Spätschicht")]
    [InlineData("1,4 km² groß", "1,4|km²|groß")]
    [InlineData("1-2,5 Sekunden am 2025-12-18", "1-2,5|Sekunden|am|2025-12-18")]
    [InlineData("die 2:1-Führung und 2,15-Meter-Riese", "die|2:1-Führung|und|2,15-Meter-Riese")]
    [InlineData("1.000,50 Euro", "1.000,50|Euro")]
    [InlineData("3,5 Prozent", "3,5|Prozent")]
    [InlineData("um -2,1% gefallen", "um|-2,1|%|gefallen")]
    [InlineData("am 18.12.2025 um 14.30 Uhr", "am|18.12.2025|um|14.30|Uhr")]
    [InlineData("um 14:30 Uhr 2:1 gewonnen", "um|14:30|Uhr|2:1|gewonnen")]
    [InlineData("12,5 Mrd. Euro", "12,5|Mrd.|Euro")]
    [InlineData("die 19-Jährige und 1990er", "die|19-Jährige|und|1990er")]
    [InlineData("(+3,5 %)", "(|+3,5|%|)")]
    // Hyphenated compounds are one token.
    [InlineData("Putin-Berater und US-Sondergesandte", "Putin-Berater|und|US-Sondergesandte")]
    [InlineData("amerikanisch-russischen Nato-Staaten", "amerikanisch-russischen|Nato-Staaten")]
    [InlineData("(dpa-AFX) Interfax-Ukraina Covid-19", "(|dpa-AFX|)|Interfax-Ukraina|Covid-19")]
    // Truncated coordination keeps the hyphen on the first part.
    [InlineData("Ein- und Ausfuhr", "Ein-|und|Ausfuhr")]
    [InlineData("Ein-, Aus- und Durchfuhr", "Ein-|,|Aus-|und|Durchfuhr")]
    // The rest of a compound glued to a closing quote keeps its hyphen.
    [InlineData("„Axios“-Meldung", "„|Axios|“|-Meldung")]
    [InlineData("CDU/CSU-Fraktion", "CDU|/|CSU-Fraktion")]
    [InlineData("Am 1.-3. Mai", "Am|1.|-|3.|Mai")]
    // A spaced hyphen is a dash.
    [InlineData("KIEW (dpa) - Neben", "KIEW|(|dpa|)|-|Neben")]
    [InlineData("Er kam – spät – an", "Er|kam|–|spät|–|an")]
    // Slashes split: each dateline place is a token.
    [InlineData("KIEW/WASHINGTON (dpa-AFX) -", "KIEW|/|WASHINGTON|(|dpa-AFX|)|-")]
    [InlineData("und/oder", "und|/|oder")]
    // Apostrophes inside and at the end of words.
    [InlineData("Wie geht's Selenskyj' Team?", "Wie|geht's|Selenskyj'|Team|?")]
    [InlineData("O'Neill kam", "O'Neill|kam")]
    [InlineData("Siehe https://www.dpa.de/a?b=1.", "Siehe|https://www.dpa.de/a?b=1|.")]
    [InlineData("(www.example.com/x) ok", "(|www.example.com/x|)|ok")]
    // A bracket the URL opened stays in it.
    [InlineData("(siehe https://de.wikipedia.org/wiki/A_(B)).", "(|siehe|https://de.wikipedia.org/wiki/A_(B)|)|.")]
    [InlineData("auf bild.de lesen", "auf|bild.de|lesen")]
    [InlineData("Mail an max.muster@dpa.com.", "Mail|an|max.muster@dpa.com|.")]
    [InlineData("@dpa_live und #Ukraine!", "@dpa_live|und|#Ukraine|!")]
    [InlineData("Er ... sagte… nichts..", "Er|...|sagte|…|nichts|..")]
    [InlineData("„Ja“, sagte er.", "„|Ja|“|,|sagte|er|.")]
    [InlineData("Preis: 5 € (netto) [sic] & mehr", "Preis|:|5|€|(|netto|)|[|sic|]|&|mehr")]
    [InlineData("Gut 👍🏽 so", "Gut|👍|🏽|so")]
    [InlineData("", "")]
    [InlineData("   \n\n  ", "")]
    public void Tokenizes(string text, string expected) => Assert.Equal(expected, TestText.Tokens(text));

    [Theory]
    [InlineData("am 18. Dezember", "18.", TokenKind.Ordinal)]
    [InlineData("Das war 2018. Dann", "2018", TokenKind.Number)]
    // At the start of a line a small number with a period numbers a list item.
    [InlineData("Es gilt:\n1. Bundesliga", "1.", TokenKind.Ordinal)]
    [InlineData("laut Spiegel.de heute", "Spiegel.de", TokenKind.Url)]
    [InlineData("Dr. Müller", "Dr.", TokenKind.Abbreviation)]
    [InlineData("J. Kushner", "J.", TokenKind.Abbreviation)]
    [InlineData("um -2,1%", "-2,1", TokenKind.Number)]
    [InlineData("um -2,1%", "%", TokenKind.Symbol)]
    [InlineData("KIEW/WASHINGTON", "/", TokenKind.Symbol)]
    [InlineData("KIEW - Neben", "-", TokenKind.Dash)]
    [InlineData("Covid-19", "Covid-19", TokenKind.Word)]
    [InlineData("2024-2025", "2024-2025", TokenKind.Number)]
    [InlineData("bis 18.12. gilt", "18.12.", TokenKind.Number)]
    [InlineData("Er … ging", "…", TokenKind.Ellipsis)]
    [InlineData("Er ... ging", "...", TokenKind.Ellipsis)]
    [InlineData("https://dpa.de", "https://dpa.de", TokenKind.Url)]
    [InlineData("a@b.de", "a@b.de", TokenKind.Email)]
    [InlineData("@dpa", "@dpa", TokenKind.Handle)]
    [InlineData("#Kiew", "#Kiew", TokenKind.Hashtag)]
    [InlineData("(dpa)", "(", TokenKind.Bracket)]
    [InlineData("„Ja“", "„", TokenKind.Quote)]
    [InlineData("Ja!", "!", TokenKind.Punctuation)]
    public void Classifies(string text, string surface, TokenKind kind) =>
        Assert.Equal(kind, TestText.Find(GermanTokenizer.Tokenize(text), surface).Kind);

    [Theory]
    [InlineData("KIEW", TokenFlags.Capitalized | TokenFlags.AllCaps)]
    [InlineData("Berlin", TokenFlags.Capitalized)]
    [InlineData("US-Sondergesandte", TokenFlags.Capitalized | TokenFlags.HasHyphen)]
    // Lower-case first letter: not capitalised, and mixed case is not all caps.
    [InlineData("dpa-AFX", TokenFlags.HasHyphen)]
    [InlineData("Covid-19", TokenFlags.Capitalized | TokenFlags.HasHyphen | TokenFlags.HasDigit)]
    [InlineData("2025", TokenFlags.HasDigit)]
    // One letter is not enough for all caps.
    [InlineData("A", TokenFlags.Capitalized)]
    [InlineData("ÜBERBLICK", TokenFlags.Capitalized | TokenFlags.AllCaps)]
    public void OrthographicFlags(string word, TokenFlags expected)
    {
        var t = GermanTokenizer.Tokenize(word)[0];
        const TokenFlags mask = TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.HasDigit | TokenFlags.HasHyphen;
        Assert.Equal(expected, t.Flags & mask);
    }

    [Fact]
    public void SpacingFlags()
    {
        var table = GermanTokenizer.Tokenize("Eins zwei,\ndrei\n\n vier");
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.ParagraphStart, table[0].Flags & Spacing);
        Assert.Equal(TokenFlags.SpaceBefore, table[1].Flags & Spacing);
        Assert.Equal(TokenFlags.None, table[2].Flags & Spacing); // the comma is glued to "zwei"
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.NewlineBefore, table[3].Flags & Spacing);
        Assert.Equal(TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.ParagraphStart, table[4].Flags & Spacing);
    }

    private const TokenFlags Spacing = TokenFlags.SpaceBefore | TokenFlags.NewlineBefore | TokenFlags.ParagraphStart;

    [Theory]
    // O = opening, C = closing, one letter per quote token in order.
    [InlineData("„Ja“, sagte er.", "OC")]
    [InlineData("\"Politico\" und \"Axios\"", "OCOC")]
    [InlineData("mit. \"Am Freitag sein.\"", "OC")]
    [InlineData("»Ja« und «Non»", "OCOC")]
    [InlineData("‚Gut‘ und ‘fine’", "OCOC")]
    [InlineData("“English” style", "OC")]
    [InlineData("'Politico' berichtete", "OC")]
    // Glued on both sides: straight quotes alternate.
    [InlineData("a\"b\"c", "OC")]
    // Nested: German double outside, single inside.
    [InlineData("„Er sagte ‚nein‘.“", "OOCC")]
    [InlineData("(\"Zitat\")", "OC")]
    public void QuoteDirections(string text, string expected)
    {
        var table = GermanTokenizer.Tokenize(text);
        var got = new System.Text.StringBuilder();
        foreach (var t in table.All)
        {
            if (t.Kind != TokenKind.Quote) continue;
            Assert.NotEqual(t.Has(TokenFlags.OpeningQuote), t.Has(TokenFlags.ClosingQuote));
            got.Append(t.Has(TokenFlags.OpeningQuote) ? 'O' : 'C');
        }
        Assert.Equal(expected, got.ToString());
    }

    [Fact]
    public void RegionsLimitTokensAndKeepOffsets()
    {
        const string text = "DATELINE - Kopf\nKörper hier. /abc";
        var regions = new[] { new TextRange(11, 15), new TextRange(16, 28) };
        var table = GermanTokenizer.Tokenize(text, regions, new Producer("test"));
        Assert.Equal("Kopf|Körper|hier|.", TestText.Join(table));
        Assert.Equal(11, table[0].Start);
        Assert.Equal("Körper", text[table[1].Start..table[1].End]);
        Assert.True(table[1].Has(TokenFlags.ParagraphStart));
        Assert.Equal("test", table.Producer.StageId);
    }

    [Fact]
    public void RegionCutsAWordAtItsEdge()
    {
        var table = GermanTokenizer.Tokenize("Putin-Berater", [new TextRange(0, 5)], new Producer("test"));
        Assert.Equal("Putin", TestText.Join(table));
    }

    [Fact]
    public void RejectsOverlappingOrOutsideRegions()
    {
        Assert.Throws<ArgumentException>(() => GermanTokenizer.Tokenize("abc def", [new TextRange(0, 5), new TextRange(3, 7)], new Producer("t")));
        Assert.Throws<ArgumentException>(() => GermanTokenizer.Tokenize("abc", [new TextRange(0, 9)], new Producer("t")));
    }

    [Fact]
    public void ReaderYieldsTheSameTokensAsTheTable()
    {
        const string text = "Am 18. Dezember sagte Dr. Müller: „Gut.“";
        var table = GermanTokenizer.Tokenize(text);
        var reader = new GermanTokenReader(text);
        int i = 0;
        while (reader.Read())
        {
            Assert.Equal(table[i].Start, reader.TokenStart);
            Assert.Equal(table[i].End, reader.TokenEnd);
            Assert.Equal(table[i].Kind, reader.Kind);
            Assert.Equal(table[i].ToString(), reader.TokenText.ToString());
            i++;
        }
        Assert.Equal(table.Count, i);
    }

    [Fact]
    public void ReaderResumesFromItsSavedState()
    {
        const string text = "Er sagte: \"Am 18. Dezember kommt J. Kushner.\" Dann 'Politico' berichtete.";
        var all = TestText.Tokens(text).Split('|');
        var first = new GermanTokenReader(text);
        var seen = new List<string>();
        for (int i = 0; i < 6 && first.Read(); i++) seen.Add(first.TokenText.ToString());
        var state = first.CurrentState;
        var resumed = new GermanTokenReader(text, state);
        while (resumed.Read()) seen.Add(resumed.TokenText.ToString());
        Assert.Equal(all, seen);
        // The quote state survives: the straight quote after "Kushner." still closes.
        var again = new GermanTokenReader(text, state);
        while (again.Read() && again.Kind != TokenKind.Quote) { }
        Assert.True((again.Flags & TokenFlags.ClosingQuote) != 0);
    }

    [Fact]
    public void UnclosedQuoteResetsAtTheParagraph()
    {
        var table = GermanTokenizer.Tokenize("Er sagte: \"Wir kommen.\n\n\"Neu\" hier.");
        var quotes = table.All.ToArrayOf(TokenKind.Quote);
        Assert.Equal(3, quotes.Length);
        Assert.True(quotes[0].Has(TokenFlags.OpeningQuote));
        Assert.True(quotes[1].Has(TokenFlags.OpeningQuote)); // a fresh paragraph opens again
        Assert.True(quotes[2].Has(TokenFlags.ClosingQuote));
    }
}

internal static class TokenSpanExtensions
{
    public static Token[] ToArrayOf(this TokenSpan span, TokenKind kind)
    {
        var list = new List<Token>();
        foreach (var t in span) if (t.Kind == kind) list.Add(t);
        return [.. list];
    }
}
