using Depesche.Storage.Embedded;
using Depesche.Storage.Postgres;

namespace Depesche.Storage;

/// <summary>Options for opening a store.</summary>
public sealed record StoreOptions
{
    public static readonly StoreOptions Default = new();

    /// <summary>Open for reading only: no schema changes, no index catch-up, no write lock. Only the embedded store honours it.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>The clock for ingest times; tests inject a fixed one.</summary>
    public TimeProvider? Clock { get; init; }
}

/// <summary>Opens a store by location: a folder (embedded SQLite + Lucene) or a PostgreSQL connection string.</summary>
public static class ArticleStore
{
    /// <summary>The default folder of the embedded store.</summary>
    public const string DefaultFolder = "depesche-data";

    /// <summary>True when <paramref name="location"/> looks like a PostgreSQL connection string (<c>Host=…;Database=…</c>).</summary>
    public static bool IsConnectionString(string location) =>
        location.Contains('=') && (location.Contains("Host=", StringComparison.OrdinalIgnoreCase) || location.Contains("Database=", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Opens (and creates where needed) the store at <paramref name="location"/>. Throws <see cref="StoreException"/>,
    /// naming the folder or server, when it cannot be opened or written.
    /// </summary>
    public static IArticleStore Open(string location, StoreOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        options ??= StoreOptions.Default;
        return IsConnectionString(location)
            ? PgArticleStore.Open(location, options.Clock)
            : SqliteArticleStore.Open(location, options.ReadOnly, options.Clock);
    }
}
