using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using Depesche.Core;

namespace Depesche.Storage;

/// <summary>
/// One input of an ingest: a name (the path as given, or <c>-</c>), a fingerprint that changes when the input
/// changes (null: never resume, e.g. standard input), and a function that reads it from the start.
/// </summary>
public sealed record IngestSource(string Name, string? Fingerprint, Func<IEnumerable<ReadResult>> Read)
{
    /// <summary>A fingerprint of a file or folder: sizes and modification times of every file below it.</summary>
    public static string? FingerprintOf(string path)
    {
        if (File.Exists(path))
        {
            var f = new FileInfo(path);
            return $"{f.Length}:{f.LastWriteTimeUtc.Ticks}";
        }
        if (!Directory.Exists(path)) return null;
        long count = 0, size = 0, latest = 0;
        foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            count++;
            size += file.Length;
            latest = Math.Max(latest, file.LastWriteTimeUtc.Ticks);
        }
        return $"dir:{count}:{size}:{latest}";
    }
}

/// <summary>Counts of one ingest run.</summary>
public sealed record IngestSummary
{
    public long Read { get; init; }
    public long Added { get; init; }
    public long Unchanged { get; init; }
    public long Versions { get; init; }
    public long NearDuplicates { get; init; }
    /// <summary>Articles that joined an existing story by clustering (neither a version nor a copy).</summary>
    public long StoryJoins { get; init; }
    public long Rejected { get; init; }
    public long StageFailures { get; init; }
    /// <summary>Read results skipped because a checkpoint showed them already stored.</summary>
    public long Resumed { get; init; }
    public long SourcesSkipped { get; init; }
    public IReadOnlyDictionary<string, long> RejectionsByCode { get; init; } = new Dictionary<string, long>();
}

/// <summary>
/// Drives an ingest with resume: reads each source, analyses articles on <c>workers</c> threads, and writes batches
/// with a checkpoint in the same transaction. After a crash, the next run skips what the checkpoint says is stored,
/// and idempotent puts make any overlap harmless; a finished source whose fingerprint is unchanged is skipped entirely.
/// </summary>
/// <remarks>
/// A pipeline: one thread reads the sources into chunks, <c>workers</c> threads analyse them and turn each analysis
/// into rows (<see cref="PreparedArticle"/>), and the calling thread is the store's one writer, taking chunks in input
/// order. So analysis and writing overlap, and the store, its decisions (versions, stories) and the order of the
/// stored articles are the same as with one worker. At most <see cref="ChunksInFlight"/> chunks wait between the
/// reader and the writer, which keeps memory bounded however large the input. Every callback runs on the calling thread.
/// </remarks>
public sealed class Ingestor(IArticleStore store, Func<Article, Analysis> analyse, int batchSize = 256, int workers = 1)
{
    /// <summary>Read results per unit of work handed to an analysis thread.</summary>
    private const int ChunkSize = 16;

    /// <summary>
    /// Characters of article text after which a chunk is handed on early, that may wait between reader and writer, and
    /// that a batch may hold. Why in characters too: counts alone let 40 articles of a million characters each sit in
    /// the queues at once (1.5 GB of RSS). A wire article has about 3,000 characters, so ordinary input seldom reaches them.
    /// </summary>
    private const int ChunkChars = 256 * 1024, CharsInFlight = 1024 * 1024, BatchChars = 1024 * 1024;

    private readonly int _batchSize = Math.Max(1, batchSize);
    private readonly int _workers = Math.Max(1, workers);

    /// <summary>Called after every batch with the running summary (for progress display).</summary>
    public Action<IngestSummary>? OnBatch { get; init; }

    /// <summary>Called for every rejection and stage failure, in input order (for stderr reports).</summary>
    public Action<Rejection>? OnRejection { get; init; }
    public Action<Article, StageFailure>? OnStageFailure { get; init; }

    /// <summary>
    /// Chunks read but not yet written. Why a batch and more: the writer collects a whole batch and then writes it in
    /// one go (half a second or more for 256 articles); the analysis threads must have room to keep working meanwhile.
    /// </summary>
    private int ChunksInFlight => (_batchSize + ChunkSize - 1) / ChunkSize + 2 * _workers;

