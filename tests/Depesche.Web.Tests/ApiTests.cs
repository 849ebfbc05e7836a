using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Depesche.Web.Tests;

/// <summary>The JSON API against the real Kestrel server on 127.0.0.1 over the fixture articles (read-only calls).</summary>
[Collection(ServerCollection.Name)]
public class ApiTests(WorkbenchServer server)
{
    private Task<JsonElement> Get(string path) => server.GetJson(path);

    private static IEnumerable<string> Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString() ?? "");

    private async Task<string> EntityId(string name)
    {
        var list = await Get("api/entities?q=" + Uri.EscapeDataString(name));
        return list.EnumerateArray().First(e => e.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Search_returns_hits_with_plain_text_snippet_parts_and_facets()
    {
        var r = await Get("api/search?q=Treffen");
        Assert.True(r.GetProperty("total").GetInt64() >= 2);
        var hits = r.GetProperty("hits");
        Assert.Contains(Strings(hits, "headline"), h => h.Contains("Merz und Macron", StringComparison.Ordinal));
        var parts = hits.EnumerateArray().SelectMany(h => h.GetProperty("snippet").EnumerateArray()).ToList();
        Assert.Contains(parts, p => p.GetProperty("match").GetBoolean() && p.GetProperty("text").GetString()!.StartsWith("Treffen", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(parts, p => p.GetProperty("text").GetString()!.Contains("<em>", StringComparison.Ordinal));
        var facets = r.GetProperty("facets");
        Assert.Contains("dpa", Strings(facets.GetProperty("source"), "value"));
        Assert.Contains("Emmanuel Macron", Strings(facets.GetProperty("entity"), "label"));
        Assert.Contains("PER", Strings(facets.GetProperty("entityType"), "value"));
        Assert.Contains("2026-03-06", Strings(facets.GetProperty("date"), "value"));
        Assert.NotEmpty(facets.GetProperty("eventType").EnumerateArray());
    }

    [Fact]
    public async Task A_facet_value_filters_the_search()
    {
        var all = await Get("api/search");
        Assert.Equal(5, all.GetProperty("total").GetInt64());
        var hamburg = (await Get("api/search")).GetProperty("facets").GetProperty("source").EnumerateArray().First(f => f.GetProperty("value").GetString() == "dpa-AFX");
        var bySource = await Get("api/search?source=" + Uri.EscapeDataString(hamburg.GetProperty("value").GetString()!));
        Assert.Equal(hamburg.GetProperty("count").GetInt32(), bySource.GetProperty("total").GetInt64());
        Assert.All(bySource.GetProperty("hits").EnumerateArray(), h => Assert.Equal("dpa-AFX", h.GetProperty("agency").GetString()));

        var macron = await EntityId("Emmanuel Macron");
        var byEntity = await Get("api/search?entity=" + Uri.EscapeDataString(macron));
        Assert.Equal(2, byEntity.GetProperty("total").GetInt64());
        Assert.All(Strings(byEntity.GetProperty("hits"), "headline"), h => Assert.Contains("Macron", h, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_query_that_cannot_be_parsed_is_a_400_with_the_reason()
    {
        using var r = await server.Http.GetAsync("api/search?q=" + Uri.EscapeDataString("(Merz AND"));
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("cannot parse", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Article_has_metadata_and_every_layer()
    {
        var hit = (await Get("api/search?q=" + Uri.EscapeDataString("ROUNDUP Rüstung"))).GetProperty("hits")[0];
        var a = await Get("api/articles/" + hit.GetProperty("id").GetString());
        Assert.Equal(["PARIS"], a.GetProperty("datelines").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("dpa", a.GetProperty("agency").GetString());
        Assert.Equal(["ab", "cd"], a.GetProperty("editorCodes").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("roundup", a.GetProperty("versionMarkers")[0].GetProperty("kind").GetString());
        var an = a.GetProperty("analysis");
        Assert.Contains("Emmanuel Macron", Strings(an.GetProperty("distinctEntities"), "name"));
        Assert.Contains(an.GetProperty("times").EnumerateArray(), t => t.GetProperty("value").GetString() == "2026-03-06");
        Assert.Contains(an.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("text").GetString()!.Contains("weiter verhandeln", StringComparison.Ordinal));
        Assert.NotEmpty(an.GetProperty("events").EnumerateArray());
        Assert.Contains(a.GetProperty("links").EnumerateArray(), l => l.GetProperty("kind").GetString() == "VersionOf");
    }

    [Fact]
    public async Task Unknown_article_and_entity_are_404()
    {
        using var a = await server.Http.GetAsync("api/articles/0000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, a.StatusCode);
        using var e = await server.Http.GetAsync("api/entities/nobody-at-all");
        Assert.Equal(HttpStatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task Markup_in_articles_comes_back_as_json_data_with_security_headers()
    {
        var hit = (await Get("api/search?q=Phishing")).GetProperty("hits")[0];
        using var r = await server.Http.GetAsync("api/articles/" + hit.GetProperty("id").GetString());
        Assert.Equal("application/json", r.Content.Headers.ContentType?.MediaType);
        var a = JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("<img src=x onerror=", a.GetProperty("analysis").GetProperty("text").GetString(), StringComparison.Ordinal);
        foreach (var path in new[] { "", "app.js", "api/search?q=Phishing", "openapi/v1.json" })
        {
            using var p = await server.Http.GetAsync(path);
            Assert.True(p.IsSuccessStatusCode, path);
            Assert.Equal(Workbench.ContentSecurityPolicy, p.Headers.GetValues("Content-Security-Policy").Single());
            Assert.DoesNotContain("unsafe-inline", p.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
            Assert.Equal("nosniff", p.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", p.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", p.Headers.GetValues("Referrer-Policy").Single());
        }
    }

    [Fact]
    public async Task The_ui_is_served_without_inline_script_or_style()
    {
        var html = await server.Http.GetStringAsync("");
        Assert.Contains("<script src=\"app.js\"></script>", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("<script>|<style|style=", html);
        Assert.DoesNotContain(".innerHTML", await server.Http.GetStringAsync("app.js"), StringComparison.Ordinal);
        foreach (var v in new[] { "vendor/d3.min.js", "vendor/cytoscape.min.js", "vendor/leaflet.js", "vendor/leaflet.css", "vendor/topojson-client.min.js", "vendor/countries-110m.json" })
        {
            using var r = await server.Http.GetAsync(v);
            Assert.True(r.IsSuccessStatusCode, $"{v} is not served: run scripts/web-vendor");
        }
    }

    [Fact]
    public async Task Entity_profile_has_aliases_timeline_co_occurrence_and_places()
    {
        var id = await EntityId("Emmanuel Macron");
        var p = await Get("api/entities/" + Uri.EscapeDataString(id));
        Assert.Equal("PER", p.GetProperty("entity").GetProperty("type").GetString());
        Assert.Equal(2, p.GetProperty("articles").GetInt32());
        Assert.Contains("Macron", p.GetProperty("entity").GetProperty("surfaces").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(["2026-03-04", "2026-03-06"], Strings(p.GetProperty("timeline"), "date"));
        Assert.Contains("Friedrich Merz", Strings(p.GetProperty("coOccurring"), "name"));
        var paris = p.GetProperty("places").EnumerateArray().Single(x => x.GetProperty("name").GetString() == "Paris");
        Assert.InRange(paris.GetProperty("lat").GetDouble(), 48, 49);
        // by name too, as an analyst would type it
        var byName = await Get("api/entities/" + Uri.EscapeDataString("Emmanuel Macron"));
        Assert.Equal(id, byName.GetProperty("entity").GetProperty("id").GetString());
    }

    [Fact]
    public async Task Quotes_filter_by_speaker_and_flag_anonymous_sources()
    {
        var merz = await EntityId("Friedrich Merz");
        var bySpeaker = await Get("api/quotes?speaker=" + Uri.EscapeDataString(merz));
        Assert.True(bySpeaker.GetProperty("total").GetInt32() >= 2);
        Assert.All(bySpeaker.GetProperty("quotes").EnumerateArray(), q => Assert.Equal(merz, q.GetProperty("speakerId").GetString()));
        var anon = await Get("api/quotes?anonymous=true");
        Assert.Contains(anon.GetProperty("quotes").EnumerateArray(), q => q.GetProperty("speakerText").GetString()!.Contains("Diplomat", StringComparison.Ordinal));
        Assert.All(anon.GetProperty("quotes").EnumerateArray(), q =>
            Assert.True(q.GetProperty("anonymous").GetBoolean() || q.GetProperty("sources").EnumerateArray().Any(s => s.GetProperty("anonymous").GetBoolean())));
        var all = await Get("api/quotes");
        Assert.Contains(merz, Strings(all.GetProperty("speakers"), "value"));
    }

    [Fact]
    public async Task Events_stories_timeline_and_graph()
    {
        var events = await Get("api/events");
        Assert.True(events.GetProperty("total").GetInt32() > 0);
        var type = events.GetProperty("types")[0].GetProperty("value").GetString()!;
        Assert.All((await Get("api/events?type=" + type)).GetProperty("events").EnumerateArray(), e => Assert.Equal(type, e.GetProperty("type").GetString()));

        var stories = await Get("api/stories");
        var paris = stories.EnumerateArray().Single(s => s.GetProperty("articles").GetInt32() == 2);
        var story = await Get("api/stories/" + paris.GetProperty("storyId").GetString());
        Assert.Equal(["2026-03-04", "2026-03-06"], story.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("published").GetString()![..10]));
        Assert.Contains(story.GetProperty("events").EnumerateArray(), e => e.GetProperty("history").GetArrayLength() == 2);

        var timeline = await Get("api/timeline");
        Assert.Equal(5, timeline.EnumerateArray().Sum(b => b.GetProperty("articles").GetInt32()));
        Assert.Equal(timeline.EnumerateArray().Select(b => b.GetProperty("date").GetString()).Order(StringComparer.Ordinal), Strings(timeline, "date"));

        var merz = await EntityId("Friedrich Merz");
        var macron = await EntityId("Emmanuel Macron");
        var graph = await Get("api/graph?entity=" + Uri.EscapeDataString(macron));
        Assert.Contains(merz, Strings(graph.GetProperty("nodes"), "id"));
        var edge = graph.GetProperty("edges").EnumerateArray().Single(e =>
            new[] { e.GetProperty("source").GetString(), e.GetProperty("target").GetString() }.Order(StringComparer.Ordinal).SequenceEqual(new[] { merz, macron }.Order(StringComparer.Ordinal)));
        Assert.Equal(2, edge.GetProperty("weight").GetInt32());
    }

    [Fact]
    public async Task Openapi_document_lists_the_endpoints()
    {
        var doc = await Get("openapi/v1.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var p in new[] { "/api/search", "/api/articles/{id}", "/api/articles", "/api/entities/{id}", "/api/quotes", "/api/events", "/api/stories", "/api/stories/{id}", "/api/timeline", "/api/graph", "/api/watch" })
            Assert.Contains(p, paths);
    }

    [Fact]
    public async Task Ingest_needs_the_bearer_token()
    {
        using var none = await server.Http.PostAsync("api/articles", new StringContent("x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new StringContent("x") };
        wrong.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkbenchServer.Token + "x");
        using var w = await server.Http.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, w.StatusCode);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new StringContent(new string('a', 200 * 1024)) };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkbenchServer.Token);
        using var r = await server.Http.SendAsync(req);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
    }

    [Fact]
    public void Addresses_beyond_loopback_are_refused_unless_allowed()
    {
        var ex = Assert.Throws<ArgumentException>(() => Workbench.Create(new WorkbenchOptions { Store = "unused", Urls = "http://0.0.0.0:5080" }));
        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Workbench.Create(new WorkbenchOptions { Store = "unused", Urls = "http://192.168.1.10:5080" }));
    }
}
