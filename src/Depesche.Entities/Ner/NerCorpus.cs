using System.Text.Json;

namespace Depesche.Entities.Ner;

/// <summary>Entry points the CLI verbs use: gold loading by format, the shipped training recipe, metadata writing.</summary>
public static class NerCorpus
{
    /// <summary>Loads gold sentences: <c>germeval</c> (TSV) or <c>smartdata</c> (JSON/JSONL, optionally gzipped; news documents only when <paramref name="newsOnly"/>).</summary>
    public static List<GoldSentence> Load(string path, string format = "germeval", bool newsOnly = false) => format.ToLowerInvariant() switch
    {
        "germeval" => GermEvalReader.ReadFile(path),
        "smartdata" => SmartDataReader.ReadSentences(path, newsOnly ? d => d.Source == "news" : null),
        _ => throw new ArgumentException($"Unknown gold format '{format}' (germeval, smartdata).", nameof(format)),
    };

    /// <summary>
    /// The recipe of the shipped model over a <c>shared/data</c> folder: GermEval 2014 dev + SmartData (all sources,
    /// partially labelled), licence-clean gazetteers, clusters from Wikinews (SpkAtt texts) and SmartData text.
    /// </summary>
    public static NerTrainingOptions ShippedRecipe(string sharedData, int folds = 0) => new()
    {
        GermEvalFiles = [Path.Combine(sharedData, "germeval2014", "NER-de-dev.tsv")],
        SmartDataFile = Path.Combine(sharedData, "smartdata", "smartdata-v1-train-minus-v3-devtest.jsonl.gz"),
        GazetteerDir = Path.Combine(sharedData, "gazetteers"),
        ClusterCorpora = [Path.Combine(sharedData, "spkatt2023-news"), Path.Combine(sharedData, "smartdata", "smartdata-v1-train-minus-v3-devtest.jsonl.gz")],
        Folds = folds,
        Hyper = new NerHyperParameters { Version = "germeval14dev+smartdata.1" },
    };

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>Saves the model and its metadata JSON (same name, <c>.json</c>) side by side; returns the report as written.</summary>
    public static TrainingReport SaveWithMetadata(NerModel model, TrainingReport report, string modelPath)
    {
        model.Save(modelPath);
        var final = report with { ModelSha256 = model.Fingerprint(), ModelBytes = new FileInfo(modelPath).Length };
        File.WriteAllText(Path.ChangeExtension(modelPath, ".json"), JsonSerializer.Serialize(final, Indented) + "\n");
        return final;
    }
}
