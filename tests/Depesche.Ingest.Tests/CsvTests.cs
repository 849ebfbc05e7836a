using System.Text;
using Depesche.Core;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

public class CsvTests
{
    private static List<ReadResult> Csv(string content, string name = "in.csv") => ReadString(content, InputFormat.Auto, name);

    [Fact]
    public void Label_and_single_quoted_text_without_a_header_as_10kGNAD_writes_it()
    {
        var results = Csv("Inland;'Der Minister sagte, es gehe ''gut''; mehr nicht.'\nSport;'Das Spiel endete 2:1.'\n");
        Assert.Equal(2, results.Count);
        var first = results[0].Article!;
        Assert.Equal("Der Minister sagte, es gehe 'gut'; mehr nicht.", first.Text);
        Assert.Equal(1, first.Origin.Line);
        Assert.Equal(0, first.Origin.Byte);
        var second = results[1].Article!;
        Assert.Equal("Das Spiel endete 2:1.", second.Text);
        Assert.Equal(2, second.Origin.Line);
        Assert.Equal(Encoding.UTF8.GetByteCount("Inland;'Der Minister sagte, es gehe ''gut''; mehr nicht.'\n"), second.Origin.Byte);
    }

    [Fact]
    public void Header_names_give_title_date_and_url_and_quoted_text_may_span_lines()
    {
        var results = Csv("id,title,date,url,text\n" +
                          "1,Gipfel in Wien,2025-12-18,https://example.org/a,\"Die Gespräche \"\"gehen weiter\"\".\nMehr folgt, sagte sie.\"\n" +
                          "2,Zweiter Tag,2025-12-19,,\"Am Freitag endete der Gipfel.\"\n");
        Assert.Equal(2, results.Count);
        var a = results[0].Article!;
        Assert.Equal("Die Gespräche \"gehen weiter\".\nMehr folgt, sagte sie.", a.Text);
        Assert.Equal("Gipfel in Wien", a.Title);
        Assert.Equal(new DateOnly(2025, 12, 18), a.Source.Published?.Date);
        Assert.Equal("https://example.org/a", a.Source.Url);
        Assert.Equal(2, a.Origin.Line);
        var b = results[1].Article!;
        Assert.Equal(4, b.Origin.Line);
        Assert.Null(b.Source.Url);
        foreach (var r in results) AssertRangesValid(r.Article!);
    }

    [Fact]
    public void A_bad_record_is_refused_with_its_line_and_the_file_goes_on()
    {
        var results = Csv("title;date;text\n" +
                          "Eins;2025-01-02;\"Erster Text.\"\n" +
                          "Zwei;2025-01-03\n" +
                          "Drei;gestern;\"Dritter Text.\"\n" +
                          "Vier;2025-01-05;Ein \"Zitat\" ohne Anführung am Feldanfang.\n" +
                          "Fünf;2025-01-06;\"Fünfter Text.\"\n");
        Assert.Equal(5, results.Count);
        Assert.Equal("Erster Text.", results[0].Article?.Text);
        Assert.Equal(RejectionCode.MalformedCsv, results[1].Rejection?.Code);
        Assert.Equal(3, results[1].Rejection?.Location.Line);
        Assert.Contains("3 fields", results[1].Rejection?.Message);
        Assert.Equal(RejectionCode.InvalidField, results[2].Rejection?.Code);
        Assert.Equal(4, results[2].Rejection?.Location.Line);
        Assert.Equal(RejectionCode.MalformedCsv, results[3].Rejection?.Code);
        Assert.Equal(5, results[3].Rejection?.Location.Line);
        Assert.Equal("Fünfter Text.", results[4].Article?.Text);
        Assert.Equal(6, results[4].Article?.Origin.Line);
    }

    [Fact]
    public void Windows_1252_bytes_are_read_as_German_text()
    {
        var cp1252 = CodePagesEncoding();
        var results = ReadBytes(cp1252.GetBytes("Ressort;Text\nInland;\"Die Bürger in Köln äußerten sich.\"\n"), name: "alt.csv");
        Assert.Equal("Die Bürger in Köln äußerten sich.", Assert.Single(results).Article?.Text);
    }

    [Fact]
    public void Tab_separated_values_by_extension()
    {
        var results = Csv("title\ttext\nKurz\tDer Text mit, Komma; und Semikolon.\n", "in.tsv");
        Assert.Equal("Der Text mit, Komma; und Semikolon.", Assert.Single(results).Article?.Text);
        Assert.Equal("Kurz", results[0].Article?.Title);
    }

    [Fact]
    public void Without_a_header_the_longest_column_is_the_text()
    {
        var results = Csv("2025-01-02,\"Ein langer Artikeltext, der länger ist als die anderen Spalten.\",x\n2025-01-03,\"Noch ein langer Artikeltext mit mehr Wörtern.\",y\n");
        Assert.Equal(2, results.Count);
        Assert.StartsWith("Ein langer Artikeltext", results[0].Article?.Text);
        Assert.Null(results[0].Article?.Source.Published);
    }

    [Fact]
    public void Empty_or_unsplittable_input_is_refused_with_a_reason()
    {
        Assert.Equal(RejectionCode.EmptyInput, Assert.Single(Csv("")).Rejection?.Code);
        var single = Assert.Single(Csv("nur eine Spalte\nohne Trenner\n"));
        Assert.Equal(RejectionCode.MalformedCsv, single.Rejection?.Code);
        Assert.Contains("delimiter", single.Rejection?.Message);
        var textless = Csv("title,text\nLeer,\"  \"\n");
        Assert.Equal(RejectionCode.NoText, Assert.Single(textless).Rejection?.Code);
    }

