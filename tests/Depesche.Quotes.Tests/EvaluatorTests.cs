using System.Text;
using Depesche.Core;
using Depesche.Quotes.Evaluation;
using Xunit;

namespace Depesche.Quotes.Tests;

public class EvaluatorTests
{
    [Fact]
    public void Hungarian_finds_the_optimum_where_greedy_would_not()
    {
        // Greedy takes (0,0)=0.9 then (1,1)=0.1 for 1.0; the optimum is (0,1)+(1,0) = 1.5.
        var assign = Hungarian.Maximize(new double[,] { { 0.9, 0.8 }, { 0.7, 0.1 } });
        Assert.Equal([1, 0], assign);
    }

    [Fact]
    public void Hungarian_handles_rectangular_matrices_both_ways()
    {
        Assert.Equal([2, 0], Hungarian.Maximize(new double[,] { { 0.1, 0.2, 0.9 }, { 0.8, 0.1, 0.3 } }));
        Assert.Equal([-1, 0, 1], Hungarian.Maximize(new double[,] { { 0.1, 0.0 }, { 0.5, 0.2 }, { 0.4, 0.9 } }));
        Assert.Empty(Hungarian.Maximize(new double[0, 3]));
        Assert.Equal([-1, -1], Hungarian.Maximize(new double[2, 0]));
    }

    [Fact]
    public void Hungarian_three_by_three_optimum()
    {
        var m = new double[,] { { 7, 5, 11 }, { 5, 4, 1 }, { 9, 3, 2 } };
        // Optimum 11 + 4 + 9 = 24: rows → columns 2, 1, 0.
        Assert.Equal([2, 1, 0], Hungarian.Maximize(m));
    }

    private static SpeechEvent E(int[] msg, int[] src, string form = "Indirect", bool nested = false) => SpeechEvent.Create(msg, src, form, "Speech", nested);

    [Fact]
    public void Scores_are_macro_averages_over_events_and_roles()
    {
        var gold = new[]
        {
            E([0, 1, 2, 3], [4]),
            E([10, 11, 12, 13], [14, 15]),
            E([20], [21], nested: true),   // nested: ignored in subtask 2
        };
        var pred = new[]
        {
            E([1, 2, 3], [4]),     // pairs with gold 1: msg P 1 R .75, source P 1 R 1
            E([10, 11], [16]),     // pairs with gold 2: msg P 1 R .5, source P 0 R 0
            E([30, 31], []),       // unpaired: msg P 0, no source (undefined, not counted)
        };
        var s = QuoteEvaluator.Score([(gold, pred)]);
        Assert.Equal(2, s.GoldEvents);
        Assert.Equal(3, s.PredictedEvents);
        Assert.Equal(2, s.PairedEvents);
        Assert.Equal(200.0 / 3, s.Message.Precision, 6);
        Assert.Equal(62.5, s.Message.Recall, 6);
        Assert.Equal(64.516129, s.MessageF1, 5);
        Assert.Equal(50.0, s.SourceF1, 6);
        Assert.Equal(60.0, s.Joint.Precision, 6);     // (1 + 1 + 0 + 1 + 0) / 5
        Assert.Equal(56.25, s.Joint.Recall, 6);       // (.75 + .5 + 1 + 0) / 4
        Assert.Equal(58.064516, s.JointF1, 5);
    }

    [Fact]
    public void Like_the_shared_task_scorer_every_event_of_the_smaller_side_is_paired_even_without_overlap()
    {
        var s = QuoteEvaluator.Score([([E([0, 1], [9])], [E([5, 6], [9])])]);
        Assert.Equal(1, s.PairedEvents);
        Assert.Equal(0, s.MessageF1);
        Assert.Equal(100, s.SourceF1);
    }

    [Fact]
    public void Pairing_uses_overlap_then_form_as_tie_breaker()
    {
        // Both predictions overlap the gold message equally; the one with the same form is paired, the other is a false positive.
        var gold = new[] { E([0, 1, 2, 3], [8], "Direct") };
        var pred = new[] { E([0, 1], [7], "Indirect"), E([2, 3], [8], "Direct") };
        var s = QuoteEvaluator.Score([(gold, pred)]);
        Assert.Equal(100, s.Source.Recall);
    }

