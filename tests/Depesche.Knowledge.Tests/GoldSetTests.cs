using Depesche.Knowledge.Evaluation;
using Depesche.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Depesche.Knowledge.Tests;

/// <summary>The linking gold set (tests/gold/linking): size, format, and the accuracy floor given gold mentions.</summary>
public class GoldSetTests(ITestOutputHelper output)
{
    private static string GoldDir => Path.Combine(SharedData.RepoRoot, "tests", "gold", "linking");

    [Fact]
    public void Gold_set_has_at_least_25_articles_and_300_mentions()
    {
        var gold = GoldSet.Load(GoldDir);
        Assert.True(gold.Length >= 25, $"{gold.Length} articles");
        Assert.True(gold.Sum(d => d.Mentions.Length) >= 300, $"{gold.Sum(d => d.Mentions.Length)} mentions");
        Assert.All(gold, d => Assert.NotNull(d.Date));
        foreach (var d in gold)
            foreach (var m in d.Mentions)
                Assert.Equal(m.Surface, d.Text[m.Start..m.End]);
    }

    [Fact]
    public void Every_gold_kb_id_exists_in_the_curated_kb()
    {
        var gold = GoldSet.Load(GoldDir);
        var missing = gold.SelectMany(d => d.Mentions).SelectMany(m => m.Expected)
            .Where(id => !id.StartsWith('@') && Fixture.Kb.Get(id) is null).Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Linking_given_gold_mentions_reaches_95_percent()
    {
        var report = LinkingEvaluator.Evaluate(GoldSet.Load(GoldDir), Fixture.Stage);
        output.WriteLine($"{report.Mode}: {report.Documents} docs, {report.Mentions} mentions, accuracy {report.Accuracy:P2}, " +
                         $"B3 P {report.BCubedPrecision:F4} R {report.BCubedRecall:F4} F1 {report.BCubedF1:F4}, {report.LinkMicrosecondsPerDocument:F0} µs/doc");
        foreach (var (type, (ok, total)) in report.ByType) output.WriteLine($"  {type}: {ok}/{total}");
        foreach (var e in report.Errors) output.WriteLine($"  {e.Document} '{e.Surface}': expected {e.Expected}, got {e.Predicted}");
        Assert.Equal(LinkingEvaluator.GoldMentionsMode, report.Mode);
        Assert.True(report.Accuracy >= 0.95, $"accuracy {report.Accuracy:P2}");
        Assert.True(report.BCubedF1 >= 0.95, $"B3 F1 {report.BCubedF1:F4}");
    }
}
