using Depesche.Core;
using Depesche.Testing;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

public class WireTextParserTests
{
    [SharedDataFact("seed/000_8f5e88549e4027cd.txt")]
    public void Seed_metadata_is_read()
    {
        var path = SharedData.Require("seed/000_8f5e88549e4027cd.txt");
        var result = Assert.Single(ArticleReader.ReadPath(path));
        var a = Assert.IsType<Article>(result.Article);

        Assert.Equal(new DateOnly(2025, 12, 18), a.Source.Published?.Date);
        Assert.Equal(["KIEW", "WASHINGTON"], a.Source.Datelines.Select(d => d.Place));
        Assert.Equal("dpa-AFX", a.Source.Agency);
        Assert.Equal(["ddo", "DP", "stw"], a.Source.EditorCodes.Select(c => c.Code));
        // Why: structure only, no seed text is copied here: the two subheadings are the 3rd and 8th of the ten body
        // blocks, with 7 and 5 words, and the body starts right after the dateline's dash and space.
        var blocks = a.Paragraphs.Concat(a.Subheadings).OrderBy(r => r.Start).ToList();
        Assert.Equal(10, blocks.Count);
        Assert.Equal([blocks[2], blocks[7]], a.Subheadings.ToArray());
        Assert.Equal([7, 5], a.Subheadings.Select(s => s.Slice(a.Text).Split(' ').Length));
        Assert.EndsWith("sagte er.", a.Body.Slice(a.Text), StringComparison.Ordinal);
        Assert.Equal(a.DatelineRange!.Value.End + 1, a.Body.Start);
        Assert.Equal("KIEW/WASHINGTON (dpa-AFX) -", a.DatelineRange?.Slice(a.Text));
        Assert.Equal("/ddo/DP/stw", a.TrailerRange?.Slice(a.Text));
        Assert.Null(a.Headline);
        Assert.Equal(File.ReadAllText(path), a.Text);
        Assert.Equal(8, a.Paragraphs.Length);
        AssertRangesValid(a);
    }

    [Fact]
    public void Own_fixture_with_glued_trailer()
    {
        var a = Assert.Single(ArticleReader.ReadPath(Fixture("wire_glued_trailer.txt"))).Article!;

        Assert.Equal(new PublicationTime(new DateOnly(2026, 3, 2)), a.Source.Published);
        Assert.Equal(["BERLIN"], a.Source.Datelines.Select(d => d.Place));
        Assert.Equal("dpa-AFX", a.Source.Agency);
        Assert.Equal("dpa-AFX", a.Source.AgencyRange?.Slice(a.Text));
        Assert.Equal(["abc", "DP", "he"], a.Source.EditorCodes.Select(c => c.Code));
        Assert.Equal(["abc", "DP", "he"], a.Source.EditorCodes.Select(c => c.Range.Slice(a.Text)));
        Assert.Equal(["Kritik aus den Ländern"], a.Subheadings.Select(s => s.Slice(a.Text)));
        Assert.EndsWith("\"Das ist machbar, wenn der Bund zahlt\", sagte sie.", a.Body.Slice(a.Text), StringComparison.Ordinal);
        Assert.Equal(3, a.Paragraphs.Length);
        AssertRangesValid(a);
    }

    [Fact]
    public void Headline_with_roundup_marker_dateline_and_trailer_line()
    {
        var a = Assert.Single(ArticleReader.ReadPath(Fixture("roundup_headline.txt"))).Article!;

        Assert.Equal("ROUNDUP 2: Werftenverbund: Käufer für Standort Rostock gefunden", a.Headline?.Slice(a.Text));
        var marker = Assert.Single(a.Source.VersionMarkers);
        Assert.Equal(VersionKind.Roundup, marker.Kind);
        Assert.Equal(2, marker.Number);
        Assert.Equal("ROUNDUP 2", marker.Range.Slice(a.Text));
        Assert.Equal(["ROSTOCK", "KIEL"], a.Source.Datelines.Select(d => d.Place));
        Assert.Equal("dpa", a.Source.Agency);
        Assert.Equal(["fba", "jkr", "he"], a.Source.EditorCodes.Select(c => c.Code));
        Assert.Equal(["Betriebsrat begrüßt Einigung"], a.Subheadings.Select(s => s.Slice(a.Text)));
        Assert.StartsWith("Für den insolventen", a.Body.Slice(a.Text), StringComparison.Ordinal);
        Assert.EndsWith("bekanntgegeben werden.", a.Body.Slice(a.Text), StringComparison.Ordinal);
        AssertRangesValid(a);
    }

