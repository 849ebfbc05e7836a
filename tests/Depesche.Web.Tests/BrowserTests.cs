using System.Globalization;
using System.Text.Json;
using Depesche.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Depesche.Web.Tests;

/// <summary>
/// The workbench in Debian's headless Chromium, driven by Playwright against the real server: the walk
/// search → article → entity → network → map → story, and the XSS fixture. Screenshots go to artifacts/screenshots.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class BrowserTests(WorkbenchServer server) : IAsyncLifetime
{
    // Why these flags: as root Chromium needs --no-sandbox; without the networking flags it floods a closed network.
    // Playwright gives every launch a fresh, empty --user-data-dir of its own.
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private static string Shots => Path.Combine(SharedData.RepoRoot, "artifacts", "screenshots");

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private readonly List<string> _console = [];
    private readonly List<string> _dialogs = [];

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFactAttribute.Chromium) && Environment.GetEnvironmentVariable("CI") != "true") return;
        Directory.CreateDirectory(Shots);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium, Headless = true, Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.CloseAsync();
        _playwright?.Dispose();
    }

    private async Task<IPage> NewPage()
    {
        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1360, Height = 1000 }, Locale = "de-DE" });
        var page = await context.NewPageAsync();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") _console.Add(m.Text); };
        page.PageError += (_, e) => _console.Add("pageerror: " + e);
        page.Dialog += async (_, d) => { _dialogs.Add(d.Message); await d.DismissAsync(); };
        return page;
    }

    private static async Task Ready(IPage page, string pageName)
    {
        await page.WaitForSelectorAsync($"#view[data-page='{pageName}'][data-ready='true']", new PageWaitForSelectorOptions { Timeout = 15_000 });
        var error = await page.QuerySelectorAsync("#view .error");
        if (error is not null) Assert.Fail("the page shows an error: " + await error.TextContentAsync());
    }

    private static Task Shot(IPage page, string name) => page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, name + ".png"), FullPage = true });

    [BrowserFact]
    public async Task Walk_search_article_entity_network_map_story()
    {
        var page = await NewPage();
        var started = DateTime.UtcNow;
        await page.GotoAsync(server.BaseUrl + "/");
        await Ready(page, "search");
        // Recorded, not asserted (no timing assertions in tests): the figure goes into docs/web.md via bench serve.
        var firstPageMs = (DateTime.UtcNow - started).TotalMilliseconds;
        File.WriteAllText(Path.Combine(Shots, "first-page.json"), JsonSerializer.Serialize(new { firstPageMs = Math.Round(firstPageMs), articles = 5 }));
        Assert.Equal(5, await page.Locator("#hits > li").CountAsync());
        Assert.Contains("5 Artikel", await page.Locator("#status").TextContentAsync() ?? "", StringComparison.Ordinal);

        // search with highlighted snippets and facets
        await page.FillAsync("#q", "Treffen");
        await page.PressAsync("#q", "Enter");
        await page.WaitForSelectorAsync("#view[data-ready='true'] #total");
        await Ready(page, "search");
        Assert.Contains("Treffen", await page.Locator("#hits mark").First.TextContentAsync() ?? "", StringComparison.OrdinalIgnoreCase);
        var facetText = await page.Locator("#facets").TextContentAsync() ?? "";
        Assert.Contains("Quelle", facetText, StringComparison.Ordinal);
        Assert.Contains("Emmanuel Macron", facetText, StringComparison.Ordinal);
        Assert.Contains("Ereignistyp", facetText, StringComparison.Ordinal);
        await Shot(page, "01-search");

        // article: entities, times, quotes and events highlighted, with what hovering shows
        await page.Locator("#hits .article-link", new PageLocatorOptions { HasTextString = "ROUNDUP" }).ClickAsync();
        await Ready(page, "article");
        var macron = page.Locator("#article-text a.ent", new PageLocatorOptions { HasTextString = "Macron" }).First;
        Assert.Contains("Entität: Emmanuel Macron (PER", await macron.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.Contains("Zeit: 2026-03-06", await page.Locator("#article-text .time").First.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        var quoteTitle = await page.Locator("#article-text .quote").First.GetAttributeAsync("title") ?? "";
        Assert.Contains("Sprecher:", quoteTitle, StringComparison.Ordinal);
        Assert.Contains("Quellenkette:", quoteTitle, StringComparison.Ordinal);
        Assert.StartsWith("Ereignis ", await page.Locator("#article-text .event").First.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        // The headline's "treffen sich", then "getroffen", "Bei dem Treffen", "nach dem Gespräch": one meeting, one list entry.
        var further = page.Locator("#article-text .event", new PageLocatorOptions { HasTextString = "Gespräch" }).First;
        Assert.Contains("weitere Erwähnung (held", await further.GetAttributeAsync("title") ?? "", StringComparison.Ordinal);
        Assert.Contains("4 Erwähnungen", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        var meta = await page.Locator("#article-meta").InnerTextAsync();
        Assert.Contains("PARIS", meta, StringComparison.Ordinal);
        Assert.Contains("ab cd", meta, StringComparison.Ordinal);
        Assert.Contains("ROUNDUP", meta, StringComparison.Ordinal);
        await macron.HoverAsync();
        await Shot(page, "02-article");
        var storyHref = await page.Locator("#article-meta a[href^='#/story/']").GetAttributeAsync("href");

        // entity: profile, d3 timeline, cytoscape network, leaflet map with world-atlas shapes
        await macron.ClickAsync();
        await Ready(page, "entity");
        Assert.Equal("Emmanuel Macron", await page.Locator("h1").TextContentAsync());
        Assert.Contains("Macron", await page.Locator("#aliases").TextContentAsync() ?? "", StringComparison.Ordinal);
        Assert.True(await page.Locator("#timeline svg .series-mentions rect").CountAsync() >= 2);
        await page.WaitForSelectorAsync("#network canvas");
        Assert.True(int.Parse(await page.Locator("#network").GetAttributeAsync("data-nodes") ?? "0", CultureInfo.InvariantCulture) >= 3);
        var merzRendered = await page.EvaluateAsync<bool>("() => window.__depescheNetwork.nodes().some(n => n.data('label') === 'Friedrich Merz' && n.renderedPosition().x > 0)");
        Assert.True(merzRendered);
        Assert.True(await page.Locator("#map path.leaflet-interactive").CountAsync() > 100, "country shapes from world-atlas");
        Assert.True(int.Parse(await page.Locator("#map").GetAttributeAsync("data-markers") ?? "0", CultureInfo.InvariantCulture) >= 2);
        await Shot(page, "03-entity");
        await page.Locator("#network").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, "04-network.png") });
        await page.Locator("#map").ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(Shots, "05-map.png") });

        // story: articles on a timeline, events with their status history
        await page.GotoAsync(server.BaseUrl + "/" + storyHref);
        await Ready(page, "story");
        Assert.Equal(2, await page.Locator("#story-timeline circle.dot").CountAsync());
        Assert.Contains("→", await page.Locator("#story-events").InnerTextAsync(), StringComparison.Ordinal);
        await Shot(page, "06-story");

        // quote explorer: the anonymous flag is visible
        await page.GotoAsync(server.BaseUrl + "/#/quotes");
        await Ready(page, "quotes");
        Assert.True(await page.Locator("#quotes .flag-anonymous").CountAsync() >= 1);
        await Shot(page, "07-quotes");

        // watchlist: watch an entity and a term; the "new since" view says what triggered each hit
        await page.GotoAsync(server.BaseUrl + "/#/entity/" + Uri.EscapeDataString("Friedrich Merz"));
        await Ready(page, "entity");
        await page.ClickAsync("#watch-entity");
        await page.GotoAsync(server.BaseUrl + "/#/watch");
        await Ready(page, "watch");
        await page.FillAsync("#watch-term", "Hafen");
        await page.PressAsync("#watch-term", "Enter");
        await page.WaitForSelectorAsync("#watch-hits .trigger-term");
        Assert.True(await page.Locator("#watch-hits .trigger-entity").CountAsync() >= 2);
        Assert.Contains("Friedrich Merz", await page.Locator("#watch-hits .trigger-entity").First.TextContentAsync() ?? "", StringComparison.Ordinal);
        // the ROUNDUP reports the meeting as held after the first report had it planned
        Assert.Contains("planned → held", await page.Locator("#watch-hits .trigger-status").First.TextContentAsync() ?? "", StringComparison.Ordinal);
        await Shot(page, "08-watch");

        // agenda: the announced meeting with its claims and, as of a later day, the held resolution
        await page.GotoAsync(server.BaseUrl + "/#/agenda?from=2026-03-01&to=2026-03-20&today=2026-03-10");
        await Ready(page, "agenda");
        var agenda = await page.Locator("#agenda").InnerTextAsync();
        Assert.Contains("Macron", agenda, StringComparison.Ordinal);
        Assert.Contains("held", agenda, StringComparison.Ordinal);
        await Shot(page, "09-agenda");

        // the entity page lists the entity's upcoming events (as of the newest article, 2026-03-06: Vienna talks next week)
        await page.GotoAsync(server.BaseUrl + "/#/entity/" + Uri.EscapeDataString("Friedrich Merz"));
        await Ready(page, "entity");
        Assert.True(await page.Locator("section:has(h2:text-is('Anstehend'))").CountAsync() == 1);

        Assert.Empty(_dialogs);
        Assert.DoesNotContain(_console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.StartsWith("pageerror", StringComparison.Ordinal));
    }

    [BrowserFact]
    public async Task Markup_in_an_article_is_shown_as_text_and_never_runs()
    {
        var page = await NewPage();
        await page.GotoAsync(server.BaseUrl + "/#/search?q=Phishing");
        await Ready(page, "search");
        Assert.Contains("<script>", await page.Locator("#hits").InnerTextAsync(), StringComparison.Ordinal);
        await page.Locator("#hits .article-link").First.ClickAsync();
        await Ready(page, "article");
        var text = await page.Locator("#article-text").InnerTextAsync();
        Assert.Contains("<img src=x onerror=\"window.__xss = 2\">", text, StringComparison.Ordinal);
        Assert.Contains("<script>alert(\"xss\")</script>", text, StringComparison.Ordinal);
        Assert.Contains("<script>", await page.Locator("h1").TextContentAsync() ?? "", StringComparison.Ordinal);
        // no element was made from the article's markup
        Assert.Equal(0, await page.Locator("#view img, #view script, #view a[href^='javascript']").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        Assert.Empty(_dialogs);
        await Shot(page, "09-xss");
    }
}
