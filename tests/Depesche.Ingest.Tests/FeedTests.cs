using Depesche.Core;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

public class FeedTests
{
    [Fact]
    public void Rss_items_with_html_and_a_malformed_date()
    {
        var results = ArticleReader.ReadPath(Fixture("feed_rss.xml")).ToList();
        Assert.Equal(3, results.Count);

        var first = results[0].Article!;
        Assert.Equal("Hafen Hamburg meldet Rekordumschlag", first.Title);
        Assert.Equal("https://example.invalid/hafen", first.Source.Url);
        Assert.Equal("2025-12-18T14:05:00+01:00", first.Source.Published?.ToString());
        Assert.Equal("HAMBURG (dpa) - Der Hafen hat im dritten Quartal so viele Container umgeschlagen wie nie zuvor.\n\nDie Reedereien zeigten sich zufrieden.", first.Text);
        Assert.DoesNotContain("<", first.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("track", first.Text, StringComparison.Ordinal);
        Assert.Equal(["HAMBURG"], first.Source.Datelines.Select(d => d.Place));
        Assert.Equal("dpa", first.Source.Agency);
        Assert.Equal("Beispiel-Nachrichten", first.Source.Outlet);
        Assert.Equal(6, first.Origin.Line); // the <item> element's line

        var second = results[1].Article!;
        Assert.Equal("Bahn & Bund einigen sich", second.Title);
        Assert.Null(second.Source.Published); // "32 Foo 2025" is dropped, not fatal
        Assert.Equal("Erika Muster", second.Source.Author);

        Assert.Equal(RejectionCode.NoText, results[2].Rejection?.Code); // title only
        foreach (var r in results.Where(r => r.IsArticle)) AssertRangesValid(r.Article!);
    }

    [Fact]
    public void Atom_entries()
    {
        var results = ArticleReader.ReadPath(Fixture("feed_atom.xml")).ToList();
        Assert.Equal(2, results.Count);
        var a = results[0].Article!;
        Assert.Equal("Stromnetz: Ausbau verzögert sich", a.Title);
        Assert.Equal("https://example.invalid/strom", a.Source.Url);
        Assert.Equal("2025-12-18T09:30:00+01:00", a.Source.Published?.ToString());
        Assert.Equal("Max Beispiel", a.Source.Author);
        Assert.Equal("Der Ausbau der Stromtrassen kommt langsamer voran als geplant.\n\nDie Netzbetreiber nennen Lieferengpässe als Grund.", a.Text);
        Assert.Equal(2, a.Paragraphs.Length);

        var b = results[1].Article!;
        Assert.Null(b.Source.Published); // "gestern abend"
        Assert.Equal("https://example.invalid/ohne", b.Source.Url);
    }

    [Fact]
    public void Malformed_feed_is_one_rejection_with_its_line()
    {
        var r = Assert.Single(ArticleReader.ReadPath(Fixture("feed_malformed.xml")));
        Assert.Equal(RejectionCode.MalformedFeed, r.Rejection?.Code);
        Assert.Equal(8, r.Rejection?.Location.Line);
    }

    [Theory]
    [InlineData("Thu, 18 Dec 2025 14:05:00 +0100", "2025-12-18T14:05:00+01:00")]
    // wrong weekday and a named zone
    [InlineData("Mon, 18 Dec 2025 14:05:00 GMT", "2025-12-18T14:05:00Z")]
    // no weekday, no seconds, two-digit year
    [InlineData("18 Dec 25 14:05 CET", "2025-12-18T14:05:00+01:00")]
    // German month and weekday
    [InlineData("Do, 18 Dez 2025 14:05:00 MEZ", "2025-12-18T14:05:00+01:00")]
    [InlineData("2025-12-18T14:05:00.123+01:00", "2025-12-18T14:05:00+01:00")]
    [InlineData("2025-12-18", "2025-12-18")]
    // an hour of 25 keeps the date, drops the time
    [InlineData("18 Dec 2025 25:00", "2025-12-18")]
    [InlineData("32 Dec 2025", null)]
    [InlineData("gestern", null)]
    public void Lenient_dates(string input, string? expected) =>
        Assert.Equal(expected, DateParsing.ParseLenient(input)?.ToString());

    [Fact]
    public void Feed_from_a_stream_is_sniffed()
    {
        var xml = File.ReadAllText(Fixture("feed_atom.xml"));
        var results = ReadString(xml, name: "-");
        Assert.Equal(2, results.Count(r => r.IsArticle));
        Assert.All(results, r => Assert.Equal("-", r.Article!.Origin.File));
    }
}