    [Theory]
    [InlineData("KIEW/WASHINGTON (dpa-AFX) - Text folgt.", "KIEW|WASHINGTON", "dpa-AFX", "KIEW/WASHINGTON (dpa-AFX) -")]
    [InlineData("BERLIN (dpa) - Text folgt.", "BERLIN", "dpa", "BERLIN (dpa) -")]
    [InlineData("FRANKFURT (dpa-AFX Broker) - Text folgt.", "FRANKFURT", "dpa-AFX Broker", "FRANKFURT (dpa-AFX Broker) -")]
    // en dash and a Titlecase place
    [InlineData("Washington (Reuters) – Text folgt.", "Washington", "Reuters", "Washington (Reuters) –")]
    // date inside the dateline, no year
    [InlineData("Berlin, 18. Dezember (AFP) - Text folgt.", "Berlin", "AFP", "Berlin, 18. Dezember (AFP) -")]
    [InlineData("MOSKAU/KIEW (dpa) - Text folgt.", "MOSKAU|KIEW", "dpa", "MOSKAU/KIEW (dpa) -")]
    // a regional dpa service is a short unknown token after all-caps places
    [InlineData("MÜNCHEN (dpa/lby) - Text folgt.", "MÜNCHEN", "dpa/lby", "MÜNCHEN (dpa/lby) -")]
    // multi-word place
    [InlineData("NEW YORK (dpa-AFX) - Text folgt.", "NEW YORK", "dpa-AFX", "NEW YORK (dpa-AFX) -")]
    [InlineData("Frankfurt am Main (epd) - Text folgt.", "Frankfurt am Main", "epd", "Frankfurt am Main (epd) -")]
    // em dash, agency in caps
    [InlineData("PARIS (AFP) — Text folgt.", "PARIS", "AFP", "PARIS (AFP) —")]
    public void Datelines(string text, string places, string agency, string dateline)
    {
        var a = Wire(text);
        Assert.Equal(places.Split('|'), a.Source.Datelines.Select(d => d.Place));
        Assert.Equal(places.Split('|'), a.Source.Datelines.Select(d => d.Range.Slice(a.Text)));
        Assert.Equal(agency, a.Source.Agency);
        Assert.Equal(agency, a.Source.AgencyRange?.Slice(a.Text));
        Assert.Equal(dateline, a.DatelineRange?.Slice(a.Text));
        Assert.Equal("Text folgt.", a.Body.Slice(a.Text));
        AssertRangesValid(a);
    }

    [Theory]
    // a sentence with parentheses and a dash is not a dateline
    [InlineData("Die Regierung (SPD) - so hieß es - will handeln.")]
    // Titlecase words with an unknown party token
    [InlineData("Olaf Scholz (SPD) - der frühere Kanzler - sprach.")]
    // dateline not at the start of the body
    [InlineData("Wie es heißt, BERLIN (dpa) - eine Meldung.")]
    // lowercase start
    [InlineData("berlin (dpa) - kleingeschrieben.")]
    // no dash after the agency
    [InlineData("BERLIN (dpa) Text ohne Strich.")]
    public void Not_datelines(string text)
    {
        var a = Wire(text);
        Assert.Null(a.DatelineRange);
        Assert.Null(a.Source.Agency);
        Assert.Empty(a.Source.Datelines);
        Assert.Equal(text, a.Body.Slice(a.Text));
        AssertRangesValid(a);
    }

