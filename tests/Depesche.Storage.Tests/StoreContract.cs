using Depesche.Core;
using Xunit;

namespace Depesche.Storage.Tests;

/// <summary>
/// The store contract, written once and made concrete per backend (<see cref="SqliteStoreTests"/>,
/// <see cref="PostgresStoreTests"/>). Each test gets a fresh, empty store.
/// </summary>
public abstract partial class StoreContract : IDisposable
{
    private readonly List<IArticleStore> _opened = [];

    /// <summary>Opens the test's store (the same one on every call; a second call opens a second handle).</summary>
    protected abstract IArticleStore OpenStore();

    protected IArticleStore Store => _store ??= Track(OpenStore());
    private IArticleStore? _store;

    protected IArticleStore Track(IArticleStore s)
    {
        _opened.Add(s);
        return s;
    }

    protected void Reopen()
    {
        _store?.Dispose();
        _opened.Remove(_store!);
        _store = null;
    }

    public virtual void Dispose()
    {
        foreach (var s in _opened) s.Dispose();
        GC.SuppressFinalize(this);
    }

    private void PutAll(params Analysis[] analyses) => Store.Write(new IngestBatch { Analyses = analyses });

    private IReadOnlyList<string> Ids(string query) => Store.Search(new SearchQuery { Text = query }).Hits.Select(h => h.Id).ToList();
    private IReadOnlyList<string> Ids(SearchQuery q) => Store.Search(q).Hits.Select(h => h.Id).ToList();

    [StoreFact]
    public void Round_trip_keeps_metadata_entities_times_and_json()
    {
        var a = TestArticles.Verhandlungen();
        var put = Store.Put(a);
        Assert.Equal(PutOutcome.Added, put.Outcome);
        Reopen();
        var got = Store.Get(a.Article.Id);
        Assert.NotNull(got);
        Assert.Equal(a.Article.Text, got.Text);
        Assert.Equal("Koalition setzt Verhandlungen fort", got.Headline);
        Assert.Equal("dpa", got.Agency);
        Assert.Equal(["BERLIN"], got.Datelines.ToArray());
        Assert.Equal(new DateOnly(2025, 3, 14), got.PublishedDate);
        Assert.Equal("2025-03-14", got.Published);
        Assert.Equal("test.txt", got.Origin.File);
        Assert.Equal(1, got.Origin.Line);
        Assert.Equal(a.Article.Id, got.ContentHash[..16]);
        Assert.Equal(a.Article.Id, got.StoryId);
        Assert.Equal(3, got.Entities.Length);
        var scholz = Assert.Single(got.Entities, e => e.Type == "PER");
        Assert.Equal("Olaf Scholz", scholz.Text);
        Assert.Equal("Olaf Scholz", a.Article.Text[scholz.Start..scholz.End]);
        var t = Assert.Single(got.Times);
        Assert.Equal("2025-03-17", t.Value);
        Assert.Contains($"\"id\":\"{a.Article.Id}\"", got.AnalysisJson, StringComparison.Ordinal);
        Assert.Null(Store.Get("0000000000000000"));
    }

    [StoreFact]
    public void Re_put_of_identical_content_is_a_reported_no_op()
    {
        var a = TestArticles.Verhandlungen();
        Assert.Equal(PutOutcome.Added, Store.Put(a).Outcome);
        Assert.Equal(PutOutcome.Unchanged, Store.Put(TestArticles.Verhandlungen()).Outcome);
        var batch = Store.Write(new IngestBatch { Analyses = [TestArticles.Gaza(), TestArticles.Gaza()] });
        Assert.Equal([PutOutcome.Added, PutOutcome.Unchanged], batch.Articles.Select(r => r.Outcome));
        Assert.Equal(2, Store.Counts().Articles);
        Assert.Equal(2, Store.Search(new SearchQuery()).Total);
    }

