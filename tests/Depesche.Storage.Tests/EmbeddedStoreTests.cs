using System.Diagnostics;
using System.Text.Json;
using Depesche.Storage.Embedded;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Depesche.Storage.Tests;

/// <summary>Reliability of the embedded store: kill -9 and resume, index catch-up, a read-only folder.</summary>
public sealed class EmbeddedStoreTests
{
    [Fact]
    public void Kill_9_mid_ingest_then_resume_equals_an_uninterrupted_run()
    {
        using var crashed = new TempFolder();
        using var clean = new TempFolder();

        // 1. A child process ingests and stops inside a write transaction; kill it there with SIGKILL.
        var dll = typeof(CrashCorpus).Assembly.Location;
        var marker = crashed.Path + ".inside-transaction";
        using (var child = Process.Start(new ProcessStartInfo("dotnet", ["exec", dll, "crash-writer", crashed.Path]) { RedirectStandardOutput = true })!)
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(marker) && !child.HasExited && clock.Elapsed < TimeSpan.FromMinutes(2)) Thread.Sleep(20);
            Assert.True(File.Exists(marker), $"the child did not reach the transaction (exited: {child.HasExited})");
            child.Kill();
            Assert.True(child.WaitForExit(30_000), "the child survived SIGKILL");
            Assert.Equal(137, child.ExitCode);
        }
        File.Delete(marker);

        // 2. What the crash left: committed batches only, and the index behind the records.
        long storedAfterKill, watermarkAfterKill;
        using (var c = new SqliteConnection($"Data Source={Path.Combine(crashed.Path, "depesche.db")};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM articles";
            storedAfterKill = (long)cmd.ExecuteScalar()!;
            cmd.CommandText = "SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'index_watermark'), 0)";
            watermarkAfterKill = (long)cmd.ExecuteScalar()!;
        }
        // Why: the batch being written (articles up to Program.StopAfterArticles) is lost as a whole; earlier batches stay.
        Assert.InRange(storedAfterKill, Program.StopAfterArticles - 10, Program.StopAfterArticles - 1);
        Assert.True(watermarkAfterKill <= storedAfterKill, $"the watermark must never run ahead of the records (watermark {watermarkAfterKill}, stored {storedAfterKill})");

        // 3. Resume in-process; compare with an uninterrupted run.
        IngestSummary resumed;
        using (var store = ArticleStore.Open(crashed.Path))
            resumed = new Ingestor(store, CrashCorpus.Analyse, batchSize: 10).Run([CrashCorpus.Source()]);
        Assert.True(resumed.Resumed > 0);
        using (var store = ArticleStore.Open(clean.Path))
            new Ingestor(store, CrashCorpus.Analyse, batchSize: 10).Run([CrashCorpus.Source()]);

        using var a = (SqliteArticleStore)ArticleStore.Open(crashed.Path);
        using var b = (SqliteArticleStore)ArticleStore.Open(clean.Path);
        Assert.Equal(300, b.Counts().Articles);
        Assert.Equal(Snapshot(b), Snapshot(a));
        Assert.Equal(b.Counts().RejectionsByCode, a.Counts().RejectionsByCode);
        Assert.Equal(12, a.Counts().Rejections);
        Assert.Equal(300, a.IndexedDocuments);
        Assert.Equal(300, a.Search(new SearchQuery { Text = "Meldung" }).Total);
        Assert.Equal(b.Search(new SearchQuery { Text = "Haushalt Opposition" }).Hits.Select(h => h.Id), a.Search(new SearchQuery { Text = "Haushalt Opposition" }).Hits.Select(h => h.Id));
        Assert.True(a.Checkpoint("synthetic.txt")!.Done);

        // 4. Running again is a no-op: the finished source is skipped.
        var again = new Ingestor(a, CrashCorpus.Analyse).Run([CrashCorpus.Source()]);
        Assert.Equal(1, again.SourcesSkipped);
        Assert.Equal(0, again.Added);
    }

    private static List<string> Snapshot(IArticleStore s) =>
        s.Export().Select(a => JsonSerializer.Serialize(a with { IngestedAt = default })).ToList();

    [Fact]
    public void Parallel_analysis_stores_the_same_as_one_worker()
    {
        using var one = new TempFolder();
        using var four = new TempFolder();
        using (var s = ArticleStore.Open(one.Path))
            new Ingestor(s, CrashCorpus.Analyse, batchSize: 16, workers: 1).Run([CrashCorpus.Source()]);
        using (var s = ArticleStore.Open(four.Path))
            new Ingestor(s, CrashCorpus.Analyse, batchSize: 16, workers: 4).Run([CrashCorpus.Source()]);
        using var a = ArticleStore.Open(one.Path);
        using var b = ArticleStore.Open(four.Path);
        Assert.Equal(Snapshot(a), Snapshot(b));
    }

    [Fact]
    public void A_lost_index_is_rebuilt_from_sqlite_on_open()
    {
        using var folder = new TempFolder();
        using (var s = ArticleStore.Open(folder.Path))
            s.Write(new IngestBatch { Analyses = [TestArticles.Verhandlungen(), TestArticles.Gaza(), .. TestArticles.Generate(20)] });
        Directory.Delete(Path.Combine(folder.Path, "index"), recursive: true);
        using var reopened = (SqliteArticleStore)ArticleStore.Open(folder.Path);
        Assert.Equal(22, reopened.IndexedDocuments);
        Assert.Equal([TestArticles.Verhandlungen().Article.Id], reopened.Search(new SearchQuery { Text = "Scholz" }).Hits.Select(h => h.Id));
    }

    [Fact]
    public void A_read_only_folder_gives_a_clear_error_naming_it_and_loses_nothing()
    {
        using var folder = new TempFolder();
        using (var s = ArticleStore.Open(folder.Path))
            s.Write(new IngestBatch { Analyses = [TestArticles.Verhandlungen(), TestArticles.Gaza(), TestArticles.Putin()] });
        // Why: tests run as root here, and root ignores permission bits; the immutable flag stops root too.
        bool root = Environment.UserName == "root";
        SetReadOnly(folder.Path, true, root);
        try
        {
            var ex = Assert.Throws<StoreException>(() => ArticleStore.Open(folder.Path).Dispose());
            Assert.Contains(folder.Path, ex.Message, StringComparison.Ordinal);
            Assert.Contains("not writable", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            SetReadOnly(folder.Path, false, root);
        }
        using var reopened = ArticleStore.Open(folder.Path);
        Assert.Equal(3, reopened.Counts().Articles);
        Assert.Single(reopened.Search(new SearchQuery { Text = "Gazastreifen" }).Hits);
    }

    [Fact]
    public void A_second_writer_on_one_folder_is_refused_with_the_path()
    {
        using var folder = new TempFolder();
        using var first = ArticleStore.Open(folder.Path);
        var ex = Assert.Throws<StoreException>(() => ArticleStore.Open(folder.Path).Dispose());
        Assert.Contains(folder.Path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_only_open_searches_without_taking_the_write_lock()
    {
        using var folder = new TempFolder();
        using var writer = ArticleStore.Open(folder.Path);
        writer.Put(TestArticles.Gaza());
        writer.Flush();
        using var reader = ArticleStore.Open(folder.Path, new StoreOptions { ReadOnly = true });
        Assert.Single(reader.Search(new SearchQuery { Text = "Waffenruhe" }).Hits);
        var missing = Assert.Throws<StoreException>(() => ArticleStore.Open(Path.Combine(folder.Path, "nope"), new StoreOptions { ReadOnly = true }));
        Assert.Contains("nope", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reader_opened_before_a_write_sees_it_after_the_writers_flush()
    {
        // Why: the workbench keeps readers open and ingests posted articles on its writer; within the index commit
        // interval only Flush makes the new article searchable for those readers.
        using var folder = new TempFolder();
        using var writer = ArticleStore.Open(folder.Path);
        using var reader = ArticleStore.Open(folder.Path, new StoreOptions { ReadOnly = true });
        Assert.Empty(reader.Search(new SearchQuery { Text = "Waffenruhe" }).Hits);
        writer.Put(TestArticles.Gaza());
        writer.Flush();
        Assert.Single(reader.Search(new SearchQuery { Text = "Waffenruhe" }).Hits);
    }

    private static void SetReadOnly(string path, bool on, bool root)
    {
        var psi = root
            ? new ProcessStartInfo("chattr", ["-R", on ? "+i" : "-i", path])
            : new ProcessStartInfo("chmod", ["-R", on ? "a-w" : "u+w", path]);
        using var p = Process.Start(psi)!;
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
    }
}
