using System.Text;
using Depesche.Core;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

public class ArticleReaderTests
{
    [Theory]
    [InlineData("{\"text\":\"x\"}", InputFormat.Jsonl)]
    [InlineData("<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>", InputFormat.Feed)]
    [InlineData("  <rss version=\"2.0\"></rss>", InputFormat.Feed)]
    [InlineData("<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", InputFormat.Feed)]
    [InlineData("<!DOCTYPE html><html></html>", InputFormat.Html)]
    [InlineData("<html><body></body></html>", InputFormat.Html)]
    // XHTML with an XML declaration is still HTML
    [InlineData("<?xml version=\"1.0\"?><!DOCTYPE html><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>", InputFormat.Html)]
    [InlineData(" date 2025-12-18 BERLIN (dpa) - Text.", InputFormat.Wire)]
    [InlineData("Einfach Text.", InputFormat.Wire)]
    public void Sniffs_content(string content, InputFormat expected) =>
        Assert.Equal(expected, ArticleReader.Sniff(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public void Sniffs_utf16_content() =>
        Assert.Equal(InputFormat.Html, ArticleReader.Sniff([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("<html></html>")]));

    [Theory]
    [InlineData("a.jsonl", InputFormat.Jsonl)]
    [InlineData("a.NDJSON", InputFormat.Jsonl)]
    [InlineData("a.rss", InputFormat.Feed)]
    [InlineData("a.atom", InputFormat.Feed)]
    [InlineData("a.xml", InputFormat.Feed)]
    [InlineData("a.htm", InputFormat.Html)]
    [InlineData("a.txt", InputFormat.Auto)]
    public void Format_from_extension(string path, InputFormat expected) =>
        Assert.Equal(expected, ArticleReader.FormatFromExtension(path));

    [Fact]
    public void Folder_is_read_recursively_in_order_skipping_hidden_files()
    {
        var dir = Directory.CreateTempSubdirectory("depesche-dir-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "b"));
            Directory.CreateDirectory(Path.Combine(dir.FullName, ".git"));
            File.WriteAllText(Path.Combine(dir.FullName, "b", "2.txt"), "Zwei.");
            File.WriteAllText(Path.Combine(dir.FullName, "b", "1.txt"), "Eins.");
            File.WriteAllText(Path.Combine(dir.FullName, "a.jsonl"), "{\"text\":\"Null.\"}\n{\"text\":\"Null b.\"}\n");
            File.WriteAllText(Path.Combine(dir.FullName, "c.txt"), "Drei.");
            File.WriteAllText(Path.Combine(dir.FullName, ".hidden.txt"), "Versteckt.");
            File.WriteAllText(Path.Combine(dir.FullName, ".git", "x.txt"), "Versteckt.");
            File.WriteAllBytes(Path.Combine(dir.FullName, "d.txt"), []);

            var results = ArticleReader.ReadPath(dir.FullName).ToList();
            Assert.Equal(["Null.", "Null b.", "Eins.", "Zwei.", "Drei.", null], results.Select(r => r.Article?.Text));
            Assert.Equal(RejectionCode.EmptyInput, results[^1].Rejection?.Code);
            Assert.EndsWith("d.txt", results[^1].Rejection?.Location.File, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Missing_path_is_one_rejection()
    {
        var r = Assert.Single(ArticleReader.ReadPath("/nonexistent/depesche/none.txt"));
        Assert.Equal(RejectionCode.Unreadable, r.Rejection?.Code);
    }

    [Fact]
    public void Binary_file_is_rejected()
    {
        var r = Assert.Single(ReadBytes([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52], name: "x.png"));
        Assert.Equal(RejectionCode.BinaryContent, r.Rejection?.Code);
        Assert.Equal(8, r.Rejection?.Location.Byte);
    }

    [Fact]
    public void Oversized_wire_file_is_too_large()
    {
        var big = new byte[Limits.MaxDocumentBytes + 10];
        big.AsSpan().Fill((byte)'a');
        var r = Assert.Single(ReadBytes(big, InputFormat.Wire));
        Assert.Equal(RejectionCode.TooLarge, r.Rejection?.Code);
    }

    [Fact]
    public void Text_just_over_the_character_limit_is_too_large()
    {
        var big = new byte[Limits.MaxTextChars + 1];
        big.AsSpan().Fill((byte)'a');
        Assert.Equal(RejectionCode.TooLarge, Assert.Single(ReadBytes(big, InputFormat.Wire)).Rejection?.Code);
    }

    [Fact]
    public void Stdin_style_stream_of_wire_text()
    {
        var r = Assert.Single(ReadString(" date 2025-12-18 BERLIN (dpa) - Text./ab/cd", name: "-"));
        Assert.Equal("-", r.Article?.Origin.File);
        Assert.Equal(["ab", "cd"], r.Article!.Source.EditorCodes.Select(c => c.Code));
    }
}

public class FailingStreamTests
{
    /// <summary>Serves some bytes, then fails like a dropped network share.</summary>
    private sealed class FailingStream(byte[] head) : Stream
    {
        private int _pos;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_pos >= head.Length) throw new IOException("connection lost");
            var n = Math.Min(count, head.Length - _pos);
            Array.Copy(head, _pos, buffer, offset, n);
            _pos += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void Jsonl_read_error_ends_the_batch_with_an_unreadable_rejection()
    {
        var stream = new FailingStream(Encoding.UTF8.GetBytes("{\"text\":\"Eins.\"}\n{\"text\":\"Zw"));
        var results = ArticleReader.ReadStream(stream, "net.jsonl", InputFormat.Jsonl).ToList();
        Assert.Equal(2, results.Count);
        Assert.Equal("Eins.", results[0].Article?.Text);
        Assert.Equal(RejectionCode.Unreadable, results[1].Rejection?.Code);
        Assert.Equal(2, results[1].Rejection?.Location.Line);
    }

    [Fact]
    public void Wire_read_error_is_an_unreadable_rejection()
    {
        var stream = new FailingStream(Encoding.UTF8.GetBytes("BERLIN (dpa) - Text"));
        Assert.Equal(RejectionCode.Unreadable, Assert.Single(ArticleReader.ReadStream(stream, "net.txt")).Rejection?.Code);
    }

    [Fact]
    public void ReadStream_is_lazy()
    {
        var stream = new FailingStream([]);
        var results = ArticleReader.ReadStream(stream, "lazy"); // nothing read yet, nothing thrown
        Assert.Equal(RejectionCode.Unreadable, Assert.Single(results).Rejection?.Code);
    }
}

public class FormatDetectionTests
{
    [Fact]
    public void Content_decides_when_the_extension_says_nothing_and_an_explicit_format_wins()
    {
        var dir = Directory.CreateTempSubdirectory("depesche-fmt-");
        try
        {
            var html = Path.Combine(dir.FullName, "seite.txt");
            File.WriteAllText(html, "<!DOCTYPE html><html><body><article><p>Ein Absatz.</p></article></body></html>");
            var jsonl = Path.Combine(dir.FullName, "zeilen");
            File.WriteAllText(jsonl, "{\"text\":\"Eins.\"}\n{\"text\":\"Zwei.\"}\n");

            Assert.Equal("Ein Absatz.", Assert.Single(ArticleReader.ReadPath(html)).Article?.Text);
            Assert.Equal(2, ArticleReader.ReadPath(jsonl).Count(r => r.IsArticle));
            // read as wire text on request, the markup is the text
            Assert.StartsWith("<!DOCTYPE", Assert.Single(ArticleReader.ReadPath(html, InputFormat.Wire)).Article?.Text, StringComparison.Ordinal);
            // not a feed: one MalformedFeed
            Assert.Equal(RejectionCode.MalformedFeed, Assert.Single(ArticleReader.ReadPath(jsonl, InputFormat.Feed)).Rejection?.Code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
