using Xunit;

namespace Depesche.Storage.Tests;

public sealed class StoryEvaluatorTests
{
    private static readonly Dictionary<string, string> Gold = new()
    {
        ["a1"] = "A", ["a2"] = "A", ["a3"] = "A",
        ["b1"] = "B", ["b2"] = "B",
        ["c1"] = "C",
    };

    [Fact]
    public void Perfect_clustering_scores_one()
    {
        var s = StoryEvaluator.BCubed(Gold, id => Gold[id]);
        Assert.Equal((1.0, 1.0, 1.0), (s.Precision, s.Recall, s.F1));
        Assert.Equal(3, s.PredictedStories);
    }

    [Fact]
    public void All_singletons_have_full_precision_and_low_recall()
    {
        var s = StoryEvaluator.BCubed(Gold, _ => null);
        Assert.Equal(1.0, s.Precision);
        // Recall per article: a: 1/3 each, b: 1/2 each, c: 1 → (1 + 1 + 1) / 6.
        Assert.Equal(0.5, s.Recall);
    }

    [Fact]
    public void One_big_cluster_has_full_recall_and_low_precision()
    {
        var s = StoryEvaluator.BCubed(Gold, _ => "all");
        Assert.Equal(1.0, s.Recall);
        // Precision per article: a: 3/6, b: 2/6, c: 1/6 → (3·3 + 2·2 + 1) / 36 / 6 ... = 14/36.
        Assert.Equal(Math.Round(14.0 / 36, 4), s.Precision);
    }

    [Fact]
    public void Scores_the_stories_of_a_store()
    {
        using var folder = new TempFolder();
        using var store = ArticleStore.Open(folder.Path);
        var strike = store.Put(TestArticles.Strike());
        var roundup = store.Put(TestArticles.StrikeRoundup());
        var other = store.Put(TestArticles.OtherStrike());
        var gold = new Dictionary<string, string> { [strike.Id] = "lufthansa", [roundup.Id] = "lufthansa", [other.Id] = "bahn" };
        Assert.Equal(1.0, StoryEvaluator.BCubed(gold, store).F1);
    }
}
