using Depesche.Core;
using Xunit;

namespace Depesche.Ingest.Tests;

internal static class TestSupport
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static Article Wire(string text) => WireTextParser.Parse(text, new SourceLocation("test"));

    public static List<ReadResult> ReadString(string content, InputFormat format = InputFormat.Auto, string name = "test") =>
        ArticleReader.ReadStream(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), name, format).ToList();

    public static List<ReadResult> ReadBytes(byte[] content, InputFormat format = InputFormat.Auto, string name = "test") =>
        ArticleReader.ReadStream(new MemoryStream(content), name, format).ToList();

    /// <summary>The invariant every reader keeps: all ranges lie inside the text, body structure inside the body, in order.</summary>
    public static void AssertRangesValid(Article a)
    {
        var n = a.Text.Length;
        void Inside(TextRange r, string what) => Assert.True(r.Start >= 0 && r.End <= n && r.Start <= r.End, $"{what} {r} outside text of length {n}");

        Inside(a.Body, "body");
        if (a.Headline is { } h) { Inside(h, "headline"); Assert.True(h.End <= a.Body.Start, "headline before body"); }
        if (a.DatelineRange is { } d)
        {
            Inside(d, "dateline");
            Assert.True(d.End <= a.Body.Start, "dateline before body");
            if (a.Headline is { } hh) Assert.True(hh.End <= d.Start, "headline before dateline");
            foreach (var place in a.Source.Datelines) Assert.True(d.Contains(place.Range), $"place {place.Range} in dateline");
            if (a.Source.AgencyRange is { } ag) Assert.True(d.Contains(ag), "agency in dateline");
        }
        if (a.TrailerRange is { } t)
        {
            Inside(t, "trailer");
            Assert.True(a.Body.End <= t.Start, "body before trailer");
            foreach (var c in a.Source.EditorCodes) Assert.True(t.Contains(c.Range), $"code {c.Range} in trailer");
        }
        foreach (var m in a.Source.VersionMarkers) Inside(m.Range, "marker");
        AssertOrdered(a.Source.Datelines.Select(x => x.Range));
        AssertOrdered(a.Source.EditorCodes.Select(x => x.Range));

        var blocks = a.Paragraphs.Concat(a.Subheadings).OrderBy(r => r.Start).ToList();
        foreach (var b in blocks) Assert.True(a.Body.Contains(b) && !b.IsEmpty, $"block {b} inside body {a.Body}");
        AssertOrdered(blocks);
        AssertOrdered(a.Paragraphs);
        AssertOrdered(a.Subheadings);
        Assert.Equal(Article.IdFromText(a.Text), a.Id);
    }

    private static void AssertOrdered(IEnumerable<TextRange> ranges)
    {
        TextRange? previous = null;
        foreach (var r in ranges)
        {
            if (previous is { } p) Assert.True(p.End <= r.Start, $"{p} and {r} overlap or are out of order");
            previous = r;
        }
    }
}
