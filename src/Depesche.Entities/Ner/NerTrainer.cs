using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Depesche.Entities.Ner;

/// <summary>Hyper-parameters of one training run. Defaults are the shipped model's settings.</summary>
public sealed record NerHyperParameters
{
    public int Epochs { get; init; } = 8;
    public int Seed { get; init; } = 1;
    /// <summary>log2 of the number of hashed feature rows.</summary>
    public int RowBits { get; init; } = 20;
    public FeatureSet Features { get; init; } = FeatureSet.All;
    /// <summary>Structured perceptron (Viterbi in training, learnt transitions) rather than per-token updates.</summary>
    public bool Structured { get; init; } = true;
    /// <summary>How often each primary (GermEval) sentence is presented per epoch relative to the extra corpora.</summary>
    public int PrimaryRepeat { get; init; } = 4;
    /// <summary>
    /// Models trained on different sentence orders (seeds <c>Seed</c>, <c>Seed+1</c>, …) whose averaged weights are
    /// averaged again into one model (parameter mixing). 1 = a single run.
    /// </summary>
    public int Mix { get; init; } = 1;
    /// <summary>Word clusters: fine classes (middle and coarse are a quarter and a fifteenth of it) and the minimum word count.</summary>
    public int ClusterClasses { get; init; } = 600;
    public int ClusterMinCount { get; init; } = 3;
    public string Version { get; init; } = "dev";
}

/// <summary>Where the training data and resources come from (paths); see <see cref="NerTrainer.Train(NerTrainingOptions)"/>.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>GermEval-format TSV files (gold outer tags are used).</summary>
    public IReadOnlyList<string> GermEvalFiles { get; init; } = [];
    /// <summary>SmartData JSON(L)(.gz) file, folded to PER/LOC/ORG; null = none.</summary>
    public string? SmartDataFile { get; init; }
    /// <summary>SmartData document sources to use: news, rss, tweet.</summary>
    public IReadOnlyList<string> SmartDataSources { get; init; } = ["news", "rss", "tweet"];
    /// <summary>Treat SmartData O tokens as possibly OTH/deriv/part (constrained gold decoding).</summary>
    public bool SmartDataPartial { get; init; } = true;
    /// <summary>Historic newspaper NER files, partially labelled PER/LOC/ORG: Europeana <c>.bio</c> (CC0) or HIPE-2022 <c>.tsv</c> (newseye, sonar: CC BY 4.0).</summary>
    public IReadOnlyList<string> HistoricFiles { get; init; } = [];
    /// <summary>The <c>gazetteers</c> folder; null = no gazetteer.</summary>
    public string? GazetteerDir { get; init; }
    public bool ShareAlikeGazetteers { get; init; }
    /// <summary>Unlabelled corpora for word clusters (see <see cref="NerResources.UnlabelledSentences"/>); empty = no clusters.</summary>
    public IReadOnlyList<string> ClusterCorpora { get; init; } = [];
    /// <summary>Number of cross-validation folds over the GermEval sentences (0 = none).</summary>
    public int Folds { get; init; }
    public NerHyperParameters Hyper { get; init; } = new();
}

/// <summary>What a training run did and reached. Serialisable to JSON (the model's metadata file).</summary>
public sealed record TrainingReport
{
    [JsonPropertyName("stage")] public string Stage { get; init; } = NerStage.StageId;
    [JsonPropertyName("version")] public string Version { get; init; } = "";
    [JsonPropertyName("settings")] public NerHyperParameters? Settings { get; init; }
    [JsonPropertyName("features")] public string Features { get; init; } = "";
    [JsonPropertyName("data")] public IReadOnlyList<DataFile> Data { get; init; } = [];
    [JsonPropertyName("trainSentences")] public int TrainSentences { get; init; }
    [JsonPropertyName("trainTokens")] public int TrainTokens { get; init; }
    [JsonPropertyName("gazetteerEntries")] public int GazetteerEntries { get; init; }
    [JsonPropertyName("clusterWords")] public int ClusterWords { get; init; }
    [JsonPropertyName("trainSeconds")] public double TrainSeconds { get; init; }
    [JsonPropertyName("epochErrors")] public IReadOnlyList<int> EpochErrors { get; init; } = [];
    [JsonPropertyName("crossValidation")] public NerScores? CrossValidation { get; init; }
    [JsonPropertyName("smartDataDev")] public NerScores? SmartDataDev { get; init; }
    [JsonPropertyName("modelSha256")] public string ModelSha256 { get; init; } = "";
    [JsonPropertyName("modelBytes")] public long ModelBytes { get; init; }
}

