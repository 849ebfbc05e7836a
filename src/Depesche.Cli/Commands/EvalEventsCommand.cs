using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Core.Json;
using Depesche.Events.Evaluation;
using Depesche.Ingest;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche eval events --gold DIR [--json] [--errors]</c>: the event layer, over the full default pipeline, against
/// the events gold set. Tuple P/R/F1 on (type, actors, place, date, status) and each element's accuracy.
/// </summary>
public static class EvalEventsCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "The gold folder (NNN.txt + NNN.json).", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root(), "tests", "gold", "events") };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON (figures 0-100)." };
        var errors = new Option<bool>("--errors") { Description = "Also list missed, partial and spurious events." };
        var c = new Command("events", "Event tuples (type, actors, place, date, status): precision, recall, F1 and per-element accuracy.") { gold, json, errors };
        c.SetAction(parse =>
        {
            var dir = parse.GetValue(gold)!;
            if (!Directory.Exists(dir)) throw new CliException($"gold folder '{dir}' does not exist", ExitCodes.IoError);
            EventReport report;
            try { report = Run(dir); }
            catch (FormatException ex) { throw new CliException(ex.Message, ExitCodes.IoError); }
            bool withErrors = parse.GetValue(errors);
            if (parse.GetValue(json))
            {
                using var ms = new MemoryStream();
                using (var w = new Utf8JsonWriter(ms, AnalysisJson.WriterOptions(indented: true))) Write(w, report, withErrors);
                console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                return ExitCodes.Ok;
            }
            var o = console.Out;
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"events: {report.Documents} documents, {report.Gold} gold / {report.Predicted} predicted events"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"tuple        P {100 * report.Precision:F2}  R {100 * report.Recall:F2}  F1 {100 * report.F1:F2}  ({report.TupleCorrect} exact)"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"detection    P {100 * report.DetectionPrecision:F2}  R {100 * report.DetectionRecall:F2}  F1 {100 * report.DetectionF1:F2}  ({report.Aligned} aligned by type)"));
            o.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"accuracy     actors {100 * report.ActorsAccuracy:F2}  place {100 * report.PlaceAccuracy:F2}  date {100 * report.DateAccuracy:F2}  status {100 * report.StatusAccuracy:F2}  (of aligned)"));
            if (withErrors)
                foreach (var e in report.Errors)
                    o.WriteLine($"  {e.Document} {e.Kind,-8} gold: {e.Gold ?? "-"}  |  got: {e.Predicted ?? "-"}");
            return ExitCodes.Ok;
        });
        return c;
    }

    /// <summary>Reads the gold folder and scores the default pipeline on it (also used by the gate).</summary>
    public static EventReport Run(string dir)
    {
        var pipeline = PipelineFactory.Default();
        return EventEvaluator.Evaluate(EventGoldSet.Load(dir), g => pipeline.Run(ToArticle(g)));
    }

    /// <summary>The gold text read as the wire reader reads it; the gold date fills in when the text has no date prefix.</summary>
    public static Article ToArticle(GoldEventArticle g)
    {
        var a = WireTextParser.Parse(g.Text, new SourceLocation(g.Id + ".txt"));
        if (a.Source.Published is null && g.Published is { } d) a = a with { Source = a.Source with { Published = new PublicationTime(d) } };
        return a;
    }

    private static void Write(Utf8JsonWriter w, EventReport r, bool withErrors)
    {
        static double P(double v) => Math.Round(100 * v, 2);
        w.WriteStartObject();
        w.WriteNumber("documents", r.Documents);
        w.WriteNumber("gold", r.Gold);
        w.WriteNumber("predicted", r.Predicted);
        w.WriteNumber("exact", r.TupleCorrect);
        w.WriteNumber("precision", P(r.Precision));
        w.WriteNumber("recall", P(r.Recall));
        w.WriteNumber("f1", P(r.F1));
        w.WriteStartObject("detection");
        w.WriteNumber("aligned", r.Aligned);
        w.WriteNumber("precision", P(r.DetectionPrecision));
        w.WriteNumber("recall", P(r.DetectionRecall));
        w.WriteNumber("f1", P(r.DetectionF1));
        w.WriteEndObject();
        w.WriteStartObject("accuracy");
        w.WriteNumber("actors", P(r.ActorsAccuracy));
        w.WriteNumber("place", P(r.PlaceAccuracy));
        w.WriteNumber("date", P(r.DateAccuracy));
        w.WriteNumber("status", P(r.StatusAccuracy));
        w.WriteEndObject();
        if (withErrors)
        {
            w.WriteStartArray("errors");
            foreach (var e in r.Errors)
            {
                w.WriteStartObject();
                w.WriteString("document", e.Document);
                w.WriteString("kind", e.Kind);
                if (e.Gold is null) w.WriteNull("gold"); else w.WriteString("gold", e.Gold);
                if (e.Predicted is null) w.WriteNull("predicted"); else w.WriteString("predicted", e.Predicted);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }
}
