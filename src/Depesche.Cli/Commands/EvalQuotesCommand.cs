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
        var split = new Option<string>("--split")
        {
            Description = "Which files of the folder (sorted by ordinal name): all, dev (every fifth) or tune (the rest; tune rules here only).",
            DefaultValueFactory = _ => "all",
        };
        split.AcceptOnlyFromAmong("all", "dev", "tune");
        var errors = new Option<string?>("--errors") { Description = "Also write an error report to this file: each gold event with its paired prediction, unpaired predictions, counts per form." };
        var c = new Command("quotes", "Score quotes as SpkAtt subtask 2 does: Source and Message, non-nested, macro F1.") { gold, json, split, errors };
        c.SetAction(parse =>
        {
            var dir = parse.GetValue(gold)!;
            if (!Directory.Exists(dir)) throw new CliException($"no such folder: {dir}", ExitCodes.IoError);
            var docs = SpkAttEvaluation.Split(SpkAttCorpus.LoadFolder(dir), parse.GetValue(split)!).ToList();
            var s = SpkAttEvaluation.Evaluate(docs);
            if (parse.GetValue(errors) is { } report)
            {
                using var w = new StreamWriter(report);
                SpkAttErrorReport.Write(w, docs);
            }
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
