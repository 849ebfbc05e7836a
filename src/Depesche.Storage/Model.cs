using System.Collections.Immutable;
using Depesche.Core;

namespace Depesche.Storage;

/// <summary>What happened to one article handed to the store.</summary>
public enum PutOutcome
{
    /// <summary>New content: stored and indexed.</summary>
    Added,
    /// <summary>The same content (same <see cref="Article.Id"/>) was already stored: nothing was written.</summary>
    Unchanged,
}

/// <summary>How two stored articles relate. The link always points from the newer article to an older one.</summary>
public enum LinkKind
{
    /// <summary>An updated version of the same wire story (WDH, ROUNDUP 2, KORREKTUR, a corrected text).</summary>
    VersionOf,
    /// <summary>Nearly the same text from another outlet or agency.</summary>
    NearDuplicateOf,
    /// <summary>The article joined the story of the target by clustering (not a copy or version).</summary>
    SameStoryAs,
}

public static class LinkKinds
{
    public static string Name(LinkKind k) => k switch
    {
        LinkKind.VersionOf => "version-of",
        LinkKind.NearDuplicateOf => "near-duplicate-of",
        LinkKind.SameStoryAs => "same-story-as",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static LinkKind Parse(string s) => s switch
    {
        "version-of" => LinkKind.VersionOf,
        "near-duplicate-of" => LinkKind.NearDuplicateOf,
        "same-story-as" => LinkKind.SameStoryAs,
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "unknown link kind"),
    };
}

/// <summary>A link between two stored articles, with the reason it was made (never only in a log).</summary>
public sealed record ArticleLink(string FromId, string ToId, LinkKind Kind, double Score, string Reason);

/// <summary>The result of storing one article.</summary>
public sealed record PutResult(string Id, PutOutcome Outcome, string StoryId, ArticleLink? Link);

/// <summary>
/// Where an ingest of one input stands. <see cref="Position"/> counts read results (articles and rejections) of that
/// input already written; a resumed ingest skips that many. <see cref="Fingerprint"/> (size and modification time, say)
/// tells whether the input changed since; a changed input starts again at 0, which is safe because puts are idempotent.
/// </summary>
public sealed record IngestCheckpoint(string Source, string? Fingerprint, long Position, bool Done);

/// <summary>
/// One unit of writing: analysed articles, rejections and checkpoints, committed together in one transaction,
/// so a checkpoint never claims work that was not stored.
/// </summary>
public sealed record IngestBatch
{
    public IReadOnlyList<Analysis> Analyses { get; init; } = [];
    /// <summary>Articles already turned into rows (<see cref="PreparedArticle.Of"/>, e.g. on analysis threads); written after <see cref="Analyses"/>.</summary>
    public IReadOnlyList<PreparedArticle> Prepared { get; init; } = [];
    public IReadOnlyList<Rejection> Rejections { get; init; } = [];
    public IReadOnlyList<IngestCheckpoint> Checkpoints { get; init; } = [];
}

/// <summary>What one <see cref="IArticleStore.Write"/> did: one result per analysis, then per prepared article, in order, and how many rejections were new.</summary>
public sealed record BatchResult(IReadOnlyList<PutResult> Articles, int RejectionsAdded);

/// <summary>
/// An entity mention as a flat row: offsets into the article text, surface text and GermEval type.
/// <see cref="EntityId"/> and <see cref="Name"/> (canonical) come from the mention's first link in the links layer;
/// both are null when the mention is not linked (or the article was analysed without linking).
/// </summary>
public sealed record StoredEntity(int Start, int End, string Text, string Type, EntityFlags Flags, int Level, double Confidence, string? EntityId = null, string? Name = null);

/// <summary>A time expression as a flat row.</summary>
public sealed record StoredTime(int Start, int End, string Text, string Type, string Value, string? Mod);

/// <summary>A version marker as stored: kind name (<c>roundup</c>), number, surface text.</summary>
public sealed record StoredVersionMarker(string Kind, int? Number, string Text);

