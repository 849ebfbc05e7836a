using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Quotes.Evaluation;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche eval quotes --gold DIR [--json]</c>: the quote stage against GermEval 2023 SpkAtt Task 2 gold.</summary>
public static class EvalQuotesCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "A folder of SpkAtt Task 2 JSON files (e.g. train/task2).", Required = true };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (messageF1, sourceF1, jointF1, …)." };
        var c = new Command("quotes", "Score quotes as SpkAtt subtask 2 does: Source and Message, non-nested, macro F1.") { gold, json };
        c.SetAction(parse =>
        {
            var dir = parse.GetValue(gold)!;
            if (!Directory.Exists(dir)) throw new CliException($"no such folder: {dir}", ExitCodes.IoError);
            var s = SpkAttEvaluation.EvaluateFolder(dir);
            if (parse.GetValue(json))
                console.Out.WriteLine(JsonSerializer.Serialize(new
                {
                    messageF1 = R(s.MessageF1), sourceF1 = R(s.SourceF1), jointF1 = R(s.JointF1),
                    jointPrecision = R(s.Joint.Precision), jointRecall = R(s.Joint.Recall),
                    documents = s.Documents, goldEvents = s.GoldEvents, predictedEvents = s.PredictedEvents,
                }));
            else
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Documents} documents, {s.GoldEvents} gold / {s.PredictedEvents} predicted events\nmessage F1 {s.MessageF1:F2}  source F1 {s.SourceF1:F2}  joint F1 {s.JointF1:F2} (P {s.Joint.Precision:F2} R {s.Joint.Recall:F2})"));
            return ExitCodes.Ok;
        });
        return c;
    }

    private static double R(double v) => Math.Round(v, 2);
}
