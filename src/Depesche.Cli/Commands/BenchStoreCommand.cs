using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Depesche.Cli.Bench;
using Depesche.Cli.Infrastructure;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche bench ingest|search</c>: store throughput and search latency on a corpus recombined from real articles.</summary>
public static class BenchStoreCommand
{
    public static Command Ingest(CliConsole console)
    {
        var c = new Command("ingest", "Articles/s into a fresh store with all landed stages, and peak RSS. The corpus recombines sentences of PATH's articles.");
        var (paths, count, store, json) = Common(c);
        // Why: the goal is for the whole 2-core machine, and `ingest --workers N` is how a user gets there.
        var workers = new Option<int>("--workers") { Description = "Analysis threads, as in 'ingest --workers'.", DefaultValueFactory = _ => 1 };
        c.Add(workers);
        c.SetAction(parse =>
        {
            var sentences = Sentences(parse.GetValue(paths)!);
            var given = parse.GetValue(store);
            var location = given ?? Path.Combine(Path.GetTempPath(), "depesche-bench-" + Environment.ProcessId);
            if (!ArticleStore.IsConnectionString(location) && Directory.Exists(location) && Directory.EnumerateFileSystemEntries(location).Any())
                throw new CliException($"'{location}' is not empty; bench ingest needs a fresh store", ExitCodes.Usage);
            var pipeline = PipelineFactory.Default();
            IngestFigures f;
            try
            {
                f = StoreBenchmark.Ingest(StoreCli.Open(location), StoreBenchmark.Synthesize(sentences, parse.GetValue(count)), a => pipeline.Run(a), workers: Math.Max(1, parse.GetValue(workers)));
            }
            finally
            {
                // Why: a 100k-article store takes 2 GB; a store the user did not name is of no use after the figures.
                if (given is null && Directory.Exists(location)) Directory.Delete(location, recursive: true);
            }
            Print(console, parse.GetValue(json), f, string.Create(CultureInfo.InvariantCulture,
                $"bench ingest: {f.Articles} articles in {f.Seconds:F1} s = {f.ArticlesPerSecond:F0} articles/s ({f.CpuSeconds:F1} CPU-s = {f.ArticlesPerCpuSecond:F0} articles per CPU-second, {f.WriterCpuSeconds:F1} of them on the writing thread); peak RSS {f.PeakRssMb:F0} MB; store {f.StoreBytes / 1e6:F0} MB {(given is null ? "(temporary, removed; keep one with --store DIR)" : "at " + location)}"));
            return ExitCodes.Ok;
        });
        return c;
    }

    public static Command Search(CliConsole console)
    {
        var c = new Command("search", "Search latency (p50/p95) over queries drawn from PATH's articles, on an existing store (see bench ingest --store).");
        var (paths, count, store, json) = Common(c);
        c.SetAction(parse =>
        {
            var location = parse.GetValue(store) ?? throw new CliException("bench search needs --store (a store filled by bench ingest)", ExitCodes.Usage);
            using var s = StoreCli.Open(location, readOnly: true);
            var f = StoreBenchmark.Search(s, StoreBenchmark.Queries(Sentences(parse.GetValue(paths)!), Math.Min(parse.GetValue(count), 1000)));
            Print(console, parse.GetValue(json), f, string.Create(CultureInfo.InvariantCulture,
                $"bench search: {f.Queries} queries x {f.Runs} runs on {s.Counts().Articles} articles: p50 {f.P50Ms} ms, p95 {f.P95Ms} ms, max {f.MaxMs} ms; mean hits {f.MeanHits:F0}; peak RSS {f.PeakRssMb:F0} MB"));
            return ExitCodes.Ok;
        });
        return c;
    }

    private static (Argument<string[]>, Option<int>, Option<string?>, Option<bool>) Common(Command c)
    {
        var paths = new Argument<string[]>("path") { Description = "Real articles to recombine: ../shared/data/10kgnad, spkatt2023-news, JSON Lines, wire text.", Arity = ArgumentArity.OneOrMore };
        var count = new Option<int>("--count") { Description = "Articles to synthesise (ingest) or queries to run (search).", DefaultValueFactory = _ => 10_000 };
        var store = new Option<string?>("--store") { Description = "Store folder or PostgreSQL connection string (ingest: a fresh temporary folder by default)." };
        var json = StoreCli.JsonOption();
        c.Add(paths); c.Add(count); c.Add(store); c.Add(json);
        return (paths, count, store, json);
    }

    private static List<string> Sentences(string[] paths)
    {
        var sentences = StoreBenchmark.Sentences(BenchCorpus.Load(paths).Select(a => a.Text));
        return sentences.Count > 0 ? sentences : throw new CliException("no sentences found in the given paths", ExitCodes.NothingAccepted);
    }

    private static void Print<T>(CliConsole console, bool json, T figures, string line) =>
        console.Out.WriteLine(json ? JsonSerializer.Serialize(figures, CliJson.Options) : line);
}