    public IngestSummary Run(IEnumerable<IngestSource> sources, CancellationToken cancel = default)
    {
        var s = new IngestSummary();
        var plan = Plan(sources, ref s);
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var ordered = new Handoff<Chunk>(ChunksInFlight, CharsInFlight);
        var work = new Handoff<Chunk>(int.MaxValue, long.MaxValue);
        var reader = Start("depesche-ingest-reader", () => Read(plan, ordered, work, stop.Token));
        var analysers = new List<Thread>();
        for (int i = 0; i < _workers; i++) analysers.Add(Start($"depesche-ingest-analysis-{i + 1}", () => Analyse(work, stop.Token)));
        try
        {
            return Write(s, ordered, cancel);
        }
        finally
        {
            // Why: on a failure the reader may be blocked on a full queue and the analysers on an empty one.
            stop.Cancel();
            foreach (var t in analysers) t.Join();
            // Why not wait for ever: after a failure the reader may be blocked reading its input (standard input that
            // never ends); it is a background thread and stops at its next item. After a normal end it has finished.
            if (reader.Join(TimeSpan.FromSeconds(10))) stop.Dispose();
        }
    }

    /// <summary>What to read of each source: finished ones are skipped, resumed ones start after their checkpoint.</summary>
    private List<(IngestSource Source, long Skip)> Plan(IEnumerable<IngestSource> sources, ref IngestSummary s)
    {
        var plan = new List<(IngestSource, long)>();
        // Why: the same input named twice in one run is skipped the second time, as its checkpoint will say done by then.
        var finished = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            IngestCheckpoint? cp = null;
            if (source.Fingerprint is not null)
                cp = finished.TryGetValue(source.Name, out var fp) ? new IngestCheckpoint(source.Name, fp, 0, true) : store.Checkpoint(source.Name);
            if (cp is not null && cp.Fingerprint != source.Fingerprint) cp = null;
            if (cp is { Done: true })
            {
                s = s with { SourcesSkipped = s.SourcesSkipped + 1 };
                continue;
            }
            plan.Add((source, cp?.Position ?? 0));
            if (source.Fingerprint is not null) finished[source.Name] = source.Fingerprint;
        }
        return plan;
    }

    private static Thread Start(string name, Action body)
    {
        var t = new Thread(() => body()) { IsBackground = true, Name = name };
        t.Start();
        return t;
    }

    /// <summary>The reader: chunks of read results in input order, each queued for the writer and for an analysis thread.</summary>
    private static void Read(List<(IngestSource Source, long Skip)> plan, Handoff<Chunk> ordered, Handoff<Chunk> work, CancellationToken stop)
    {
        Chunk? chunk = null;
        try
        {
            foreach (var (source, skip) in plan)
            {
                long position = 0, resumed = 0;
                chunk = new Chunk(source);
                foreach (var r in source.Read())
                {
                    stop.ThrowIfCancellationRequested();
                    position++;
                    if (position <= skip)
                    {
                        resumed++;
                        continue;
                    }
                    chunk.Add(r, position);
                    if (chunk.Count >= ChunkSize || chunk.Chars >= ChunkChars)
                    {
                        chunk.Resumed = resumed;
                        resumed = 0;
                        Dispatch(chunk, ordered, work, stop);
                        chunk = new Chunk(source);
                    }
                }
                chunk.Resumed = resumed;
                chunk.EndOfSource = true;
                chunk.EndPosition = position;
                Dispatch(chunk, ordered, work, stop);
                chunk = null;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The writer stopped (done, failed or cancelled); nobody waits for more.
        }
        catch (Exception ex)
        {
            // Why through the queue: the writer first stores the batches completed before the failure, as a serial
            // ingest would have, then throws it. The items read so far go first, so those batches are the same.
            // (An exception escaping this thread would end the process.)
            var failed = new Chunk(chunk?.Source ?? plan[0].Source);
            failed.Fail(ExceptionDispatchInfo.Capture(ex));
            try
            {
                if (chunk is { Count: > 0 }) Dispatch(chunk, ordered, work, stop);
                ordered.Add(failed, 0, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
        finally
        {
            ordered.Close();
            work.Close();
        }
    }

    private static void Dispatch(Chunk chunk, Handoff<Chunk> ordered, Handoff<Chunk> work, CancellationToken stop)
    {
        // Why this order: the bounded writer queue is what holds the reader back; the work queue never holds more.
        ordered.Add(chunk, chunk.Chars, stop);
        if (chunk.Articles == 0) chunk.Complete();
        else work.Add(chunk, 0, stop);
    }

    /// <summary>An analysis thread: analyses the chunk's articles and turns each into rows for the writer.</summary>
    private void Analyse(Handoff<Chunk> work, CancellationToken stop)
    {
        try
        {
            while (work.TryTake(out var chunk, stop))
            {
                try
                {
                    for (int i = 0; i < chunk.Count; i++)
                        if (chunk.Items[i].Result.Article is { } a)
                            chunk.Items[i].Prepared = PreparedArticle.Of(analyse(a));
                }
                catch (Exception ex)
                {
                    chunk.Fail(ExceptionDispatchInfo.Capture(ex));
                }
                chunk.Complete();
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    /// <summary>The writer (the calling thread): chunks in input order, grouped into batches of <c>batchSize</c> read results.</summary>
    private IngestSummary Write(IngestSummary s, Handoff<Chunk> ordered, CancellationToken cancel)
    {
        var byCode = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var articles = new List<PreparedArticle>();
        var rejections = new List<Rejection>();
        int pending = 0;
        long pendingChars = 0;
        while (ordered.TryTake(out var chunk, cancel))
        {
            chunk.Wait(cancel);
            chunk.Error?.Throw();
            s = s with { Resumed = s.Resumed + chunk.Resumed };
            for (int i = 0; i < chunk.Count; i++)
            {
                // Why per item: a cancelled run stops where a serial one would, right after the batch it was writing.
                cancel.ThrowIfCancellationRequested();
                ref var item = ref chunk.Items[i];
                pending++;
                if (item.Prepared is { } p)
                {
                    articles.Add(p);
                    pendingChars += p.Article.Text.Length;
                }
                else if (item.Result.Rejection is { } rej)
                {
                    rejections.Add(rej);
                    OnRejection?.Invoke(rej);
                    byCode[rej.CodeName] = byCode.GetValueOrDefault(rej.CodeName) + 1;
                }
                if (pending >= _batchSize || pendingChars >= BatchChars)
                {
                    s = Flush(s, chunk.Source, item.Position, done: false, articles, rejections);
                    pending = 0;
                    pendingChars = 0;
                }
            }
            if (chunk.EndOfSource)
            {
                s = Flush(s, chunk.Source, chunk.EndPosition, done: true, articles, rejections);
                pending = 0;
                pendingChars = 0;
            }
        }
        cancel.ThrowIfCancellationRequested();
        return s with { RejectionsByCode = byCode };
    }

    private IngestSummary Flush(IngestSummary s, IngestSource source, long position, bool done, List<PreparedArticle> articles, List<Rejection> rejections)
    {
        long failures = 0;
        foreach (var a in articles)
            foreach (var f in a.Failures)
            {
                failures++;
                OnStageFailure?.Invoke(a.Article, f);
            }
        var batch = new IngestBatch
        {
            Prepared = [.. articles],
            Rejections = [.. rejections],
            Checkpoints = source.Fingerprint is null ? [] : [new IngestCheckpoint(source.Name, source.Fingerprint, position, done)],
        };
        var result = store.Write(batch);
        s = s with
        {
            Read = s.Read + articles.Count + rejections.Count,
            Added = s.Added + result.Articles.Count(r => r.Outcome == PutOutcome.Added),
            Unchanged = s.Unchanged + result.Articles.Count(r => r.Outcome == PutOutcome.Unchanged),
            Versions = s.Versions + result.Articles.Count(r => r.Link?.Kind == LinkKind.VersionOf),
            NearDuplicates = s.NearDuplicates + result.Articles.Count(r => r.Link?.Kind == LinkKind.NearDuplicateOf),
            StoryJoins = s.StoryJoins + result.Articles.Count(r => r.Link?.Kind == LinkKind.SameStoryAs),
            Rejected = s.Rejected + rejections.Count,
            StageFailures = s.StageFailures + failures,
        };
        articles.Clear();
        rejections.Clear();
        OnBatch?.Invoke(s);
        return s;
    }

    /// <summary>Up to <see cref="ChunkSize"/> consecutive read results of one source, analysed by one thread.</summary>
    private sealed class Chunk(IngestSource source)
    {
        public struct Item
        {
            public ReadResult Result;
            public long Position;
            public PreparedArticle? Prepared;
        }

        private bool _done;

        public IngestSource Source { get; } = source;
        public Item[] Items { get; } = new Item[ChunkSize];
        public int Count { get; private set; }
        public int Articles { get; private set; }
        /// <summary>Characters of article text in the chunk.</summary>
        public long Chars { get; private set; }
        /// <summary>Read results skipped (a checkpoint said they were stored) before this chunk's first item.</summary>
        public long Resumed { get; set; }
        /// <summary>The last chunk of its source: the writer checkpoints the source as done at <see cref="EndPosition"/>.</summary>
        public bool EndOfSource { get; set; }
        public long EndPosition { get; set; }
        /// <summary>Why reading or analysing this chunk failed; the writer rethrows it when the chunk's turn comes.</summary>
        public ExceptionDispatchInfo? Error { get; private set; }

        public void Add(ReadResult r, long position)
        {
            Items[Count++] = new Item { Result = r, Position = position };
            if (r.Article is not null)
            {
                Articles++;
                Chars += r.Article.Text.Length;
            }
        }

        public void Fail(ExceptionDispatchInfo error)
        {
            Error = error;
            Complete();
        }

        public void Complete()
        {
            lock (Items)
            {
                _done = true;
                Monitor.PulseAll(Items);
            }
        }

        public void Wait(CancellationToken cancel)
        {
            lock (Items)
                while (!_done)
                {
                    cancel.ThrowIfCancellationRequested();
                    Monitor.Wait(Items, Handoff<Chunk>.Recheck);
                }
        }
    }

    /// <summary>
    /// A queue between threads, bounded to <c>capacity</c> items and <c>maxWeight</c> in all (an item heavier than that
    /// passes alone): adding to a full one waits, taking from an empty one waits until an item comes or the queue is
    /// closed. Why not BlockingCollection or a Task: their waits spin first, and on a machine with two cores a spinning
    /// waiter takes the core from the thread it waits for.
    /// </summary>
    private sealed class Handoff<T>(int capacity, long maxWeight)
    {
        /// <summary>How often a waiter looks at its cancellation token.</summary>
        public const int Recheck = 100;

        private readonly Queue<(T Item, long Weight)> _items = new();
        private long _weight;
        private bool _closed;

        public void Add(T item, long weight, CancellationToken stop)
        {
            lock (_items)
            {
                while ((_items.Count >= capacity || (_items.Count > 0 && _weight + weight > maxWeight)) && !_closed)
                {
                    stop.ThrowIfCancellationRequested();
                    Monitor.Wait(_items, Recheck);
                }
                if (_closed) throw new InvalidOperationException("the queue is closed");
                _items.Enqueue((item, weight));
                _weight += weight;
                Monitor.PulseAll(_items);
            }
        }

        public bool TryTake([MaybeNullWhen(false)] out T item, CancellationToken stop)
        {
            lock (_items)
            {
                while (_items.Count == 0)
                {
                    if (_closed)
                    {
                        item = default;
                        return false;
                    }
                    stop.ThrowIfCancellationRequested();
                    Monitor.Wait(_items, Recheck);
                }
                (item, var weight) = _items.Dequeue();
                _weight -= weight;
                Monitor.PulseAll(_items);
                return true;
            }
        }

        /// <summary>No more items will be added; takers get what is left, then false.</summary>
        public void Close()
        {
            lock (_items)
            {
                _closed = true;
                Monitor.PulseAll(_items);
            }
        }
    }
}