/// <summary>An article as read back from the store.</summary>
public sealed record StoredArticle
{
    public required string Id { get; init; }
    /// <summary>Full SHA-256 of the text (hex); <see cref="Id"/> is its first 16 digits.</summary>
    public required string ContentHash { get; init; }
    /// <summary>The publication time as the source gave it, ISO 8601 (<see cref="PublicationTime.ToString"/>).</summary>
    public string? Published { get; init; }
    public DateOnly? PublishedDate { get; init; }
    public string? Agency { get; init; }
    public string? Outlet { get; init; }
    public string? Url { get; init; }
    public string? Headline { get; init; }
    public required string Text { get; init; }
    public ImmutableArray<string> Datelines { get; init; } = [];
    public ImmutableArray<string> EditorCodes { get; init; } = [];
    public ImmutableArray<StoredVersionMarker> VersionMarkers { get; init; } = [];
    public SourceLocation Origin { get; init; } = SourceLocation.None;
    public DateTimeOffset IngestedAt { get; init; }
    public required string StoryId { get; init; }
    /// <summary>The analysis as written by <see cref="Core.Json.AnalysisJson.Write"/> (tokens left out).</summary>
    public required string AnalysisJson { get; init; }
    public ImmutableArray<StoredEntity> Entities { get; init; } = [];
    public ImmutableArray<StoredTime> Times { get; init; } = [];
    /// <summary>Links from and to this article.</summary>
    public ImmutableArray<ArticleLink> Links { get; init; } = [];
}

/// <summary>A stored rejection.</summary>
public sealed record StoredRejection(string Code, string Message, SourceLocation Location, DateTimeOffset IngestedAt);

/// <summary>Counts over the whole store. Facets are computed in SQL.</summary>
public sealed record StoreCounts(
    long Articles,
    long Rejections,
    IReadOnlyDictionary<string, long> RejectionsByCode,
    long Stories,
    IReadOnlyDictionary<string, long> LinksByKind);

/// <summary>A story: articles that are versions, near-duplicates or clustered members of one another.</summary>
public sealed record StoryInfo(string StoryId, int Articles, string? FirstPublished, string? LastPublished, string? Headline);

/// <summary>
/// A search. <see cref="Text"/> uses Lucene syntax on the embedded store: words (German stemming), <c>"phrases"</c>,
/// <c>AND</c>/<c>OR</c>/<c>NOT</c>, <c>-word</c>, parentheses; the default operator is AND. PostgreSQL understands
/// the same words, phrases, OR and negation (via <c>websearch_to_tsquery</c>); parentheses are ignored there.
/// An empty text with filters lists the newest matching articles.
/// </summary>
public sealed record SearchQuery
{
    public string Text { get; init; } = "";
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    /// <summary>Agency or outlet, case-insensitive, exact.</summary>
    public string? Source { get; init; }
    /// <summary>Articles that mention an entity whose text contains these words.</summary>
    public string? Entity { get; init; }
    /// <summary>Articles with an entity of this type (<c>PER</c>, <c>LOC</c>, <c>ORG</c>, <c>OTH</c>); with <see cref="Entity"/>, that entity has this type.</summary>
    public string? EntityType { get; init; }
    public int Limit { get; init; } = 20;
    public int Offset { get; init; }
    /// <summary>
    /// Only hits with these ids get a snippet, the others an empty one; null: every hit. Why: highlighting costs more
    /// than the search, and a caller that counts facets over a hundred hits shows only twenty.
    /// </summary>
    public IReadOnlySet<string>? SnippetFor { get; init; }
}

/// <summary>One search hit. <see cref="Snippet"/> is HTML-escaped text with matches wrapped in <c>&lt;em&gt;</c>.</summary>
public sealed record SearchHit(string Id, double Score, string? Headline, string? Published, string? Agency, string StoryId, string Snippet);

public sealed record SearchResults(long Total, IReadOnlyList<SearchHit> Hits);

/// <summary>An item of the work queue, claimed by one worker at a time.</summary>
public sealed record WorkItem(long Id, string Payload, int Attempts);

public sealed record QueueCounts(long Pending, long Done, long Failed);
