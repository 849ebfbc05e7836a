using Depesche.Core;
using Depesche.Entities.Ner;
using Depesche.Knowledge.Evaluation;
using Depesche.Testing;
using Depesche.Text;
using Xunit;
using Xunit.Abstractions;

namespace Depesche.Knowledge.Tests;

/// <summary>
/// Linking over predicted mentions: the real tokenizer and NER model (models/ner/ner-de.bin, merged from main), scored
/// on the gold set by exact span. Reports the figure; the floor is loose because NER span errors count as linking errors.
/// </summary>
public class EndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public void Linking_over_predicted_mentions()
    {
        var model = Path.Combine(SharedData.RepoRoot, "models", "ner", "ner-de.bin");
        if (!File.Exists(model)) return; // Why: the NER model lands from main; without it there is nothing to measure.
        var ner = new NerStage(NerModel.Load(model));
        var gold = GoldSet.Load(Path.Combine(SharedData.RepoRoot, "tests", "gold", "linking"));
        var report = LinkingEvaluator.Evaluate(gold, Fixture.Stage, article =>
        {
            var split = TokenizerStage.Process(article);
            var a = new Analysis(article).With(split.Tokens).With(split.Sentences);
            foreach (var layer in ner.Run(a)) a = a.With(layer);
            return a;
        });
        output.WriteLine($"{report.Mode}: accuracy {report.Accuracy:P2} ({report.Correct}/{report.Mentions}), B3 F1 {report.BCubedF1:F4}, " +
                         $"no predicted span: {report.Errors.Count(e => e.Predicted == "(no link)")}");
        foreach (var e in report.Errors.Where(e => e.Predicted != "(no link)")) output.WriteLine($"  {e.Document} '{e.Surface}': {e.Expected} vs {e.Predicted}");
        Assert.Equal(LinkingEvaluator.PredictedMentionsMode, report.Mode);
        Assert.True(report.Accuracy > 0.5, $"accuracy {report.Accuracy:P2}");
    }
}
