namespace Depesche.Storage;

// Queries for browsing the archive interactively (the web workbench): small pages and counts answered by the
// rows of schema 2 and their indexes, so a request costs the same at a thousand articles as at a hundred thousand.
// Both backends implement them with the same SQL (SqlStore.Browse.cs).

/// <summary>An article's header: what a list shows of it. <see cref="Date"/> is the publication day (<c>yyyy-MM-dd</c>).</summary>
public sealed record ArticleHeader(string Id, string? Published, string? Date, string? Agency, string? Outlet, string? Headline, string StoryId, DateTimeOffset IngestedAt);

/// <summary>A value with how often it occurs among the matches, for facet lists.</summary>
public sealed record FacetCount(string Value, string Label, long Count);

/// <summary>Which quotes to browse. All given filters must hold.</summary>
public sealed record BrowseQuoteQuery
{
    /// <summary>An entity id (exact) or words in the speaker's canonical name or wording.</summary>
    public string? Speaker { get; init; }
    /// <summary>The speaker's entity id, exact.</summary>
    public string? SpeakerId { get; init; }
    /// <summary>A source kind (<c>agency</c>, <c>outlet</c> …) or words in the name of a link of the source chain.</summary>
    public string? Source { get; init; }
    /// <summary>True: the speaker, the anonymous flag or a link of the chain is anonymous; false: none is.</summary>
    public bool? Anonymous { get; init; }
    public bool? Unconfirmed { get; init; }
    public string? ArticleId { get; init; }
    public string? StoryId { get; init; }
    /// <summary>List the oldest article first (a story's order) instead of the newest.</summary>
    public bool OldestFirst { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>A quote with its article's header; <see cref="StoredQuote.Article"/> repeats the id.</summary>
public sealed record BrowseQuote(ArticleHeader Article, StoredQuote Quote);

/// <summary>A page of quotes and the total count of matches.</summary>
public sealed record BrowseQuotes(long Total, IReadOnlyList<BrowseQuote> Quotes);

/// <summary>Which events to browse. All given filters must hold.</summary>
public sealed record BrowseEventQuery
{
    /// <summary>Type name (PLOVER, <c>CONSULT</c>), exact.</summary>
    public string? Type { get; init; }
    /// <summary>Status name (<c>planned</c>), exact.</summary>
    public string? Status { get; init; }
    /// <summary>An entity id that is an actor or the place of the event.</summary>
    public string? EntityId { get; init; }
    public string? StoryId { get; init; }
    public string? ArticleId { get; init; }
    /// <summary>List the oldest article first, then by ingest order (a story's order) instead of the newest.</summary>
    public bool OldestFirst { get; init; }
    /// <summary>Read the actors too (one more query per listed event).</summary>
    public bool Actors { get; init; } = true;
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

public sealed record BrowseEvent(ArticleHeader Article, StoredEvent Event);

public sealed record BrowseEvents(long Total, IReadOnlyList<BrowseEvent> Events);

/// <summary>A canonical entity over the whole archive: names, how often, roles and the ways it was written.</summary>
public sealed record EntitySummary(
    string Id, string Name, string Type, string? Kind, string? Wikidata, long Articles, long Mentions,
    IReadOnlyList<EntityRoleCount> Roles, IReadOnlyList<string> Surfaces);

/// <summary>An entity counted over a set of articles (how many of them name it).</summary>
public sealed record EntityCount(string Id, string Name, string Type, long Articles);

/// <summary>Articles, mentions, events and quotes on one publication day.</summary>
public sealed record DayCounts(string Date, long Articles, long Mentions, long Events, long Quotes);

/// <summary>Two entities named in the same articles, and in how many.</summary>
public sealed record EntityPair(string A, string B, long Articles);

/// <summary>An article's sequence number (store order), id, publication day, and how many events and quotes it has.</summary>
public sealed record ArticleKey(long Seq, string Id, string? Date, int Events, int Quotes);

/// <summary>One canonical entity named in one article (from the links layer), with how often.</summary>
public sealed record EntityInArticle(string ArticleId, string EntityId, string Name, string Type, string? Kind, int Mentions);

/// <summary>How many of an article's events and quotes are an entity's.</summary>
public sealed record ArticleActivity(string ArticleId, long Events, long Quotes);

/// <summary>The scope of an aggregate: one entity's articles, one story's, or (both null) the whole archive.</summary>
/// <param name="Window">Only the newest this many articles of the scope (0: all).</param>
public sealed record BrowseScope(string? EntityId = null, string? StoryId = null, int Window = 0);

/// <summary>
/// Page-sized queries for an interactive reader. Implemented by both backends' stores (cast the
/// <see cref="IArticleStore"/>); on a store of schema 1 they throw <see cref="StoreException"/> like the archive queries.
/// </summary>
public interface IArchiveBrowser
{
    /// <summary>Whether the store keeps the quote, event and entity rows these queries read (schema 2); without them only article queries answer.</summary>
    bool HasArchiveRows { get; }

    /// <summary>Grows with every stored article (the highest sequence number): what a cache of aggregates is valid for.</summary>
    long ChangeMark();

    /// <summary>The articles stored after sequence number <paramref name="afterSeq"/> (0: all), in no particular order.</summary>
    IReadOnlyList<ArticleKey> ArticleKeys(long afterSeq);

    /// <summary>The entity rows of the articles stored after sequence number <paramref name="afterSeq"/> (0: all), in no particular order.</summary>
    IReadOnlyList<EntityInArticle> ArticleEntityRows(long afterSeq);

    /// <summary>
    /// Search snippets of the given articles for a query of <see cref="SearchQuery.Text"/> (as <see cref="SearchHit.Snippet"/>:
    /// escaped, matches in &lt;em&gt;), without searching again. Throws <see cref="InvalidQueryException"/> like the search.
    /// </summary>
    IReadOnlyDictionary<string, string> Snippets(string text, IReadOnlyCollection<string> ids);

    /// <summary>One story, or null.</summary>
    StoryInfo? Story(string storyId);

    /// <summary>Headers of the given articles, in no particular order; unknown ids are left out.</summary>
    IReadOnlyList<ArticleHeader> Headers(IReadOnlyCollection<string> ids);

    /// <summary>Headers of the articles stored after <see cref="ChangeMark"/> was <paramref name="mark"/>, in the order they were stored.</summary>
    IReadOnlyList<ArticleHeader> StoredAfter(long mark, int limit);

    /// <summary>Headers of the newest articles (publication day, then ingest order) of a scope.</summary>
    IReadOnlyList<ArticleHeader> Newest(BrowseScope scope, int limit);

    /// <summary>Articles stored after <paramref name="since"/> that name the entity, newest first.</summary>
    IReadOnlyList<ArticleHeader> IngestedSince(string entityId, DateTimeOffset since, int limit);

    BrowseQuotes BrowseQuotes(BrowseQuoteQuery query);

    /// <summary>Speakers (entity id, else the wording) of the matching quotes, most quoted first.</summary>
    IReadOnlyList<FacetCount> QuoteSpeakers(BrowseQuoteQuery query, int top);

    /// <summary>The source chains' links other than the speaker (value: name, label: "name (kind)"), most frequent first.</summary>
    IReadOnlyList<FacetCount> QuoteSources(BrowseQuoteQuery query, int top);

    BrowseEvents BrowseEvents(BrowseEventQuery query);

    /// <summary>Counts of the matching events by <c>type</c> or <c>status</c>, most frequent first.</summary>
    IReadOnlyList<FacetCount> EventFacet(BrowseEventQuery query, string by, int top);

    /// <summary>The entity an id, a canonical name (case-insensitive) or a way it was written names; the most named wins. Null: none.</summary>
    string? ResolveEntity(string idOrName);

    EntitySummary? EntitySummary(string entityId);

    /// <summary>Entities by how many articles name them, most first; <paramref name="text"/> filters by canonical name or a way written.</summary>
    IReadOnlyList<EntityCount> TopEntities(string? text, string? type, int limit);

    /// <summary>Entities named in the scope's articles (the scope's own entity included), most first.</summary>
    IReadOnlyList<EntityCount> EntitiesIn(BrowseScope scope, int limit, bool withoutAgencies = false, string? type = null);

    /// <summary>How many of the scope's articles name both entities of a pair, for pairs among <paramref name="ids"/>; pair members in ordinal order.</summary>
    IReadOnlyList<EntityPair> Pairs(BrowseScope scope, IReadOnlyCollection<string> ids);

    /// <summary>Per publication day: articles of the scope, mentions (of the scope's entity, or of all entities), their events and quotes.</summary>
    IReadOnlyList<DayCounts> Timeline(BrowseScope scope);

    /// <summary>For an entity: per article, its own events (as actor or place) and quotes (as speaker); articles with neither are left out.</summary>
    IReadOnlyList<ArticleActivity> EntityActivity(string entityId);

    /// <summary>For each id, an article that names it (to read what only the analysis JSON holds, like coordinates).</summary>
    IReadOnlyDictionary<string, string> ArticleNaming(IReadOnlyCollection<string> entityIds);

    /// <summary>Search-facet counts over a set of articles: <c>entity</c> (value id), <c>entityType</c>, <c>eventType</c>, <c>speaker</c>.</summary>
    IReadOnlyList<FacetCount> FacetOver(IReadOnlyCollection<string> articleIds, string by, int top);

    /// <summary>Which of <paramref name="articleIds"/> name the entity (optionally with that type), report the event type, or quote the speaker (id or wording).</summary>
    IReadOnlySet<string> Having(IReadOnlyCollection<string> articleIds, string? entityId, string? entityType, string? eventType, string? speaker);
}
