using Depesche.Entities.Ner;
using Xunit;

namespace Depesche.Entities.Tests;

public class EvaluatorTests
{
    private static int[] T(params string[] tags) => tags.Select(NerLabels.TagId).ToArray();

    private static GoldSentence G(int[] outer, int[]? inner = null) =>
        new(Enumerable.Range(0, outer.Length).Select(i => "w" + i).ToArray(), outer, inner);

    [Fact]
    public void Strict_outer_scores_count_suffixes_and_exact_spans()
    {
        var gold = new[]
        {
            // Gold: PER [0,2), LOCderiv [3,4), ORG [5,6) with an inner LOC.
            G(T("B-PER", "I-PER", "O", "B-LOCderiv", "O", "B-ORG"), T("O", "O", "O", "O", "O", "B-LOC")),
            // Gold: OTH [0,1).
            G(T("B-OTH", "O", "O")),
        };
        var pred = new[]
        {
            T("B-PER", "I-PER", "O", "B-LOC", "O", "B-ORG"),   // PER right, LOC wrong suffix (right coarse), ORG right
            T("B-OTH", "I-OTH", "B-PER"),                       // OTH wrong span, spurious PER
        };
        var s = NerEvaluator.Score(gold, pred);
        // 5 predicted, 4 gold, 2 strictly correct: P 40, R 50, F1 44.44.
        Assert.Equal(40.0, s.Precision);
        Assert.Equal(50.0, s.Recall);
        Assert.Equal(44.44, s.F1);
        // Coarse: LOC matches LOCderiv → 3 correct: P 60, R 75, F1 66.67.
        Assert.Equal(66.67, s.F1Coarse);
        // Combined (official ranking): inner LOC gold counts, nothing predicted inside: P 40, R 2/5 = 40.
        Assert.Equal(40.0, s.Combined.Recall);
        Assert.Equal(40.0, s.Combined.F1);
        Assert.Equal(100.0, s.ByType["PER"].Recall);
        Assert.Equal(50.0, s.ByType["PER"].Precision);
        Assert.Equal(0.0, s.ByType["LOCderiv"].F1);
        Assert.Equal(1, s.ByType["LOC"].Predicted);
        Assert.Equal(2, s.Sentences);
        Assert.Equal(9, s.Tokens);
    }

    [Fact]
    public void Empty_prediction_scores_zero_without_dividing_by_zero()
    {
        var s = NerEvaluator.Score([G(T("B-PER", "O"))], [T("O", "O")]);
        Assert.Equal(0.0, s.Precision);
        Assert.Equal(0.0, s.Recall);
        Assert.Equal(0.0, s.F1);
    }

    [Fact]
    public void Json_has_the_agreed_keys()
    {
        var s = NerEvaluator.Score([G(T("B-PER", "O"))], [T("B-PER", "O")]);
        var json = s.ToJson();
        foreach (var key in new[] { "\"precision\"", "\"recall\"", "\"f1\"", "\"f1Coarse\"", "\"byType\"" })
            Assert.Contains(key, json);
        Assert.Equal(100.0, s.F1);
    }

    [Fact]
    public void Coarse_only_view_drops_oth_deriv_and_part()
    {
        var r = NerEvaluator.DropNonCoarse(T("B-PER", "B-LOCderiv", "B-OTH", "I-OTH", "B-ORGpart", "B-ORG"));
        Assert.Equal(T("B-PER", "O", "O", "O", "O", "B-ORG"), r);
    }

    [Fact]
    public void Coarse_only_evaluation_ignores_deriv_and_part_on_both_sides()
    {
        // Gold has a LOCderiv the tagger cannot be asked for in this view; the one plain PER is found.
        var gold = G(T("B-PER", "O", "B-LOCderiv"));
        var (model, _) = NerTrainer.Train([gold], Gazetteer.Empty, WordClusters.Empty, new NerHyperParameters { Epochs = 5, RowBits = 12 });
        var s = NerEvaluator.EvaluateCoarseOnly(model, [gold]);
        Assert.Equal(1, s.ByType["PER"].Gold);
        Assert.False(s.ByType.ContainsKey("LOCderiv"));
        Assert.Equal(100.0, s.F1);
    }
}
