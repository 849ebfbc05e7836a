using Depesche.Core;
using Xunit;

namespace Depesche.Storage.Tests;

/// <summary>
/// The ingest pipeline (reader, analysis threads, one writer): failures surface in input order with what came
/// before them stored, read-ahead is bounded, callbacks run on the calling thread, and skipping works as in a serial run.
/// </summary>
public sealed class IngestorTests
{
    private static IngestSource CrashSource() => CrashCorpus.Source();

    private static IEnumerable<ReadResult> Corpus() => CrashSource().Read();

    [Fact]
    public void An_analysis_failure_stops_the_run_with_its_exception_and_keeps_the_batches_before_it()
    {
        using var folder = new TempFolder();
        var failOn = Corpus().Where(r => r.Article is not null).Skip(150).First().Article!.Id;
        var ex = Record.Exception(() =>
        {
            using var store = ArticleStore.Open(folder.Path);
            new Ingestor(store, a => a.Id == failOn ? throw new InvalidDataException("stage broke") : CrashCorpus.Analyse(a), batchSize: 20, workers: 3)
                .Run([CrashSource()]);
        });
        Assert.IsType<InvalidDataException>(ex);
        Assert.Equal("stage broke", ex.Message);
        using var reopened = ArticleStore.Open(folder.Path);
        // The failing article is the 151st; with a rejection every 25 items it is read result 157, in the batch of 141–160.
        var cp = reopened.Checkpoint("synthetic.txt")!;
        Assert.Equal(140, cp.Position);
        Assert.False(cp.Done);
        Assert.Equal(140 - 5, reopened.Counts().Articles);
        Assert.Null(reopened.Get(failOn));
    }

    [Fact]
    public void A_failing_input_stops_the_run_with_its_exception_after_the_complete_batches()
    {
        using var folder = new TempFolder();
        static IEnumerable<ReadResult> Broken()
        {
            foreach (var r in Corpus().Take(55)) yield return r;
            throw new IOException("disk read error");
        }
        using (var store = ArticleStore.Open(folder.Path))
        {
            var ex = Assert.Throws<IOException>(() => new Ingestor(store, CrashCorpus.Analyse, batchSize: 10, workers: 2).Run([new IngestSource("broken", "v1", Broken)]));
            Assert.Equal("disk read error", ex.Message);
        }
        using var reopened = ArticleStore.Open(folder.Path);
        Assert.Equal(50, reopened.Checkpoint("broken")!.Position);
        Assert.Equal(49, reopened.Counts().Articles);
    }

    [Fact]
    public void The_reader_stays_a_bounded_distance_ahead_of_the_writer()
    {
        using var folder = new TempFolder();
        long read = 0, readAtFirstBatch = -1;
        IEnumerable<ReadResult> Counted()
        {
            foreach (var r in Corpus())
            {
                Interlocked.Increment(ref read);
                yield return r;
            }
        }
        using var store = ArticleStore.Open(folder.Path);
        new Ingestor(store, CrashCorpus.Analyse, batchSize: 16, workers: 2)
        {
            OnBatch = _ =>
            {
                if (readAtFirstBatch < 0) readAtFirstBatch = Interlocked.Read(ref read);
            },
        }.Run([new IngestSource("counted", null, Counted)]);
        // The writer's chunk (16), at most 1 + 2 × 2 queued chunks of 16 and the one the reader waits to queue,
        // however long the input (312 items here).
        Assert.InRange(readAtFirstBatch, 16, 16 + 6 * 16);
        Assert.Equal(312, read);
    }

    [Fact]
    public void Long_articles_bound_the_read_ahead_and_the_batches_by_their_characters()
    {
        using var folder = new TempFolder();
        long read = 0, readAtFirstBatch = -1;
        var batchReads = new List<long>();
        // 24 articles of 300,000 characters: counts alone would queue them all and write them as one batch.
        IEnumerable<ReadResult> Long()
        {
            for (int i = 0; i < 24; i++)
            {
                Interlocked.Increment(ref read);
                var text = $"Artikel {i}. " + string.Concat(Enumerable.Repeat("Die Verhandlungen in Wien gingen am Freitag weiter. ", 6000))[..300_000];
                yield return ReadResult.Ok(new Article { Id = Article.IdFromText(text), Text = text, Body = new TextRange(0, text.Length), Origin = new SourceLocation("long", i + 1) });
            }
        }
        using var store = ArticleStore.Open(folder.Path);
        var summary = new Ingestor(store, a => new Analysis(a), batchSize: 256, workers: 2)
        {
            OnBatch = s =>
            {
                if (readAtFirstBatch < 0) readAtFirstBatch = Interlocked.Read(ref read);
                batchReads.Add(s.Read);
            },
        }.Run([new IngestSource("long", null, Long)]);
        Assert.Equal(24, summary.Added);
        // A batch closes once it holds a million characters: after its 4th article of 300,000.
        Assert.Equal(4, batchReads[0]);
        Assert.True(batchReads.Count >= 6, $"{batchReads.Count} batches");
        // Ahead of the first write: the batch (4), a million characters queued (3), the chunk being handed on and the
        // one the reader holds.
        Assert.InRange(readAtFirstBatch, 4, 4 + 3 + 2);
    }

    [Fact]
    public void Callbacks_run_on_the_calling_thread_in_input_order()
    {
        using var folder = new TempFolder();
        var caller = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        var rejectedLines = new List<long?>();
        var batchReads = new List<long>();
        using var store = ArticleStore.Open(folder.Path);
        var summary = new Ingestor(store, CrashCorpus.Analyse, batchSize: 7, workers: 4)
        {
            OnRejection = r =>
            {
                threads.Add(Environment.CurrentManagedThreadId);
                rejectedLines.Add(r.Location.Line);
            },
            OnBatch = s =>
            {
                threads.Add(Environment.CurrentManagedThreadId);
                batchReads.Add(s.Read);
            },
        }.Run([CrashSource()]);
        Assert.Equal(new[] { caller }, threads.ToArray());
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long?)(i * 25)), rejectedLines);
        Assert.Equal(batchReads.Order(), batchReads);
        Assert.Equal(312, summary.Read);
        Assert.Equal(300, summary.Added);
        Assert.Equal(12, summary.Rejected);
    }

    [Fact]
    public void An_input_named_twice_is_read_once_and_a_changed_one_again()
    {
        using var folder = new TempFolder();
        using var store = ArticleStore.Open(folder.Path);
        var twice = new Ingestor(store, CrashCorpus.Analyse, workers: 2).Run([CrashSource(), CrashSource()]);
        Assert.Equal(1, twice.SourcesSkipped);
        Assert.Equal(300, twice.Added);
        var changed = new Ingestor(store, CrashCorpus.Analyse, workers: 2).Run([CrashSource() with { Fingerprint = "v2" }]);
        Assert.Equal(0, changed.SourcesSkipped);
        Assert.Equal(300, changed.Unchanged);
        Assert.Equal(0, changed.Added);
    }

    [Fact]
    public void Cancelling_stops_the_run()
    {
        using var folder = new TempFolder();
        using var cancel = new CancellationTokenSource();
        using var store = ArticleStore.Open(folder.Path);
        var ingestor = new Ingestor(store, CrashCorpus.Analyse, batchSize: 10, workers: 2) { OnBatch = s => { if (s.Read >= 50) cancel.Cancel(); } };
        Assert.ThrowsAny<OperationCanceledException>(() => ingestor.Run([CrashSource()], cancel.Token));
        Assert.Equal(50, store.Checkpoint("synthetic.txt")!.Position);
    }
}
