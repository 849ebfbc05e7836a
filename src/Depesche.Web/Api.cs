using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Depesche.Ingest;
using Depesche.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Depesche.Web;

public sealed record FacetValue(string Value, string Label, int Count);

public sealed record Facets(
    IReadOnlyList<FacetValue> Date, IReadOnlyList<FacetValue> Source, IReadOnlyList<FacetValue> Entity,
    IReadOnlyList<FacetValue> EntityType, IReadOnlyList<FacetValue> EventType, IReadOnlyList<FacetValue> Speaker);

/// <summary>A piece of a snippet: plain text (never HTML) and whether it matched the query.</summary>
public sealed record SnippetPart(string Text, bool Match);

public sealed record SearchHitView(string Id, double Score, string? Headline, string? Published, string? Agency, string StoryId, IReadOnlyList<SnippetPart> Snippet);

/// <summary>Search results; <see cref="FacetWindow"/> says over how many of the top hits the facets were counted.</summary>
public sealed record SearchResponse(long Total, IReadOnlyList<SearchHitView> Hits, Facets Facets, int FacetWindow);

public sealed record ArticleView(
    string Id, string? Published, string? Agency, string? Outlet, string? Url, string? Headline, string StoryId,
    IReadOnlyList<string> Datelines, IReadOnlyList<string> EditorCodes, IReadOnlyList<StoredVersionMarker> VersionMarkers,
    string Origin, DateTimeOffset IngestedAt, IReadOnlyList<ArticleLink> Links, JsonElement Analysis);

public sealed record ArticleSummary(string Id, string? Published, string? Source, string? Headline, string StoryId);

public sealed record EntityRef(string Id, string Name, string Type, int Count);

public sealed record TimelineBucket(string Date, int Articles, int Mentions, int Events, int Quotes);

public sealed record EntityProfile(
    EntityFact Entity, int Articles, IReadOnlyList<TimelineBucket> Timeline, IReadOnlyList<ArticleSummary> Recent,
    IReadOnlyList<EntityRef> CoOccurring, IReadOnlyList<PlaceView> Places, IReadOnlyList<QuoteFact> Quotes, IReadOnlyList<EventFact> Events);

public sealed record PlaceView(string Id, string Name, double Lat, double Lon, string? Country, int Count);

public sealed record GraphNode(string Id, string Name, string Type, int Articles);

public sealed record GraphEdge(string Source, string Target, int Weight);

public sealed record Graph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);

public sealed record StatusStep(string Date, string Status, string ArticleId, bool Unconfirmed);

/// <summary>One event across the articles of a story: the same type, place and time, with how its status moved.</summary>
public sealed record StoryEvent(string Key, string Type, string Trigger, string? Place, string? Time, IReadOnlyList<StatusStep> History);

public sealed record StoryView(StoryInfo Story, IReadOnlyList<ArticleSummary> Articles, IReadOnlyList<StoryEvent> Events, IReadOnlyList<QuoteFact> Quotes);

public sealed record QuoteList(int Total, IReadOnlyList<QuoteFact> Quotes, IReadOnlyList<FacetValue> Speakers, IReadOnlyList<FacetValue> Sources);

public sealed record EventList(int Total, IReadOnlyList<EventFact> Events, IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> Statuses);

/// <summary>Why an article is a hit of a watchlist: which entity, term, quote or status change.</summary>
public sealed record WatchTrigger(string Kind, string Watch, string Detail);

public sealed record WatchHit(ArticleSummary Article, DateTimeOffset IngestedAt, IReadOnlyList<WatchTrigger> Triggers);

public sealed record IngestResponse(long Read, long Added, long Unchanged, long Rejected, IReadOnlyList<string> Ids, IReadOnlyDictionary<string, long> RejectionsByCode);

public sealed record ApiError(string Error);

public sealed record StatusView(long Articles, long Stories, long Rejections, bool Ingest, string Store);

/// <summary>The JSON endpoints. Every list is bounded (<c>limit</c> capped at 500).</summary>
internal static class Api
{
    private const int FacetWindow = 100;
    private const int MaxLimit = 500;

    /// <summary>
    /// How many of an entity's newest articles the co-occurrence, the network and the places are counted over. Why a
    /// window: a frequent entity (Berlin) is named in a fifth of a large archive; counting pairs over all of it took seconds.
    /// </summary>
    internal const int EntityWindow = 1000;