    [StoreFact]
    public void German_stemming_finds_inflected_forms()
    {
        PutAll(TestArticles.Verhandlungen(), TestArticles.Gaza());
        var id = TestArticles.Verhandlungen().Article.Id;
        Assert.Equal([id], Ids("Verhandlung"));
        Assert.Equal([id], Ids("verhandlungen"));
        // Why: "Haushalts" (genitive) must find "Haushalt".
        Assert.Equal([id], Ids("Haushalts"));
        Assert.Empty(Ids("Flugzeug"));
    }

    [StoreFact]
    public void Phrase_matches_adjacent_words_only()
    {
        PutAll(TestArticles.Gaza(), TestArticles.Putin());
        // Both mention "Waffenruhe"; only Gaza has "Waffenruhe im Gazastreifen" as a phrase.
        Assert.Equal(2, Ids("Waffenruhe").Count);
        Assert.Equal([TestArticles.Gaza().Article.Id], Ids("\"Waffenruhe im Gazastreifen\""));
        Assert.Empty(Ids("\"Gazastreifen Waffenruhe\""));
    }

    [StoreFact]
    public void Boolean_queries()
    {
        PutAll(TestArticles.Verhandlungen(), TestArticles.Macron(), TestArticles.Putin());
        string v = TestArticles.Verhandlungen().Article.Id, m = TestArticles.Macron().Article.Id, p = TestArticles.Putin().Article.Id;
        Assert.Equal([m], Ids("Scholz AND Macron"));
        Assert.Equal([m], Ids("Scholz Macron"));
        Assert.Equal(new[] { m, p }.Order(), Ids("Macron OR Putin").Order());
        Assert.Equal(new[] { v, p }.Order(), Ids("Scholz NOT Macron").Order());
        Assert.Equal(new[] { v, p }.Order(), Ids("Scholz -Macron").Order());
    }

    [StoreFact]
    public void Filters_by_date_source_entity_and_type()
    {
        PutAll(TestArticles.Verhandlungen(), TestArticles.Gaza(), TestArticles.Macron(), TestArticles.Putin());
        string v = TestArticles.Verhandlungen().Article.Id, g = TestArticles.Gaza().Article.Id, m = TestArticles.Macron().Article.Id, p = TestArticles.Putin().Article.Id;
        Assert.Equal(new[] { m, p }.Order(), Ids(new SearchQuery { Text = "Scholz", From = new DateOnly(2025, 4, 1) }).Order());
        Assert.Equal([v], Ids(new SearchQuery { Text = "Scholz", To = new DateOnly(2025, 3, 31) }));
        Assert.Equal([m], Ids(new SearchQuery { Text = "Scholz", From = new DateOnly(2025, 4, 2), To = new DateOnly(2025, 4, 2) }));
        Assert.Equal([g], Ids(new SearchQuery { Source = "reuters" }));
        Assert.Equal(new[] { v, p }.Order(), Ids(new SearchQuery { Text = "Scholz", Source = "dpa" }).Order());
        Assert.Equal(new[] { v, m, p }.Order(), Ids(new SearchQuery { Entity = "Olaf Scholz" }).Order());
        Assert.Equal([m], Ids(new SearchQuery { Entity = "Macron", EntityType = "PER" }));
        Assert.Empty(Ids(new SearchQuery { Entity = "Macron", EntityType = "LOC" }));
        Assert.Equal(new[] { g, m, p }.Order(), Ids(new SearchQuery { EntityType = "LOC" }).Order());
        Assert.Equal(3, Store.Search(new SearchQuery { Text = "Scholz", Limit = 2 }).Total);
        Assert.Equal(2, Store.Search(new SearchQuery { Text = "Scholz", Limit = 2 }).Hits.Count);
        Assert.Single(Store.Search(new SearchQuery { Text = "Scholz", Limit = 2, Offset = 2 }).Hits);
    }

