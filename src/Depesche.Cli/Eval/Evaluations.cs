using System.Security.Cryptography;

namespace Depesche.Cli.Eval;

/// <summary>
/// One gated evaluation: a stage's score on visible dev data under <c>../shared/data</c>.
/// <see cref="Run"/> returns named metrics on a 0–100 scale; <see cref="Metric"/> names the one the gate pins.
/// </summary>
public sealed record Evaluation(string Name, string Metric, string DataPath, Func<string, IReadOnlyDictionary<string, double>> Run);

/// <summary>The registry of gated evaluations; stages add theirs here as they land.</summary>
public static class Evaluations
{
    public static IReadOnlyList<Evaluation> All { get; } = Build();

    private static List<Evaluation> Build()
    {
        var list = new List<Evaluation>();
        // Time: WikiWarsDE dev subset, narrative anchoring; the gate pins strict extraction with correct value.
        list.Add(new Evaluation("time.wikiwarsde", "strictValueF1", "data/wikiwarsde", path =>
        {
            var s = Depesche.Time.Evaluation.TimeEvaluator.Evaluate(Depesche.Time.Evaluation.WikiWarsReader.ReadDirectory(path), Depesche.Time.TimeMode.Narrative);
            return new Dictionary<string, double>
            {
                ["lenientF1"] = 100 * s.LenientF1,
                ["strictF1"] = 100 * s.StrictF1,
                ["valueAccuracy"] = 100 * s.ValueAccuracy,
                ["strictValueF1"] = 100 * s.StrictValueF1,
            };
        }));
        // Quotes: SpkAtt 2023 Task 2 (news), our dev split of train (every fifth file); the gate pins joint F1.
        list.Add(new Evaluation("quotes.spkatt", "jointF1", "data/spkatt2023-news/train/task2", path =>
        {
            var docs = Depesche.Quotes.Evaluation.SpkAttCorpus.LoadFolder(path);
            var s = Depesche.Quotes.Evaluation.SpkAttEvaluation.Evaluate(Depesche.Quotes.Evaluation.SpkAttEvaluation.DevSplit(docs));
            return new Dictionary<string, double> { ["messageF1"] = s.MessageF1, ["sourceF1"] = s.SourceF1, ["jointF1"] = s.JointF1 };
        }));
        // NER: held-out SmartData v3 dev news (the model trains on SmartData train only), plain PER/LOC/ORG.
        list.Add(new Evaluation("ner.smartdata-news", "f1", "data/smartdata/smartdata-v3-dev.json.gz", path =>
        {
            var model = Depesche.Entities.Ner.NerModel.Load(Path.Combine(Infrastructure.RepoPaths.Root(), "models", "ner", "ner-de.bin"));
            var s = Depesche.Entities.Ner.NerEvaluator.EvaluateCoarseOnly(model, Depesche.Entities.Ner.NerCorpus.Load(path, "smartdata", newsOnly: true));
            return new Dictionary<string, double> { ["f1"] = s.F1, ["precision"] = s.Precision, ["recall"] = s.Recall };
        }));
        // Linking on our own gold set: given gold mentions (the linker alone), and end to end over the real NER's mentions.
        list.Add(new Evaluation("linking.gold-mentions", "accuracy", "repo:tests/gold/linking", path =>
        {
            var r = Depesche.Knowledge.Evaluation.LinkingEvaluator.Evaluate(Depesche.Knowledge.Evaluation.GoldSet.Load(path), Depesche.Knowledge.LinkingStage.CreateDefault());
            return new Dictionary<string, double> { ["accuracy"] = 100 * r.Accuracy, ["bcubedF1"] = 100 * r.BCubedF1 };
        }));
        list.Add(new Evaluation("linking.pipeline", "accuracy", "repo:tests/gold/linking", path =>
        {
            var analyse = Infrastructure.PipelineFactory.UpTo("link.kb.v1");
            var r = Depesche.Knowledge.Evaluation.LinkingEvaluator.Evaluate(Depesche.Knowledge.Evaluation.GoldSet.Load(path), Depesche.Knowledge.LinkingStage.CreateDefault(), a => analyse.Run(a));
            return new Dictionary<string, double> { ["accuracy"] = 100 * r.Accuracy, ["bcubedF1"] = 100 * r.BCubedF1 };
        }));
        // Events on our own gold set (written by the extractor's authors), over the full default pipeline; the gate pins tuple F1.
        list.Add(new Evaluation("events.gold", "f1", "repo:tests/gold/events", path =>
        {
            var r = Commands.EvalEventsCommand.Run(path);
            return new Dictionary<string, double>
            {
                ["f1"] = 100 * r.F1, ["precision"] = 100 * r.Precision, ["recall"] = 100 * r.Recall, ["detectionF1"] = 100 * r.DetectionF1,
                ["actors"] = 100 * r.ActorsAccuracy, ["place"] = 100 * r.PlaceAccuracy, ["date"] = 100 * r.DateAccuracy, ["status"] = 100 * r.StatusAccuracy,
            };
        }));
        // Story clustering on our own gold set, the full pipeline into a temporary store; the gate pins B-cubed F1 over all stories.
        list.Add(new Evaluation("stories.gold", "bcubedF1", "repo:tests/gold/stories", path =>
        {
            var pipeline = Infrastructure.PipelineFactory.Default();
            var parts = StoryGold.Parts(StoryGold.Load(path), a => pipeline.Run(a));
            return new Dictionary<string, double>
            {
                ["bcubedF1"] = 100 * parts[0].Scores.F1,
                ["bcubedPrecision"] = 100 * parts[0].Scores.Precision,
                ["bcubedRecall"] = 100 * parts[0].Scores.Recall,
                ["tuneF1"] = 100 * parts[1].Scores.F1,
                ["heldOutF1"] = 100 * parts[2].Scores.F1,
            };
        }));
        return list;
    }

    /// <summary>SHA-256 over the relative paths and bytes of every file under a path, in ordinal order.</summary>
    public static string HashData(string path)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        IEnumerable<string> files = File.Exists(path)
            ? [path]
            : Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal);
        foreach (var f in files)
        {
            sha.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(path, f) + "\n"));
            using var s = File.OpenRead(f);
            var buffer = new byte[1 << 16];
            int n;
            while ((n = s.Read(buffer)) > 0) sha.AppendData(buffer.AsSpan(0, n));
        }
        return "sha256:" + Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