/// <summary>An input file and its SHA-256.</summary>
public sealed record DataFile([property: JsonPropertyName("path")] string Path, [property: JsonPropertyName("sha256")] string Sha256, [property: JsonPropertyName("licence")] string Licence);

/// <summary>
/// Trains <see cref="NerModel"/>s: an averaged perceptron over hashed features, structured (Viterbi) or per token.
/// Deterministic: the same data, resources and <see cref="NerHyperParameters.Seed"/> give byte-identical models.
/// </summary>
public static class NerTrainer
{
    /// <summary>Loads data and resources from <paramref name="options"/>, runs cross-validation when asked, then trains on everything.</summary>
    public static (NerModel Model, TrainingReport Report) Train(NerTrainingOptions options, Action<string>? log = null)
    {
        var sw = Stopwatch.StartNew();
        log ??= _ => { };
        var (germ, extra, gaz, clusters, data) = LoadData(options, log);

        NerScores? cv = null;
        if (options.Folds > 1)
        {
            cv = CrossValidate(germ, extra, gaz, clusters, options.Hyper, options.Folds, log);
            log($"cv: F1 {cv.F1:F2} coarse {cv.F1Coarse:F2} ({sw.Elapsed.TotalSeconds:F1}s)");
        }
        var trainSw = Stopwatch.StartNew();
        var (model, errors) = Train(Repeat(germ, options.Hyper.PrimaryRepeat).Concat(extra).ToList(), gaz, clusters, options.Hyper);
        var report = new TrainingReport
        {
            Version = options.Hyper.Version,
            Settings = options.Hyper,
            Features = options.Hyper.Features.ToString(),
            Data = data,
            TrainSentences = germ.Count + extra.Count,
            TrainTokens = germ.Sum(s => s.Count) + extra.Sum(s => s.Count),
            GazetteerEntries = gaz.EntryCount,
            ClusterWords = clusters.WordCount,
            TrainSeconds = Math.Round(trainSw.Elapsed.TotalSeconds, 1),
            EpochErrors = errors,
            CrossValidation = cv,
        };
        return (model, report);
    }

    /// <summary>k-fold cross-validation over <paramref name="gold"/> (fold = sentence index mod k); <paramref name="extra"/> is added to every training part.</summary>
    public static NerScores CrossValidate(IReadOnlyList<GoldSentence> gold, IReadOnlyList<GoldSentence> extra, Gazetteer gaz, WordClusters clusters,
        NerHyperParameters hyper, int folds, Action<string>? log = null)
    {
        var parts = new List<(IReadOnlyList<GoldSentence>, IReadOnlyList<int[]>)>();
        for (int f = 0; f < folds; f++)
        {
            var (train, test) = Fold(gold, extra, folds, f, hyper.PrimaryRepeat);
            var (model, _) = Train(train, gaz, clusters, hyper);
            var pred = test.Select(model.Tag).ToList();
            var s = NerEvaluator.Score(test, pred);
            log?.Invoke($"  fold {f + 1}/{folds}: F1 {s.F1:F2} (P {s.Precision:F2} R {s.Recall:F2}) coarse {s.F1Coarse:F2}");
            parts.Add((test, pred));
        }
        return NerEvaluator.Pool(parts);
    }

