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
/// Drives an ingest with resume: reads each source, analyses articles (on <c>workers</c> threads, order kept),
/// and writes batches with a checkpoint in the same transaction. After a crash, the next run skips what the
/// checkpoint says is stored, and idempotent puts make any overlap harmless; a finished source whose fingerprint
/// is unchanged is skipped entirely.
/// </summary>
public sealed class Ingestor(IArticleStore store, Func<Article, Analysis> analyse, int batchSize = 256, int workers = 1)
{
    /// <summary>Called after every batch with the running summary (for progress display).</summary>
    public Action<IngestSummary>? OnBatch { get; init; }

    /// <summary>Called for every rejection and stage failure as it is read (for stderr reports).</summary>
    public Action<Rejection>? OnRejection { get; init; }
    public Action<Article, StageFailure>? OnStageFailure { get; init; }

    public IngestSummary Run(IEnumerable<IngestSource> sources, CancellationToken cancel = default)
    {
        var s = new IngestSummary();
        var byCode = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            var cp = source.Fingerprint is null ? null : store.Checkpoint(source.Name);
            if (cp is not null && cp.Fingerprint != source.Fingerprint) cp = null;
            if (cp is { Done: true })
            {
                s = s with { SourcesSkipped = s.SourcesSkipped + 1 };
                continue;
            }
            long skip = cp?.Position ?? 0, position = 0;
            var articles = new List<Article>();
            var rejections = new List<Rejection>();
            int pending = 0;
            foreach (var r in source.Read())
            {
                cancel.ThrowIfCancellationRequested();
                position++;
                if (position <= skip)
                {
                    s = s with { Resumed = s.Resumed + 1 };
                    continue;
                }
                pending++;
                if (r.Article is { } a) articles.Add(a);
                else if (r.Rejection is { } rej)
                {
                    rejections.Add(rej);
                    OnRejection?.Invoke(rej);
                    byCode[rej.CodeName] = byCode.GetValueOrDefault(rej.CodeName) + 1;
                }
                if (pending >= batchSize)
                {
                    s = Flush(s, source, position, done: false, articles, rejections);
                    pending = 0;
                }
            }
            s = Flush(s, source, position, done: true, articles, rejections);
        }
        return s with { RejectionsByCode = byCode };
    }

    private IngestSummary Flush(IngestSummary s, IngestSource source, long position, bool done, List<Article> articles, List<Rejection> rejections)
    {
        var analyses = workers <= 1
            ? articles.Select(analyse).ToList()
            : articles.AsParallel().AsOrdered().WithDegreeOfParallelism(workers).Select(analyse).ToList();
        long failures = 0;
        foreach (var a in analyses)
            foreach (var f in a.Failures)
            {
                failures++;
                OnStageFailure?.Invoke(a.Article, f);
            }
        var batch = new IngestBatch
        {
            Analyses = analyses,
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
}
