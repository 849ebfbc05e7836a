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