    [Fact]
    public void An_unclosed_quote_does_not_swallow_the_input_silently()
    {
        var results = Csv("title,text\nEins,\"Erster Text.\"\nZwei,\"Der Rest der Datei steht in diesem Feld.\nDrei,\"Dritter Text.\"\n");
        Assert.Equal("Erster Text.", results[0].Article?.Text);
        Assert.True(results.Count >= 2);
        Assert.All(results.Skip(1), r => Assert.NotNull(r.Rejection));
        Assert.Equal(3, results[1].Rejection?.Location.Line);
    }

    [Fact]
    public void A_record_longer_than_the_limit_is_refused_and_reading_stops_with_a_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"depesche-csv-{Guid.NewGuid():N}.csv");
        try
        {
            using (var f = new StreamWriter(path, false, new UTF8Encoding(false)))
            {
                f.Write("title,text\nEins,\"Erster Text.\"\nZwei,\"");
                var chunk = new string('a', 1 << 20);
                for (int i = 0; i < 5; i++) f.Write(chunk);
                f.Write("\"\nDrei,\"Dritter Text.\"\n");
            }
            var results = ArticleReader.ReadPath(path).ToList();
            Assert.Equal("Erster Text.", results[0].Article?.Text);
            var refused = results[1].Rejection;
            Assert.NotNull(refused);
            Assert.True(refused.Code == RejectionCode.TooLarge, refused.Message);
            Assert.Equal(3, refused.Location.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}

public class JsonDocumentTests
{
    [Fact]
    public void A_pretty_printed_article_object_is_one_article()
    {
        var results = ReadString("{\n  \"title\": \"Gipfel\",\n  \"published\": \"2025-12-18\",\n  \"text\": \"BERLIN (dpa) - Der Gipfel beginnt.\"\n}\n", name: "a.json");
        var a = Assert.Single(results).Article;
        Assert.NotNull(a);
        Assert.Equal("Gipfel", a.Title);
        Assert.Equal(new DateOnly(2025, 12, 18), a.Source.Published?.Date);
    }

    [Fact]
    public void An_array_of_articles_gives_each_with_its_line_and_byte()
    {
        var content = "[\n  {\"text\": \"Erster Text.\"},\n  {\"text\": \"Zweiter Text.\"},\n  42\n]";
        var results = ReadString(content, name: "many.json");
        Assert.Equal(3, results.Count);
        Assert.Equal("Erster Text.", results[0].Article?.Text);
        Assert.Equal(2, results[0].Article?.Origin.Line);
        Assert.Equal(content.IndexOf("{\"text\": \"Zweiter", StringComparison.Ordinal), results[1].Article?.Origin.Byte);
        Assert.Equal(3, results[1].Article?.Origin.Line);
        Assert.Equal(RejectionCode.MalformedJson, results[2].Rejection?.Code);
        Assert.Equal(4, results[2].Rejection?.Location.Line);
    }

    [Fact]
    public void A_document_that_is_not_an_article_is_one_rejection_not_one_per_line()
    {
        var results = ReadString("{\n  \"meta\": {\n    \"lang\": \"de\"\n  },\n  \"Annotations\": []\n}\n", name: "annotations.json");
        var r = Assert.Single(results).Rejection;
        Assert.Equal(RejectionCode.MissingField, r?.Code);
        Assert.Contains("'text'", r?.Message);
    }

    [Fact]
    public void JSON_Lines_in_a_json_file_or_without_a_name_are_still_lines()
    {
        var lines = "{\"text\": \"Eins.\"}\n{\"text\": \"Zwei.\"}\n";
        Assert.Equal(["Eins.", "Zwei."], ReadString(lines, name: "dump.json").Select(r => r.Article?.Text));
        Assert.Equal(["Eins.", "Zwei."], ReadString(lines, name: "dump").Select(r => r.Article?.Text));
        Assert.Equal(2, ReadString("[{\"text\": \"Eins.\"}, {\"text\": \"Zwei.\"}]", name: "noext").Count(r => r.Article is not null));
    }

    [Fact]
    public void Wire_text_that_opens_with_a_bracket_stays_wire_text()
    {
        var a = Assert.Single(ReadString("[Eilmeldung] BERLIN (dpa) - Der Gipfel beginnt.", name: "eil")).Article;
        Assert.NotNull(a);
        Assert.Contains("Gipfel", a.Text);
    }
}

public class TokenDocumentTests
{
    [Fact]
    public void A_tokenised_Wikinews_document_becomes_text_with_its_title_and_date()
    {
        var json = """
            {"DocumentName": "4711 - Gipfel in Wien beginnt (2025-12-18)",
             "Sentences": [{"SentenceId": 0, "Tokens": ["Der", "Gipfel", "(", "in", "Wien", ")", "beginnt", "."]},
                           {"SentenceId": 1, "Tokens": ["Er", "sagte", ":", "„", "Gut", ".", "“"]}],
             "Annotations": []}
            """;
        var a = Assert.Single(ReadString(json, name: "4711.json")).Article;
        Assert.NotNull(a);
        Assert.Equal("Der Gipfel (in Wien) beginnt. Er sagte: „Gut.“", a.Text);
        Assert.Equal("Gipfel in Wien beginnt", a.Title);
        Assert.Equal(new DateOnly(2025, 12, 18), a.Source.Published?.Date);
    }

    [Fact]
    public void Sentences_without_token_lists_are_an_invalid_field()
    {
        var r = Assert.Single(ReadString("""{"Sentences": [{"Tokens": "kein Array"}]}""", name: "x.json")).Rejection;
        Assert.Equal(RejectionCode.InvalidField, r?.Code);
    }
}
