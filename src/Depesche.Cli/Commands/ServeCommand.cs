using System.CommandLine;
using Depesche.Cli.Infrastructure;
using Depesche.Web;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche serve</c>: the HTTP API and the analyst's workbench over one store.</summary>
public static class ServeCommand
{
    public const string TokenVariable = "DEPESCHE_INGEST_TOKEN";

    public static Command Create(CliConsole console)
    {
        var store = StoreCli.StoreOption();
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on, ';'-separated. Loopback only unless --allow-remote.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var allowRemote = new Option<bool>("--allow-remote") { Description = "Allow non-loopback addresses (the API has no accounts)." };
        var tokenFile = new Option<string?>("--token-file") { Description = $"A file holding the bearer token that enables POST /api/articles (or set {TokenVariable}). Without one the server is read-only." };
        var maxBody = new Option<long>("--max-body") { Description = "Largest request body in bytes.", DefaultValueFactory = _ => 4 * 1024 * 1024 };
        var verbose = new Option<bool>("--verbose") { Description = "Log every request." };
        var cmd = new Command("serve", "Serve the JSON API (/api/…, OpenAPI at /openapi/v1.json) and the web workbench.") { store, urls, allowRemote, tokenFile, maxBody, verbose };
        cmd.SetAction(parse =>
        {
            var token = ReadToken(parse.GetValue(tokenFile));
            Workbench wb;
            try
            {
                wb = Workbench.Create(new WorkbenchOptions
                {
                    Store = parse.GetValue(store)!, Urls = parse.GetValue(urls)!, AllowRemote = parse.GetValue(allowRemote),
                    IngestToken = token, Agenda = AgendaCommand.ApiJson, Analyse = token is null ? null : a => PipelineFactory.Default().Run(a, false),
                    MaxRequestBytes = Math.Max(1024, parse.GetValue(maxBody)), Verbose = parse.GetValue(verbose),
                });
            }
            catch (ArgumentException ex) { throw new CliException(ex.Message, ExitCodes.Usage); }
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
            try
            {
                wb.StartAsync(stop.Token).GetAwaiter().GetResult();
            }
            catch (IOException ex) { throw new CliException($"cannot listen on {parse.GetValue(urls)}: {ex.Message}", ExitCodes.IoError); }
            try { BenchServeCommand.WarmUp(wb.Addresses[0]).GetAwaiter().GetResult(); }
            catch (HttpRequestException) { /* a warm-up that fails leaves the server cold, not broken */ }
            console.Error.WriteLine($"serve: {wb.Read(s => s.Counts().Articles)} articles; {(token is null ? "read-only" : "ingest enabled (POST /api/articles with the bearer token)")}");
            foreach (var a in wb.Addresses) console.Out.WriteLine($"serve: workbench at {a}/  (API {a}/api/search?q=…, OpenAPI {a}/openapi/v1.json); Ctrl+C stops");
            try { Task.Delay(Timeout.Infinite, stop.Token).GetAwaiter().GetResult(); }
            catch (OperationCanceledException) { }
            wb.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return ExitCodes.Ok;
        });
        return cmd;
    }

    private static string? ReadToken(string? file)
    {
        string? token = file is not null
            ? File.Exists(file) ? File.ReadAllText(file).Trim() : throw new CliException($"--token-file: no file '{file}'", ExitCodes.IoError)
            : Environment.GetEnvironmentVariable(TokenVariable)?.Trim();
        if (string.IsNullOrEmpty(token)) return null;
        if (token.Length < 16) throw new CliException("the ingest token must have at least 16 characters", ExitCodes.Usage);
        return token;
    }
}
