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

    private static int Clamp(int? limit, int fallback) => Math.Clamp(limit ?? fallback, 1, MaxLimit);

    private static ArticleSummary Summary(ArticleFacts a) => new(a.Id, a.Published, a.Source, a.Headline, a.StoryId);

    private static IResult Status(StorePool pool) =>
        pool.Read(s =>
        {
            var c = s.Counts();
            return Results.Ok(new StatusView(c.Articles, c.Stories, c.Rejections, pool.Writable, s.Location));
        });

    private static IResult Search(StorePool pool, ArchiveIndex index, string? q, DateOnly? from, DateOnly? to, string? source,
        string? entity, string? type, string? eventType, string? speaker, int? limit, int? offset)
    {
        int lim = Clamp(limit, 20), off = Math.Max(0, offset ?? 0);
        if (type is not null && type is not ("PER" or "LOC" or "ORG" or "OTH")) return Results.BadRequest(new ApiError("type must be PER, LOC, ORG or OTH"));
        // entity may be a canonical id (from a facet) or words; an id filters over the index, words go to the store
        var entityFact = entity is null ? null : index.Entity(entity);
        bool localFilter = eventType is not null || speaker is not null || entityFact is not null;
        var query = new SearchQuery
        {
            Text = q ?? "", From = from, To = to, Source = source, Entity = entityFact is null ? entity : null, EntityType = entityFact is null ? type : null,
            Limit = localFilter ? MaxLimit : Math.Max(FacetWindow, off + lim), Offset = 0,
        };
        SearchResults r;
        try { r = pool.Read(s => s.Search(query)); }
        catch (InvalidQueryException ex) { return Results.BadRequest(new ApiError(ex.Message)); }

        IEnumerable<SearchHit> hits = r.Hits;
        if (entityFact is not null) hits = hits.Where(h => index.Get(h.Id)?.Entities.Any(e => e.Id == entityFact.Id && (type is null || e.Type == type)) == true);
        if (eventType is not null) hits = hits.Where(h => index.Get(h.Id)?.Events.Any(e => e.Type == eventType) == true);
        if (speaker is not null) hits = hits.Where(h => index.Get(h.Id)?.Quotes.Any(x => x.SpeakerId == speaker || x.SpeakerText == speaker) == true);
        var list = hits.ToList();
        long total = localFilter ? list.Count : r.Total;
        var window = list.Take(localFilter ? MaxLimit : FacetWindow).Select(h => index.Get(h.Id)).OfType<ArticleFacts>().ToList();
        var facets = new Facets(
            Count(window.Select(a => a.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).OfType<string>().Select(d => (d, d)), 31, byValue: true),
            Count(window.Select(a => a.Source).OfType<string>().Select(s => (s, s)), 20),
            Count(window.SelectMany(a => a.Entities).Select(e => (e.Id, e.Name)), 20),
            Count(window.SelectMany(a => a.Entities.Select(e => e.Type).Distinct()).Select(t => (t, t)), 4),
            Count(window.SelectMany(a => a.Events.Select(e => e.Type).Distinct()).Select(t => (t, t)), 20),
            Count(window.SelectMany(a => a.Quotes.Select(x => x.SpeakerId is null ? (x.SpeakerText, x.SpeakerText) : (x.SpeakerId, x.SpeakerName ?? x.SpeakerText)).Distinct())
                .Where(x => x.Item1.Length > 0), 20));
        var page = list.Skip(off).Take(lim).Select(h => new SearchHitView(h.Id, h.Score, h.Headline, h.Published, h.Agency, h.StoryId, Parts(h.Snippet))).ToList();
        return Results.Ok(new SearchResponse(total, page, facets, window.Count));
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

    private static async Task<IResult> Ingest(HttpContext ctx, StorePool pool, ArchiveIndex index, WorkbenchOptions options, string? format)
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
        var ids = new List<string>();
        var summary = pool.Write(store =>
        {
            var ingestor = new Ingestor(store, options.Analyse, batchSize: 64, workers: 1);
            var source = new IngestSource("POST /api/articles", null, () => ArticleReader.ReadStream(body, "POST /api/articles", fmt));
            var sum = ingestor.Run([source]);
            store.Flush();
            return sum;
        });
        // Why: the ingestor reports counts, not ids; the new articles are those the index has not seen yet.
        var fresh = pool.Read(s => s.Export().Where(a => index.Get(a.Id) is null).ToList());
        index.AddRange(fresh);
        ids.AddRange(fresh.Select(a => a.Id));
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

    private static IResult Entities(ArchiveIndex index, string? q, string? type, int? limit)
    {
        IEnumerable<(EntityFact Entity, int Articles)> all = index.Entities;
        if (type is not null) all = all.Where(x => x.Entity.Type == type);
        if (!string.IsNullOrWhiteSpace(q))
            all = all.Where(x => x.Entity.Name.Contains(q, StringComparison.OrdinalIgnoreCase) || x.Entity.Surfaces.Any(s => s.Contains(q, StringComparison.OrdinalIgnoreCase)));
        return Results.Ok(all.Take(Clamp(limit, 50)).Select(x => new EntityRef(x.Entity.Id, x.Entity.Name, x.Entity.Type, x.Articles)).ToList());
    }

    private static IResult Entity(ArchiveIndex index, string id)
    {
        var e = index.Resolve(id);
        if (e is null) return Results.NotFound(new ApiError($"no entity {id}"));
        var articles = index.ArticlesOf(e.Id);
        var quotes = articles.SelectMany(a => a.Quotes).Where(q => q.SpeakerId == e.Id).ToList();
        var events = articles.SelectMany(a => a.Events).Where(ev => ev.PlaceId == e.Id || ev.Actors.Any(x => x.EntityId == e.Id)).ToList();
        var timeline = articles.Where(a => a.Date is not null).GroupBy(a => a.Date!.Value).OrderBy(g => g.Key)
            .Select(g => new TimelineBucket(Day(g.Key), g.Count(), g.Sum(a => a.Entities.Where(x => x.Id == e.Id).Sum(x => x.Mentions)),
                g.Sum(a => a.Events.Count(ev => ev.PlaceId == e.Id || ev.Actors.Any(x => x.EntityId == e.Id))),
                g.Sum(a => a.Quotes.Count(q => q.SpeakerId == e.Id)))).ToList();
        var co = CoCounts(articles, e.Id).Take(30).ToList();
        var places = articles.SelectMany(a => a.Entities).Where(x => x.Geo is not null)
            .GroupBy(x => x.Id).Select(g => new PlaceView(g.Key, g.First().Name, g.First().Geo!.Lat, g.First().Geo!.Lon, g.First().Geo!.Country, g.Count()))
            .OrderByDescending(p => p.Count).Take(100).ToList();
        return Results.Ok(new EntityProfile(e, articles.Count, timeline, articles.Take(20).Select(Summary).ToList(), co, places,
            quotes.Take(100).ToList(), events.Take(100).ToList()));
    }

    private static IEnumerable<EntityRef> CoCounts(IReadOnlyList<ArticleFacts> articles, string id)
    {
        var counts = new Dictionary<string, (EntityFact E, int N)>(StringComparer.Ordinal);
        foreach (var a in articles)
            foreach (var x in a.Entities)
                if (x.Id != id) counts[x.Id] = counts.TryGetValue(x.Id, out var c) ? (c.E, c.N + 1) : (x, 1);
        return counts.Values.OrderByDescending(c => c.N).ThenBy(c => c.E.Name, StringComparer.Ordinal).Select(c => new EntityRef(c.E.Id, c.E.Name, c.E.Type, c.N));
    }

    private static IResult Quotes(ArchiveIndex index, string? speaker, string? source, bool? anonymous, bool? unconfirmed, string? article, int? limit)
    {
        IEnumerable<QuoteFact> all = article is not null ? index.Get(article)?.Quotes ?? [] : index.Articles.SelectMany(a => a.Quotes);
        if (speaker is not null) all = all.Where(q => q.SpeakerId == speaker || q.SpeakerText.Contains(speaker, StringComparison.OrdinalIgnoreCase));
        if (source is not null) all = all.Where(q => q.Sources.Any(s => s.Kind == source || s.Text.Contains(source, StringComparison.OrdinalIgnoreCase)));
        if (anonymous is not null) all = all.Where(q => q.Anonymous == anonymous);
        if (unconfirmed is not null) all = all.Where(q => q.Unconfirmed == unconfirmed);
        var list = all.ToList();
        return Results.Ok(new QuoteList(list.Count, list.Take(Clamp(limit, 100)).ToList(),
            Count(list.Where(q => q.SpeakerText.Length > 0).Select(q => q.SpeakerId is null ? (q.SpeakerText, q.SpeakerText) : (q.SpeakerId, q.SpeakerName ?? q.SpeakerText)), 30),
            Count(list.SelectMany(q => q.Sources.Where(s => s.Kind != "speaker")).Select(s => (s.Text, $"{s.Text} ({s.Kind})")), 30)));
    }

    private static IResult Events(ArchiveIndex index, string? type, string? status, string? entity, string? story, int? limit)
    {
        IEnumerable<ArticleFacts> arts = entity is not null ? index.ArticlesOf(entity) : index.Articles;
        if (story is not null) arts = arts.Where(a => a.StoryId == story);
        IEnumerable<EventFact> all = arts.SelectMany(a => a.Events);
        if (entity is not null) all = all.Where(e => e.PlaceId == entity || e.Actors.Any(x => x.EntityId == entity));
        if (type is not null) all = all.Where(e => e.Type == type);
        if (status is not null) all = all.Where(e => e.Status == status);
        var list = all.ToList();
        return Results.Ok(new EventList(list.Count, list.Take(Clamp(limit, 100)).ToList(),
            Count(list.Select(e => (e.Type, e.Type)), 30), Count(list.Select(e => (e.Status, e.Status)), 10)));
    }

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

    private static IResult Stories(StorePool pool, int? limit) => Results.Ok(pool.Read(s => s.Stories(Clamp(limit, 100))));

    private static IResult Story(StorePool pool, ArchiveIndex index, string id)
    {
        var (info, members) = pool.Read(s => (s.Stories(100_000).FirstOrDefault(x => x.StoryId == id), s.StoryMembers(id)));
        if (info is null) return Results.NotFound(new ApiError($"no story {id}"));
        var arts = members.Select(index.Get).OfType<ArticleFacts>().OrderBy(a => a.Date).ThenBy(a => a.IngestedAt).ToList();
        var events = arts.SelectMany(a => a.Events).GroupBy(e => e.Key)
            .Select(g => new StoryEvent(g.Key, g.First().Type, g.First().Trigger, g.First().Place, g.First().Time,
                // Why distinct: one article may report the same event twice (headline and body); that is one step.
                g.Select(e => new StatusStep(e.Date ?? "", e.Status, e.ArticleId, e.Unconfirmed)).Distinct().ToList()))
            .OrderByDescending(e => e.History.Count).ToList();
        return Results.Ok(new StoryView(info, arts.Select(Summary).ToList(), events, arts.SelectMany(a => a.Quotes).Take(100).ToList()));
    }

    private static IResult Timeline(ArchiveIndex index, string? entity, string? story)
    {
        IEnumerable<ArticleFacts> arts = entity is not null ? index.ArticlesOf(entity) : index.Articles;
        if (story is not null) arts = arts.Where(a => a.StoryId == story);
        var buckets = arts.Where(a => a.Date is not null).GroupBy(a => a.Date!.Value).OrderBy(g => g.Key)
            .Select(g => new TimelineBucket(Day(g.Key), g.Count(),
                g.Sum(a => entity is null ? a.Entities.Sum(x => x.Mentions) : a.Entities.Where(x => x.Id == entity).Sum(x => x.Mentions)),
                g.Sum(a => a.Events.Count), g.Sum(a => a.Quotes.Count))).ToList();
        return Results.Ok(buckets);
    }

    private static IResult GraphOf(ArchiveIndex index, string? entity, int? limit)
    {
        int max = Clamp(limit, 40);
        IReadOnlyList<ArticleFacts> arts = entity is not null ? index.ArticlesOf(entity) : index.Articles;
        var nodeCounts = new Dictionary<string, (EntityFact E, int N)>(StringComparer.Ordinal);
        foreach (var a in arts)
            foreach (var e in a.Entities)
                nodeCounts[e.Id] = nodeCounts.TryGetValue(e.Id, out var c) ? (c.E, c.N + 1) : (e, 1);
        var keep = nodeCounts.Values.OrderByDescending(c => c.E.Id == entity).ThenByDescending(c => c.N).ThenBy(c => c.E.Id, StringComparer.Ordinal)
            .Take(max).ToDictionary(c => c.E.Id, StringComparer.Ordinal);
        var edges = new Dictionary<(string, string), int>();
        foreach (var a in arts)
        {
            var ids = a.Entities.Select(e => e.Id).Where(keep.ContainsKey).Distinct().Order(StringComparer.Ordinal).ToArray();
            for (int i = 0; i < ids.Length; i++)
                for (int j = i + 1; j < ids.Length; j++)
                    edges[(ids[i], ids[j])] = edges.GetValueOrDefault((ids[i], ids[j])) + 1;
        }
        return Results.Ok(new Graph(
            keep.Values.Select(c => new GraphNode(c.E.Id, c.E.Name, c.E.Type, c.N)).ToList(),
            edges.OrderByDescending(e => e.Value).Take(max * 6).Select(e => new GraphEdge(e.Key.Item1, e.Key.Item2, e.Value)).ToList()));
    }

    private static IResult Watch(StorePool pool, ArchiveIndex index, DateTimeOffset? since, string[]? term, string[]? entity, int? limit)
    {
        var after = since ?? DateTimeOffset.MinValue;
        var hits = new Dictionary<string, List<WatchTrigger>>(StringComparer.Ordinal);
        void Hit(string id, WatchTrigger t)
        {
            if (!hits.TryGetValue(id, out var l)) hits[id] = l = [];
            if (!l.Contains(t)) l.Add(t);
        }
        foreach (var t in term ?? [])
        {
            if (string.IsNullOrWhiteSpace(t)) continue;
            SearchResults r;
            try { r = pool.Read(s => s.Search(new SearchQuery { Text = t, Limit = MaxLimit })); }
            catch (InvalidQueryException ex) { return Results.BadRequest(new ApiError(ex.Message)); }
            foreach (var h in r.Hits)
                if (index.Get(h.Id) is { } a && a.IngestedAt > after)
                    Hit(a.Id, new WatchTrigger("term", t, string.Join(", ", Parts(h.Snippet).Where(p => p.Match).Select(p => p.Text).Distinct().Take(3))));
        }
        foreach (var id in entity ?? [])
        {
            var e = index.Resolve(id);
            if (e is null) continue;
            // Why: a status change is only visible against earlier reports, so the history includes articles before 'since'.
            var lastStatus = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var a in index.ArticlesOf(e.Id).OrderBy(a => a.IngestedAt).ThenBy(a => a.Date))
            {
                bool fresh = a.IngestedAt > after;
                if (fresh)
                {
                    var m = a.Entities.First(x => x.Id == e.Id);
                    Hit(a.Id, new WatchTrigger("entity", e.Name, $"{m.Mentions}× {string.Join(", ", m.Surfaces.DefaultIfEmpty(m.Name))}"));
                    foreach (var q in a.Quotes.Where(q => q.SpeakerId == e.Id))
                        Hit(a.Id, new WatchTrigger("quote", e.Name, q.Text.Length > 120 ? q.Text[..120] + " …" : q.Text));
                }
                foreach (var ev in a.Events.Where(ev => ev.PlaceId == e.Id || ev.Actors.Any(x => x.EntityId == e.Id)))
                {
                    if (fresh && lastStatus.TryGetValue(ev.Key, out var before) && before != ev.Status)
                        Hit(a.Id, new WatchTrigger("status", e.Name, $"{ev.Type} „{ev.Trigger}“: {before} → {ev.Status}"));
                    lastStatus[ev.Key] = ev.Status;
                }
            }
        }
        var list = hits.Select(kv => (A: index.Get(kv.Key)!, T: kv.Value)).OrderByDescending(x => x.A.IngestedAt).ThenByDescending(x => x.A.Date)
            .Take(Clamp(limit, 100)).Select(x => new WatchHit(Summary(x.A), x.A.IngestedAt, x.T)).ToList();
        return Results.Ok(list);
    }

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