    /// <summary>The newest articles the archive-wide network (no entity) is counted over.</summary>
    internal const int ArchiveGraphWindow = 2000;

    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/status", Status).WithSummary("Counts over the store and whether ingest is enabled.");
        api.MapGet("/search", Search).WithSummary("German full-text search with filters, facets over the top hits and highlighted snippets.");
        api.MapGet("/articles/{id}", Article).WithSummary("One article with every analysis layer (the stored analysis JSON), links and metadata.");
        api.MapPost("/articles", Ingest).WithSummary("Ingest articles (wire text, JSON Lines, RSS/Atom or HTML in the body). Needs the bearer token.");
        api.MapGet("/entities", Entities).WithSummary("Canonical entities, most named first; q filters by name or alias.");
        api.MapGet("/entities/{id}", Entity).WithSummary("An entity's profile: aliases, roles, timeline, co-occurring entities, places, quotes and events.");
        api.MapGet("/quotes", Quotes).WithSummary("Quotes by speaker and source, with anonymous and unconfirmed flags.");
        api.MapGet("/events", Events).WithSummary("Events by type, status and entity.");
        api.MapGet("/stories", Stories).WithSummary("Stories, largest first.");
        api.MapGet("/stories/{id}", Story).WithSummary("A story's articles in time order and its events with their status history.");
        api.MapGet("/timeline", Timeline).WithSummary("Articles, mentions, events and quotes per day; for an entity or story, or the whole archive.");
        api.MapGet("/graph", GraphOf).WithSummary("Entity co-occurrence (two entities named in one article); around one entity or the whole archive.");
        api.MapGet("/agenda", AgendaOf).WithSummary("Planned, unconfirmed and postponed events in a window (from, to, today: yyyy-MM-dd; entity), merged across articles, with claims and resolution.");
        api.MapGet("/watch", Watch).WithSummary("Articles ingested after 'since' that hit watched terms or entities, with what triggered each hit.");
    }

    /// <summary>
    /// Computes what the quotes, events and stories pages ask for first without filters (their facets over the whole
    /// archive), so the first visitor after start does not wait for them. Run in the background after start.
    /// </summary>
    internal static void Warm(StorePool pool, ArchiveCache cache)
    {
        Quotes(pool, cache, null, null, null, null, null, null);
        Events(pool, cache, null, null, null, null, null);
        Stories(pool, cache, null);
    }

    private static int Clamp(int? limit, int fallback) => Math.Clamp(limit ?? fallback, 1, MaxLimit);

    private static ArticleSummary Summary(ArticleHeader a) => new(a.Id, a.Published, a.Agency ?? a.Outlet, a.Headline, a.StoryId);

    /// <summary>Runs <paramref name="read"/> on a pooled reader with its browsing queries.</summary>
    private static T Browse<T>(StorePool pool, Func<IArchiveBrowser, IArticleStore, T> read) =>
        pool.Read(s => read(s as IArchiveBrowser ?? throw new StoreException($"the store at '{s.Location}' cannot be browsed"), s));

    private static List<FacetValue> Facet(IEnumerable<FacetCount> counts) => counts.Select(c => new FacetValue(c.Value, c.Label, (int)c.Count)).ToList();

    private static QuoteFact QuoteOf(BrowseQuote b)
    {
        var q = b.Quote;
        var sp = q.Speaker;
        var sources = q.Sources.Select(s => new SourceFact(s.Name, s.Kind, s.Anonymous)).ToArray();
        bool anonymous = (sp?.Anonymous ?? false) || q.Flags.Contains("anonymous") || sources.Any(s => s.Anonymous);
        return new QuoteFact(b.Article.Id, b.Article.Date, q.Text, q.Start, q.End, q.Kind, sp?.Text ?? "", sp?.Kind ?? "none",
            sp?.EntityId, sp?.EntityId is null ? null : sp.Name, anonymous, sources, [.. q.Flags]);
    }

    private static EventFact EventOf(BrowseEvent b)
    {
        var e = b.Event;
        return new EventFact(b.Article.Id, b.Article.Date, e.Type, e.Mode, e.Status, e.Reported, e.Unconfirmed, e.Trigger, e.Start, e.End,
            e.Actors.Select(a => new ActorFact(a.Role, a.Name, a.EntityId)).ToArray(), e.Place?.Name, e.Place?.EntityId, e.Time?.Value, e.Confidence);
    }

    private static IResult Status(StorePool pool) =>
        pool.Read(s =>
        {
            var c = s.Counts();
            return Results.Ok(new StatusView(c.Articles, c.Stories, c.Rejections, pool.Writable, s.Location));
        });

    private static IResult Search(StorePool pool, EntityIndex index, string? q, DateOnly? from, DateOnly? to, string? source,
        string? entity, string? type, string? eventType, string? speaker, int? limit, int? offset)
    {
        int lim = Clamp(limit, 20), off = Math.Max(0, offset ?? 0);
        if (type is not null && type is not ("PER" or "LOC" or "ORG" or "OTH")) return Results.BadRequest(new ApiError("type must be PER, LOC, ORG or OTH"));
        try
        {
            return Browse(pool, (b, s) =>
            {
                // entity may be a canonical id (from a facet) or words; an id filters over the rows, words go to the full-text index
                // Why the schema check: a store of schema 1 still searches; it has no rows for entity ids and facets.
                bool rows = b.HasArchiveRows;
                var entityId = rows && entity is not null && b.ResolveEntity(entity) is { } found && found == entity.Trim() ? found : null;
                bool localFilter = eventType is not null || speaker is not null || entityId is not null;
                var query = new SearchQuery
                {
                    Text = q ?? "", From = from, To = to, Source = source, Entity = entityId is null ? entity : null, EntityType = entityId is null ? type : null,
                    Limit = localFilter ? MaxLimit : Math.Max(FacetWindow, off + lim), Offset = 0, SnippetFor = new HashSet<string>(),
                };
                var r = s.Search(query);
                var hits = r.Hits.ToList();
                if (localFilter)
                {
                    var keep = b.Having(r.Hits.Select(h => h.Id).ToList(), entityId, entityId is null ? null : type, eventType, speaker);
                    hits = hits.Where(h => keep.Contains(h.Id)).ToList();
                }
                long total = localFilter ? hits.Count : r.Total;
                var window = hits.Take(localFilter ? MaxLimit : FacetWindow).Select(h => h.Id).ToList();
                var headers = b.Headers(window);
                // Why not wait for the entity index: it loads in the background after start, and the first page must not wait for it.
                var (entityFacet, typeFacet) = !rows ? ([], [])
                    : index.Loaded ? FacetsFromIndex(index, b, window)
                    : (Facet(b.FacetOver(window, "entity", 20)), Facet(b.FacetOver(window, "entityType", 4)));
                var facets = new Facets(
                    Count(headers.Select(a => a.Date).OfType<string>().Select(d => (d, d)), 31, byValue: true),
                    Count(headers.Select(a => a.Agency ?? a.Outlet).OfType<string>().Select(x => (x, x)), 20),
                    entityFacet, typeFacet, rows ? Facet(b.FacetOver(window, "eventType", 20)) : [], rows ? Facet(b.FacetOver(window, "speaker", 20)) : []);
                var page = hits.Skip(off).Take(lim).ToList();
                // Why snippets apart: highlighting costs more than searching; only the page shown gets them.
                var snippets = page.Count == 0 ? new Dictionary<string, string>() : b.Snippets(query.Text, page.Select(p => p.Id).ToList());
                var view = page.Select(p => new SearchHitView(p.Id, p.Score, p.Headline, p.Published, p.Agency, p.StoryId,
                    Parts(snippets.GetValueOrDefault(p.Id) ?? ""))).ToList();
                return Results.Ok(new SearchResponse(total, view, facets, headers.Count));
            });
        }
        catch (InvalidQueryException ex) { return Results.BadRequest(new ApiError(ex.Message)); }
    }

    private static (List<FacetValue>, List<FacetValue>) FacetsFromIndex(EntityIndex index, IArchiveBrowser b, IReadOnlyCollection<string> window)
    {
        index.Refresh(b);
        return index.FacetsOver(window, 20, 4);
    }

    private static List<FacetValue> Count(IEnumerable<(string Value, string Label)> items, int top, bool byValue = false)
    {
        var groups = items.GroupBy(x => x.Value, StringComparer.Ordinal).Select(g => new FacetValue(g.Key, g.First().Label, g.Count()));
        return (byValue ? groups.OrderByDescending(f => f.Value, StringComparer.Ordinal) : groups.OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal))
            .Take(top).ToList();
    }

    /// <summary>Splits the store's escaped snippet (matches in &lt;em&gt;) into plain-text parts, so no client ever parses it as HTML.</summary>
    internal static IReadOnlyList<SnippetPart> Parts(string html)
    {
        var parts = new List<SnippetPart>();
        int i = 0;
        while (i < html.Length)
        {
            int open = html.IndexOf("<em>", i, StringComparison.Ordinal);
            if (open < 0) { Add(html[i..], false); break; }
            Add(html[i..open], false);
            int close = html.IndexOf("</em>", open, StringComparison.Ordinal);
            if (close < 0) { Add(html[(open + 4)..], true); break; }
            Add(html[(open + 4)..close], true);
            i = close + 5;
        }
        return parts;

        void Add(string s, bool match)
        {
            if (s.Length == 0) return;
            var text = WebUtility.HtmlDecode(s);
            if (parts.Count > 0 && parts[^1].Match == match) parts[^1] = parts[^1] with { Text = parts[^1].Text + text };
            else parts.Add(new SnippetPart(text, match));
        }
    }

    private static IResult Article(StorePool pool, string id)
    {
        var a = pool.Read(s => s.Get(id));
        if (a is null) return Results.NotFound(new ApiError($"no article {id}"));
        using var doc = JsonDocument.Parse(a.AnalysisJson);
        return Results.Ok(new ArticleView(a.Id, a.Published, a.Agency, a.Outlet, a.Url, a.Headline, a.StoryId, a.Datelines, a.EditorCodes, a.VersionMarkers,
            a.Origin.ToString(), a.IngestedAt, a.Links, doc.RootElement.Clone()));
    }

    private static async Task<IResult> Ingest(HttpContext ctx, StorePool pool, WorkbenchOptions options, string? format)
    {
        if (!pool.Writable || options.Analyse is null)
            return Results.Json(new ApiError("this server is read-only: start it with an ingest token to accept articles"), statusCode: StatusCodes.Status403Forbidden);
        if (!Authorised(ctx.Request.Headers.Authorization.ToString(), options.IngestToken!))
        {
            ctx.Response.Headers.WWWAuthenticate = "Bearer";
            return Results.Json(new ApiError("a valid bearer token is required"), statusCode: StatusCodes.Status401Unauthorized);
        }
        if (!Enum.TryParse<InputFormat>(format ?? "Auto", ignoreCase: true, out var fmt))
            return Results.BadRequest(new ApiError("format must be auto, wire, jsonl, feed or html"));
        var body = new MemoryStream();
        try { await ctx.Request.Body.CopyToAsync(body, ctx.RequestAborted); }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Results.Json(new ApiError($"the body is larger than {options.MaxRequestBytes} bytes"), statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        body.Position = 0;
        var (summary, ids) = pool.Write(store =>
        {
            var browser = (IArchiveBrowser)store;
            // Why the change mark: the ingestor reports counts, not ids; the new articles are those stored after it.
            long mark = browser.ChangeMark();
            var ingestor = new Ingestor(store, options.Analyse, batchSize: 64, workers: 1);
            var source = new IngestSource("POST /api/articles", null, () => ArticleReader.ReadStream(body, "POST /api/articles", fmt));
            var sum = ingestor.Run([source]);
            store.Flush();
            return (sum, browser.StoredAfter(mark, 100_000).Select(a => a.Id).ToList());
        });
        return Results.Ok(new IngestResponse(summary.Read, summary.Added, summary.Unchanged, summary.Rejected, ids, summary.RejectionsByCode));
    }

    internal static bool Authorised(string header, string token)
    {
        const string prefix = "Bearer ";
        // Why ignore case: RFC 9110 makes the auth scheme case-insensitive; the token itself is compared exactly.
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return false;
        var given = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        var want = Encoding.UTF8.GetBytes(token);
        // Why: a constant-time comparison does not leak how many leading characters were right.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(given), SHA256.HashData(want));
    }

    private static IResult Entities(StorePool pool, ArchiveCache cache, EntityIndex index, string? q, string? type, int? limit)
    {
        int n = Clamp(limit, 50);
        return Results.Ok(Browse(pool, (b, _) =>
        {
            index.Refresh(b);
            return cache.Memo($"entities|{q}|{type}|{n}", b.ChangeMark(), () => (string.IsNullOrWhiteSpace(q) ? index.Top(type, n) : b.TopEntities(q, type, n))
                .Select(e => new EntityRef(e.Id, e.Name, e.Type, (int)e.Articles)).ToList());
        }));
    }

    private static IResult Entity(StorePool pool, ArchiveCache cache, EntityIndex index, string id) => Browse(pool, (b, s) =>
    {
        var entityId = b.ResolveEntity(id);
        if (entityId is null || b.EntitySummary(entityId) is not { } sum) return Results.NotFound(new ApiError($"no entity {id}"));
        index.Refresh(b);
        var places = index.EntitiesIn(entityId, EntityWindow, 100, type: "LOC");
        var geo = cache.Geo([entityId, .. places.Select(p => p.Id)], s, b);
        var e = new EntityFact(entityId, sum.Name, sum.Type, sum.Kind, sum.Wikidata, sum.Roles.Select(r => new RoleFact(r.Role, r.Title, r.Of)).ToArray(),
            geo.GetValueOrDefault(entityId), (int)sum.Mentions, sum.Surfaces);
        var activity = index.Days(b.EntityActivity(entityId));
        var timeline = index.Timeline(entityId).Select(d => new TimelineBucket(d.Date, (int)d.Articles, (int)d.Mentions,
            (int)(activity.GetValueOrDefault(d.Date)?.Events ?? 0), (int)(activity.GetValueOrDefault(d.Date)?.Quotes ?? 0))).ToList();
        var co = index.EntitiesIn(entityId, EntityWindow, 31).Where(x => x.Id != entityId).OrderByDescending(x => x.Articles).ThenBy(x => x.Name, StringComparer.Ordinal).Take(30)
            .Select(x => new EntityRef(x.Id, x.Name, x.Type, (int)x.Articles)).ToList();
        var placeViews = places.Where(p => geo.GetValueOrDefault(p.Id) is not null)
            .Select(p => (P: p, G: geo[p.Id]!)).Select(x => new PlaceView(x.P.Id, x.P.Name, x.G.Lat, x.G.Lon, x.G.Country, (int)x.P.Articles)).ToList();
        var quotes = b.BrowseQuotes(new BrowseQuoteQuery { SpeakerId = entityId, Limit = 100 }).Quotes.Select(QuoteOf).ToList();
        var events = b.BrowseEvents(new BrowseEventQuery { EntityId = entityId, Limit = 100 }).Events.Select(EventOf).ToList();
        var recentIds = index.Newest(entityId, 20);
        var recent = b.Headers(recentIds).ToDictionary(a => a.Id, StringComparer.Ordinal);
        return Results.Ok(new EntityProfile(e, (int)sum.Articles, timeline, recentIds.Where(recent.ContainsKey).Select(r => Summary(recent[r])).ToList(),
            co, placeViews, quotes, events));
    });

    private static IResult Quotes(StorePool pool, ArchiveCache cache, string? speaker, string? source, bool? anonymous, bool? unconfirmed, string? article, int? limit) =>
        Browse(pool, (b, _) =>
        {
            var query = new BrowseQuoteQuery { Speaker = speaker, Source = source, Anonymous = anonymous, Unconfirmed = unconfirmed, ArticleId = article, Limit = Clamp(limit, 100) };
            var page = b.BrowseQuotes(query);
            var key = $"quotes|{speaker}|{source}|{anonymous}|{unconfirmed}|{article}";
            var (speakers, sources) = cache.Memo(key, b.ChangeMark(), () => (Facet(b.QuoteSpeakers(query, 30)), Facet(b.QuoteSources(query, 30))));
            return Results.Ok(new QuoteList((int)page.Total, page.Quotes.Select(QuoteOf).ToList(), speakers, sources));
        });

    private static IResult Events(StorePool pool, ArchiveCache cache, string? type, string? status, string? entity, string? story, int? limit) =>
        Browse(pool, (b, _) =>
        {
            var query = new BrowseEventQuery { Type = type, Status = status, EntityId = entity, StoryId = story, Limit = Clamp(limit, 100) };
            var page = b.BrowseEvents(query);
            var (types, statuses) = cache.Memo($"events|{type}|{status}|{entity}|{story}", b.ChangeMark(),
                () => (Facet(b.EventFacet(query, "type", 30)), Facet(b.EventFacet(query, "status", 10))));
            return Results.Ok(new EventList((int)page.Total, page.Events.Select(EventOf).ToList(), types, statuses));
        });

    private static IResult AgendaOf(StorePool pool, WorkbenchOptions options, string? from, string? to, string? today, string? entity, bool? open)
    {
        if (options.Agenda is null) return Results.NotFound(new ApiError("this server has no agenda"));
        DateOnly? Parse(string? v) => v is null ? null
            : DateOnly.TryParseExact(v, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
            : throw new BadHttpRequestException($"'{v}' is not a date (yyyy-MM-dd)");
        AgendaRequest req;
        try { req = new AgendaRequest(Parse(from), Parse(to), Parse(today), string.IsNullOrWhiteSpace(entity) ? null : entity, open ?? false); }
        catch (BadHttpRequestException ex) { return Results.BadRequest(new ApiError(ex.Message)); }
        if (req.From is { } f && req.To is { } t && t < f) return Results.BadRequest(new ApiError("'to' lies before 'from'"));
        return Results.Content(pool.Read(s => options.Agenda(s, req)), "application/json; charset=utf-8");
    }

    private static IResult Stories(StorePool pool, ArchiveCache cache, int? limit)
    {
        int n = Clamp(limit, 100);
        return Results.Ok(Browse(pool, (b, s) => cache.Memo($"stories|{n}", b.ChangeMark(), () => s.Stories(n))));
    }

    private static IResult Story(StorePool pool, string id) => Browse(pool, (b, s) =>
    {
        var info = b.Story(id);
        if (info is null) return Results.NotFound(new ApiError($"no story {id}"));
        var arts = b.Headers(s.StoryMembers(id)).OrderBy(a => a.Date ?? "", StringComparer.Ordinal).ThenBy(a => a.IngestedAt).ToList();
        var rows = b.BrowseEvents(new BrowseEventQuery { StoryId = id, OldestFirst = true, Actors = false, Limit = 10_000 }).Events.Select(EventOf);
        var events = rows.GroupBy(e => e.Key)
            .Select(g => new StoryEvent(g.Key, g.First().Type, g.First().Trigger, g.First().Place, g.First().Time,
                // Why distinct: one article may report the same event twice (headline and body); that is one step.
                g.Select(e => new StatusStep(e.Date ?? "", e.Status, e.ArticleId, e.Unconfirmed)).Distinct().ToList()))
            .OrderByDescending(e => e.History.Count).ToList();
        var quotes = b.BrowseQuotes(new BrowseQuoteQuery { StoryId = id, OldestFirst = true, Limit = 100 }).Quotes.Select(QuoteOf).ToList();
        return Results.Ok(new StoryView(info, arts.Select(Summary).ToList(), events, quotes));
    });

    private static IResult Timeline(StorePool pool, ArchiveCache cache, EntityIndex index, string? entity, string? story) => Browse(pool, (b, _) =>
    {
        // Why the store for a story: a story has few articles, and the index does not know stories.
        if (story is null) index.Refresh(b);
        List<TimelineBucket> Compute() => (story is null ? index.Timeline(entity) : b.Timeline(new BrowseScope(entity, story)))
            .Select(d => new TimelineBucket(d.Date, (int)d.Articles, (int)d.Mentions, (int)d.Events, (int)d.Quotes)).ToList();
        // Why cache only the archive's: it reads every article; an entity's or story's timeline reads only theirs.
        return Results.Ok(entity is null && story is null ? cache.Memo("timeline", b.ChangeMark(), Compute) : Compute());
    });

    private static IResult GraphOf(StorePool pool, ArchiveCache cache, EntityIndex index, string? entity, int? limit) => Browse(pool, (b, _) =>
    {
        int max = Clamp(limit, 40);
        index.Refresh(b);
        Graph Compute()
        {
            int window = entity is null ? ArchiveGraphWindow : EntityWindow;
            var keep = index.EntitiesIn(entity, window, max).OrderByDescending(c => c.Id == entity).ThenByDescending(c => c.Articles).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
            var edges = index.Pairs(entity, window, keep.Select(k => k.Id).ToList())
                .Select(p => string.CompareOrdinal(p.A, p.B) < 0 ? p : new EntityPair(p.B, p.A, p.Articles))
                .OrderByDescending(p => p.Articles).ThenBy(p => p.A, StringComparer.Ordinal).ThenBy(p => p.B, StringComparer.Ordinal).Take(max * 6);
            return new Graph(keep.Select(c => new GraphNode(c.Id, c.Name, c.Type, (int)c.Articles)).ToList(),
                edges.Select(p => new GraphEdge(p.A, p.B, (int)p.Articles)).ToList());
        }
        return Results.Ok(entity is null ? cache.Memo($"graph|{max}", b.ChangeMark(), Compute) : Compute());
    });

    private static IResult Watch(StorePool pool, DateTimeOffset? since, string[]? term, string[]? entity, int? limit)
    {
        var after = since ?? DateTimeOffset.MinValue;
        var hits = new Dictionary<string, List<WatchTrigger>>(StringComparer.Ordinal);
        var headers = new Dictionary<string, ArticleHeader>(StringComparer.Ordinal);
        void Hit(ArticleHeader a, WatchTrigger t)
        {
            headers[a.Id] = a;
            if (!hits.TryGetValue(a.Id, out var l)) hits[a.Id] = l = [];
            if (!l.Contains(t)) l.Add(t);
        }
        try
        {
            Browse(pool, (b, s) =>
            {
                foreach (var t in term ?? [])
                {
                    if (string.IsNullOrWhiteSpace(t)) continue;
                    var query = new SearchQuery { Text = t, Limit = MaxLimit, SnippetFor = new HashSet<string>() };
                    var found = s.Search(query).Hits;
                    var fresh = b.Headers(found.Select(h => h.Id).ToList()).Where(a => a.IngestedAt > after).ToDictionary(a => a.Id, StringComparer.Ordinal);
                    if (fresh.Count == 0) continue;
                    foreach (var h in s.Search(query with { SnippetFor = fresh.Keys.ToHashSet(StringComparer.Ordinal) }).Hits)
                        if (fresh.TryGetValue(h.Id, out var a))
                            Hit(a, new WatchTrigger("term", t, string.Join(", ", Parts(h.Snippet).Where(p => p.Match).Select(p => p.Text).Distinct().Take(3))));
                }
                foreach (var name in entity ?? [])
                {
                    if (string.IsNullOrWhiteSpace(name) || b.ResolveEntity(name) is not { } id || b.EntitySummary(id) is not { } e) continue;
                    var fresh = b.IngestedSince(id, after, MaxLimit).ToDictionary(a => a.Id, StringComparer.Ordinal);
                    foreach (var a in fresh.Values)
                    {
                        // Why the analysis JSON: the mention count and wording are per article, which the summary rows merge.
                        if (s.Get(a.Id) is not { } stored) continue;
                        var facts = ArchiveIndex.Derive(stored);
                        if (facts.Entities.FirstOrDefault(x => x.Id == id) is { } m)
                            Hit(a, new WatchTrigger("entity", e.Name, $"{m.Mentions}× {string.Join(", ", m.Surfaces.DefaultIfEmpty(m.Name))}"));
                        foreach (var q in facts.Quotes.Where(q => q.SpeakerId == id))
                            Hit(a, new WatchTrigger("quote", e.Name, q.Text.Length > 120 ? q.Text[..120] + " …" : q.Text));
                    }
                    if (fresh.Count == 0) continue;
                    // Why the whole history: a status change is only visible against earlier reports, so it includes articles before 'since'.
                    var lastStatus = new Dictionary<string, string>(StringComparer.Ordinal);
                    var history = b.BrowseEvents(new BrowseEventQuery { EntityId = id, OldestFirst = true, Actors = false, Limit = 100_000 }).Events
                        .OrderBy(x => x.Article.IngestedAt).ThenBy(x => x.Article.Date ?? "", StringComparer.Ordinal).ThenBy(x => x.Event.Index);
                    foreach (var row in history)
                    {
                        var ev = EventOf(row);
                        if (fresh.TryGetValue(row.Article.Id, out var a) && lastStatus.TryGetValue(ev.Key, out var before) && before != ev.Status)
                            Hit(a, new WatchTrigger("status", e.Name, $"{ev.Type} „{ev.Trigger}“: {before} → {ev.Status}"));
                        lastStatus[ev.Key] = ev.Status;
                    }
                }
                return 0;
            });
        }
        catch (InvalidQueryException ex) { return Results.BadRequest(new ApiError(ex.Message)); }
        var list = hits.Select(kv => (A: headers[kv.Key], T: kv.Value)).OrderByDescending(x => x.A.IngestedAt).ThenByDescending(x => x.A.Date, StringComparer.Ordinal)
            .Take(Clamp(limit, 100)).Select(x => new WatchHit(Summary(x.A), x.A.IngestedAt, x.T)).ToList();
        return Results.Ok(list);
    }
}
