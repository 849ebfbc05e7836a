using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Depesche.Cli.Bench;
using Depesche.Cli.Infrastructure;
using Depesche.Core.Json;
using Depesche.Entities.Ner;

namespace Depesche.Cli.Commands;

/// <summary>
/// The Apache OpenNLP peer on GermEval 2014 dev (driven by <c>bench/opennlp-peer</c>):
/// <c>depesche bench ner-folds</c> writes our cross-validation folds in OpenNLP's name-finder format, the script trains and
/// runs OpenNLP on them, and <c>depesche bench ner-peer</c> trains Depesche on the same folds and scores both systems
/// with our evaluator on the same held-out sentences.
/// </summary>
public static class BenchNerPeerCommand
{
    /// <summary>Training variants: the shipped recipe (GermEval ×repeat + SmartData) and GermEval alone.</summary>
    private static readonly string[] Variants = ["full", "germeval"];

    private sealed record FoldOptions(Option<string?> Data, Option<int> Folds, Option<int> Use);

    private static FoldOptions AddFoldOptions(Command c)
    {
        var o = new FoldOptions(
            new Option<string?>("--data") { Description = "The shared data folder (default: ../shared/data beside the repository)." },
            new Option<int>("--folds") { Description = "Cross-validation folds over GermEval dev (the training recipe's assignment: sentence i is in fold i mod k).", DefaultValueFactory = _ => 5 },
            new Option<int>("--use") { Description = "How many of the folds to run (1..folds); fewer is faster.", DefaultValueFactory = _ => 5 });
        c.Add(o.Data);
        c.Add(o.Folds);
        c.Add(o.Use);
        return o;
    }

    private static (string Root, int Folds, int Use) Resolve(ParseResult parse, FoldOptions o)
    {
        var root = parse.GetValue(o.Data) ?? (RepoPaths.Shared() is { } s ? Path.Combine(s, "data") : null)
            ?? throw new CliException("no ../shared folder beside the repository; pass --data", ExitCodes.IoError);
        int folds = parse.GetValue(o.Folds), use = parse.GetValue(o.Use);
        if (folds < 2) throw new CliException("--folds must be at least 2", ExitCodes.Usage);
        if (use < 1 || use > folds) throw new CliException($"--use must be between 1 and {folds}", ExitCodes.Usage);
        return (root, folds, use);
    }

    private static NerTrainingOptions SentencesOnly(NerTrainingOptions recipe) => recipe with { GazetteerDir = null, ClusterCorpora = [] };

