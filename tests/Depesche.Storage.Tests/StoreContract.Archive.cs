using Depesche.Core;
using Xunit;

namespace Depesche.Storage.Tests;

// The archive part of the contract: quote, event and entity-identity rows written with the article, and the
// queries over them. Runs against SQLite and PostgreSQL like the rest of StoreContract.
public abstract partial class StoreContract
{
    private (string Genf, string Luftabwehr) PutArchive()
    {
        var genf = ArchiveArticles.Genf();
        var luft = ArchiveArticles.Luftabwehr();
        PutAll(genf, luft, TestArticles.Gaza());
        return (genf.Article.Id, luft.Article.Id);
    }

    private List<string> QuoteTexts(QuoteQuery q) => Store.Quotes(q).Quotes.Select(x => x.Text).ToList();

    [StoreFact]
    public void Quotes_and_events_are_stored_with_the_article_once()
    {
        var (genf, _) = PutArchive();
        Assert.Equal(5, Store.Quotes(new QuoteQuery()).Total);
        Assert.Equal(4, Store.Events(new EventQuery()).Total);
        Assert.Equal(PutOutcome.Unchanged, Store.Put(ArchiveArticles.Genf()).Outcome);
        Reopen();
        Assert.Equal(5, Store.Quotes(new QuoteQuery()).Total);
        Assert.Equal(4, Store.Events(new EventQuery()).Total);
        Assert.Equal(2, Store.Entity("kb:peskow")!.Articles);

        var direct = Assert.Single(Store.Quotes(new QuoteQuery { ArticleId = genf, Kind = QuoteKind.Direct }).Quotes);
        Assert.Equal("„Wir sind zu einem Treffen am Freitag bereit“", direct.Text);
        var text = Store.Get(genf)!.Text;
        Assert.Equal(direct.Text, text[direct.Start..direct.End]);
        Assert.Equal(0, direct.Index);
        Assert.Equal("direct", direct.Kind);
        Assert.Equal(new ArticleRef(genf, "2025-05-05", "dpa", "Kreml: Gespräche in Genf geplant"), direct.Article);
        Assert.NotNull(direct.Speaker);
        Assert.Equal("kb:peskow", direct.Speaker.EntityId);
        Assert.Equal("Dmitri Peskow", direct.Speaker.Name);
        Assert.Equal("Peskow", direct.Speaker.Text);
        Assert.Equal("Peskow", text[direct.Speaker.Start..direct.Speaker.End]);
        Assert.Equal([new StoredSourceLink("speaker", "Dmitri Peskow", false), new StoredSourceLink("agency", "dpa", false)], direct.Sources);
        Assert.Empty(direct.Flags);

        var anon = Assert.Single(Store.Quotes(new QuoteQuery { ArticleId = genf, Kind = QuoteKind.Indirect }).Quotes);
        Assert.Equal(["anonymous", "singleSource", "unconfirmed"], anon.Flags);
        Assert.Null(anon.Speaker!.EntityId);
        Assert.Equal("Informierte Kreise", anon.Speaker.Name);
        Assert.Equal("description", anon.Speaker.Kind);
        Assert.True(anon.Speaker.Anonymous);
    }

    [StoreFact]
    public void Mentions_carry_their_entity_id_and_canonical_name()
    {
        var (genf, _) = PutArchive();
        var entities = Store.Get(genf)!.Entities;
        var peskow = entities.Where(e => e.Text == "Peskow").ToList();
        Assert.Single(peskow);
        Assert.Equal("kb:peskow", peskow[0].EntityId);
        Assert.Equal("Dmitri Peskow", peskow[0].Name);
        Assert.All(entities, e => Assert.NotNull(e.EntityId));
        // Why: an article analysed without linking keeps its mentions, with no identity.
        Assert.All(Store.Get(TestArticles.Gaza().Article.Id)!.Entities, e => Assert.Null(e.EntityId));
    }

