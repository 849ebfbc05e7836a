using Depesche.Core;
using Xunit;

namespace Depesche.Storage.Tests;

/// <summary>
/// Story clustering through the embedded store: what joins a story, what stays apart, and that every join says why.
/// The texts are invented for these tests; entity layers are given by hand (no NER model needed).
/// </summary>
public sealed class StoryClusteringTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly IArticleStore _store;

    public StoryClusteringTests() => _store = ArticleStore.Open(_dir.Path);

    public void Dispose()
    {
        _store.Dispose();
        _dir.Dispose();
    }

    private static Analysis Siemens(string date = "2026-02-12") => TestArticles.Wire("Siemens steigert Gewinn dank Digitalgeschäft",
        "Der Technologiekonzern Siemens hat im ersten Geschäftsquartal dank einer starken Nachfrage nach Automatisierungstechnik mehr verdient. " +
        "Der Gewinn stieg um neun Prozent auf 2,7 Milliarden Euro, wie das Unternehmen am Donnerstag mitteilte. " +
        "Vorstandschef Roland Busch bestätigte die Prognose für das Gesamtjahr. Besonders gut lief das Geschäft mit Rechenzentren.",
        agency: "dpa-AFX", dateline: "MÜNCHEN", date: date,
        entities: [("Siemens", EntityType.Organisation), ("Roland Busch", EntityType.Person)]);

    private static Analysis SiemensParaphrase() => TestArticles.Wire("Siemens-Chef Busch bestätigt Jahresziele nach starkem Quartal",
        "Siemens hat zum Start ins Geschäftsjahr von der Nachfrage der Rechenzentren und der Automatisierungstechnik profitiert. " +
        "Der Gewinn kletterte im Auftaktquartal auf 2,7 Milliarden Euro. Konzernchef Busch sagte, das Digitalgeschäft habe die Talsohle hinter sich. " +
        "Die Prognose für das Gesamtjahr bleibe unverändert.",
        agency: "Reuters", dateline: "München", date: "2026-02-12",
        entities: [("Siemens", EntityType.Organisation), ("Busch", EntityType.Person)]);

    private static Analysis Infineon() => TestArticles.Wire("Infineon leidet unter schwachem Autogeschäft",
        "Der Chipkonzern Infineon hat im ersten Geschäftsquartal weniger umgesetzt als vor einem Jahr. " +
        "Der Umsatz sank um vier Prozent auf 3,4 Milliarden Euro, wie das Unternehmen am Donnerstag mitteilte. " +
        "Grund ist die schwache Nachfrage der Autoindustrie nach Halbleitern. Vorstandschef Jochen Hanebeck sieht erste Zeichen einer Erholung.",
        agency: "dpa-AFX", dateline: "NEUBIBERG", date: "2026-02-12",
        entities: [("Infineon", EntityType.Organisation), ("Jochen Hanebeck", EntityType.Person)]);

    private static Analysis TrainCrash() => TestArticles.Wire("Regionalzug bei Döbeln entgleist - sieben Verletzte",
        "In Mittelsachsen ist ein Regionalzug entgleist. Dabei wurden sieben Menschen verletzt, zwei von ihnen schwer. " +
        "Der Zug war auf der Strecke zwischen Döbeln und Leipzig unterwegs. Warum der Triebwagen aus den Gleisen sprang, war zunächst unklar.",
        dateline: "DÖBELN", date: "2026-02-09",
        entities: [("Döbeln", EntityType.Location), ("Leipzig", EntityType.Location), ("Mittelsachsen", EntityType.Location)]);

    private static Analysis TrainCrashFollowUp(string date = "2026-02-12") => TestArticles.Wire("Zugunglück bei Döbeln: Schienenbruch als Ursache vermutet",
        "Drei Tage nach der Entgleisung eines Regionalzugs in Mittelsachsen gehen die Ermittler von einem Schienenbruch aus. " +
        "Die Strecke zwischen Döbeln und Leipzig soll am Wochenende wieder freigegeben werden. " +
        "Zwei der sieben Verletzten werden weiter im Krankenhaus behandelt. Der Triebwagen war kurz hinter einer Brücke aus den Gleisen gesprungen.",
        agency: "AFP", dateline: "LEIPZIG", date: date,
        entities: [("Mittelsachsen", EntityType.Location), ("Döbeln", EntityType.Location), ("Leipzig", EntityType.Location)]);

    [Fact]
    public void A_paraphrase_from_another_agency_joins_the_story()
    {
        var first = _store.Put(Siemens());
        var para = _store.Put(SiemensParaphrase());
        Assert.Equal(LinkKind.SameStoryAs, para.Link?.Kind);
        Assert.Equal(first.Id, para.Link!.ToId);
        Assert.Equal(first.StoryId, para.StoryId);
    }

    [Fact]
    public void Placeholder_dates_at_the_ends_of_the_calendar_are_stored()
    {
        // A real Wikinews file is dated 0001-01-01; the date windows around it once threw and ended the ingest.
        var first = _store.Put(Siemens("0001-01-01"));
        var last = _store.Put(TrainCrashFollowUp("9999-12-31"));
        var normal = _store.Put(SiemensParaphrase());
        Assert.Equal(PutOutcome.Added, first.Outcome);
        Assert.Equal(PutOutcome.Added, last.Outcome);
        Assert.Equal(PutOutcome.Added, normal.Outcome);
        Assert.Null(normal.Link); // two thousand years apart: not one story
        Assert.Equal(3, _store.Counts().Articles);
    }

    [Fact]
    public void Two_earnings_reports_on_the_same_day_stay_apart()
    {
        var siemens = _store.Put(Siemens());
        var infineon = _store.Put(Infineon());
        Assert.Null(infineon.Link);
        Assert.NotEqual(siemens.StoryId, infineon.StoryId);
        Assert.Equal(2, _store.Counts().Stories);
    }

    [Fact]
    public void A_follow_up_three_days_later_joins()
    {
        var crash = _store.Put(TrainCrash());
        _store.Put(Infineon());
        var follow = _store.Put(TrainCrashFollowUp());
        Assert.Equal(LinkKind.SameStoryAs, follow.Link?.Kind);
        Assert.Equal(crash.StoryId, follow.StoryId);
        Assert.Contains("3 days apart", follow.Link!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_follow_up_outside_the_window_starts_its_own_story()
    {
        _store.Put(TrainCrash());
        var late = _store.Put(TrainCrashFollowUp(date: "2026-02-16"));
        Assert.Null(late.Link);
        Assert.Equal(late.Id, late.StoryId);
    }

    [Fact]
    public void Each_join_names_the_shared_terms_and_entities()
    {
        _store.Put(Siemens());
        var para = _store.Put(SiemensParaphrase());
        _store.Put(TrainCrash());
        var follow = _store.Put(TrainCrashFollowUp());
        foreach (var (link, term, entity) in new[] { (para.Link, "siem", "busch"), (follow.Link, "dobeln", "döbeln") })
        {
            Assert.NotNull(link);
            var shared = Shared(link.Reason, "terms");
            Assert.Contains(term, shared);
            Assert.Contains(entity, Shared(link.Reason, "entities"));
            Assert.Contains("score", link.Reason, StringComparison.Ordinal);
            // The stored link carries the same reason.
            Assert.Contains(_store.Get(link.FromId)!.Links, l => l.Reason == link.Reason);
        }
    }

    /// <summary>The comma-separated list after "<paramref name="what"/> 0.xx (shared: " in a reason.</summary>
    private static string[] Shared(string reason, string what)
    {
        int at = reason.IndexOf(what + " ", StringComparison.Ordinal);
        Assert.True(at >= 0, $"no '{what}' in: {reason}");
        int open = reason.IndexOf("(shared: ", at, StringComparison.Ordinal) + "(shared: ".Length;
        int close = reason.IndexOf(')', open);
        return reason[open..close].Split(", ");
    }
}

/// <summary>The scoring itself, on hand-made term counts and entity keys.</summary>
public sealed class StoryScoringTests
{
    private static StoryDoc Doc(string date, string terms, string entities = "") =>
        new("new", date, StoryFeatures.ParseTerms(terms), StoryFeatures.ParseEntities(entities));

    private static StoryCandidate Cand(string id, string story, string date, string terms, string entities = "", long seq = 0) =>
        new(id, seq, story, date, StoryFeatures.ParseTerms(terms), StoryFeatures.ParseEntities(entities));

    /// <summary>Filler articles of the same week that all use the wire's everyday words.</summary>
    private static IEnumerable<StoryCandidate> Week(int n) => Enumerable.Range(0, n).Select(i =>
        Cand("f" + i, "f" + i, "2026-02-10", $"donnerstag:1 mitteilt:1 prozent:1 thema{i}a:2 thema{i}b:2 thema{i}c:1", $"ort{i}", seq: i));

    [Fact]
    public void Terms_every_article_of_the_week_uses_weigh_less_than_rare_shared_terms()
    {
        // Both candidates share three terms with the new article; with the first those are everyday words.
        var everyday = Cand("everyday", "s1", "2026-02-10", "donnerstag:2 mitteilt:2 prozent:2 bahn:1 streik:1", seq: 100);
        var specific = Cand("specific", "s2", "2026-02-10", "xenia:2 orkan:2 sturmtief:2 bahn:1 streik:1", seq: 101);
        var doc = Doc("2026-02-10", "donnerstag:1 mitteilt:1 prozent:1 xenia:2 orkan:1 sturmtief:1 hamburg:1");
        var link = StoryFeatures.Decide(doc, [.. Week(40), everyday, specific], StoryScoring.Default);
        Assert.NotNull(link);
        Assert.Equal("specific", link.ToId);
        var alone = StoryFeatures.Decide(doc, [.. Week(40), everyday], StoryScoring.Default);
        Assert.Null(alone);
    }

    [Fact]
    public void The_story_centroid_counts_not_only_the_nearest_article()
    {
        // Story A has two articles that each share part of the new one; story B one article that shares a little more
        // than either of A's alone. The centroid of A covers the new article better.
        var a1 = Cand("a1", "A", "2026-02-10", "lawin:3 tirol:2 sellraintal:2 skitour:1", seq: 1);
        var a2 = Cand("a2", "A", "2026-02-10", "bergrett:3 verschuttet:2 hubschraub:2 innsbruck:1", seq: 2);
        var b1 = Cand("b1", "B", "2026-02-10", "lawin:3 tirol:2 warnstuf:2 schneefall:2", seq: 3);
        var doc = Doc("2026-02-11", "lawin:2 tirol:1 sellraintal:1 bergrett:2 verschuttet:1 hubschraub:1");
        var link = StoryFeatures.Decide(doc, [.. Week(20), a1, a2, b1], StoryScoring.Default);
        Assert.NotNull(link);
        Assert.Contains("2 articles in the window", link.Reason, StringComparison.Ordinal);
        Assert.StartsWith("a", link.ToId, StringComparison.Ordinal);
    }

    [Fact]
    public void Time_decays_the_score_and_the_window_bounds_it()
    {
        const string terms = "lawin:2 tirol:1 sellraintal:1 bergrett:1";
        var doc = Doc("2026-02-14", terms, "tirol");
        double Score(string candidateDate) =>
            StoryFeatures.Decide(doc, [.. Week(10), Cand("c", "C", candidateDate, terms, "tirol", seq: 50)], StoryScoring.Default)?.Score ?? -1;
        double same = Score("2026-02-14"), three = Score("2026-02-11");
        Assert.True(same > three && three > 0, $"same day {same}, three days {three}");
        Assert.Equal(-1, Score("2026-02-09"));
    }

    [Fact]
    public void Entities_count_only_when_both_sides_have_them()
    {
        const string terms = "lawin:2 tirol:1 sellraintal:1 bergrett:1";
        var withEntities = StoryFeatures.Decide(Doc("2026-02-14", terms, "tirol|innsbruck"),
            [.. Week(10), Cand("c", "C", "2026-02-14", terms, "tirol|innsbruck", seq: 50)], StoryScoring.Default);
        var without = StoryFeatures.Decide(Doc("2026-02-14", terms),
            [.. Week(10), Cand("c", "C", "2026-02-14", terms, "tirol|innsbruck", seq: 50)], StoryScoring.Default);
        Assert.NotNull(withEntities);
        Assert.Contains("entities 1.00 (shared: ", withEntities.Reason, StringComparison.Ordinal);
        Assert.NotNull(without);
        Assert.Contains("entities not compared", without.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_article_without_a_date_or_terms_is_never_clustered()
    {
        var c = Cand("c", "C", "2026-02-14", "lawin:2 tirol:1");
        Assert.Null(StoryFeatures.Decide(new StoryDoc("x", null, StoryFeatures.ParseTerms("lawin:2 tirol:1"), []), [c], StoryScoring.Default));
        Assert.Null(StoryFeatures.Decide(Doc("2026-02-14", ""), [c], StoryScoring.Default));
    }

    [Fact]
    public void Term_counts_round_trip_and_bare_terms_count_once()
    {
        var terms = StoryFeatures.TopTerms("Sturmtief Xenia", "Das Sturmtief Xenia hat den Verkehr lahmgelegt. Xenia zog weiter.");
        Assert.Equal(terms, StoryFeatures.ParseTerms(StoryFeatures.FormatTerms(terms)));
        Assert.Contains(terms, t => t.Term == "xenia" && t.Count == 4); // the headline counts twice, and the body names it twice
        Assert.Equal([new TermCount("alt", 1), new TermCount("neu", 3)], StoryFeatures.ParseTerms("alt neu:3"));
    }

    [Fact]
    public void Entity_keys_add_surnames_and_compound_heads_and_skip_the_dateline()
    {
        const string text = "MÜNCHEN (dpa-AFX) - Siemens-Chef Roland Busch sprach in München.";
        StoredEntity E(string s, string type)
        {
            int at = text.IndexOf(s, StringComparison.Ordinal);
            return new StoredEntity(at, at + s.Length, s, type, EntityFlags.None, 0, 0.9);
        }
        var keys = StoryFeatures.EntityKeys([E("MÜNCHEN", "LOC"), E("dpa-AFX", "ORG"), E("Siemens-Chef", "ORG"), E("Roland Busch", "PER"), E("München", "LOC")],
            new TextRange(0, text.IndexOf(" - ", StringComparison.Ordinal) + 2));
        Assert.Equal(["busch", "münchen", "roland busch", "siemens", "siemens-chef"], keys);
    }
}
