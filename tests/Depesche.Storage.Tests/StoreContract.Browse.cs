using Xunit;

namespace Depesche.Storage.Tests;

// The browsing queries (IArchiveBrowser) the workbench is built on: pages, counts and facets from the rows.
public abstract partial class StoreContract
{
    private IArchiveBrowser Browser => Assert.IsAssignableFrom<IArchiveBrowser>(Store);

    [StoreFact]
    public void Browsing_pages_quotes_and_events_newest_first_with_filters_and_facets()
    {
        var (genf, luft) = PutArchive();
        var all = Browser.BrowseQuotes(new BrowseQuoteQuery());
        Assert.Equal(5, all.Total);
        Assert.Equal(luft, all.Quotes[0].Article.Id);
        Assert.Equal("2025-05-05", all.Quotes.Single(q => q.Quote.Kind == "direct" && q.Article.Id == genf).Article.Date);
        var page = Browser.BrowseQuotes(new BrowseQuoteQuery { Limit = 2, Offset = 4 });
        Assert.Equal(5, page.Total);
        Assert.Single(page.Quotes);
        Assert.Equal(2, Browser.BrowseQuotes(new BrowseQuoteQuery { SpeakerId = "kb:peskow" }).Total);
        Assert.Equal(["das Treffen sei bereits vereinbart"], Browser.BrowseQuotes(new BrowseQuoteQuery { Anonymous = true }).Quotes.Select(q => q.Quote.Text));
        Assert.Equal(4, Browser.BrowseQuotes(new BrowseQuoteQuery { Anonymous = false }).Total);
        Assert.Equal(["das Treffen sei bereits vereinbart"], Browser.BrowseQuotes(new BrowseQuoteQuery { Unconfirmed = true }).Quotes.Select(q => q.Quote.Text));
        Assert.Equal(2, Browser.BrowseQuotes(new BrowseQuoteQuery { Source = "reuters" }).Total);
        // a source kind matches too
        var byKind = Browser.BrowseQuotes(new BrowseQuoteQuery { Source = "agency" });
        Assert.True(byKind.Total > 0);
        Assert.All(byKind.Quotes, q => Assert.Contains(q.Quote.Sources, s => s.Kind == "agency"));
        var oldest = Browser.BrowseQuotes(new BrowseQuoteQuery { StoryId = Store.Get(genf)!.StoryId, OldestFirst = true });
        Assert.All(oldest.Quotes, q => Assert.Equal(Store.Get(genf)!.StoryId, q.Article.StoryId));

        var speakers = Browser.QuoteSpeakers(new BrowseQuoteQuery(), 10);
        Assert.Equal(new FacetCount("kb:peskow", "Dmitri Peskow", 2), speakers[0]);
        Assert.Contains(speakers, s => s.Value == "Informierte Kreise" && s.Count == 1);
        var sources = Browser.QuoteSources(new BrowseQuoteQuery(), 10);
        Assert.DoesNotContain(sources, s => s.Label.EndsWith("(speaker)", StringComparison.Ordinal));
        Assert.Contains(sources, s => s.Value == "dpa" && s.Label == "dpa (agency)");

        var events = Browser.BrowseEvents(new BrowseEventQuery());
        Assert.Equal(4, events.Total);
        var planned = Assert.Single(Browser.BrowseEvents(new BrowseEventQuery { Status = "planned" }).Events);
        Assert.Equal(2, planned.Event.Actors.Count);
        Assert.Empty(Browser.BrowseEvents(new BrowseEventQuery { Status = "planned", Actors = false }).Events[0].Event.Actors);
        // an entity is an actor or the place
        Assert.Equal(["Gespräche"], Browser.BrowseEvents(new BrowseEventQuery { EntityId = "Q71" }).Events.Select(e => e.Event.Trigger));
        Assert.Equal(["wies … zurück", "Gespräche"], Browser.BrowseEvents(new BrowseEventQuery { EntityId = "kb:peskow" }).Events.Select(e => e.Event.Trigger));
        Assert.Equal(4, Browser.EventFacet(new BrowseEventQuery(), "type", 10).Sum(f => f.Count));
        Assert.Equal(new FacetCount("asserted", "asserted", 2), Browser.EventFacet(new BrowseEventQuery(), "status", 10)[0]);
    }

