using System.Globalization;
using Depesche.Storage;

namespace Depesche.Web;

/// <summary>
/// Which canonical entities each article names, in memory: the articles' order (day, store order), their event and
/// quote counts, and per entity the articles naming it. It answers the views that aggregate over many articles
/// (timelines, co-occurrence, the network, places, the entity list) without a query per article.
/// </summary>
/// <remarks>
/// Why in memory: a frequent entity is named in tens of thousands of articles; counting its co-occurrences or its
/// days in SQL reads each of them (hundreds of milliseconds at 100,000 articles), here it is a loop over integers.
/// It is loaded from the rows of <see cref="IArchiveBrowser.ArticleKeys"/> and <see cref="IArchiveBrowser.ArticleEntityRows"/>
/// (no analysis JSON: about 1.5 s for 100,000 articles, in the background from the server's start), and extended with
/// the articles stored since whenever <see cref="IArchiveBrowser.ChangeMark"/> moved. About 60 bytes per
/// article-entity pair. Thread-safe: reads share a lock, loading takes it alone.
/// </remarks>
public sealed class EntityIndex
{
    private readonly ReaderWriterLockSlim _lock = new();
    private bool _loaded;
    private bool _loadedFlag;
    private long _mark;

    // articles, by number (the order they were loaded in)
    private readonly List<string> _id = [];
    private readonly List<long> _seq = [];
    private readonly List<string?> _date = [];
    private readonly List<int> _day = [];
    /// <summary>Newest-first sort key: publication day, then store order (greater is newer).</summary>
    private readonly List<long> _key = [];
    /// <summary>Each entity's articles, newest first, sorted on first use; cleared whenever articles are added.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, int[]> _sorted = new();
    private readonly List<int> _events = [];
    private readonly List<int> _quotes = [];
    private readonly List<int[]> _entities = [];
    private readonly List<int[]> _mentions = [];
    private readonly Dictionary<string, int> _articleNo = new(StringComparer.Ordinal);

    // entities, by number
    private readonly List<string> _eid = [];
    private readonly List<string> _name = [];
    private readonly List<string> _type = [];
    private readonly List<List<int>> _articlesOf = [];
    private readonly Dictionary<string, int> _entityNo = new(StringComparer.Ordinal);

