using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Ingest;
using Depesche.Storage;
using Depesche.Web;

namespace Depesche.Cli.Commands;

/// <summary>Latency of one endpoint over the benchmark's requests.</summary>
/// <summary><see cref="FirstMs"/>: the endpoint's very first request (JIT, cold caches, nothing cached by the server yet), not counted in the percentiles.</summary>
public sealed record EndpointFigures(string Endpoint, int Requests, double P50Ms, double P95Ms, double MaxMs, double FirstMs);

/// <summary><see cref="FirstPageMs"/>: the first visit after start (cold: JIT and caches); <see cref="WarmFirstPageMs"/>: the median of later first visits, each on a new connection.</summary>
public sealed record ServeFigures(long Articles, double StartMs, double FirstPageMs, double WarmFirstPageMs, int FirstPageRequests, long FirstPageBytes,
    double P50Ms, double P95Ms, int Requests, IReadOnlyList<EndpointFigures> Endpoints);

/// <summary>
/// <c>depesche bench serve</c>: the workbench's first page and API latency against the real Kestrel server on
/// 127.0.0.1, over an existing store or a demo store ingested from samples/.
/// </summary>
public static class BenchServeCommand
{
    // What the browser fetches before the first page is usable: the page, its styles and scripts, and the two API calls it makes.
    internal static readonly string[] FirstPage =
        ["", "vendor/leaflet.css", "app.css", "vendor/d3.min.js", "vendor/cytoscape.min.js", "vendor/leaflet.js", "vendor/topojson-client.min.js", "app.js", "api/status", "api/search?limit=20"];

