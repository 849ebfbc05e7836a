using System.CommandLine;
using System.Globalization;
using Depesche.Cli.Infrastructure;
using Depesche.Entities.Ner;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche train ner</c>: trains the NER model with the shipped recipe (docs/ner.md) and writes model + metadata.</summary>
public static class TrainNerCommand
{
    public static Command Create(CliConsole console)
    {
        var data = new Option<string?>("--data") { Description = "The shared data folder (default: ../shared/data beside the repository)." };
        var output = new Option<string>("--out") { Description = "Model file; its metadata goes beside it as .json.", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root(), "models", "ner", "ner-de.bin") };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds over GermEval dev before the final training (0 = none).", DefaultValueFactory = _ => 5 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new NerHyperParameters().Epochs };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed and data give the same model).", DefaultValueFactory = _ => 1 };
        var c = new Command("ner", "Train the German NER tagger (GermEval 2014 dev + SmartData + Europeana, gazetteers, word clusters; docs/ner.md).") { data, output, folds, epochs, seed };
        c.SetAction(parse =>
        {
            var root = parse.GetValue(data) ?? (RepoPaths.Shared() is { } s ? Path.Combine(s, "data") : null)
                ?? throw new CliException("no ../shared folder beside the repository; pass --data", ExitCodes.IoError);
            var recipe = NerCorpus.ShippedRecipe(root, parse.GetValue(folds));
            recipe = recipe with { Hyper = recipe.Hyper with { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed) } };
            var (model, report) = NerTrainer.Train(recipe, console.Error.WriteLine);
            var sdDev = Path.Combine(root, "smartdata", "smartdata-v3-dev.json.gz");
            if (File.Exists(sdDev)) report = report with { SmartDataDev = NerEvaluator.EvaluateCoarseOnly(model, NerCorpus.Load(sdDev, "smartdata", newsOnly: true)) };
            var final = NerCorpus.SaveWithMetadata(model, report, parse.GetValue(output)!);
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"train ner: {final.TrainSentences} sentences, {final.ModelBytes} bytes, CV F1 {final.CrossValidation?.F1.ToString("F2", CultureInfo.InvariantCulture) ?? "—"} -> {parse.GetValue(output)}"));
            return ExitCodes.Ok;
        });
        return c;
    }
}
