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
    /// The recipe of the shipped model over a <c>shared/data</c> folder: GermEval 2014 dev (×6) + SmartData (all
    /// sources) + Europeana Newspapers NER, the last two partially labelled; licence-clean gazetteers with first names
    /// and demonyms; clusters from Wikinews (SpkAtt texts), SmartData, Bundestag debates (SpkAtt GePaDe texts),
    /// Europeana and HIPE newseye/sonar text; four mixed perceptron runs. Each choice is measured in docs/ner.md.
    /// </summary>
    public static NerTrainingOptions ShippedRecipe(string sharedData, int folds = 0)
    {
        string D(params string[] parts) => Path.Combine([sharedData, .. parts]);
        var europeana = new[] { "enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio" }.Select(f => D("europeana-ner-de", f)).ToList();
        var hipe = new[] { "newseye-dev", "newseye-dev2", "sonar-dev" }.Select(s => D("hipe2022-de", $"HIPE-2022-v2.1-{s}-de.tsv"));
        return new()
        {
            GermEvalFiles = [D("germeval2014", "NER-de-dev.tsv")],
            SmartDataFile = D("smartdata", "smartdata-v1-train-minus-v3-devtest.jsonl.gz"),
            HistoricFiles = europeana,
            GazetteerDir = D("gazetteers"),
            ClusterCorpora = [D("spkatt2023-news"), D("smartdata", "smartdata-v1-train-minus-v3-devtest.jsonl.gz"), D("spkatt2023"), .. europeana, .. hipe],
            Folds = folds,
            Hyper = new NerHyperParameters
            {
                Version = "germeval14dev+smartdata+europeana.2",
                Features = FeatureSet.Version2,
                PrimaryRepeat = 6,
                Mix = 4,
            },
        };
    }

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
