using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Depesche.Web.Tests;

/// <summary>Ingest through <c>POST /api/articles</c> and the watchlist's "new since" view, on a server of its own.</summary>
public class IngestTests(WorkbenchServer server) : IClassFixture<WorkbenchServer>
{
    private const string Update =
        " date 2026-03-07 Macron kündigt neue Initiative an\n\n" +
        "PARIS (AFP) - Der französische Präsident Emmanuel Macron hat am Samstag in Paris eine neue Initiative für die europäische Verteidigung angekündigt. " +
        "\"Europa muss handeln\", sagte Macron am Samstag. Die Pläne sollen beim nächsten Gipfel in Brüssel beraten werden./mn/op\n";

    private async Task<JsonElement> Get(string path)
    {
        var body = await server.Http.GetStringAsync(path);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task Posted_article_is_stored_searchable_and_a_watch_hit_with_its_triggers()
    {
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var macron = (await Get("api/entities?q=Macron")).EnumerateArray().First(e => e.GetProperty("name").GetString() == "Emmanuel Macron").GetProperty("id").GetString()!;
        var before = await Get($"api/watch?since={Uri.EscapeDataString(since.ToString("O"))}&entity={Uri.EscapeDataString(macron)}&term=Initiative");
        Assert.Equal(0, before.GetArrayLength());
        // the in-memory entity index was loaded before the post; it must take in the posted article
        int Days(JsonElement timeline) => timeline.EnumerateArray().Sum(b => b.GetProperty("articles").GetInt32());
        var timelineBefore = Days(await Get("api/timeline?entity=" + Uri.EscapeDataString(macron)));

        using var req = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new StringContent(Update, Encoding.UTF8, "text/plain") };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkbenchServer.Token);
        using var r = await server.Http.SendAsync(req);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == HttpStatusCode.OK, body);
        var result = JsonDocument.Parse(body).RootElement;
        Assert.Equal(1, result.GetProperty("added").GetInt64());
        var id = result.GetProperty("ids")[0].GetString()!;

        var article = await Get("api/articles/" + id);
        Assert.Equal("AFP", article.GetProperty("agency").GetString());
        var search = await Get("api/search?q=Initiative");
        Assert.Contains(search.GetProperty("hits").EnumerateArray(), h => h.GetProperty("id").GetString() == id);
        var profile = await Get("api/entities/" + Uri.EscapeDataString(macron));
        Assert.Equal(3, profile.GetProperty("articles").GetInt32());
        Assert.Equal(id, profile.GetProperty("recent")[0].GetProperty("id").GetString());
        Assert.Equal(timelineBefore + 1, Days(await Get("api/timeline?entity=" + Uri.EscapeDataString(macron))));
        Assert.Equal(timelineBefore + 1, Days(profile.GetProperty("timeline")));

        var watch = await Get($"api/watch?since={Uri.EscapeDataString(since.ToString("O"))}&entity={Uri.EscapeDataString(macron)}&term=Initiative");
        var hit = Assert.Single(watch.EnumerateArray());
        Assert.Equal(id, hit.GetProperty("article").GetProperty("id").GetString());
        var triggers = hit.GetProperty("triggers").EnumerateArray().Select(t => (t.GetProperty("kind").GetString(), t.GetProperty("watch").GetString())).ToList();
        Assert.Contains(("entity", "Emmanuel Macron"), triggers);
        Assert.Contains(("term", "Initiative"), triggers);
        Assert.Contains(("quote", "Emmanuel Macron"), triggers);

        // posting the same content again is a no-op
        using var again = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new StringContent(Update, Encoding.UTF8, "text/plain") };
        again.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkbenchServer.Token);
        using var r2 = await server.Http.SendAsync(again);
        Assert.Equal(1, JsonDocument.Parse(await r2.Content.ReadAsStringAsync()).RootElement.GetProperty("unchanged").GetInt64());
    }

    [Fact]
    public async Task A_server_without_a_token_is_read_only()
    {
        await using var wb = Workbench.Create(new WorkbenchOptions { Store = server.Folder, Urls = "http://127.0.0.1:0" });
        await wb.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(wb.Addresses.Single().TrimEnd('/') + "/") };
        using var req = new HttpRequestMessage(HttpMethod.Post, "api/articles") { Content = new StringContent(Update) };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", WorkbenchServer.Token);
        using var r = await http.SendAsync(req);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Contains("read-only", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True((await http.GetAsync("api/search?q=Hafen")).IsSuccessStatusCode);
    }
}
