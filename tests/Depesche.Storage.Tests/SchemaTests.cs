using Microsoft.Data.Sqlite;
using Xunit;

namespace Depesche.Storage.Tests;

/// <summary>Opening an embedded store written by another schema version: migrate an empty one, refuse the rest clearly.</summary>
public sealed class SchemaTests
{
    private static void Sql(string folder, params string[] statements)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(folder, "depesche.db")};Pooling=False");
        c.Open();
        foreach (var s in statements)
        {
            using var cmd = c.CreateCommand();
            cmd.CommandText = s;
            cmd.ExecuteNonQuery();
        }
    }

    // Why: reproduces what schema 1 left on disk: no archive tables, entities without identity columns.
    private static readonly string[] DowngradeToSchema1 =
    [
        "DROP TABLE quotes", "DROP TABLE events", "DROP TABLE event_actors", "DROP TABLE entity_links", "DROP TABLE article_entities",
        "DROP TABLE entity_roles", "DROP INDEX entities_entity", "ALTER TABLE entities DROP COLUMN entity_id",
        "ALTER TABLE entities DROP COLUMN entity_name", "UPDATE meta SET value = '1' WHERE key = 'schema'",
    ];

    [Fact]
    public void An_empty_schema_1_store_is_migrated_in_place()
    {
        using var folder = new TempFolder();
        ArticleStore.Open(folder.Path).Dispose();
        Sql(folder.Path, DowngradeToSchema1);
        using (var s = ArticleStore.Open(folder.Path))
        {
            s.Put(ArchiveArticles.Genf());
            Assert.Equal(3, s.Quotes(new QuoteQuery()).Total);
            Assert.Equal("kb:peskow", s.Entity("Peskow")!.EntityId);
        }
        using var ro = ArticleStore.Open(folder.Path, new StoreOptions { ReadOnly = true });
        Assert.Equal(2, ro.Events(new EventQuery()).Total);
    }

    [Fact]
    public void A_schema_1_store_with_articles_is_refused_for_writing_and_stays_readable()
    {
        using var folder = new TempFolder();
        string id;
        using (var s = ArticleStore.Open(folder.Path))
            id = s.Put(TestArticles.Verhandlungen()).Id;
        Sql(folder.Path, DowngradeToSchema1);

        var ex = Assert.Throws<StoreException>(() => ArticleStore.Open(folder.Path));
        Assert.Contains(folder.Path, ex.Message, StringComparison.Ordinal);
        Assert.Contains("schema 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("new store", ex.Message, StringComparison.Ordinal);

        using var ro = ArticleStore.Open(folder.Path, new StoreOptions { ReadOnly = true });
        Assert.Equal(id, Assert.Single(ro.Search(new SearchQuery { Text = "Verhandlungen" }).Hits).Id);
        Assert.NotNull(ro.Get(id));
        var q = Assert.Throws<StoreException>(() => ro.Quotes(new QuoteQuery()));
        Assert.Contains("schema 1", q.Message, StringComparison.Ordinal);
    }

    private static List<string> Indexes(string folder)
    {
        using var c = new SqliteConnection($"Data Source={Path.Combine(folder, "depesche.db")};Mode=ReadOnly;Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('articles_newest', 'articles_story_stats', 'events_type', 'articles_id_date', 'article_entities_mentions', 'entity_links_entity_text', 'event_actors_entity_event', 'events_place_event') ORDER BY name";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    [Fact]
    public void A_store_from_before_the_browsing_indexes_is_browsed_read_only_and_gets_them_on_the_next_writable_open()
    {
        using var folder = new TempFolder();
        using (var s = ArticleStore.Open(folder.Path)) s.Put(ArchiveArticles.Genf());
        Sql(folder.Path, "DROP INDEX articles_newest", "DROP INDEX articles_story_stats", "DROP INDEX events_type", "DROP INDEX articles_id_date",
            "DROP INDEX article_entities_mentions", "DROP INDEX entity_links_entity_text", "DROP INDEX event_actors_entity_event", "DROP INDEX events_place_event");
        Assert.Empty(Indexes(folder.Path));
        using (var ro = ArticleStore.Open(folder.Path, new StoreOptions { ReadOnly = true }))
        {
            var b = (IArchiveBrowser)ro;
            Assert.Equal(3, b.BrowseQuotes(new BrowseQuoteQuery()).Total);
            Assert.Equal(2, b.BrowseEvents(new BrowseEventQuery()).Events.Count);
        }
        Assert.Empty(Indexes(folder.Path));
        ArticleStore.Open(folder.Path).Dispose();
        Assert.Equal(["article_entities_mentions", "articles_id_date", "articles_newest", "articles_story_stats", "entity_links_entity_text", "event_actors_entity_event", "events_place_event", "events_type"], Indexes(folder.Path));
    }

    [Fact]
    public void A_newer_schema_is_never_touched()
    {
        using var folder = new TempFolder();
        ArticleStore.Open(folder.Path).Dispose();
        Sql(folder.Path, "UPDATE meta SET value = '99' WHERE key = 'schema'");
        var ex = Assert.Throws<StoreException>(() => ArticleStore.Open(folder.Path));
        Assert.Contains("schema 99", ex.Message, StringComparison.Ordinal);
        Assert.Contains(folder.Path, ex.Message, StringComparison.Ordinal);
        Assert.Throws<StoreException>(() => ArticleStore.Open(folder.Path, new StoreOptions { ReadOnly = true }));
    }
}
