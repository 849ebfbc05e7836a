using System.Text;
using Depesche.Core;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

public class JsonLinesTests
{
    [Fact]
    public void Good_and_bad_lines_the_batch_goes_on()
    {
        var lines = new[]
        {
            /* 1 */ """{"id":"x1","text":" date 2025-12-18 BERLIN (dpa) - Erster Text./ab/cd","title":"Titel eins","url":"https://example.invalid/1","source":"dpa"}""",
            /* 2 */ """{"text": "Zweiter Text ohne Ortsmarke.", "published": "2025-12-19T08:00:00+01:00", "source": "Beispielzeitung"}""",
            /* 3 */ """{"text": "kaputt""",
            /* 4 */ """{"title": "ohne Text"}""",
            /* 5 */ "",
            /* 6 */ """{"text": 42}""",
            /* 7 */ """{"text": "Text mit schlechtem Datum.", "published": "morgen"}""",
            /* 8 */ """[1, 2]""",
            /* 9 */ """{"text": " date 2025-12-18 BERLIN (dpa) - Text mit eigenem Datum.", "published": "2024-01-01"}""",
            /* 10 */ """{"text": "   "}""",
            /* 11 */ """{"text": "Ein Text", "title": ["kein", "String"]}""",
        };
        var content = string.Join("\n", lines) + "\n";
        var results = ReadString(content, InputFormat.Jsonl, "batch.jsonl");

        Assert.Equal(10, results.Count); // the blank line 5 yields nothing
        Assert.Equal(
            ["ok", "ok", "MalformedJson", "MissingField", "InvalidField", "InvalidField", "MalformedJson", "ok", "NoText", "InvalidField"],
            results.Select(r => r.IsArticle ? "ok" : r.Rejection!.Code.ToString()));
        Assert.Equal([3L, 4, 6, 7, 8, 10, 11], results.Where(r => !r.IsArticle).Select(r => r.Rejection!.Location.Line!.Value));

        var first = results[0].Article!;
        Assert.Equal("Titel eins", first.Title);
        Assert.Equal("dpa", first.Source.Agency);
        Assert.Equal(["BERLIN"], first.Source.Datelines.Select(d => d.Place));
        Assert.Equal("https://example.invalid/1", first.Source.Url);
        Assert.Equal(1, first.Origin.Line);
        Assert.Equal(0, first.Origin.Byte);
        Assert.Equal(Article.IdFromText(first.Text), first.Id); // the JSON id is ignored

        var second = results[1].Article!;
        Assert.Equal("2025-12-19T08:00:00+01:00", second.Source.Published?.ToString());
        Assert.Equal("Beispielzeitung", second.Source.Outlet);
        Assert.Null(second.Source.Agency);
        Assert.Equal(Encoding.UTF8.GetByteCount(lines[0]) + 1, second.Origin.Byte);

        // the wire text's own date wins over the JSON field
        Assert.Equal(new DateOnly(2025, 12, 18), results[7].Article!.Source.Published?.Date);
        foreach (var r in results.Where(r => r.IsArticle)) AssertRangesValid(r.Article!);
    }

    [Fact]
    public void Malformed_json_names_the_byte_of_the_error()
    {
        var content = "{\"text\":\"gut\"}\n{\"text\": tru}\n";
        var bad = Assert.Single(ReadString(content, InputFormat.Jsonl), r => !r.IsArticle).Rejection!;
        Assert.Equal(RejectionCode.MalformedJson, bad.Code);
        Assert.Equal(2, bad.Location.Line);
        Assert.InRange(bad.Location.Byte!.Value, 15, 15 + 12);
    }

    [Fact]
    public void Crlf_bom_and_missing_final_newline()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("{\"text\":\"Eins.\"}\r\n{\"text\":\"Zwei.\"}")).ToArray();
        var results = ReadBytes(bytes, InputFormat.Jsonl);
        Assert.Equal(["Eins.", "Zwei."], results.Select(r => r.Article!.Text));
        Assert.Equal([1L, 2], results.Select(r => r.Article!.Origin.Line!.Value));
    }

    [Fact]
    public void Invalid_utf8_and_mojibake_lines_are_rejected_with_codes()
    {
        byte[] content = [.. Encoding.UTF8.GetBytes("{\"text\":\"Gr"), 0xFC, .. Encoding.UTF8.GetBytes("n\"}\n"),
                          .. Encoding.UTF8.GetBytes("{\"text\":\"GrÃ¼ne Ã¼ber\"}\n"),
                          .. Encoding.UTF8.GetBytes("{\"text\":\"Grün Ã¼ber\"}\n")];
        var results = ReadBytes(content, InputFormat.Jsonl);
        Assert.Equal(3, results.Count);
        Assert.False(results[0].IsArticle); // a cp1252 byte inside JSON is not UTF-8
        Assert.Equal("Grüne über", results[1].Article?.Text); // repaired
        Assert.Equal(RejectionCode.Mojibake, results[2].Rejection?.Code);
    }

    [Fact]
    public void A_50_MB_single_line_is_rejected_in_bounded_memory_and_the_next_line_is_read()
    {
        var dir = Directory.CreateTempSubdirectory("depesche-big-");
        try
        {
            var path = Path.Combine(dir.FullName, "big.jsonl");
            using (var f = File.Create(path))
            {
                f.Write(Encoding.UTF8.GetBytes("{\"text\":\""));
                var chunk = Encoding.UTF8.GetBytes(new string('a', 1024 * 1024));
                for (var i = 0; i < 50; i++) f.Write(chunk);
                f.Write(Encoding.UTF8.GetBytes("\"}\n{\"text\":\"Danach.\"}\n"));
            }
            GC.Collect();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var results = ArticleReader.ReadPath(path).ToList();
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

            Assert.Equal(2, results.Count);
            Assert.Equal(RejectionCode.TooLarge, results[0].Rejection?.Code);
            Assert.Equal(1, results[0].Rejection?.Location.Line);
            Assert.Equal("Danach.", results[1].Article?.Text);
            Assert.Equal(2, results[1].Article?.Origin.Line);
            // Why: the line buffer doubles up to the 16 MB line limit (about 32 MB allocated in all) and is never
            // filled with the whole 50 MB line; a StreamReader.ReadLine would allocate several hundred MB here.
            Assert.True(allocated < 2L * Limits.MaxJsonLineBytes + 24L * 1024 * 1024, $"allocated {allocated} bytes");
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

public class JsonLinesEdgeTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    public void Empty_jsonl_is_one_empty_input_rejection(string content) =>
        Assert.Equal(RejectionCode.EmptyInput, Assert.Single(ReadString(content, InputFormat.Jsonl)).Rejection?.Code);
}

public class JsonLinesEncodingTests
{
    [Fact]
    public void Utf16_jsonl_is_one_invalid_encoding_rejection()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")];
        Assert.Equal(RejectionCode.InvalidEncoding, Assert.Single(ReadBytes(bytes, InputFormat.Jsonl)).Rejection?.Code);
    }
}