    /// <summary>Loads what was stored since the last call (everything on the first). Cheap when nothing changed.</summary>
    public void Refresh(IArchiveBrowser store)
    {
        long mark = store.ChangeMark();
        _lock.EnterReadLock();
        try { if (_loaded && mark <= _mark) return; }
        finally { _lock.ExitReadLock(); }
        _lock.EnterWriteLock();
        try
        {
            if (_loaded && mark <= _mark) return;
            var keys = store.ArticleKeys(_mark).Where(k => !_articleNo.ContainsKey(k.Id)).OrderBy(k => k.Seq).ToList();
            var rows = store.ArticleEntityRows(_mark).GroupBy(r => r.ArticleId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            foreach (var k in keys)
            {
                int a = _id.Count;
                _articleNo[k.Id] = a;
                _id.Add(k.Id);
                _seq.Add(k.Seq);
                _date.Add(k.Date);
                int day = k.Date is { Length: 10 } d ? int.Parse(d.Replace("-", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) : 0;
                _day.Add(day);
                _key.Add(((long)day << 36) | (k.Seq & ((1L << 36) - 1)));
                _events.Add(k.Events);
                _quotes.Add(k.Quotes);
                var mine = rows.GetValueOrDefault(k.Id) ?? [];
                var ents = new int[mine.Count];
                var ments = new int[mine.Count];
                for (int i = 0; i < mine.Count; i++)
                {
                    ents[i] = EntityNo(mine[i]);
                    ments[i] = mine[i].Mentions;
                    _articlesOf[ents[i]].Add(a);
                }
                _entities.Add(ents);
                _mentions.Add(ments);
                _mark = Math.Max(_mark, k.Seq);
            }
            if (keys.Count > 0) _sorted.Clear();
            _loaded = true;
            Volatile.Write(ref _loadedFlag, true);
        }
        finally { _lock.ExitWriteLock(); }
    }

    private int EntityNo(EntityInArticle r)
    {
        if (_entityNo.TryGetValue(r.EntityId, out var e))
        {
            // Why the greatest name and type: what the SQL aggregates (max) give, so every view names an entity alike.
            if (string.CompareOrdinal(r.Name, _name[e]) > 0) _name[e] = r.Name;
            if (string.CompareOrdinal(r.Type, _type[e]) > 0) _type[e] = r.Type;
            return e;
        }
        e = _eid.Count;
        _entityNo[r.EntityId] = e;
        _eid.Add(r.EntityId);
        _name.Add(r.Name);
        _type.Add(r.Type);
        _articlesOf.Add([]);
        return e;
    }

    private T Read<T>(Func<T> read)
    {
        _lock.EnterReadLock();
        try { return read(); }
        finally { _lock.ExitReadLock(); }
    }

    /// <summary>The articles naming the entity (or all, as -1), newest first: by publication day (none last), then the later stored first.</summary>
    private int[] Sorted(int entity) => _sorted.GetOrAdd(entity, e =>
    {
        var items = e < 0 ? Enumerable.Range(0, _id.Count).ToArray() : _articlesOf[e].ToArray();
        var keys = new long[items.Length];
        for (int i = 0; i < items.Length; i++) keys[i] = -_key[items[i]];
        // Why primitive keys: a comparison delegate over the lists took 30 ms for an entity in 23,000 articles.
        Array.Sort(keys, items);
        return items;
    });

    /// <summary>The scope's articles: those naming the entity (or all), only the newest <paramref name="window"/> when above 0.</summary>
    private IReadOnlyList<int> Scope(string? entityId, int window)
    {
        int e = -1;
        if (entityId is not null && !_entityNo.TryGetValue(entityId, out e)) return [];
        IReadOnlyList<int> all = e < 0 ? Enumerable.Range(0, _id.Count).ToList() : _articlesOf[e];
        if (window <= 0 || all.Count <= window) return all;
        return new ArraySegment<int>(Sorted(e), 0, window);
    }

    public int Count => Read(() => _id.Count);

    /// <summary>Whether the first load has finished (later calls of <see cref="Refresh"/> only add what is new).</summary>
    public bool Loaded => Volatile.Read(ref _loadedFlag);

    /// <summary>The ids of the newest articles naming the entity (or of all), newest first.</summary>
    public IReadOnlyList<string> Newest(string? entityId, int limit) => Read(() =>
    {
        int e = -1;
        if (entityId is not null && !_entityNo.TryGetValue(entityId, out e)) return (IReadOnlyList<string>)[];
        return Sorted(e).Take(limit).Select(a => _id[a]).ToList();
    });

    /// <summary>
    /// Per publication day: the articles naming the entity (or all), the entity's mentions in them (or all mentions),
    /// and their events and quotes.
    /// </summary>
    public IReadOnlyList<DayCounts> Timeline(string? entityId) => Read(() =>
    {
        int e = -1;
        if (entityId is not null && !_entityNo.TryGetValue(entityId, out e)) return (IReadOnlyList<DayCounts>)[];
        var days = new SortedDictionary<string, (long Articles, long Mentions, long Events, long Quotes)>(StringComparer.Ordinal);
        foreach (var a in Scope(entityId, 0))
        {
            if (_date[a] is not { } d) continue;
            long m = 0;
            var ents = _entities[a];
            for (int i = 0; i < ents.Length; i++)
                if (e < 0 || ents[i] == e) m += _mentions[a][i];
            var c = days.GetValueOrDefault(d);
            days[d] = (c.Articles + 1, c.Mentions + m, c.Events + _events[a], c.Quotes + _quotes[a]);
        }
        return days.Select(kv => new DayCounts(kv.Key, kv.Value.Articles, kv.Value.Mentions, kv.Value.Events, kv.Value.Quotes)).ToList();
    });

    /// <summary>Entities named in the scope's articles (the scope's entity included), by how many of them, most first, then by id.</summary>
    public IReadOnlyList<EntityCount> EntitiesIn(string? entityId, int window, int limit, string? type = null) => Read(() =>
    {
        var counts = new Dictionary<int, int>();
        foreach (var a in Scope(entityId, window))
            foreach (var x in _entities[a])
                counts[x] = counts.GetValueOrDefault(x) + 1;
        return counts.Where(kv => type is null || _type[kv.Key] == type)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => _eid[kv.Key], StringComparer.Ordinal).Take(limit)
            .Select(kv => new EntityCount(_eid[kv.Key], _name[kv.Key], _type[kv.Key], kv.Value)).ToList();
    });

    /// <summary>How many of the scope's articles name both entities of a pair, for pairs among <paramref name="ids"/>; pair members in ordinal order.</summary>
    public IReadOnlyList<EntityPair> Pairs(string? entityId, int window, IReadOnlyCollection<string> ids) => Read(() =>
    {
        var keep = ids.Where(_entityNo.ContainsKey).Select(id => _entityNo[id]).ToHashSet();
        var pairs = new Dictionary<(int, int), int>();
        var inArticle = new List<int>();
        foreach (var a in Scope(entityId, window))
        {
            inArticle.Clear();
            foreach (var x in _entities[a]) if (keep.Contains(x)) inArticle.Add(x);
            inArticle.Sort((x, y) => string.CompareOrdinal(_eid[x], _eid[y]));
            for (int i = 0; i < inArticle.Count; i++)
                for (int j = i + 1; j < inArticle.Count; j++)
                    pairs[(inArticle[i], inArticle[j])] = pairs.GetValueOrDefault((inArticle[i], inArticle[j])) + 1;
        }
        return pairs.Select(kv => new EntityPair(_eid[kv.Key.Item1], _eid[kv.Key.Item2], kv.Value)).ToList();
    });

    /// <summary>
    /// The search facets over a set of articles: entities (value id, label name) by how many of them name each, then
    /// entity types by how many name one of that type; most first, then by label.
    /// </summary>
    public (List<FacetValue> Entities, List<FacetValue> Types) FacetsOver(IReadOnlyCollection<string> articleIds, int top, int topTypes) => Read(() =>
    {
        var entities = new Dictionary<int, int>();
        var types = new Dictionary<string, int>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var id in articleIds)
        {
            if (!_articleNo.TryGetValue(id, out var a)) continue;
            seen.Clear();
            foreach (var x in _entities[a])
            {
                entities[x] = entities.GetValueOrDefault(x) + 1;
                if (seen.Add(_type[x])) types[_type[x]] = types.GetValueOrDefault(_type[x]) + 1;
            }
        }
        return (entities.Select(kv => new FacetValue(_eid[kv.Key], _name[kv.Key], kv.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal).Take(top).ToList(),
            types.Select(kv => new FacetValue(kv.Key, kv.Key, kv.Value)).OrderByDescending(f => f.Count).ThenBy(f => f.Label, StringComparer.Ordinal).Take(topTypes).ToList());
    });

    /// <summary>Sums per-article counts by the articles' publication day (articles without one are left out).</summary>
    public IReadOnlyDictionary<string, DayCounts> Days(IEnumerable<ArticleActivity> activity) => Read(() =>
    {
        var days = new Dictionary<string, DayCounts>(StringComparer.Ordinal);
        foreach (var x in activity)
        {
            if (!_articleNo.TryGetValue(x.ArticleId, out var a) || _date[a] is not { } d) continue;
            var c = days.GetValueOrDefault(d) ?? new DayCounts(d, 0, 0, 0, 0);
            days[d] = c with { Events = c.Events + x.Events, Quotes = c.Quotes + x.Quotes };
        }
        return (IReadOnlyDictionary<string, DayCounts>)days;
    });

    /// <summary>Entities by how many articles name them, most first, then by name.</summary>
    public IReadOnlyList<EntityCount> Top(string? type, int limit) => Read(() =>
        Enumerable.Range(0, _eid.Count).Where(e => type is null || _type[e] == type)
            .OrderByDescending(e => _articlesOf[e].Count).ThenBy(e => _name[e], StringComparer.Ordinal).Take(limit)
            .Select(e => new EntityCount(_eid[e], _name[e], _type[e], _articlesOf[e].Count)).ToList());
}
