using System.CommandLine;
using System.Globalization;
using Depesche.Cli.Infrastructure;
using Depesche.Time;
using Depesche.Time.Evaluation;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche eval time --gold DIR [--mode narrative] [--json]</c>: the time stage against WikiWarsDE-style TIMEX2 gold.</summary>
public static class EvalTimeCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "A WikiWarsDE folder (with keyinline/) or a folder of *.key.xml files.", Required = true };
        var mode = new Option<string>("--mode") { Description = "Anchoring: news (publication date) or narrative (last mentioned date).", DefaultValueFactory = _ => "narrative" };
        mode.AcceptOnlyFromAmong("news", "narrative");
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var c = new Command("time", "Score time expressions: lenient/strict extraction P/R/F1, value accuracy, strict+value F1.") { gold, mode, json };
        c.SetAction(parse =>
        {
            var dir = parse.GetValue(gold)!;
            if (!Directory.Exists(dir)) throw new CliException($"gold folder '{dir}' does not exist", ExitCodes.IoError);
            var docs = WikiWarsReader.ReadDirectory(dir);
            if (docs.Count == 0) throw new CliException($"no *.key.xml files under '{dir}'", ExitCodes.IoError);
            var timeMode = parse.GetValue(mode) == "news" ? TimeMode.News : TimeMode.Narrative;
            var scores = TimeEvaluator.Evaluate(docs, timeMode);
            if (parse.GetValue(json))
            {
                console.Out.WriteLine(scores.ToJson());
                return ExitCodes.Ok;
            }
            console.Out.WriteLine($"{scores.Documents} documents, {scores.Gold} gold, {scores.System} system expressions ({timeMode} mode)");
            console.Out.WriteLine($"{"",-16} {"P",7} {"R",7} {"F1",7}");
            console.Out.WriteLine(Row("lenient", scores.LenientPrecision, scores.LenientRecall, scores.LenientF1));
            console.Out.WriteLine(Row("strict", scores.StrictPrecision, scores.StrictRecall, scores.StrictF1));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"value accuracy {100 * scores.ValueAccuracy,8:F1}"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"strict+value F1 {100 * scores.StrictValueF1,7:F1}"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"lenient+value F1 {100 * scores.LenientValueF1,6:F1}"));
            return ExitCodes.Ok;
        });
        return c;
    }

    private static string Row(string name, double p, double r, double f) =>
        string.Create(CultureInfo.InvariantCulture, $"{name,-16} {100 * p,7:F1} {100 * r,7:F1} {100 * f,7:F1}");
}