    public static Command Folds(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "Folder for fold-K/train-full.txt, train-germeval.txt, test.txt, test-timing.txt.", Required = true };
        var timingTokens = new Option<int>("--timing-tokens") { Description = "Size of the timing input: the held-out fold repeated to at least this many tokens.", DefaultValueFactory = _ => 200_000 };
        var c = new Command("ner-folds", "Write the NER cross-validation folds (GermEval 2014 dev, our fold assignment and training sets) in Apache OpenNLP's name-finder format.") { output, timingTokens };
        var o = AddFoldOptions(c);
        c.SetAction(parse =>
        {
            var (root, folds, use) = Resolve(parse, o);
            var recipe = NerCorpus.ShippedRecipe(root, folds);
            var m = NerTrainer.LoadData(SentencesOnly(recipe), console.Error.WriteLine);
            var dir = parse.GetValue(output)!;
            int repeat = recipe.Hyper.PrimaryRepeat;
            for (int f = 0; f < use; f++)
            {
                var fd = Path.Combine(dir, $"fold-{f + 1}");
                Directory.CreateDirectory(fd);
                var (full, test) = NerTrainer.Fold(m.Primary, m.Extra, folds, f, repeat);
                var (germOnly, _) = NerTrainer.Fold(m.Primary, [], folds, f, repeat);
                WriteSamples(Path.Combine(fd, "train-full.txt"), full);
                WriteSamples(Path.Combine(fd, "train-germeval.txt"), germOnly);
                WritePlain(Path.Combine(fd, "test.txt"), test, 1);
                int tokens = test.Sum(s => s.Count);
                int copies = (int)Math.Max(1, Math.Ceiling(parse.GetValue(timingTokens) / (double)Math.Max(1, tokens)));
                WritePlain(Path.Combine(fd, "test-timing.txt"), test, copies);
                File.WriteAllText(Path.Combine(fd, "fold.json"), JsonSerializer.Serialize(new
                {
                    fold = f + 1, folds, testSentences = test.Count, testTokens = tokens, timingCopies = copies, timingTokens = (long)tokens * copies,
                    trainFullSentences = full.Count, trainGermEvalSentences = germOnly.Count, germEvalRepeat = repeat,
                }) + "\n");
                console.Out.WriteLine($"ner-folds: fold {f + 1}/{folds}: {full.Count} training sentences (GermEval ×{repeat} + {m.Extra.Count} SmartData and Europeana), {test.Count} held out ({tokens} tokens) -> {fd}");
            }
            return ExitCodes.Ok;
        });
        return c;
    }

    // Why: a blank line is OpenNLP's document boundary, where it clears its adaptive (previous-decision) features;
    // GermEval sentences are independent, so every sentence is its own document in training and in tagging alike.
    private static void WriteSamples(string path, IEnumerable<GoldSentence> sentences)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        foreach (var s in sentences)
        {
            w.Write(OpenNlpNameFormat.Line(s, s.Outer));
            w.Write("\n\n");
        }
    }

    private static void WritePlain(string path, IReadOnlyList<GoldSentence> sentences, int copies)
    {
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        for (int k = 0; k < copies; k++)
            foreach (var s in sentences)
            {
                w.Write(OpenNlpNameFormat.Plain(s));
                w.Write("\n\n");
            }
    }

    public static Command Peer(CliConsole console)
    {
        var dir = new Option<string>("--dir") { Description = "The folder written by ner-folds, with OpenNLP's pred-VARIANT.txt and time-VARIANT.txt per fold.", Required = true };
        var runs = new Option<int>("--runs") { Description = "Timed tagging runs for Depesche after a warm-up; the median is reported.", DefaultValueFactory = _ => 5 };
        var peerName = new Option<string>("--peer-name") { Description = "Peer name and version as reported.", DefaultValueFactory = _ => "Apache OpenNLP" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var c = new Command("ner-peer", "Train Depesche NER on the folds written by ner-folds and score it and OpenNLP's predictions on the same held-out sentences.") { dir, runs, peerName, json };
        var o = AddFoldOptions(c);
        c.SetAction(parse =>
        {
            var (root, folds, use) = Resolve(parse, o);
            var recipe = NerCorpus.ShippedRecipe(root, folds);
            Action<string> log = console.Error.WriteLine;
            var d = parse.GetValue(dir)!;
            var present = Variants.Where(v => File.Exists(Path.Combine(d, "fold-1", $"pred-{v}.txt"))).ToList();
            if (!present.Contains("full")) throw new CliException($"no OpenNLP predictions in {d}/fold-1/pred-full.txt; run bench/opennlp-peer", ExitCodes.IoError);
            var m = NerTrainer.LoadData(recipe, log);
            var results = new Dictionary<string, VariantResult>();
            foreach (var v in present)
                results[v] = RunVariant(v, m, recipe.Hyper, folds, use, d, Math.Max(1, parse.GetValue(runs)), log);
            var doc = Render(results, parse.GetValue(peerName)!, folds, use, d, recipe.Hyper.PrimaryRepeat);
            if (parse.GetValue(json)) console.Out.WriteLine(doc);
            else
                foreach (var (v, r) in results)
                    console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{v,-9} depesche F1 {r.Ours.F1:F2} coarse {r.Ours.F1Coarse:F2} {r.OursTokensPerCpuSecond:F0} tokens/CPU-s | OpenNLP F1 {r.Peer.F1:F2} coarse {r.Peer.F1Coarse:F2} {r.PeerTokensPerCpuSecond:F0} tokens/CPU-s | {r.Summary}"));
            return ExitCodes.Ok;
        });
        return c;
    }

    private sealed record PeerTiming(long Tokens, double Seconds, double CpuSeconds, double LoadSeconds, double PeakRssMb, double TrainSeconds);

    private sealed record VariantResult(string Variant, NerScores Ours, NerScores Peer, double OursTokensPerSecond, double OursTokensPerCpuSecond,
        double OursTrainSeconds, double OursPeakRssMb, double PeerTokensPerSecond, double PeerTokensPerCpuSecond, double PeerLoadSeconds, double PeerPeakRssMb,
        double PeerTrainSeconds, long OursTimedTokens, long PeerTimedTokens, int TrainSentences)
    {
        public double SpeedRatio => OursTokensPerSecond / PeerTokensPerSecond;
        public double CpuSpeedRatio => OursTokensPerCpuSecond / PeerTokensPerCpuSecond;
        public double F1Delta => Ours.F1 - Peer.F1;
        // Why: the 2 cores are shared with other work whose load swings 5x within minutes; CPU seconds are what each
        // system spent, so the headline ratio is per CPU-second (wall-clock figures are in the JSON beside it).
        public string Summary => string.Create(CultureInfo.InvariantCulture,
            $"Depesche NER = {CpuSpeedRatio:F1}× OpenNLP tokens per CPU-second ({SpeedRatio:F1}× wall-clock tokens/s), {(F1Delta >= 0 ? "+" : "")}{F1Delta:F1} F1");
    }

    private static VariantResult RunVariant(string variant, NerTrainer.Material m, NerHyperParameters hyper, int folds, int use, string dir, int runs, Action<string> log)
    {
        var extra = variant == "full" ? m.Extra : [];
        var oursParts = new List<(IReadOnlyList<GoldSentence>, IReadOnlyList<int[]>)>();
        var peerParts = new List<(IReadOnlyList<GoldSentence>, IReadOnlyList<int[]>)>();
        double oursSeconds = 0, oursCpu = 0, trainSeconds = 0, peerSeconds = 0, peerCpu = 0, peerLoad = 0, peerRss = 0, peerTrain = 0;
        long oursTokens = 0, oursCpuTokens = 0, peerTokens = 0;
        int trainSentences = 0;
        for (int f = 0; f < use; f++)
        {
            var (train, test) = NerTrainer.Fold(m.Primary, extra, folds, f, hyper.PrimaryRepeat);
            trainSentences = train.Count;
            var sw = Stopwatch.StartNew();
            var (model, _) = NerTrainer.Train(train, m.Gazetteer, m.Clusters, hyper);
            trainSeconds += sw.Elapsed.TotalSeconds;
            var pred = test.Select(model.Tag).ToList();
            oursParts.Add((test, pred));
            int tokens = test.Sum(s => s.Count);
            // Why: the same held-out sentences OpenNLP tags, already tokenised, tagged in memory on this thread.
            var fig = Measure.Run("depesche", "tokens", test.Count, tokens, 0, runs, () =>
            {
                long n = 0;
                foreach (var s in test) n += model.Tag(s).Length;
                return n;
            });
            oursSeconds += fig.MedianSeconds;
            oursTokens += tokens;
            // CPU time over the same input as OpenNLP's timing run (the fold repeated, see fold.json), all threads of this process.
            int copies = TimingCopies(Path.Combine(dir, $"fold-{f + 1}", "fold.json"), tokens);
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (int k = 0; k < copies; k++)
                foreach (var s in test) model.Tag(s);
            oursCpu += (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            oursCpuTokens += (long)copies * tokens;

            var fd = Path.Combine(dir, $"fold-{f + 1}");
            var peerPred = ReadPredictions(Path.Combine(fd, $"pred-{variant}.txt"), test);
            peerParts.Add((test, peerPred));
            var t = ReadTiming(Path.Combine(fd, $"time-{variant}.txt"));
            peerSeconds += t.Seconds;
            peerCpu += t.CpuSeconds;
            peerTokens += t.Tokens;
            peerLoad += t.LoadSeconds;
            peerTrain += t.TrainSeconds;
            peerRss = Math.Max(peerRss, t.PeakRssMb);
            var so = NerEvaluator.Score(test, pred);
            var sp = NerEvaluator.Score(test, peerPred);
            log(string.Create(CultureInfo.InvariantCulture,
                $"ner-peer {variant} fold {f + 1}/{folds}: depesche F1 {so.F1:F2} ({tokens / fig.MedianSeconds:F0} tokens/s, trained in {sw.Elapsed.TotalSeconds:F0}s); OpenNLP F1 {sp.F1:F2} ({t.Tokens / t.Seconds:F0} tokens/s, {t.Tokens / t.CpuSeconds:F0}/CPU-s)"));
        }
        return new VariantResult(variant, NerEvaluator.Pool(oursParts), NerEvaluator.Pool(peerParts),
            oursTokens / oursSeconds, oursCpuTokens / Math.Max(1e-9, oursCpu), trainSeconds / use, Measure.PeakRssMb(),
            peerTokens / peerSeconds, peerTokens / Math.Max(1e-9, peerCpu), peerLoad / use, peerRss, peerTrain / use, oursTokens, peerTokens, trainSentences);
    }

    private static int TimingCopies(string foldJson, int tokens)
    {
        if (File.Exists(foldJson))
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(foldJson));
            if (doc.RootElement.TryGetProperty("timingCopies", out var c) && c.TryGetInt32(out var n) && n > 0) return n;
        }
        return (int)Math.Max(1, Math.Ceiling(200_000.0 / Math.Max(1, tokens)));
    }

    /// <summary>OpenNLP's output for test.txt: one tagged line per sentence, blank lines between; tokens must match the gold.</summary>
    private static List<int[]> ReadPredictions(string path, IReadOnlyList<GoldSentence> test)
    {
        if (!File.Exists(path)) throw new CliException($"{path}: missing (run bench/opennlp-peer)", ExitCodes.IoError);
        var result = new List<int[]>(test.Count);
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Trim().Length == 0) continue;
            if (result.Count == test.Count) throw new CliException($"{path}:{lineNo}: more tagged sentences than the {test.Count} held out", ExitCodes.IoError);
            (string[] toks, int[] tags) parsed;
            try { parsed = OpenNlpNameFormat.Parse(line); }
            catch (FormatException ex) { throw new CliException($"{path}:{lineNo}: {ex.Message}", ExitCodes.IoError); }
            var gold = test[result.Count];
            if (parsed.toks.Length != gold.Count || parsed.toks.Where((t, i) => t != gold.TokenString(i)).Any())
                throw new CliException($"{path}:{lineNo}: tokens differ from held-out sentence {result.Count + 1}", ExitCodes.IoError);
            result.Add(parsed.tags);
        }
        if (result.Count != test.Count) throw new CliException($"{path}: {result.Count} tagged sentences, {test.Count} held out", ExitCodes.IoError);
        return result;
    }

    /// <summary>key=value lines written by bench/opennlp-peer: tokens, seconds (tagging only), loadSeconds, peakRssKb, trainSeconds.</summary>
    private static PeerTiming ReadTiming(string path)
    {
        if (!File.Exists(path)) throw new CliException($"{path}: missing (run bench/opennlp-peer)", ExitCodes.IoError);
        var kv = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            int eq = line.IndexOf('=');
            if (eq > 0 && double.TryParse(line.AsSpan(eq + 1).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)) kv[line[..eq].Trim()] = x;
        }
        double Get(string k) => kv.TryGetValue(k, out var v) ? v : throw new CliException($"{path}: no '{k}=' line", ExitCodes.IoError);
        var t = new PeerTiming((long)Get("tokens"), Get("seconds"), Get("cpuSeconds"), kv.GetValueOrDefault("loadSeconds"), kv.GetValueOrDefault("peakRssKb") / 1024.0, kv.GetValueOrDefault("trainSeconds"));
        if (t.Seconds <= 0 || t.Tokens <= 0 || t.CpuSeconds <= 0) throw new CliException($"{path}: tokens and seconds must be positive", ExitCodes.IoError);
        return t;
    }

    private static string Render(Dictionary<string, VariantResult> results, string peerName, int folds, int use, string dir, int repeat)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, AnalysisJson.WriterOptions(indented: true)))
        {
            var main = results["full"];
            w.WriteStartObject();
            w.WriteString("benchmark", "ner-peer");
            w.WriteString("date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}");
            w.WriteString("loadAverage", LoadAverage());
            w.WriteString("data", "GermEval 2014 dev, sentence i held out in fold i mod " + folds.ToString(CultureInfo.InvariantCulture));
            w.WriteNumber("folds", folds);
            w.WriteNumber("foldsUsed", use);
            w.WriteNumber("heldOutSentences", main.Ours.Sentences);
            w.WriteNumber("heldOutTokens", main.Ours.Tokens);
            w.WriteString("summary", main.Summary);
            WriteSystems(w, main, peerName);
            w.WriteStartObject("variants");
            foreach (var (v, r) in results)
            {
                w.WriteStartObject(v);
                w.WriteString("training", v == "full"
                    ? $"GermEval dev training folds ×{repeat} + SmartData v1 train (all sources) + Europeana NER for both systems; Depesche treats their untagged tokens as partially labelled, OpenNLP as O"
                    : $"GermEval dev training folds ×{repeat} only, for both systems");
                w.WriteNumber("trainSentences", r.TrainSentences);
                w.WriteString("summary", r.Summary);
                WriteSystems(w, r, peerName);
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSystems(Utf8JsonWriter w, VariantResult r, string peerName)
    {
        w.WriteStartObject("depesche");
        w.WriteString("name", "Depesche " + NerStage.StageId);
        WriteScores(w, r.Ours);
        w.WriteNumber("tokensPerSecond", Math.Round(r.OursTokensPerSecond, 0));
        w.WriteNumber("tokensPerCpuSecond", Math.Round(r.OursTokensPerCpuSecond, 0));
        w.WriteNumber("timedTokens", r.OursTimedTokens);
        w.WriteNumber("trainSecondsPerFold", Math.Round(r.OursTrainSeconds, 1));
        w.WriteNumber("peakRssMb", Math.Round(r.OursPeakRssMb, 1));
        w.WriteString("timing", "NerModel.Tag over the held-out fold's pre-tokenised sentences in memory, one thread: wall-clock median of runs after a warm-up; CPU seconds (all threads) over the fold repeated to ~200k tokens; model load excluded");
        w.WriteEndObject();
        w.WriteStartObject("peer");
        w.WriteString("name", peerName);
        w.WriteString("algorithm", "TokenNameFinderTrainer defaults: maxent (GIS), 100 iterations, cutoff 5, default feature generator, BIO codec; no gazetteer or clusters");
        WriteScores(w, r.Peer);
        w.WriteNumber("tokensPerSecond", Math.Round(r.PeerTokensPerSecond, 0));
        w.WriteNumber("tokensPerCpuSecond", Math.Round(r.PeerTokensPerCpuSecond, 0));
        w.WriteNumber("timedTokens", r.PeerTimedTokens);
        w.WriteNumber("modelLoadSeconds", Math.Round(r.PeerLoadSeconds, 2));
        w.WriteNumber("trainSecondsPerFold", Math.Round(r.PeerTrainSeconds, 1));
        w.WriteNumber("peakRssMb", Math.Round(r.PeerPeakRssMb, 1));
        w.WriteString("timing", "opennlp TokenNameFinder over the held-out fold repeated to ~200k tokens (stdin to stdout): wall-clock is its own 'Runtime' after model load; CPU seconds (all JVM threads, /usr/bin/time) minus a run on empty input; JVM start and model load excluded");
        w.WriteEndObject();
        w.WriteStartObject("ratio");
        w.WriteNumber("tokensPerSecond", Math.Round(r.SpeedRatio, 2));
        w.WriteNumber("tokensPerCpuSecond", Math.Round(r.CpuSpeedRatio, 2));
        w.WriteNumber("f1Delta", Math.Round(r.F1Delta, 2));
        w.WriteNumber("f1CoarseDelta", Math.Round(r.Ours.F1Coarse - r.Peer.F1Coarse, 2));
        w.WriteEndObject();
    }

    private static void WriteScores(Utf8JsonWriter w, NerScores s)
    {
        w.WriteNumber("f1", s.F1);
        w.WriteNumber("precision", s.Precision);
        w.WriteNumber("recall", s.Recall);
        w.WriteNumber("f1Coarse", s.F1Coarse);
        // The class pooled with its deriv/part variants, strict labels (the X* rows of eval ner).
        w.WriteStartObject("byType");
        foreach (var k in new[] { "PER*", "LOC*", "ORG*", "OTH*" })
            if (s.ByType.TryGetValue(k, out var p)) w.WriteNumber(k.TrimEnd('*'), p.F1);
        w.WriteEndObject();
    }

    private static string LoadAverage()
    {
        try { return File.ReadAllText("/proc/loadavg").Trim(); }
        catch (IOException) { return ""; }
    }
}
