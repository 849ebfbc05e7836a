using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Depesche.Cli.Eval;
using Depesche.Cli.Infrastructure;
using Depesche.Core.Json;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche eval stories --gold DIR [--json]</c>: B-cubed precision, recall and F1 of story clustering over a gold
/// set, ingested in publication order with the full pipeline into a temporary store; every wrongly joined or split
/// pair with the recorded reasons. Also reports the tuning half (even stories) and the held-out half (odd stories).
/// </summary>
public static class EvalStoriesCommand
{
    public static Command Create(CliConsole console)
    {
        var gold = new Option<string>("--gold") { Description = "The gold folder: one sub-folder per story.", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root(), "tests", "gold", "stories") };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var c = new Command("stories", "Story clustering B-cubed P/R/F1 against gold stories, with the wrongly joined and split pairs.") { gold, json };
        c.SetAction(parse =>
        {
            var articles = StoryGold.Load(parse.GetValue(gold)!);
            var pipeline = PipelineFactory.Default();
            var reports = StoryGold.Parts(articles, a => pipeline.Run(a));
            if (parse.GetValue(json))
            {
                using var ms = new MemoryStream();
                using (var w = new Utf8JsonWriter(ms, AnalysisJson.WriterOptions(indented: true))) Write(w, reports);
                console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
                return ExitCodes.Ok;
            }
            foreach (var r in reports)
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{Label(r.Part),-24} {r.Scores.Articles,3} articles, {r.Scores.GoldStories,2} gold stories, {r.Scores.PredictedStories,2} predicted   B-cubed P {r.Scores.Precision:F4}  R {r.Scores.Recall:F4}  F1 {r.Scores.F1:F4}"));
            var all = reports[0];
            if (all.Errors.Count > 0) console.Out.WriteLine($"\nwrongly clustered pairs (all): {all.Errors.Count}");
            foreach (var e in all.Errors)
            {
                console.Out.WriteLine($"  {(e.Kind == PairErrorKind.WronglyJoined ? "joined" : "split ")} {all.ById[e.FirstId].File}  ~  {all.ById[e.SecondId].File}");
                console.Out.WriteLine($"      {all.ById[e.FirstId].File}: {Reason(e.FirstLink)}");
                console.Out.WriteLine($"      {all.ById[e.SecondId].File}: {Reason(e.SecondLink)}");
            }
            return ExitCodes.Ok;
        });
        return c;
    }

    private static string Label(string part) => part switch { "tune" => "tune (even stories)", "heldOut" => "held out (odd stories)", _ => part };

    private static string Reason(ArticleLink? l) => l is null ? "started its own story" : $"{LinkKinds.Name(l.Kind)} {l.ToId}: {l.Reason}";

    private static void Write(Utf8JsonWriter w, IReadOnlyList<StoryGoldReport> reports)
    {
        var all = reports[0];
        w.WriteStartObject();
        WriteScores(w, all.Scores);
        w.WriteStartObject("parts");
        foreach (var r in reports)
        {
            w.WriteStartObject(r.Part);
            WriteScores(w, r.Scores);
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("errors");
        foreach (var e in all.Errors)
        {
            w.WriteStartObject();
            w.WriteString("kind", e.Kind == PairErrorKind.WronglyJoined ? "wrongly-joined" : "wrongly-split");
            WriteSide(w, "first", all.ById[e.FirstId], e.FirstStory, e.FirstLink);
            WriteSide(w, "second", all.ById[e.SecondId], e.SecondStory, e.SecondLink);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteScores(Utf8JsonWriter w, StoryScores s)
    {
        w.WriteNumber("articles", s.Articles);
        w.WriteNumber("goldStories", s.GoldStories);
        w.WriteNumber("predictedStories", s.PredictedStories);
        w.WriteNumber("bcubedPrecision", s.Precision);
        w.WriteNumber("bcubedRecall", s.Recall);
        w.WriteNumber("bcubedF1", s.F1);
    }

    private static void WriteSide(Utf8JsonWriter w, string name, GoldStoryArticle g, string story, ArticleLink? link)
    {
        w.WriteStartObject(name);
        w.WriteString("id", g.Article.Id);
        w.WriteString("file", g.File.Replace('\\', '/'));
        w.WriteString("goldStory", g.Story);
        w.WriteString("predictedStory", story);
        if (link is null) w.WriteNull("link");
        else
        {
            w.WriteStartObject("link");
            w.WriteString("kind", LinkKinds.Name(link.Kind));
            w.WriteString("to", link.ToId);
            w.WriteNumber("score", link.Score);
            w.WriteString("reason", link.Reason);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }
}
