using System.Text;
using Depesche.Core;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

public class TextDecoderTests
{
    private const string German = "BERLIN (dpa) - Die Gespräche über Größe und Maß „gehen weiter“ – sagte Müller.";

    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TheoryData<string, byte[], string> Encodings()
    {
        var data = new TheoryData<string, byte[], string>();
        data.Add("utf-8", Encoding.UTF8.GetBytes(German), "utf-8");
        data.Add("utf-8 BOM", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(German)], "utf-8");
        data.Add("utf-16le BOM", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(German)], "utf-16le");
        data.Add("utf-16be BOM", [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(German)], "utf-16be");
        // BOM-less UTF-16 is recognised by where the NUL bytes sit
        data.Add("utf-16le no BOM", Encoding.Unicode.GetBytes(German), "utf-16le");
        data.Add("utf-16be no BOM", Encoding.BigEndianUnicode.GetBytes(German), "utf-16be");
        // „ “ – exist only in cp1252 (0x84, 0x93, 0x96)
        data.Add("windows-1252", Encoding.GetEncoding(1252).GetBytes(German), "windows-1252");
        return data;
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Decodes(string what, byte[] bytes, string encoding)
    {
        var r = TextDecoder.Decode(bytes, new SourceLocation(what));
        Assert.Null(r.Rejection);
        Assert.Equal(German, r.Text);
        Assert.Equal(encoding, r.Encoding);
    }

    [Fact]
    public void Decodes_iso_8859_1()
    {
        const string latin = "Die Gespräche über Größe und Maß gehen weiter, sagte Müller.";
        var r = TextDecoder.Decode(Encoding.Latin1.GetBytes(latin), default);
        Assert.Equal(latin, r.Text);
        Assert.Equal("iso-8859-1", r.Encoding);
    }

    [Theory]
    [InlineData("Die GesprÃ¤che Ã¼ber GrÃ¶ÃŸe", "Die Gespräche über Größe")]
    [InlineData("â€žSo gehtâ€œ â€“ sagte er", "„So geht“ – sagte er")]
    [InlineData("Ã„rger in Ã–sterreich und Ãœberraschung", "Ärger in Österreich und Überraschung")]
    public void Repairs_mojibake(string broken, string repaired)
    {
        var r = TextDecoder.Decode(Encoding.UTF8.GetBytes(broken), default);
        Assert.Null(r.Rejection);
        Assert.True(r.Repaired);
        Assert.Equal(repaired, r.Text);
    }

    [Fact]
    public void Rejects_mixed_mojibake_that_cannot_be_repaired_unambiguously()
    {
        // Why: a correct "ä" next to a broken "Ã¼" cannot be re-encoded as one consistent byte sequence.
        var r = TextDecoder.Decode(Encoding.UTF8.GetBytes("Gespräche Ã¼ber Grenzen"), default);
        Assert.Equal(RejectionCode.Mojibake, r.Rejection?.Code);
    }

    [Fact]
    public void Clean_text_is_not_repaired()
    {
        var r = TextDecoder.Decode(Encoding.UTF8.GetBytes("SÃO PAULO (AFP) - Ärger über Öl."), default);
        Assert.False(r.Repaired);
        Assert.Equal("SÃO PAULO (AFP) - Ärger über Öl.", r.Text);
    }

    [Fact]
    public void Binary_content_is_rejected_with_its_offset()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("PK"), 0x03, 0x04, 0x14, 0x00, 0x08, 0x00, 0x08, 0x00, 0x9A, 0xFF];
        var r = TextDecoder.Decode(bytes, new SourceLocation("x.zip"));
        Assert.Equal(RejectionCode.BinaryContent, r.Rejection?.Code);
        Assert.Equal(5, r.Rejection?.Location.Byte);
    }

    [Fact]
    public void Many_control_characters_are_binary()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 2 == 0 ? 'a' : 0x01)).ToArray();
        Assert.Equal(RejectionCode.BinaryContent, TextDecoder.Decode(bytes, default).Rejection?.Code);
    }

    [Fact]
    public void Truncated_utf8_is_rejected_at_the_cut()
    {
        var whole = Encoding.UTF8.GetBytes("Die Gespräche über Maß");
        var cut = whole[..^1]; // "ß" is two bytes; drop the second
        var r = TextDecoder.Decode(cut, new SourceLocation("cut.txt"));
        Assert.Equal(RejectionCode.TruncatedEncoding, r.Rejection?.Code);
        Assert.Equal(cut.Length - 1, r.Rejection?.Location.Byte);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x20, 0x0A, 0x09, 0x0D, 0x0A })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Empty_input(byte[] bytes) =>
        Assert.Equal(RejectionCode.EmptyInput, TextDecoder.Decode(bytes, default).Rejection?.Code);

    [Fact]
    public void Non_german_single_byte_text_is_invalid_encoding()
    {
        // cp1251 Cyrillic: high bytes are letters, but not the Latin ones German uses
        var bytes = Encoding.GetEncoding(1251).GetBytes("Москва и Киев ведут переговоры");
        Assert.Equal(RejectionCode.InvalidEncoding, TextDecoder.Decode(bytes, default).Rejection?.Code);
    }

    [Fact]
    public void Files_in_each_encoding_read_the_same_article()
    {
        var dir = Directory.CreateTempSubdirectory("depesche-enc-");
        try
        {
            const string text = " date 2025-12-18 MÜNCHEN (dpa) - Die Gespräche über „Maß“ gehen weiter./ab/cd";
            File.WriteAllBytes(Path.Combine(dir.FullName, "a.txt"), [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)]);
            File.WriteAllBytes(Path.Combine(dir.FullName, "b.txt"), Encoding.Unicode.GetBytes(text));
            File.WriteAllBytes(Path.Combine(dir.FullName, "c.txt"), Encoding.GetEncoding(1252).GetBytes(text));
            File.WriteAllBytes(Path.Combine(dir.FullName, "d.txt"), Encoding.UTF8.GetBytes(Encoding.GetEncoding(1252).GetString(Encoding.UTF8.GetBytes(text))));
            var results = ArticleReader.ReadPath(dir.FullName).ToList();
            Assert.Equal(4, results.Count);
            Assert.All(results, r => Assert.Equal(text, r.Article?.Text));
            Assert.All(results, r => Assert.Equal(["MÜNCHEN"], r.Article!.Source.Datelines.Select(d => d.Place)));
            Assert.Single(results.Select(r => r.Article!.Id).Distinct());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}

public class TextDecoderEdgeTests
{
    [Fact]
    public void Utf8_with_one_stray_single_byte_is_invalid_encoding()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("Die Gespräche über "), 0xFC, .. Encoding.UTF8.GetBytes("ber alles.")];
        var r = TextDecoder.Decode(bytes, new SourceLocation("mixed.txt", null, 100));
        Assert.Equal(RejectionCode.InvalidEncoding, r.Rejection?.Code);
        Assert.Equal(100 + Encoding.UTF8.GetByteCount("Die Gespräche über "), r.Rejection?.Location.Byte);
    }

    [Fact]
    public void Ascii_text_ending_in_a_cp1252_umlaut_is_cp1252()
    {
        var r = TextDecoder.Decode(Encoding.Latin1.GetBytes("Das war sehr sch\u00F6n in M\u00FCnchen, sagte der B\u00E4"), default);
        Assert.Equal("Das war sehr schön in München, sagte der Bä", r.Text);
    }

    [Fact]
    public void Odd_length_utf16_is_truncated()
    {
        byte[] bytes = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("Grüße"), 0x41];
        Assert.Equal(RejectionCode.TruncatedEncoding, TextDecoder.Decode(bytes, default).Rejection?.Code);
    }
}