    /// <summary>Loaded training material: primary (GermEval) and extra sentences, resources, and the input files with hashes.</summary>
    public sealed record Material(List<GoldSentence> Primary, List<GoldSentence> Extra, Gazetteer Gazetteer, WordClusters Clusters, List<DataFile> Data);

    /// <summary>Reads the sentences and builds the resources that <see cref="Train(NerTrainingOptions, Action{string}?)"/> trains on (clusters are learnt here, seeded).</summary>
    public static Material LoadData(NerTrainingOptions options, Action<string>? log = null)
    {
        var sw = Stopwatch.StartNew();
        log ??= _ => { };
        var data = new List<DataFile>();
        var germ = new List<GoldSentence>();
        foreach (var f in options.GermEvalFiles)
        {
            germ.AddRange(GermEvalReader.ReadFile(f));
            data.Add(new DataFile(Path.GetFileName(f), Sha(f), "CC BY 4.0 (GermEval 2014)"));
        }
        var extra = new List<GoldSentence>();
        if (options.SmartDataFile is { } sd)
        {
            var sdDocs = SmartDataReader.ReadDocuments(sd).Where(d => options.SmartDataSources.Contains(d.Source)).ToList();
            extra.AddRange(sdDocs.SelectMany(d => SmartDataReader.ToSentences(d, options.SmartDataPartial)));
            data.Add(new DataFile(Path.GetFileName(sd), Sha(sd), "CC BY 4.0 (DFKI SmartData)"));
        }
        foreach (var f in options.HistoricFiles)
        {
            bool hipe = f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase);
            extra.AddRange(hipe ? HistoricNerReader.ReadHipe(f) : HistoricNerReader.ReadEuropeana(f));
            data.Add(new DataFile(Path.GetFileName(f), Sha(f), hipe ? "CC BY 4.0 (HIPE-2022 newseye/sonar)" : "CC0 1.0 (Europeana Newspapers NER)"));
        }
        var gaz = Gazetteer.Empty;
        if (options.GazetteerDir is { } gd && (options.Hyper.Features & FeatureSet.Gazetteer) != 0)
        {
            gaz = NerResources.LoadGazetteer(gd, options.ShareAlikeGazetteers);
            data.Add(new DataFile("gazetteers/", "", options.ShareAlikeGazetteers ? "includes CC BY-SA 2.0 (OSM)" : "MIT/CLDR, CC BY 4.0 (GeoNames), CC0 (Wikidata), Apache-2.0 (GermaNER), official work; first names: Bogus locale tables (MIT); demonyms: written here"));
        }
        log($"data: {germ.Count} GermEval + {extra.Count} extra sentences, gazetteer {gaz.EntryCount} entries ({sw.Elapsed.TotalSeconds:F1}s)");
        var clusters = WordClusters.Empty;
        if (options.ClusterCorpora.Count > 0 && (options.Hyper.Features & FeatureSet.Clusters) != 0)
        {
            var sents = options.ClusterCorpora.SelectMany(NerResources.UnlabelledSentences).ToList();
            int fine = options.Hyper.ClusterClasses;
            clusters = WordClusters.Learn(sents, options.Hyper.Seed, fine, Math.Max(2, fine / 4), Math.Max(2, fine / 15), options.Hyper.ClusterMinCount);
            foreach (var c in options.ClusterCorpora) data.Add(new DataFile("clusters: " + Path.GetFileName(c.TrimEnd('/')), File.Exists(c) ? Sha(c) : "", CorpusLicence(c)));
            log($"clusters: {clusters.WordCount} words from {sents.Count} sentences ({sw.Elapsed.TotalSeconds:F1}s)");
        }
        return new Material(germ, extra, gaz, clusters, data);
    }

    /// <summary>
    /// The fold assignment of <see cref="CrossValidate"/>, exposed so that peers are trained and scored on identical
    /// splits: sentence <c>i</c> of <paramref name="gold"/> is held out in fold <c>i mod folds</c>. The training part
    /// is the other folds, each sentence <paramref name="repeat"/> times (in order), then <paramref name="extra"/>.
    /// </summary>
    public static (List<GoldSentence> Train, List<GoldSentence> Test) Fold(IReadOnlyList<GoldSentence> gold, IReadOnlyList<GoldSentence> extra,
        int folds, int fold, int repeat)
    {
        if (folds < 2 || fold < 0 || fold >= folds) throw new ArgumentOutOfRangeException(nameof(fold), $"fold {fold} of {folds}");
        var test = gold.Where((_, i) => i % folds == fold).ToList();
        var train = Repeat(gold.Where((_, i) => i % folds != fold), repeat).Concat(extra).ToList();
        return (train, test);
    }

    /// <summary>Trains on in-memory sentences with the given resources. Returns the model and training errors per epoch.</summary>
    public static (NerModel Model, List<int> EpochErrors) Train(IReadOnlyList<GoldSentence> sentences, Gazetteer gazetteer, WordClusters clusters, NerHyperParameters hyper)
    {
        var features = new NerFeatures(hyper.Features, gazetteer, clusters, hyper.RowBits);

        // 1. Extract features once: they do not depend on the weights.
        var buf = new FeatureBuffer();
        var featRows = new int[sentences.Count][];
        var featOffsets = new int[sentences.Count][];
        for (int s = 0; s < sentences.Count; s++)
        {
            var g = sentences[s];
            features.Extract(g.Text, g.Starts, g.Ends, buf);
            featRows[s] = buf.Rows.AsSpan(0, buf.Offsets[g.Count]).ToArray();
            featOffsets[s] = buf.Offsets.AsSpan(0, g.Count + 1).ToArray();
        }

        int mix = Math.Max(1, hyper.Mix);
        var runs = new (float[] W, float[] T, List<int> Errors)[mix];
        Parallel.For(0, mix, new ParallelOptions { MaxDegreeOfParallelism = Math.Min(mix, Environment.ProcessorCount) },
            m => runs[m] = Perceptron(sentences, featRows, featOffsets, hyper, hyper.Seed + m));
        var (w, tw, errors) = runs[0];
        for (int m = 1; m < mix; m++)
        {
            var (wm, tm, em) = runs[m];
            for (int i = 0; i < w.Length; i++) w[i] += wm[i];
            for (int i = 0; i < tw.Length; i++) tw[i] += tm[i];
            for (int e = 0; e < errors.Count; e++) errors[e] += em[e];
        }
        // Round to Half so that a saved and reloaded model is the same model.
        for (int i = 0; i < w.Length; i++) w[i] = (float)(Half)(w[i] / mix);
        for (int i = 0; i < tw.Length; i++) tw[i] /= mix;
        return (new NerModel(hyper.RowBits, hyper.Features, w, tw, gazetteer, clusters, hyper.Version), errors);
    }

    /// <summary>One averaged-perceptron run over pre-extracted features; returns the averaged emission and transition weights.</summary>
    private static (float[] W, float[] T, List<int> Errors) Perceptron(IReadOnlyList<GoldSentence> sentences, int[][] featRows, int[][] featOffsets,
        NerHyperParameters hyper, int seed)
    {
        int L = NerLabels.Count;
        int rows = 1 << hyper.RowBits;
        // Averaged perceptron with the lazy-sum trick: avg = w - u / c.
        var w = new float[rows * L];
        var u = new float[rows * L];
        var tw = new float[(L + 1) * L];
        var tu = new float[(L + 1) * L];
        float c = 1;
        var rng = new Random(seed);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        var errors = new List<int>();
        int maxLen = sentences.Count == 0 ? 1 : sentences.Max(x => x.Count);
        var scores = new float[Math.Max(1, maxLen) * L];
        var back = new int[Math.Max(1, maxLen) * L];
        var pred = new int[maxLen];
        var goldPath = new int[maxLen];
        var zeroTrans = new float[(L + 1) * L];
        var fb = new FeatureBuffer();
        for (int epoch = 0; epoch < hyper.Epochs; epoch++)
        {
            rng.Shuffle(order);
            int wrong = 0;
            foreach (int s in order)
            {
                var g = sentences[s];
                int n = g.Count;
                if (n == 0) continue;
                fb.Rows = featRows[s];
                fb.Offsets = featOffsets[s];
                fb.Count = n;
                NerModel.Emissions(fb, w, scores);
                var gold = goldPath.AsSpan(0, n);
                if (g.Allowed is { } allowed) NerModel.Viterbi(scores, n, hyper.Structured ? tw : zeroTrans, allowed, gold, back);
                else g.Outer.AsSpan().CopyTo(gold);
                var p = pred.AsSpan(0, n);
                if (hyper.Structured) NerModel.Viterbi(scores, n, tw, null, p, back);
                else
                    for (int i = 0; i < n; i++)
                    {
                        int best = 0; float bs = float.NegativeInfinity;
                        for (int t = 0; t < L; t++) if (scores[i * L + t] > bs) { bs = scores[i * L + t]; best = t; }
                        p[i] = best;
                    }
                bool any = false;
                for (int i = 0; i < n; i++)
                {
                    if (p[i] == gold[i]) continue;
                    any = true;
                    wrong++;
                    for (int k = fb.Offsets[i]; k < fb.Offsets[i + 1]; k++)
                    {
                        int r = fb.Rows[k] * L;
                        w[r + gold[i]] += 1; u[r + gold[i]] += c;
                        w[r + p[i]] -= 1; u[r + p[i]] -= c;
                    }
                }
                if (any && hyper.Structured)
                    for (int i = 0; i < n; i++)
                    {
                        int gp = i > 0 ? gold[i - 1] : -1, pp = i > 0 ? p[i - 1] : -1;
                        if (gp == pp && gold[i] == p[i]) continue;
                        int gi = (gp + 1) * L + gold[i], pi = (pp + 1) * L + p[i];
                        tw[gi] += 1; tu[gi] += c;
                        tw[pi] -= 1; tu[pi] -= c;
                    }
                c++;
            }
            errors.Add(wrong);
        }

        for (int i = 0; i < w.Length; i++) w[i] -= u[i] / c;
        for (int i = 0; i < tw.Length; i++) tw[i] -= tu[i] / c;
        return (w, tw, errors);
    }

    private static IEnumerable<GoldSentence> Repeat(IEnumerable<GoldSentence> s, int times)
    {
        var list = s.ToList();
        return Enumerable.Range(0, Math.Max(1, times)).SelectMany(_ => list);
    }

    private static string CorpusLicence(string path) => path switch
    {
        _ when path.Contains("spkatt2023-news", StringComparison.OrdinalIgnoreCase) => "Wikinews text, CC BY 2.5 (tokens only; the SpkAtt annotations, CC BY-NC-SA 4.0, are not used)",
        _ when path.Contains("smartdata", StringComparison.OrdinalIgnoreCase) => "CC BY 4.0 (DFKI SmartData text)",
        _ when path.Contains("spkatt2023", StringComparison.OrdinalIgnoreCase) => "Bundestag debate text (GePaDe), CC BY-SA 4.0 (tokens only; the SpkAtt annotations are not used)",
        _ when path.Contains("europeana", StringComparison.OrdinalIgnoreCase) => "CC0 1.0 (Europeana Newspapers text)",
        _ when path.Contains("newseye", StringComparison.OrdinalIgnoreCase) || path.Contains("sonar", StringComparison.OrdinalIgnoreCase) => "CC BY 4.0 (HIPE-2022 newseye/sonar text)",
        _ when path.Contains("10kgnad", StringComparison.OrdinalIgnoreCase) => "CC BY-NC-SA 4.0 (DER STANDARD text): do not ship",
        _ => "unlabelled text (licence not recorded)",
    };

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
