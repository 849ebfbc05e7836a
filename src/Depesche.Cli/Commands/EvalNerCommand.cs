using System.CommandLine;
using System.Globalization;
using Depesche.Cli.Infrastructure;
using Depesche.Entities.Ner;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche eval ner --gold FILE</c>: GermEval strict outer P/R/F1 (or PER/LOC/ORG for SmartData) of a NER model.</summary>
public static class EvalNerCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "Gold file: GermEval TSV, or SmartData JSON(L)(.gz) with --format smartdata.", Required = true };
        var format = new Option<string>("--format") { Description = "germeval or smartdata.", DefaultValueFactory = _ => "germeval" };
        var model = new Option<string>("--model") { Description = "Model file.", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root(), "models", "ner", "ner-de.bin") };
        var json = new Option<bool>("--json") { Description = "Print the scores as JSON." };
        var c = new Command("ner", "Score the NER model against gold data (official GermEval metric; SmartData: news PER/LOC/ORG).") { gold, format, model, json };
        c.SetAction(parse =>
        {
            var m = NerModel.Load(parse.GetValue(model)!);
            bool smart = string.Equals(parse.GetValue(format), "smartdata", StringComparison.OrdinalIgnoreCase);
            var sentences = NerCorpus.Load(parse.GetValue(gold)!, parse.GetValue(format)!, newsOnly: smart);
            var s = smart ? NerEvaluator.EvaluateCoarseOnly(m, sentences) : NerEvaluator.Evaluate(m, sentences);
            if (parse.GetValue(json)) { console.Out.WriteLine(s.ToJson()); return ExitCodes.Ok; }
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"label",-10} {"P",7} {"R",7} {"F1",7} {"gold",6}"));
            foreach (var (k, v) in s.ByType)
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{k,-10} {v.Precision,7:F2} {v.Recall,7:F2} {v.F1,7:F2} {v.Gold,6}"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"strict outer: P {s.Precision:F2} R {s.Recall:F2} F1 {s.F1:F2}; coarse F1 {s.F1Coarse:F2}; combined F1 {s.Combined.F1:F2} ({s.Sentences} sentences)"));
            return ExitCodes.Ok;
        });
        return c;
    }
}
