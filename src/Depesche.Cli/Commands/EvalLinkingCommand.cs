using Depesche.Core;
using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Core.Json;
using Depesche.Knowledge;
using Depesche.Knowledge.Evaluation;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche eval linking --gold DIR [--json]</c>: mention-level linking accuracy and B-cubed F1 over a gold set.
/// Links the gold mentions (the NER is measured separately), so the figure is linking alone.
/// </summary>
public static class EvalLinkingCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "The gold folder.", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root(), "tests", "gold", "linking") };
        var kbDir = new Option<string?>("--kb") { Description = "A KB folder written by 'kb build' (default: the curated KB built in)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var predicted = new Option<bool>("--predicted") { Description = "Link the real tokenizer's and NER's mentions instead of the gold ones (end to end)." };
        var c = new Command("linking", "Entity linking accuracy and B-cubed F1 against gold mentions.") { gold, kbDir, json, predicted };
        c.SetAction(parse =>
        {
            var dir = parse.GetValue(gold)!;
            if (!Directory.Exists(dir)) throw new CliException($"gold folder '{dir}' does not exist", ExitCodes.IoError);
            KnowledgeBase kb;
            try { kb = parse.GetValue(kbDir) is { } k ? KnowledgeBase.Load(k) : KnowledgeBase.LoadDefault(); }
            catch (Exception ex) when (ex is FormatException or DirectoryNotFoundException) { throw new CliException(ex.Message, ExitCodes.IoError); }
            LinkingReport report;
            Func<Article, Analysis>? analyse = null;
            if (parse.GetValue(predicted))
            {
                var before = PipelineFactory.UpTo(LinkingStage.StageId);
                analyse = a => before.Run(a);
            }
            try { report = LinkingEvaluator.Evaluate(GoldSet.Load(dir), new LinkingStage(kb), analyse); }
            catch (FormatException ex) { throw new CliException(ex.Message, ExitCodes.IoError); }
            if (parse.GetValue(json))
            {
                using var ms = new MemoryStream();
                using (var w = new Utf8JsonWriter(ms, AnalysisJson.WriterOptions(indented: true))) Write(w, report);
                console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                return ExitCodes.Ok;
            }
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"linking ({report.Mode}): {report.Documents} documents, {report.Mentions} mentions"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"accuracy     {report.Accuracy:P2} ({report.Correct}/{report.Mentions})"));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"B-cubed      P {report.BCubedPrecision:F4}  R {report.BCubedRecall:F4}  F1 {report.BCubedF1:F4}"));
            foreach (var (type, (ok, total)) in report.ByType)
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {type,-4} {ok}/{total}"));
            foreach (var e in report.Errors)
                console.Out.WriteLine($"  error {e.Document} [{e.Start},{e.End}) '{e.Surface}': expected {e.Expected}, got {e.Predicted}");
            return ExitCodes.Ok;
        });
        return c;
    }

    private static void Write(Utf8JsonWriter w, LinkingReport r)
    {
        w.WriteStartObject();
        w.WriteString("mode", r.Mode);
        w.WriteNumber("documents", r.Documents);
        w.WriteNumber("mentions", r.Mentions);
        w.WriteNumber("correct", r.Correct);
        w.WriteNumber("accuracy", Math.Round(r.Accuracy, 4));
        w.WriteStartObject("bcubed");
        w.WriteNumber("precision", Math.Round(r.BCubedPrecision, 4));
        w.WriteNumber("recall", Math.Round(r.BCubedRecall, 4));
        w.WriteNumber("f1", Math.Round(r.BCubedF1, 4));
        w.WriteEndObject();
        w.WriteStartObject("byType");
        foreach (var (type, (ok, total)) in r.ByType)
        {
            w.WriteStartObject(type);
            w.WriteNumber("correct", ok);
            w.WriteNumber("total", total);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("errors");
        foreach (var e in r.Errors)
        {
            w.WriteStartObject();
            w.WriteString("document", e.Document);
            w.WriteNumber("start", e.Start);
            w.WriteNumber("end", e.End);
            w.WriteString("text", e.Surface);
            w.WriteString("expected", e.Expected);
            w.WriteString("predicted", e.Predicted);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