    [Fact]
    public void Perfect_prediction_scores_100()
    {
        var gold = new[] { E([0, 1, 2], [3]), E([5, 6], []) };
        var s = QuoteEvaluator.Score([(gold, gold)]);
        Assert.Equal(100, s.MessageF1);
        Assert.Equal(100, s.SourceF1);
        Assert.Equal(100, s.JointF1);
    }

    [Fact]
    public void Splits_take_every_fifth_document_as_dev_and_the_rest_as_tune()
    {
        var docs = Enumerable.Range(0, 10).Select(i => new SpkAttDocument($"d{i}", [], [])).ToList();
        Assert.Equal(["d4", "d9"], SpkAttEvaluation.Split(docs, "dev").Select(d => d.Name));
        Assert.Equal(8, SpkAttEvaluation.Split(docs, "tune").Count());
        Assert.Equal(10, SpkAttEvaluation.Split(docs, "all").Count());
        Assert.Throws<ArgumentException>(() => SpkAttEvaluation.Split(docs, "test"));
    }

    [Fact]
    public void Error_report_shows_each_gold_event_with_its_pairing_and_the_losses_per_form()
    {
        const string json = """
            {"DocumentName":"1 - Test (2020-01-01)","Sentences":[{"SentenceId":0,"Tokens":["Er","sagte",",","es","sei","gut","."]},
             {"SentenceId":1,"Tokens":["Die","Stadt","plant","einen","Park","."]}],
             "Annotations":[{"Cue":["0:1"],"Source":["0:0"],"Message":["0:3","0:4","0:5"],"Form":"Indirect","STWR":"Speech","IsNested":false},
                            {"Cue":[],"Source":[],"Message":["1:0","1:1","1:2","1:3","1:4"],"Form":"Reported","STWR":"Speech","IsNested":false}]}
            """;
        var doc = SpkAttCorpus.Parse(Encoding.UTF8.GetBytes(json));
        var w = new StringWriter();
        SpkAttErrorReport.Write(w, [doc]);
        var lines = w.ToString().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("OK   Indirect→Indirect m=1.00 s=1.00 | G: es sei gut || Er", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("MISS Reported→- ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("S1: Die Stadt plant einen Park .", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.TrimStart().StartsWith("Reported", StringComparison.Ordinal) && l.Contains("0 /     1", StringComparison.Ordinal));
    }

    [Fact]
    public void Reads_task2_json_with_absolute_token_ids()
    {
        const string json = """
            {"DocumentName":"1 - Test (2020-01-01)","Sentences":[{"SentenceId":0,"Tokens":["Er","sagte",",","es","sei","gut","."]},
             {"SentenceId":1,"Tokens":["„","Ja","“",",","sagte","sie","."]}],
             "Annotations":[{"Cue":["0:1"],"Source":["0:0"],"Message":["0:3","0:4","0:5"],"Addr":[],"Form":"Indirect","STWR":"Speech","IsNested":false},
                            {"Cue":["1:4"],"Source":["1:5"],"Message":["1:0","1:1","1:2"],"Form":"Direct","STWR":"Speech","IsNested":false}]}
            """;
        var doc = SpkAttCorpus.Parse(Encoding.UTF8.GetBytes(json));
        Assert.Equal(2, doc.Gold.Length);
        Assert.Equal([3, 4, 5], doc.Gold[0].Message.ToArray());
        Assert.Equal([12], doc.Gold[1].Source.ToArray());
        var a = doc.ToAnalysis();
        Assert.Equal("Er sagte , es sei gut . „ Ja “ , sagte sie .", a.Text);
        Assert.Equal(14, a.Tokens.Count);
        Assert.Equal(2, a.Sentences.Count);
        Assert.Equal("sie", a.Tokens.TextOf(12).ToString());

        // The rules on this toy document reach the gold exactly.
        var e = new QuoteEvaluator();
        e.Add(doc.Gold, SpkAttEvaluation.ToEvents(new QuoteStage().Find(a), a.Tokens));
        Assert.Equal(100, e.Result().JointF1);
    }
}
