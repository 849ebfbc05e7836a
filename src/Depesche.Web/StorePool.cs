using System.Collections.Concurrent;
using Depesche.Storage;

namespace Depesche.Web;

/// <summary>
/// Store instances for concurrent requests. <see cref="IArticleStore"/> is single-threaded, so each request rents
/// its own reader; the one writer (only when ingest is enabled) is used under a lock.
/// </summary>
public sealed class StorePool : IDisposable
{
    private readonly ConcurrentBag<IArticleStore> _idle = [];
    private readonly string _location;
    private readonly Lock _writeLock = new();
    private readonly IArticleStore? _writer;
    private bool _disposed;

    /// <param name="location">Folder or PostgreSQL connection string.</param>
    /// <param name="writable">Open one writer (holds the embedded store's write lock for the server's lifetime).</param>
    public StorePool(string location, bool writable)
    {
        _location = location;
        if (writable) _writer = ArticleStore.Open(location);
        else if (!ArticleStore.IsConnectionString(location) && !Directory.Exists(location))
            throw new StoreException($"no store at '{Path.GetFullPath(location)}' (ingest articles first: depesche ingest FILES --store {location})");
        _idle.Add(ArticleStore.Open(location, new StoreOptions { ReadOnly = true }));
    }

    public string Location => _writer?.Location ?? _location;

    public bool Writable => _writer is not null;

    /// <summary>Runs <paramref name="read"/> on a reader that no other thread uses meanwhile.</summary>
    public T Read<T>(Func<IArticleStore, T> read)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var s = _idle.TryTake(out var idle) ? idle : ArticleStore.Open(_location, new StoreOptions { ReadOnly = true });
        try { return read(s); }
        finally { _idle.Add(s); }
    }

    /// <summary>Runs <paramref name="write"/> on the writer, one at a time. Throws when the server is read-only.</summary>
    public T Write<T>(Func<IArticleStore, T> write)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_writer is null) throw new InvalidOperationException("the store is open read-only");
        lock (_writeLock) return write(_writer);
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        while (_idle.TryTake(out var s)) s.Dispose();
        _writer?.Dispose();
    }
}