    [Fact]
    public void Dateline_date_with_year_becomes_published_only_without_prefix()
    {
        Assert.Equal(new PublicationTime(new DateOnly(2025, 12, 18)), Wire("Berlin, 18. Dezember 2025 (AFP) - Text.").Source.Published);
        // Why: no year, no context: the date is not guessed.
        Assert.Null(Wire("Berlin, 18. Dezember (AFP) - Text.").Source.Published);
        Assert.Equal(new DateOnly(2025, 12, 1), Wire(" date 2025-12-01 Berlin, 18. Dezember 2025 (AFP) - Text.").Source.Published?.Date);
    }

    [Theory]
    [InlineData(" date 2025-12-18 BERLIN (dpa) - Text.", "2025-12-18")]
    [InlineData(" date 2025-12-18T14:05:00+01:00 BERLIN (dpa) - Text.", "2025-12-18T14:05:00+01:00")]
    // space instead of T, no seconds, no zone
    [InlineData(" date 2025-12-18 14:05 BERLIN (dpa) - Text.", "2025-12-18T14:05:00")]
    [InlineData("date 2025-12-18T13:05:00Z\nBERLIN (dpa) - Text.", "2025-12-18T13:05:00Z")]
    // an impossible date is skipped as a prefix but not used
    [InlineData(" date 2025-02-30 BERLIN (dpa) - Text.", null)]
    public void Date_prefix(string text, string? expected)
    {
        var a = Wire(text);
        Assert.Equal(expected, a.Source.Published?.ToString());
        Assert.Equal("Text.", a.Body.Slice(a.Text));
        AssertRangesValid(a);
    }

    [Theory]
    [InlineData("WDH: Bahn streikt\n\nBERLIN (dpa) - Text.", "Repeat", null, "WDH")]
    [InlineData("ROUNDUP: Bahn streikt\n\nBERLIN (dpa) - Text.", "Roundup", null, "ROUNDUP")]
    [InlineData("ROUNDUP 3: Bahn streikt\n\nBERLIN (dpa) - Text.", "Roundup", 3, "ROUNDUP 3")]
    [InlineData("KORREKTUR: Bahn streikt\n\nBERLIN (dpa) - Text.", "Correction", null, "KORREKTUR")]
    [InlineData("UPDATE 2: Bahn streikt\n\nBERLIN (dpa) - Text.", "Update", 2, "UPDATE 2")]
    [InlineData("EIL: Bahn streikt\n\nBERLIN (dpa) - Text.", "Flash", null, "EIL")]
    [InlineData("ÜBERBLICK: Bahn streikt\n\nBERLIN (dpa) - Text.", "Overview", null, "ÜBERBLICK")]
    // parenthesised repeat note anywhere in the headline
    [InlineData("Bahn streikt (Wiederholung: Tippfehler behoben)\n\nBERLIN (dpa) - Text.", "Repeat", null, "(Wiederholung: Tippfehler behoben)")]
    // without a headline, a marker may lead the dateline line
    [InlineData("EIL: BERLIN (dpa) - Text.", "Flash", null, "EIL")]
    public void Version_markers(string text, string kind, int? number, string surface)
    {
        var a = Wire(text);
        var m = Assert.Single(a.Source.VersionMarkers);
        Assert.Equal(Enum.Parse<VersionKind>(kind), m.Kind);
        Assert.Equal(number, m.Number);
        Assert.Equal(surface, m.Range.Slice(a.Text));
        Assert.Equal("Text.", a.Body.Slice(a.Text));
        AssertRangesValid(a);
    }