    [StoreFact]
    public void Quotes_filter_by_speaker_source_flags_kind_and_date()
    {
        PutArchive();
        // Newest article first, then text order.
        Assert.Equal(["Kremlsprecher Peskow wies die Forderung zurück.", "„Wir sind zu einem Treffen am Freitag bereit“"],
            QuoteTexts(new QuoteQuery { Speaker = "peskow" }));
        Assert.Equal(2, Store.Quotes(new QuoteQuery { Speaker = "kb:peskow" }).Total);
        Assert.Equal(["„Wir brauchen jetzt Hilfe“"], QuoteTexts(new QuoteQuery { Speaker = "Wolodymyr Selenskyj" }));
        Assert.Equal(["„Wir brauchen jetzt Hilfe“"], QuoteTexts(new QuoteQuery { Speaker = "Q3874799" }));
        Assert.Equal(["das Treffen sei bereits vereinbart"], QuoteTexts(new QuoteQuery { Speaker = "kreise" }));
        Assert.Empty(QuoteTexts(new QuoteQuery { Speaker = "Q3" }));
        Assert.Equal(["das Treffen sei bereits vereinbart"], QuoteTexts(new QuoteQuery { Source = "KOMMERSANT" }));
        Assert.Equal(2, Store.Quotes(new QuoteQuery { Source = "reuters" }).Total);
        Assert.Equal(["das Treffen sei bereits vereinbart"], QuoteTexts(new QuoteQuery { Flags = QuoteFlags.Anonymous }));
        Assert.Equal(["das Treffen sei bereits vereinbart"], QuoteTexts(new QuoteQuery { Flags = QuoteFlags.Anonymous | QuoteFlags.Unconfirmed }));
        Assert.Equal(["Kremlsprecher Peskow wies die Forderung zurück."], QuoteTexts(new QuoteQuery { Flags = QuoteFlags.Denied }));
        Assert.Empty(QuoteTexts(new QuoteQuery { Flags = QuoteFlags.Denied | QuoteFlags.Anonymous }));
        Assert.Equal(2, Store.Quotes(new QuoteQuery { Kind = QuoteKind.Direct }).Total);
        Assert.Equal(2, Store.Quotes(new QuoteQuery { From = new DateOnly(2025, 5, 6) }).Total);
        Assert.Equal(3, Store.Quotes(new QuoteQuery { To = new DateOnly(2025, 5, 6) }).Total);
        Assert.Equal(1, Store.Quotes(new QuoteQuery { Speaker = "peskow", To = new DateOnly(2025, 5, 5) }).Total);

        var page = Store.Quotes(new QuoteQuery { Limit = 2, Offset = 4 });
        Assert.Equal(5, page.Total);
        Assert.Single(page.Quotes);
        Assert.Empty(Store.Quotes(new QuoteQuery { Speaker = "niemand" }).Quotes);
    }

    [StoreFact]
    public void Events_filter_by_actor_type_status_place_and_date()
    {
        var (genf, luft) = PutArchive();
        var planned = Assert.Single(Store.Events(new EventQuery { Status = EventStatus.Planned }).Events);
        Assert.Equal(genf, planned.Article.Id);
        Assert.Equal("Gespräche", planned.Trigger);
        Assert.Equal("CONSULT", planned.Type);
        Assert.Equal("planned", planned.Status);
        Assert.Equal(new StoredEventPlace("Genf", "Genf", "Q71"), planned.Place);
        Assert.Equal("2025-05-09", planned.Time!.Value);
        Assert.StartsWith("Kremlsprecher Dmitri Peskow hat Gespräche", planned.Evidence, StringComparison.Ordinal);
        Assert.Equal(2, planned.Actors.Count);
        Assert.Equal(new StoredEventActor("source", "Peskow", "Dmitri Peskow", "kb:peskow", "Dmitri Peskow", null), planned.Actors[0]);
        // Why: the stage left the id out; the store took it from the link on the actor's span.
        Assert.Equal(new StoredEventActor("target", "Ukraine", "Ukraine", "Q212", "Ukraine", null), planned.Actors[1]);

        var agree = Assert.Single(Store.Events(new EventQuery { Type = EventType.Agree }).Events);
        Assert.True(agree.Reported);
        Assert.True(agree.Unconfirmed);
        Assert.Equal(2, agree.QuoteIndex);
        Assert.Equal("das Treffen sei bereits vereinbart", Store.Quotes(new QuoteQuery { ArticleId = genf }).Quotes[agree.QuoteIndex].Text);

        Assert.Equal(["wies … zurück", "Gespräche"], Store.Events(new EventQuery { Actor = "peskow" }).Events.Select(e => e.Trigger));
        Assert.Equal(["Gespräche"], Store.Events(new EventQuery { Actor = "Q212" }).Events.Select(e => e.Trigger));
        Assert.Equal(["gefordert"], Store.Events(new EventQuery { Actor = "Selenskyj" }).Events.Select(e => e.Trigger));
        Assert.Equal(["wies … zurück"], Store.Events(new EventQuery { Actor = "peskow", Type = EventType.Reject }).Events.Select(e => e.Trigger));
        Assert.Equal(["Gespräche"], Store.Events(new EventQuery { Place = "genf" }).Events.Select(e => e.Trigger));
        Assert.Equal(2, Store.Events(new EventQuery { Status = EventStatus.Asserted, ArticleId = luft }).Total);
        Assert.Equal(2, Store.Events(new EventQuery { From = new DateOnly(2025, 5, 6), To = new DateOnly(2025, 5, 31) }).Total);
        Assert.Empty(Store.Events(new EventQuery { Status = EventStatus.Cancelled }).Events);
    }