    [StoreFact]
    public void Snippets_highlight_matches_and_escape_html()
    {
        var a = TestArticles.Wire("Streit um <Regeln>", "Die Verhandlungen über Regeln & Fristen gehen weiter. Ein Sprecher schwieg.");
        PutAll(TestArticles.Verhandlungen(), a);
        var hits = Store.Search(new SearchQuery { Text = "Verhandlung" }).Hits;
        Assert.Equal(2, hits.Count);
        Assert.All(hits, h => Assert.Contains("<em>Verhandlungen</em>", h.Snippet, StringComparison.Ordinal));
        var amp = Assert.Single(hits, h => h.Id == a.Article.Id);
        Assert.Contains("&amp;", amp.Snippet, StringComparison.Ordinal);
        Assert.Equal("Streit um <Regeln>", amp.Headline);
    }

    [StoreFact]
    public void Rejections_are_stored_once_and_counted_per_code()
    {
        var r1 = new Rejection(RejectionCode.MalformedJson, "unexpected end", new SourceLocation("a.jsonl", 3, 120));
        var r2 = new Rejection(RejectionCode.EmptyInput, "empty file", new SourceLocation("b.txt"));
        var r3 = new Rejection(RejectionCode.MalformedJson, "bad escape", new SourceLocation("a.jsonl", 7, 400));
        Assert.Equal(3, Store.Write(new IngestBatch { Rejections = [r1, r2, r3] }).RejectionsAdded);
        Assert.Equal(0, Store.Write(new IngestBatch { Rejections = [r1, r2] }).RejectionsAdded);
        var counts = Store.Counts();
        Assert.Equal(3, counts.Rejections);
        Assert.Equal(2, counts.RejectionsByCode["malformed-json"]);
        Assert.Equal(1, counts.RejectionsByCode["empty-input"]);
        var listed = Store.Rejections();
        Assert.Equal(["malformed-json", "empty-input", "malformed-json"], listed.Select(r => r.Code));
        Assert.Equal(new SourceLocation("a.jsonl", 3, 120), listed[0].Location);
    }

    [StoreFact]
    public void Checkpoints_are_written_with_the_batch()
    {
        Assert.Null(Store.Checkpoint("in.jsonl"));
        Store.Write(new IngestBatch { Analyses = [TestArticles.Gaza()], Checkpoints = [new IngestCheckpoint("in.jsonl", "12:34", 5, false)] });
        Assert.Equal(new IngestCheckpoint("in.jsonl", "12:34", 5, false), Store.Checkpoint("in.jsonl"));
        Store.Write(new IngestBatch { Checkpoints = [new IngestCheckpoint("in.jsonl", "12:34", 9, true)] });
        Assert.Equal(new IngestCheckpoint("in.jsonl", "12:34", 9, true), Store.Checkpoint("in.jsonl"));
    }

    [StoreFact]
    public void A_roundup_is_linked_as_a_version_and_joins_the_story()
    {
        var first = Store.Put(TestArticles.Strike());
        var roundup = Store.Put(TestArticles.StrikeRoundup());
        Assert.NotNull(roundup.Link);
        Assert.Equal(LinkKind.VersionOf, roundup.Link.Kind);
        Assert.Equal(first.Id, roundup.Link.ToId);
        Assert.Contains("ROUNDUP 2", roundup.Link.Reason, StringComparison.Ordinal);
        Assert.Equal(first.StoryId, roundup.StoryId);
        var stored = Store.Get(first.Id)!;
        Assert.Contains(stored.Links, l => l.FromId == roundup.Id && l.Kind == LinkKind.VersionOf);
        Assert.Equal([first.Id, roundup.Id], Store.StoryMembers(first.StoryId));
    }

    [StoreFact]
    public void A_corrected_text_without_marker_is_a_version()
    {
        var first = Store.Put(TestArticles.Strike());
        var corrected = Store.Put(TestArticles.Wire("Verdi ruft zu Warnstreik bei Lufthansa auf",
            TestArticles.StrikeBody.Replace("zwölf Prozent", "elf Prozent", StringComparison.Ordinal), dateline: "FRANKFURT", date: "2025-02-05"));
        Assert.Equal(LinkKind.VersionOf, corrected.Link?.Kind);
        Assert.Equal(first.Id, corrected.Link?.ToId);
        Assert.Contains("no version marker", corrected.Link!.Reason, StringComparison.Ordinal);
    }

