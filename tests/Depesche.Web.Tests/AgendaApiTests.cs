using System.Net;
using System.Text.Json;
using Xunit;

namespace Depesche.Web.Tests;

/// <summary>
/// <c>GET /api/agenda</c> over the fixtures: the Merz–Macron meeting announced on 2026-03-04 for Friday and reported
/// held by the ROUNDUP of 2026-03-06 is one item with both claims and a resolution.
/// </summary>
[Collection(ServerCollection.Name)]
public class AgendaApiTests(WorkbenchServer server)
{
    private Task<JsonElement> Get(string path) => server.GetJson(path);

    private static bool Names(JsonElement item, string name) =>
        item.GetProperty("actors").EnumerateArray().Any(a => a.GetProperty("name").GetString()!.Contains(name, StringComparison.Ordinal));

    [Fact]
    public async Task A_meeting_announced_then_reported_held_is_one_item_with_its_claims_and_resolution()
    {
        var r = await Get("api/agenda?from=2026-03-01&to=2026-03-20&today=2026-03-10");
        Assert.Equal("2026-03-10", r.GetProperty("today").GetString());
        var items = r.GetProperty("items").EnumerateArray().ToList();
        var paris = Assert.Single(items, i => Names(i, "Macron") && i.GetProperty("when").GetProperty("from").GetString() == "2026-03-06");
        var claims = paris.GetProperty("claims").EnumerateArray().ToList();
        Assert.True(claims.Count >= 2, paris.ToString());
        Assert.Contains(claims, c => c.GetProperty("published").GetString() == "2026-03-04");
        Assert.Equal("held", paris.GetProperty("resolution").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Before_the_report_the_same_meeting_is_pending()
    {
        // As of the announcement day, the ROUNDUP has not been published yet, so it must not count.
        var r = await Get("api/agenda?from=2026-03-04&to=2026-03-20&today=2026-03-04");
        var paris = Assert.Single(r.GetProperty("items").EnumerateArray(), i => Names(i, "Macron"));
        Assert.NotEqual("held", paris.GetProperty("resolution").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_entity_filter_keeps_only_that_entitys_events()
    {
        var r = await Get("api/agenda?from=2026-03-01&to=2026-03-31&today=2026-03-10&entity=Macron");
        var items = r.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(Names(i, "Macron"), i.ToString()));
    }

    [Fact]
    public async Task A_bad_date_is_a_400_with_the_reason()
    {
        using var r = await server.Http.GetAsync("api/agenda?from=März");
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("yyyy-MM-dd", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
