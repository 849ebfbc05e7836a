using Depesche.Core;

namespace Depesche.Storage;

/// <summary>
/// The archive: analysed articles, their entity and time rows, rejections, links between versions and
/// near-duplicates, stories, and ingest checkpoints. Two backends keep the same contract: the embedded store
/// (SQLite + Lucene.NET, <see cref="ArticleStore.Open"/> with a folder) and PostgreSQL (a connection string).
/// </summary>
/// <remarks>
/// Thread safety: one instance may be used from one thread at a time; open one instance per worker.
/// Writes are idempotent by content hash (<see cref="Article.Id"/>): writing the same content again is a no-op and
/// reported as <see cref="PutOutcome.Unchanged"/>. Rejections are idempotent by code, location and message.
/// Failures to reach or write the store throw <see cref="StoreException"/>, whose message names the folder or server.
/// </remarks>
public interface IArticleStore : IDisposable
{
    /// <summary>The folder or the server (without password) this store writes to.</summary>
    string Location { get; }

    /// <summary>Writes a batch in one transaction: all of it or none of it is stored.</summary>
    BatchResult Write(IngestBatch batch);

    /// <summary>Stores one analysed article (a batch of one).</summary>
    PutResult Put(Analysis analysis) => Write(new IngestBatch { Analyses = [analysis] }).Articles[0];

    StoredArticle? Get(string id);

    /// <summary>Full-text search with German stemming. Throws <see cref="InvalidQueryException"/> for a query it cannot parse.</summary>
    SearchResults Search(SearchQuery query);

    /// <summary>Stored rejections, oldest first.</summary>
    IReadOnlyList<StoredRejection> Rejections(int limit = 1000);

    StoreCounts Counts();

    /// <summary>The last checkpoint written for an input, or null.</summary>
    IngestCheckpoint? Checkpoint(string source);

    /// <summary>Stories, largest first, then newest.</summary>
    IReadOnlyList<StoryInfo> Stories(int limit = 100);

    /// <summary>Every article id in a story, oldest first.</summary>
    IReadOnlyList<string> StoryMembers(string storyId);

    /// <summary>All articles in the order they were stored, streamed (entities and times included).</summary>
    IEnumerable<StoredArticle> Export();

    /// <summary>
    /// Makes everything written so far visible to other instances' searches. Why: the embedded store commits its
    /// search index at most every two seconds during a bulk ingest; a server that ingests one posted article and is
    /// searched right after must not wait for that. PostgreSQL needs nothing (each batch is one committed transaction).
    /// </summary>
    void Flush() { }

    /// <summary>
    /// Quotes matching every filter of <paramref name="query"/>, newest article first, then in text order;
    /// <see cref="QuoteResults.Total"/> counts all matches, the list is one page (<see cref="QuoteQuery.Limit"/>, <see cref="QuoteQuery.Offset"/>).
    /// Throws <see cref="StoreException"/> on a store of an older schema that keeps no quote rows.
    /// </summary>
    QuoteResults Quotes(QuoteQuery query);

    /// <summary>Event mentions matching every filter of <paramref name="query"/>, newest article first, then in text order; paged like <see cref="Quotes"/>.</summary>
    EventResults Events(EventQuery query);

    /// <summary>
    /// The profile of the entity that <paramref name="nameOrId"/> names: an entity id (<c>Q7747</c>, <c>kb:peskow</c>), a canonical
    /// name, a way it was written (<c>Selenskyj</c>), or words of its canonical name; when several match, the most mentioned
    /// is profiled and the others are listed in <see cref="EntityProfile.OtherMatches"/>. Null when none matches. Identity
    /// comes from the links layer: articles analysed without entity linking contribute nothing here.
    /// </summary>
    EntityProfile? Entity(string nameOrId, EntityProfileOptions? options = null);
}

/// <summary>A queue of work for <c>depesche worker</c> processes: each item is processed by exactly one worker.</summary>
public interface IWorkQueue
{
    /// <summary>Adds items; an item already queued (same payload) is not added again. Returns how many were new.</summary>
    int Enqueue(IEnumerable<string> payloads);

    /// <summary>
    /// Claims the next pending item, runs <paramref name="handler"/> on it and writes the batch it returns, marking the
    /// item done, all in one transaction: a worker that dies mid-item leaves it pending for another, and a finished
    /// item is never processed again. Returns false when no item was pending. If the handler throws, the item is
    /// marked failed with the message and the exception is not rethrown.
    /// </summary>
    bool ProcessNext(string workerId, Func<WorkItem, IngestBatch> handler);

    QueueCounts QueueCounts();
}

/// <summary>The store could not be opened, read or written. The message names the folder or server.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A search query that cannot be parsed. The message says where.</summary>
public sealed class InvalidQueryException(string message, Exception? inner = null) : Exception(message, inner);