    [StoreFact]
    public void Browsing_entities_their_counts_pairs_and_timeline()
    {
        var (genf, luft) = PutArchive();
        Assert.Equal("kb:peskow", Browser.ResolveEntity("kb:peskow"));
        Assert.Equal("kb:peskow", Browser.ResolveEntity("dmitri PESKOW"));
        Assert.Equal("kb:peskow", Browser.ResolveEntity("Peskow"));
        Assert.Null(Browser.ResolveEntity("Niemand"));

        var p = Browser.EntitySummary("kb:peskow")!;
        Assert.Equal(("Dmitri Peskow", "PER", 2L, 3L), (p.Name, p.Type, p.Articles, p.Mentions));
        Assert.Equal(["Peskow", "Dmitri Peskow"], p.Surfaces);
        Assert.Equal("spokesperson", Assert.Single(p.Roles).Role);
        Assert.Null(Browser.EntitySummary("nobody"));

        Assert.Equal("kb:peskow", Browser.TopEntities(null, null, 1)[0].Id);
        Assert.Equal(["Q3874799"], Browser.TopEntities("selenskyj", null, 10).Select(e => e.Id));
        Assert.All(Browser.TopEntities(null, "LOC", 10), e => Assert.Equal("LOC", e.Type));

        var within = Browser.EntitiesIn(new BrowseScope("kb:peskow"), 50);
        Assert.Equal(new EntityCount("kb:peskow", "Dmitri Peskow", "PER", 2), within[0]);
        // a window of one: only the newest article naming Peskow is counted
        var newest = Browser.EntitiesIn(new BrowseScope("kb:peskow", Window: 1), 50);
        Assert.All(newest, e => Assert.Equal(1, e.Articles));
        Assert.True(newest.Count < within.Count);
        Assert.Equal([luft], Browser.Newest(new BrowseScope("kb:peskow"), 1).Select(a => a.Id));
        var pairs = Browser.Pairs(new BrowseScope("kb:peskow"), within.Select(e => e.Id).ToList());
        Assert.All(pairs, x => Assert.True(string.CompareOrdinal(x.A, x.B) < 0));
        Assert.Contains(pairs, x => x is { A: "Q71", B: "kb:peskow", Articles: 1 });

        var days = Browser.Timeline(new BrowseScope("kb:peskow"));
        Assert.Equal(["2025-05-05", "2025-05-07"], days.Select(d => d.Date));
        Assert.Equal([2L, 1L], days.Select(d => d.Mentions));
        Assert.Equal(3, Browser.Timeline(new BrowseScope()).Sum(d => d.Articles));
        var activity = Browser.EntityActivity("kb:peskow");
        Assert.Equal(2, activity.Sum(d => d.Quotes));
        Assert.Equal(2, activity.Sum(d => d.Events));

        var ids = new[] { genf, luft, TestArticles.Gaza().Article.Id };
        Assert.Equal(3, Browser.Headers(ids).Count);
        Assert.Equal(genf, Browser.ArticleNaming(["Q71", "nobody"])["Q71"]);
        Assert.Single(Browser.ArticleNaming(["Q71", "nobody"]));
        Assert.Contains(Browser.FacetOver(ids, "entity", 50), f => f is { Value: "kb:peskow", Count: 2 });
        Assert.Contains(Browser.FacetOver(ids, "speaker", 50), f => f is { Value: "kb:peskow", Count: 2 });
        Assert.Equal([genf], Browser.Having(ids, "Q71", null, null, null));
        Assert.Equal([genf], Browser.Having(ids, null, null, "CONSULT", "kb:peskow"));
        Assert.Empty(Browser.Having(ids, "Q71", "PER", null, null));
    }

    [StoreFact]
    public void Browsing_stories_and_what_was_stored_after_a_mark()
    {
        long before = Browser.ChangeMark();
        var (genf, _) = PutArchive();
        Assert.True(Browser.ChangeMark() > before);
        Assert.Equal(3, Browser.StoredAfter(before, 100).Count);
        Assert.Empty(Browser.StoredAfter(Browser.ChangeMark(), 100));
        var story = Store.Get(genf)!.StoryId;
        var info = Browser.Story(story)!;
        Assert.Equal(Store.Stories(100).Single(s => s.StoryId == story), info);
        Assert.Null(Browser.Story("no-such-story"));
        Assert.Equal(2, Browser.IngestedSince("kb:peskow", DateTimeOffset.MinValue, 10).Count);
        Assert.Empty(Browser.IngestedSince("kb:peskow", DateTimeOffset.UtcNow.AddMinutes(1), 10));
    }

    [StoreFact]
    public void A_search_can_leave_out_snippets_it_does_not_show()
    {
        PutArchive();
        var all = Store.Search(new SearchQuery { Text = "Peskow", Limit = 10 });
        Assert.True(all.Hits.Count >= 2);
        Assert.All(all.Hits, h => Assert.NotEqual("", h.Snippet));
        var one = all.Hits[0].Id;
        var some = Store.Search(new SearchQuery { Text = "Peskow", Limit = 10, SnippetFor = new HashSet<string> { one } });
        Assert.Equal(all.Hits.Select(h => h.Id), some.Hits.Select(h => h.Id));
        Assert.Equal(all.Hits[0].Snippet, some.Hits[0].Snippet);
        Assert.All(some.Hits.Skip(1), h => Assert.Equal("", h.Snippet));
        Assert.All(Store.Search(new SearchQuery { Text = "Peskow", SnippetFor = new HashSet<string>() }).Hits, h => Assert.Equal("", h.Snippet));
        // the snippets of given hits, without searching again, are the search's
        var apart = Browser.Snippets("Peskow", all.Hits.Select(h => h.Id).Append("no-such-article").ToList());
        Assert.Equal(all.Hits.Count, apart.Count);
        Assert.All(all.Hits, h => Assert.Equal(h.Snippet, apart[h.Id]));
        // without query text: the article's lead, as the search gives it
        var lead = Store.Search(new SearchQuery { Limit = 1 }).Hits[0];
        Assert.Equal(lead.Snippet, Browser.Snippets("", [lead.Id])[lead.Id]);
    }
}