    [Fact]
    public void Several_leading_markers()
    {
        var a = Wire("WDH/ROUNDUP 2: Bahn streikt\n\nBERLIN (dpa) - Text.");
        Assert.Equal([VersionKind.Repeat, VersionKind.Roundup], a.Source.VersionMarkers.Select(m => m.Kind));
        Assert.Equal([null, 2], a.Source.VersionMarkers.Select(m => m.Number));
    }

    [Fact]
    public void Capitalised_words_in_a_plain_headline_are_no_markers()
    {
        var a = Wire("Eilige Entscheidung im Bundestag\n\nBERLIN (dpa) - Text.");
        Assert.Empty(a.Source.VersionMarkers);
        Assert.Equal("Eilige Entscheidung im Bundestag", a.Headline?.Slice(a.Text));
    }

    [Theory]
    [InlineData("BERLIN (dpa) - Erster Absatz.\n\nZwischenzeile ohne Punkt\n\nZweiter Absatz.", "Zwischenzeile ohne Punkt")]
    // single newlines break paragraphs too in wire text
    [InlineData("BERLIN (dpa) - Erster Absatz.\nZwischenzeile ohne Punkt\nZweiter Absatz.", "Zwischenzeile ohne Punkt")]
    // a short line ending in a colon introduces a quote: no subheading
    [InlineData("BERLIN (dpa) - Erster Absatz.\n\nEr sagte:\n\nZweiter Absatz.", null)]
    // a short question is a paragraph
    [InlineData("BERLIN (dpa) - Erster Absatz.\n\nWas nun?\n\nZweiter Absatz.", null)]
    // too many words for a subheading
    [InlineData("BERLIN (dpa) - Erster Absatz.\n\nEins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn\n\nZweiter Absatz.", null)]
    // the last block is never a subheading
    [InlineData("BERLIN (dpa) - Erster Absatz.\n\nZweiter Absatz ohne Punkt", null)]
    public void Subheadings(string text, string? subheading)
    {
        var a = Wire(text);
        Assert.Equal(subheading is null ? [] : [subheading], a.Subheadings.Select(s => s.Slice(a.Text)));
        Assert.Equal(subheading is null ? a.Paragraphs.Length : a.Paragraphs.Length + 1, a.Paragraphs.Length + a.Subheadings.Length);
        AssertRangesValid(a);
    }

    [Fact]
    public void Hard_wrapped_text_breaks_only_at_blank_lines()
    {
        var text = "BERLIN (dpa) - Dieser Absatz ist von Hand umbrochen worden, damit er\n" +
                   "in ein schmales Fenster passt, wie es alte Systeme taten, und er\n" +
                   "geht auf der dritten Zeile weiter, bis er schließlich endet.\n\n" +
                   "Ein zweiter Absatz folgt ebenfalls mit einer Zeile, die lang ist\n" +
                   "und noch eine zweite Zeile hat.";
        var a = Wire(text);
        Assert.Equal(2, a.Paragraphs.Length);
        Assert.Empty(a.Subheadings);
        AssertRangesValid(a);
    }

    [Fact]
    public void Plain_text_without_dateline_is_all_body()
    {
        const string text = "  Ein ganz normaler Text ohne Ortsmarke. Er hat zwei Sätze.\n";
        var a = Wire(text);
        Assert.Equal(text, a.Text);
        Assert.Equal(text.Trim(), a.Body.Slice(a.Text));
        Assert.Null(a.DatelineRange);
        Assert.Null(a.TrailerRange);
        Assert.Null(a.Headline);
        Assert.Null(a.Source.Published);
        Assert.Empty(a.Source.EditorCodes);
        Assert.Empty(a.Source.VersionMarkers);
        Assert.Single(a.Paragraphs);
        AssertRangesValid(a);
    }

