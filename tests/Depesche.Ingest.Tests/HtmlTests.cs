using Depesche.Core;
using Xunit;
using static Depesche.Ingest.Tests.TestSupport;

namespace Depesche.Ingest.Tests;

public class HtmlTests
{
    [Fact]
    public void Article_page_with_boilerplate_meta_and_json_ld()
    {
        var a = Assert.Single(ArticleReader.ReadPath(Fixture("page.html"))).Article!;

        Assert.Equal(
            "DRESDEN (dpa) - Nach vier Jahren Bauzeit ist die neue Elbbrücke für den Verkehr freigegeben worden.\n\n" +
            "Der Oberbürgermeister sprach von einem wichtigen Tag für die Stadt.\n\n" +
            "Kosten höher als geplant\n\n" +
            "Die Baukosten lagen deutlich über der ursprünglichen Schätzung.", a.Text);
        Assert.Equal("Neue Brücke über die Elbe eröffnet", a.Title); // og:title wins over JSON-LD and <title>
        Assert.Equal("2025-12-18T08:15:00+01:00", a.Source.Published?.ToString()); // from JSON-LD
        Assert.Equal("Lena Beispiel", a.Source.Author);
        Assert.Equal("Beispielzeitung", a.Source.Outlet);
        Assert.Equal("https://example.invalid/bruecke", a.Source.Url);
        Assert.Equal(["DRESDEN"], a.Source.Datelines.Select(d => d.Place));
        Assert.Equal(["Kosten höher als geplant"], a.Subheadings.Select(s => s.Slice(a.Text)));
        AssertRangesValid(a);
    }

    [Fact]
    public void Densest_block_without_article_element()
    {
        var a = Assert.Single(ArticleReader.ReadPath(Fixture("page_divs.html"))).Article!;
        Assert.Equal("Die Inflation in der Eurozone ist im Oktober leicht gesunken. Das teilte das Statistikamt mit.\n\nÖkonomen hatten mit einem stärkeren Rückgang gerechnet.", a.Text);
        Assert.Equal("Dichte Absätze", a.Title);
        Assert.Equal("2025-11-03", a.Source.Published?.ToString());
    }

    [Fact]
    public void Json_ld_fills_in_when_meta_is_missing()
    {
        const string html = """
            <!DOCTYPE html><html><head><title>T</title>
            <script type="application/ld+json">{"@type":["NewsArticle"],"headline":"Aus JSON-LD","datePublished":"2025-10-01","author":{"name":"A. Autor"}}</script>
            <script type="application/ld+json">{ kaputt </script>
            </head><body><article><p>Ein Absatz mit Text.</p></article></body></html>
            """;
        var a = Assert.Single(ReadString(html, name: "page")).Article!;
        Assert.Equal("Aus JSON-LD", a.Title);
        Assert.Equal("2025-10-01", a.Source.Published?.ToString());
        Assert.Equal("A. Autor", a.Source.Author);
        Assert.Equal("Ein Absatz mit Text.", a.Text);
    }

    [Fact]
    public void Page_without_text_is_rejected()
    {
        var r = Assert.Single(ReadString("<!DOCTYPE html><html><head><title>Leer</title></head><body><nav>Menü</nav></body></html>"));
        Assert.Equal(RejectionCode.NoText, r.Rejection?.Code);
    }
}

public class HtmlBoilerplateTests
{
    [Fact]
    public void Class_names_are_matched_by_whole_parts()
    {
        const string html = """
            <html><body>
            <div class="shared-content header-image"><p>Der eigentliche Artikeltext steht hier und ist lang genug.</p><p>Noch ein Absatz.</p></div>
            <div class="social-links"><p>Folgen Sie uns auf allen Kanälen und Plattformen, die es gibt.</p></div>
            </body></html>
            """;
        var a = Assert.Single(ReadString(html, InputFormat.Html)).Article!;
        Assert.Equal("Der eigentliche Artikeltext steht hier und ist lang genug.\n\nNoch ein Absatz.", a.Text);
    }
}