    [StoreFact]
    public void Entity_profile_has_aliases_roles_timeline_quotes_events_and_co_occurrences()
    {
        var (genf, luft) = PutArchive();
        var p = Store.Entity("Peskow");
        Assert.NotNull(p);
        Assert.Equal("kb:peskow", p.EntityId);
        Assert.Equal("Dmitri Peskow", p.Name);
        Assert.Equal("PER", p.Type);
        Assert.Equal(2, p.Articles);
        Assert.Equal(3, p.Mentions);
        Assert.Equal("2025-05-05", p.FirstSeen);
        Assert.Equal("2025-05-07", p.LastSeen);
        Assert.Equal([new EntityAlias("Peskow", 2), new EntityAlias("Dmitri Peskow", 1)], p.Aliases);
        Assert.Equal([new EntityRoleCount("spokesperson", "Kremlsprecher", "kb:kreml", 2)], p.Roles);
        Assert.Equal([genf, luft], p.Timeline.Select(t => t.ArticleId));
        Assert.Equal([2, 1], p.Timeline.Select(t => t.Mentions));
        Assert.Equal(2, p.QuoteCount);
        Assert.Equal(["Kremlsprecher Peskow wies die Forderung zurück.", "„Wir sind zu einem Treffen am Freitag bereit“"], p.Quotes.Select(q => q.Text));
        Assert.Equal(2, p.EventCount);
        Assert.Equal(["wies … zurück", "Gespräche"], p.Events.Select(e => e.Trigger));
        // Why: each co-occurring entity shares one article with Peskow; ties are listed by id.
        Assert.Equal(["Q1899", "Q212", "Q3874799", "Q71", "kb:kommersant"], p.CoOccurring.Select(c => c.EntityId));
        Assert.All(p.CoOccurring, c => Assert.Equal(1, c.Articles));
        Assert.Empty(p.OtherMatches);

        Assert.Equal("kb:peskow", Store.Entity("kb:peskow")!.EntityId);
        Assert.Equal("kb:peskow", Store.Entity("dmitri peskow")!.EntityId);
        var selenskyj = Store.Entity("wolodymyr");
        Assert.Equal("Q3874799", selenskyj!.EntityId);
        Assert.Equal([new EntityAlias("Selenskyj", 1), new EntityAlias("Wolodymyr Selenskyj", 1)], selenskyj.Aliases);
        Assert.Equal(["„Wir brauchen jetzt Hilfe“"], selenskyj.Quotes.Select(q => q.Text));
        var genfPlace = Store.Entity("Genf")!;
        Assert.Equal(["Gespräche"], genfPlace.Events.Select(e => e.Trigger));
        Assert.Null(Store.Entity("Niemand"));
        var limited = Store.Entity("Peskow", new EntityProfileOptions { Limit = 1, CoOccurring = 2 })!;
        Assert.Equal([luft], limited.Timeline.Select(t => t.ArticleId));
        Assert.Single(limited.Quotes);
        Assert.Equal(2, limited.QuoteCount);
        Assert.Equal(2, limited.CoOccurring.Count);
    }

    [StoreFact]
    public void A_name_matching_several_entities_profiles_the_most_mentioned_and_lists_the_others()
    {
        PutArchive();
        // "k" occurs in Kiew, Kommersant and Dmitri Peskow's canonical name; Peskow has two articles.
        var p = Store.Entity("k")!;
        Assert.Equal("kb:peskow", p.EntityId);
        Assert.Contains(p.OtherMatches, c => c.EntityId == "kb:kommersant");
        Assert.Contains(p.OtherMatches, c => c.EntityId == "Q1899");
    }
}
