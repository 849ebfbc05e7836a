using Depesche.Cli.Infrastructure;
using Depesche.Ingest;
using Depesche.Storage;
using Depesche.Web;
using Xunit;

namespace Depesche.Web.Tests;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (a free port) over a temporary embedded store, ingested from the fixture
/// articles in Fixtures/ with the same pipeline as <c>depesche ingest</c>. Ingest through the API is enabled with <see cref="Token"/>.
/// </summary>
public sealed class WorkbenchServer : IAsyncLifetime
{
    public const string Token = "test-token-0123456789abcdef";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "depesche-web-test-" + Guid.NewGuid().ToString("N")[..12]);
    private Workbench? _workbench;

    public string BaseUrl { get; private set; } = "";

    public string Folder => _folder;

    public HttpClient Http { get; } = new();

    public Workbench Workbench => _workbench ?? throw new InvalidOperationException("not started");

    /// <summary>GETs a path and parses its JSON; a non-success status fails the test with the body.</summary>
    public async Task<System.Text.Json.JsonElement> GetJson(string path)
    {
        using var r = await Http.GetAsync(path);
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.IsSuccessStatusCode, $"{path}: {(int)r.StatusCode} {body}");
        return System.Text.Json.JsonDocument.Parse(body).RootElement.Clone();
    }

    public static string FixturesFolder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public async Task InitializeAsync()
    {
        var pipeline = PipelineFactory.Default();
        using (var store = ArticleStore.Open(_folder))
        {
            var ingestor = new Ingestor(store, a => pipeline.Run(a));
            var r = ingestor.Run([new IngestSource(FixturesFolder, null, () => ArticleReader.ReadPath(FixturesFolder))]);
            if (r.Added != Directory.GetFiles(FixturesFolder).Length)
                throw new InvalidOperationException($"fixtures: {r.Added} added of {r.Read} read, {r.Rejected} rejected");
        }
        _workbench = Workbench.Create(new WorkbenchOptions
        {
            Store = _folder, Urls = "http://127.0.0.1:0", IngestToken = Token, Analyse = a => pipeline.Run(a), Agenda = Depesche.Cli.Commands.AgendaCommand.ApiJson, MaxRequestBytes = 64 * 1024,
        });
        await _workbench.StartAsync();
        BaseUrl = _workbench.Addresses.Single().TrimEnd('/');
        Http.BaseAddress = new Uri(BaseUrl + "/");
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        if (_workbench is not null) await _workbench.DisposeAsync();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}

/// <summary>One server for the read-only API tests and the browser walk (they never write).</summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<WorkbenchServer>
{
    public const string Name = "workbench server";
}

/// <summary>
/// A browser test: skipped with the reason when Debian's Chromium is absent, except under CI=true, where
/// scripts/setup installs it and a missing browser must fail the run.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"needs Debian's headless Chromium at {Chromium} (apt-get install chromium; scripts/setup installs it, and CI=true makes this test mandatory)";
    }
}