    public static Command Create(CliConsole console)
    {
        var store = new Option<string?>("--store") { Description = "The store to serve (e.g. one filled by 'bench ingest --store'); default: a demo store ingested from samples/ into a temporary folder." };
        var requests = new Option<int>("--requests") { Description = "Requests per endpoint.", DefaultValueFactory = _ => 200 };
        var json = StoreCli.JsonOption();
        var c = new Command("serve", "First-page time and API p50/p95 of 'depesche serve' on 127.0.0.1 (one client, sequential requests).") { store, requests, json };
        c.SetAction(parse =>
        {
            string? temp = null;
            var location = parse.GetValue(store);
            if (location is null)
            {
                temp = location = Path.Combine(Path.GetTempPath(), "depesche-bench-serve-" + Environment.ProcessId);
                var samples = Path.Combine(RepoPaths.Root(), "samples");
                var pipeline = PipelineFactory.Default();
                using var s = StoreCli.Open(location);
                new Ingestor(s, a => pipeline.Run(a)).Run([new IngestSource(samples, null, () => ArticleReader.ReadPath(samples))]);
            }
            try
            {
                var f = Run(location, Math.Max(10, parse.GetValue(requests))).GetAwaiter().GetResult();
                if (parse.GetValue(json)) console.Out.WriteLine(JsonSerializer.Serialize(f, CliJson.Options));
                else
                {
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"bench serve: {f.Articles} articles; server start (store open) {f.StartMs:F0} ms; first page {f.FirstPageMs:F1} ms cold, {f.WarmFirstPageMs:F1} ms warm (median of 9 new connections; {f.FirstPageRequests} requests, {f.FirstPageBytes / 1024.0:F0} KiB); API {f.Requests} requests: p50 {f.P50Ms:F2} ms, p95 {f.P95Ms:F2} ms"));
                    foreach (var e in f.Endpoints)
                        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Endpoint,-22} n={e.Requests,-5} p50 {e.P50Ms,7:F2} ms  p95 {e.P95Ms,7:F2} ms  max {e.MaxMs,7:F2} ms  first {e.FirstMs,7:F2} ms"));
                }
            }
            finally
            {
                if (temp is not null) try { Directory.Delete(temp, true); } catch (IOException) { /* temp folder */ }
            }
            return ExitCodes.Ok;
        });
        return c;
    }

    private static async Task<ServeFigures> Run(string location, int n)
    {
        var clock = Stopwatch.StartNew();
        await using var wb = Workbench.Create(new WorkbenchOptions { Store = location, Urls = "http://127.0.0.1:0" });
        await wb.StartAsync();
        double startMs = clock.Elapsed.TotalMilliseconds;
        var baseUrl = new Uri(wb.Addresses.Single().TrimEnd('/') + "/");

        // first page: a new connection, every file once, in the order the page asks for them
        long bytes = 0;
        async Task<double> Visit()
        {
            using var client = new HttpClient { BaseAddress = baseUrl };
            var t = Stopwatch.StartNew();
            bytes = 0;
            foreach (var path in FirstPage)
            {
                using var r = await client.GetAsync(path);
                r.EnsureSuccessStatusCode();
                bytes += (await r.Content.ReadAsByteArrayAsync()).Length;
            }
            return t.Elapsed.TotalMilliseconds;
        }
        double firstMs = await Visit();
        var warm = new List<double>();
        for (int i = 0; i < 9; i++) warm.Add(await Visit());
        double warmMs = Percentile(warm, 50);

        using var http = new HttpClient { BaseAddress = baseUrl };
        var rng = new Random(7);
        // Why picked before timing and outside the server's cache: the requests must not be answered from what picking read.
        var (articleCount, articles, entities) = wb.Read(st =>
        {
            var b = (IArchiveBrowser)st;
            return (st.Counts().Articles, b.Newest(new BrowseScope(), 2000), b.TopEntities(null, null, 200).Select(e => e.Id).ToArray());
        });
        var words = articles.SelectMany(a => (a.Headline ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= 5 && w.All(char.IsLetter)).Distinct().ToArray();
        var stories = await http.GetFromJson<List<StoryInfo>>("api/stories?limit=200");
        string Pick<T>(IReadOnlyList<T> xs, Func<T, string> f) => xs.Count == 0 ? "none" : f(xs[rng.Next(xs.Count)]);
        var endpoints = new (string Name, Func<string> Path)[]
        {
            ("search?q=", () => "api/search?q=" + Uri.EscapeDataString(Pick(words, w => w))),
            ("search (filters)", () => "api/search?type=PER&limit=20"),
            ("articles/{id}", () => "api/articles/" + Pick(articles, a => a.Id)),
            ("entities/{id}", () => "api/entities/" + Uri.EscapeDataString(Pick(entities, e => e))),
            ("quotes", () => "api/quotes?limit=50"),
            ("events", () => "api/events?limit=50"),
            ("stories", () => "api/stories?limit=50"),
            ("stories/{id}", () => "api/stories/" + Pick(stories, s => s.StoryId)),
            ("timeline", () => "api/timeline?entity=" + Uri.EscapeDataString(Pick(entities, e => e))),
            ("graph", () => "api/graph?entity=" + Uri.EscapeDataString(Pick(entities, e => e))),
        };
        var all = new List<double>();
        var per = new List<EndpointFigures>();
        foreach (var (name, path) in endpoints)
        {
            var ms = new List<double>();
            double first = 0;
            for (int i = 0; i < n + 5; i++)
            {
                var t = Stopwatch.StartNew();
                using var r = await http.GetAsync(path());
                await r.Content.ReadAsByteArrayAsync();
                if (!r.IsSuccessStatusCode && r.StatusCode != System.Net.HttpStatusCode.NotFound) throw new CliException($"bench serve: {name} answered {(int)r.StatusCode}", ExitCodes.IoError);
                if (i == 0) first = t.Elapsed.TotalMilliseconds;
                if (i >= 5) ms.Add(t.Elapsed.TotalMilliseconds); // Why: the first few requests warm up the JIT
            }
            all.AddRange(ms);
            per.Add(new EndpointFigures(name, ms.Count, Percentile(ms, 50), Percentile(ms, 95), ms.Max(), Math.Round(first, 2)));
        }
        return new ServeFigures(articleCount, startMs, firstMs, warmMs, FirstPage.Length, bytes, Percentile(all, 50), Percentile(all, 95), all.Count, per);
    }

    /// <summary>
    /// Fetches what the first page needs once, so the JIT and the caches are warm before the first visitor comes
    /// (<c>serve</c> does this after start; the cold figure of <c>bench serve</c> is without it).
    /// </summary>
    internal static async Task WarmUp(string baseUrl)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        foreach (var path in FirstPage)
        {
            using var r = await client.GetAsync(path);
            await r.Content.ReadAsByteArrayAsync();
        }
    }

    private static async Task<T> GetFromJson<T>(this HttpClient http, string path) =>
        JsonSerializer.Deserialize<T>(await http.GetStringAsync(path), new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? throw new InvalidOperationException(path);

    private static double Percentile(List<double> xs, double p)
    {
        var s = xs.Order().ToArray();
        return Math.Round(s[Math.Clamp((int)Math.Ceiling(p / 100 * s.Length) - 1, 0, s.Length - 1)], 2);
    }
}