    [Theory]
    [InlineData("Ein Titel ohne Punkt\n\nDer Text beginnt hier. Und geht weiter.", "Ein Titel ohne Punkt")]
    // a first line that ends like a sentence is body copy
    [InlineData("Der erste Satz endet mit Punkt.\n\nDer Text geht weiter.", null)]
    // a single line is never a headline
    [InlineData("Nur eine Zeile ohne Punkt", null)]
    // a headline ending in a question mark
    [InlineData("Wer zahlt die Rechnung?\n\nBERLIN (dpa) - Text.", "Wer zahlt die Rechnung?")]
    public void Headlines(string text, string? headline)
    {
        var a = Wire(text);
        Assert.Equal(headline, a.Headline?.Slice(a.Text));
        AssertRangesValid(a);
    }

    [Theory]
    [InlineData("Text endet.\n/ddo/DP/stw", "ddo|DP|stw")]
    [InlineData("Text endet./ck/nas", "ck|nas")]
    [InlineData("Text endet. /DP/he\n", "DP|he")]
    [InlineData("Text endet.\n/he", "he")]
    [InlineData("Text endet.\"/dpa/AFX", "dpa|AFX")]
    // fractions, alternatives and URLs are not trailers
    [InlineData("Das Ergebnis war 1/2", null)]
    [InlineData("Es geht um Arbeit und/oder Freizeit", null)]
    [InlineData("Mehr unter https://example.invalid/ab/cd", null)]
    [InlineData("Mehr unter www.example.invalid/news/de", null)]
    // a lone code glued to a sentence is too weak
    [InlineData("Text endet./he", null)]
    // a code longer than six characters is a word
    [InlineData("Text endet. /abcdefgh/xy", null)]
    public void Trailers(string text, string? codes)
    {
        var a = Wire(text);
        Assert.Equal(codes?.Split('|') ?? [], a.Source.EditorCodes.Select(c => c.Code));
        if (codes is not null) Assert.Equal("Text endet", a.Body.Slice(a.Text)[..10]);
        else Assert.Null(a.TrailerRange);
        AssertRangesValid(a);
    }

    [Fact]
    public void Unclosed_quote_still_parses()
    {
        var a = Wire(" date 2025-12-18 BERLIN (dpa) - Er sagte: \"Wir werden das schaffen.\n\nDie Sitzung endete am Abend./ab/cd");
        Assert.Equal(["BERLIN"], a.Source.Datelines.Select(d => d.Place));
        Assert.Equal(["ab", "cd"], a.Source.EditorCodes.Select(c => c.Code));
        Assert.Equal(2, a.Paragraphs.Length);
        AssertRangesValid(a);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n ")]
    [InlineData("/ab/cd")]
    [InlineData("BERLIN (dpa) -")]
    [InlineData(" date 2025-12-18")]
    [InlineData("Titel\n\n/ab/cd")]
    [InlineData("ROUNDUP 2:\n\nBERLIN (dpa) - ")]
    [InlineData("\r\n\r\nTitel\r\n\r\nBERLIN (dpa) - Text.\r\n\r\nZwischen\r\n\r\nEnde./a/b\r\n")]
    public void Degenerate_inputs_keep_the_range_invariants(string text)
    {
        var a = Wire(text);
        Assert.Equal(text, a.Text);
        AssertRangesValid(a);
    }

    [Fact]
    public void Long_capitalised_runs_do_not_backtrack()
    {
        var runs = new[]
        {
            string.Concat(Enumerable.Repeat("AB-", 300)) + " (x",
            string.Concat(Enumerable.Repeat("AB CD/", 200)) + "(dpa) x",
            string.Concat(Enumerable.Repeat("Ab Cd ", 200)) + "(unbekannt) - x",
        };
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var text in runs) AssertRangesValid(Wire(text));
        Assert.True(watch.ElapsedMilliseconds < 10_000, $"{watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public void Reading_twice_gives_the_same_id()
    {
        var first = Assert.Single(ArticleReader.ReadPath(Fixture("wire_glued_trailer.txt"))).Article!;
        var second = Assert.Single(ArticleReader.ReadPath(Fixture("wire_glued_trailer.txt"))).Article!;
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(Article.IdFromText(first.Text), first.Id);
    }
}