    [StoreFact]
    public void A_copy_from_another_outlet_is_a_near_duplicate_not_a_new_story()
    {
        var first = Store.Put(TestArticles.Strike());
        var copy = Store.Put(TestArticles.StrikeElsewhere());
        var other = Store.Put(TestArticles.OtherStrike());
        Assert.Equal(LinkKind.NearDuplicateOf, copy.Link?.Kind);
        Assert.Equal(first.Id, copy.Link?.ToId);
        Assert.Contains("MinHash", copy.Link!.Reason, StringComparison.Ordinal);
        Assert.Equal(first.StoryId, copy.StoryId);
        Assert.Null(other.Link);
        Assert.Equal(other.Id, other.StoryId);
        var counts = Store.Counts();
        Assert.Equal(2, counts.Stories);
        Assert.Equal(1, counts.LinksByKind["near-duplicate-of"]);
        var stories = Store.Stories();
        Assert.Equal(first.StoryId, stories[0].StoryId);
        Assert.Equal(2, stories[0].Articles);
        Assert.Equal("Verdi ruft zu Warnstreik bei Lufthansa auf", stories[0].Headline);
    }

    [StoreFact]
    public void A_follow_up_joins_the_story_with_its_reason_and_an_unrelated_strike_does_not()
    {
        var first = Store.Put(TestArticles.Strike());
        var other = Store.Put(TestArticles.OtherStrike());
        var follow = Store.Put(TestArticles.StrikeFollowUp());
        Assert.Equal(LinkKind.SameStoryAs, follow.Link?.Kind);
        Assert.Equal(first.Id, follow.Link?.ToId);
        Assert.Contains("lufthansa", follow.Link!.Reason, StringComparison.Ordinal);
        Assert.Contains("1 days apart", follow.Link.Reason, StringComparison.Ordinal);
        Assert.Equal(first.StoryId, follow.StoryId);
        Assert.Null(other.Link);
        Assert.Equal(2, Store.Counts().Stories);
    }

    [StoreFact]
    public void Export_streams_every_article_in_storage_order()
    {
        var all = TestArticles.Generate(30).ToArray();
        PutAll(all);
        var exported = Store.Export().ToList();
        Assert.Equal(all.Select(a => a.Article.Id), exported.Select(a => a.Id));
    }

    [StoreFact]
    public void Work_queue_processes_each_item_once_and_records_failures()
    {
        var queue = Assert.IsAssignableFrom<IWorkQueue>(Store);
        Assert.Equal(3, queue.Enqueue(["a", "b", "boom"]));
        Assert.Equal(0, queue.Enqueue(["a"]));
        var seen = new List<string>();
        while (queue.ProcessNext("w1", item =>
        {
            seen.Add(item.Payload);
            if (item.Payload == "boom") throw new InvalidDataException("corrupt item");
            return new IngestBatch { Analyses = [TestArticles.Wire("Meldung " + item.Payload, "Text der Meldung " + item.Payload + ".")] };
        })) { }
        Assert.Equal(["a", "b", "boom"], seen);
        Assert.Equal(new QueueCounts(0, 2, 1), queue.QueueCounts());
        Assert.Equal(2, Store.Counts().Articles);
    }
}

/// <summary>The contract against the embedded store (SQLite + Lucene) in a temporary folder.</summary>
public sealed class SqliteStoreTests : StoreContract
{
    private readonly TempFolder _folder = new();

    protected override IArticleStore OpenStore() => ArticleStore.Open(_folder.Path);

    public override void Dispose()
    {
        base.Dispose();
        _folder.Dispose();
    }
}

/// <summary>The contract against PostgreSQL: a fresh database per test on the private test cluster (see scripts/pg-start).</summary>
public sealed class PostgresStoreTests : StoreContract, IRequiresPostgres
{
    private readonly PgDatabase? _db = PgServer.SkipReason is null ? new PgDatabase() : null;

    protected override IArticleStore OpenStore() => ArticleStore.Open(_db!.ConnectionString);

    public override void Dispose()
    {
        base.Dispose();
        _db?.Dispose();
    }
}
