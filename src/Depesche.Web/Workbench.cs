using System.Net;
using Depesche.Core;
using Depesche.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Depesche.Web;

/// <summary>How <c>depesche serve</c> runs the workbench.</summary>
public sealed record WorkbenchOptions
{
    /// <summary>Folder of the embedded store or a PostgreSQL connection string.</summary>
    public required string Store { get; init; }

    /// <summary>Addresses to listen on (<c>;</c>-separated). Port 0 picks a free port (see <see cref="Workbench.Addresses"/>).</summary>
    public string Urls { get; init; } = "http://127.0.0.1:5080";

    /// <summary>Allow listening on addresses other than loopback. Off by default: the API has no user accounts.</summary>
    public bool AllowRemote { get; init; }

    /// <summary>The bearer token that enables <c>POST /api/articles</c>; null or empty keeps the server read-only.</summary>
    public string? IngestToken { get; init; }

    /// <summary>The analysis pipeline for ingest through the API (the CLI passes the one <c>depesche ingest</c> uses).</summary>
    public Func<Article, Analysis>? Analyse { get; init; }

    /// <summary>Largest request body accepted (bytes); larger uploads get 413.</summary>
    public long MaxRequestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>The folder of the static UI; defaults to <c>wwwroot</c> beside the assembly.</summary>
    public string? WebRoot { get; init; }

    /// <summary>Log requests to the console (off in tests and benchmarks).</summary>
    public bool Verbose { get; init; }

    /// <summary>
    /// Builds the agenda (a JSON object: <c>today</c>, <c>from</c>, <c>to</c>, <c>items</c>) for <c>GET /api/agenda</c>; the CLI passes the one <c>depesche agenda --json</c>
    /// uses. Why a delegate: the agenda merges event claims, which is stage knowledge the web host does not reference.
    /// Null answers 404.
    /// </summary>
    public Func<IArticleStore, AgendaRequest, string>? Agenda { get; init; }
}

/// <summary>An agenda window. <see cref="Today"/> null means: as of the newest article in the store.</summary>
public sealed record AgendaRequest(DateOnly? From, DateOnly? To, DateOnly? Today, string? Entity, bool OnlyOpen);

/// <summary>The HTTP API and static UI over one store, on Kestrel.</summary>
/// <remarks>
/// Security: read-only unless a token is configured; listens on loopback only unless <see cref="WorkbenchOptions.AllowRemote"/>;
/// every response carries a strict Content-Security-Policy (no inline script or style) and nosniff; article text
/// is returned as JSON data and the UI never parses it as HTML.
/// </remarks>
public sealed class Workbench : IAsyncDisposable
{
    /// <summary>The policy sent with every response. Why no 'unsafe-inline' anywhere: article text is untrusted.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly WebApplication _app;
    private readonly StorePool _pool;
    private Task _warming = Task.CompletedTask;

    private Workbench(WebApplication app, StorePool pool)
    {
        _app = app;
        _pool = pool;
    }

    /// <summary>The addresses Kestrel listens on, once started (the real port when 0 was asked for).</summary>
    public IReadOnlyList<string> Addresses =>
        _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];

    /// <summary>The aggregates kept between requests.</summary>
    public ArchiveCache Cache { get; private init; } = null!;

    /// <summary>The in-memory entity index (loaded in the background from the start).</summary>
    public EntityIndex Entities { get; private init; } = null!;

    /// <summary>The store the server reads (a pooled reader per call).</summary>
    public T Read<T>(Func<IArticleStore, T> read) => _pool.Read(read);

    /// <summary>
    /// Builds the server: opens the store (nothing is loaded up front; every view is a query). Throws <see cref="ArgumentException"/> for a
    /// non-loopback address without <see cref="WorkbenchOptions.AllowRemote"/>, and <see cref="Storage.StoreException"/>
    /// when the store cannot be opened.
    /// </summary>
    public static Workbench Create(WorkbenchOptions options)
    {
        var urls = options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var u in urls)
        {
            if (!Uri.TryCreate(u, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"--urls: '{u}' is not an http:// address");
            if (!options.AllowRemote && !IsLoopback(uri.Host))
                throw new ArgumentException($"--urls: '{u}' is not a loopback address; the API has no accounts, so serving beyond this machine needs --allow-remote");
        }
        bool ingest = !string.IsNullOrEmpty(options.IngestToken);
        if (ingest && options.Analyse is null) throw new ArgumentException("an ingest token needs an analysis pipeline", nameof(options));

        var pool = new StorePool(options.Store, writable: ingest);
        try
        {
            var cache = new ArchiveCache();
            var entityIndex = new EntityIndex();
            var webRoot = options.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory, WebRootPath = webRoot });
            builder.Logging.ClearProviders();
            if (options.Verbose) builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
            builder.WebHost.UseKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
                k.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
                k.Limits.MaxRequestLineSize = 8 * 1024;
            });
            builder.WebHost.UseUrls(urls);
            builder.Services.AddOpenApi();
            builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
            builder.Services.AddSingleton(pool);
            builder.Services.AddSingleton(cache);
            builder.Services.AddSingleton(entityIndex);
            builder.Services.AddSingleton(options);
            var app = builder.Build();

            app.Use(async (ctx, next) =>
            {
                var h = ctx.Response.Headers;
                h.ContentSecurityPolicy = ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Cross-Origin-Resource-Policy"] = "same-origin";
                h["Permissions-Policy"] = "geolocation=(), camera=(), microphone=()";
                if (ctx.Request.Path.StartsWithSegments("/api")) h.CacheControl = "no-store";
                try { await next(ctx); }
                catch (StoreException ex) when (!ctx.Response.HasStarted)
                {
                    // Why: a store of an older schema (opened read-only) keeps no quote, event or entity rows; say so instead of a bare 500.
                    ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    await ctx.Response.WriteAsJsonAsync(new ApiError(ex.Message));
                }
            });
            if (Directory.Exists(webRoot))
            {
                var files = new PhysicalFileProvider(Path.GetFullPath(webRoot));
                app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
                app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            }
            app.MapOpenApi();
            Api.Map(app);
            // Why in the background: loading the entity index and the archive-wide facets takes seconds at 100,000 articles;
            // the first page needs neither, and a request that needs the index waits for it (Refresh takes the same lock).
            var warming = Task.Run(() =>
            {
                try
                {
                    pool.Read(s => { if (s is IArchiveBrowser b) entityIndex.Refresh(b); return 0; });
                    Api.Warm(pool, cache);
                }
                catch (Exception ex) when (ex is StoreException or ObjectDisposedException or InvalidOperationException) { /* a request retries and reports it */ }
            });
            return new Workbench(app, pool) { Cache = cache, Entities = entityIndex, _warming = warming };
        }
        catch
        {
            pool.Dispose();
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancel = default) => _app.StartAsync(cancel);

    /// <summary>Runs until <paramref name="cancel"/> fires or the process is asked to stop (Ctrl+C).</summary>
    public async Task RunAsync(CancellationToken cancel = default)
    {
        await _app.StartAsync(cancel);
        await _app.WaitForShutdownAsync(cancel);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        // Why wait: the warm-up holds a pooled reader; disposing the pool under it would leave that store open.
        await _warming;
        _pool.Dispose();
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
