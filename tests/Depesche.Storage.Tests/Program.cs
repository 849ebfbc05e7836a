using Depesche.Core;

namespace Depesche.Storage.Tests;

/// <summary>
/// The entry point of this assembly when run as a program: <c>dotnet Depesche.Storage.Tests.dll crash-writer DIR</c>
/// ingests <see cref="CrashCorpus"/> slowly into DIR, printing a line per batch, so a test can kill it with SIGKILL mid-ingest.
/// </summary>
public static class Program
{
    /// <summary>The crash writer stops inside the transaction that writes this article (the 8th batch holds it).</summary>
    public const int StopAfterArticles = 75;

    public static int Main(string[] args)
    {
        if (args is ["crash-writer", var dir])
        {
            using var store = ArticleStore.Open(dir);
            // Why: the child stops inside the write transaction of a batch and says so, so the kill lands mid-batch every time.
            int written = 0;
            ((SqlStore)store).AfterArticleWritten = () =>
            {
                if (++written != StopAfterArticles) return;
                File.WriteAllText(dir + ".inside-transaction", "");
                Thread.Sleep(Timeout.Infinite);
            };
            var ingestor = new Ingestor(store, CrashCorpus.Analyse, batchSize: 10)
            {
                OnBatch = s =>
                {
                    Console.Out.WriteLine($"batch {s.Read}");
                    Console.Out.Flush();
                },
            };
            ingestor.Run([CrashCorpus.Source()]);
            Console.Out.WriteLine("done");
            return 0;
        }
        if (args is ["bench", var count, var target, ..])
        {
            // Until the CLI builds on this branch: the same library calls as 'depesche bench ingest/search'.
            var csv = args.Length > 3 ? args[3] : Path.Combine(Depesche.Testing.SharedData.Path ?? ".", "data", "10kgnad", "test.csv");
            var sentences = StoreBenchmark.Sentences(File.ReadLines(csv).Select(l => l[(l.IndexOf(';') + 1)..].Trim('\'')));
            int n = int.Parse(count, System.Globalization.CultureInfo.InvariantCulture);
            var ingest = StoreBenchmark.Ingest(ArticleStore.Open(target), StoreBenchmark.Synthesize(sentences, n));
            Console.WriteLine($"ingest: {ingest.Articles} articles in {ingest.Seconds:F1} s = {ingest.ArticlesPerSecond:F0} articles/s, peak RSS {ingest.PeakRssMb:F0} MB, store {ingest.StoreBytes / 1e6:F0} MB");
            using var store = ArticleStore.Open(target);
            var search = StoreBenchmark.Search(store, StoreBenchmark.Queries(sentences, 300));
            Console.WriteLine($"search: {search.Queries} queries x {search.Runs}: p50 {search.P50Ms} ms, p95 {search.P95Ms} ms, max {search.MaxMs} ms, mean hits {search.MeanHits:F0}, peak RSS {search.PeakRssMb:F0} MB");
            return 0;
        }
        Console.Error.WriteLine("this is a test assembly: run it with 'dotnet test'");
        return 2;
    }
}

/// <summary>A deterministic input of 300 articles and a rejection every 25 items.</summary>
public static class CrashCorpus
{
    private static readonly Lazy<Dictionary<string, Analysis>> Analyses = new(() => TestArticles.Generate(300, seed: 11).ToDictionary(a => a.Article.Id));

    public static Analysis Analyse(Article a) => Analyses.Value[a.Id];

    public static IngestSource Source() => new("synthetic.txt", "v1", Read);

    private static IEnumerable<ReadResult> Read()
    {
        int i = 0;
        foreach (var a in TestArticles.Generate(300, seed: 11))
        {
            if (++i % 25 == 0) yield return ReadResult.Fail(RejectionCode.MalformedJson, "broken line", new SourceLocation("synthetic.txt", i));
            yield return ReadResult.Ok(a.Article);
        }
    }
}
