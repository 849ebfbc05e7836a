using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Depesche.Cli.Bench;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Core.Json;
using Depesche.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche bench STAGE PATH…</c>: throughput, allocations and memory on real text, with peers in the same run.</summary>
public static class BenchCommand
{
    public static Command Create(CliConsole console)
    {
        var cmd = new Command("bench", "Measure speed and memory on real German text (one core), next to peers measured in the same run.");
        cmd.Add(Tokenize(console));
        cmd.Add(StageBench(console, "ner", "ner.perceptron.v1", "entities", "The NER tagger alone (tokens and sentences computed beforehand); --peer opennlp runs Apache OpenNLP's name finder on the same sentences.", nerPeer: true));
        cmd.Add(StageBench(console, "link", "link.kb.v1", "links", "Entity linking alone (entities computed beforehand)."));
        cmd.Add(StageBench(console, "time", "time.rules.v1", "times", "The time stage alone (tokens and sentences computed beforehand)."));
        cmd.Add(StageBench(console, "quotes", "quotes.rules.v1", "quotes", "The quote stage alone (earlier layers computed beforehand)."));
        cmd.Add(StageBench(console, "events", "events.rules.v1", "events", "The event stage alone (earlier layers computed beforehand)."));
        cmd.Add(Analyze(console));
        cmd.Add(BenchStoreCommand.Ingest(console));
        cmd.Add(BenchStoreCommand.Search(console));
        cmd.Add(BenchNerPeerCommand.Folds(console));
        cmd.Add(BenchNerPeerCommand.Peer(console));
        cmd.Add(BenchServeCommand.Create(console));
        return cmd;
    }

    private sealed record Common(Argument<string[]> Paths, Option<int> Runs, Option<int> Limit, Option<bool> Json);

    private static Common AddCommon(Command c)
    {
        var common = new Common(
            new Argument<string[]>("path") { Description = "Files or folders of real text: ../shared/data/spkatt2023-news, ../shared/data/10kgnad, JSON Lines, wire text.", Arity = ArgumentArity.OneOrMore },
            new Option<int>("--runs") { Description = "Timed runs after one warm-up; the median is reported.", DefaultValueFactory = _ => 5 },
            new Option<int>("--limit") { Description = "Use at most this many articles.", DefaultValueFactory = _ => int.MaxValue },
            new Option<bool>("--json") { Description = "Print one JSON object instead of a table." });
        c.Add(common.Paths);
        c.Add(common.Runs);
        c.Add(common.Limit);
        c.Add(common.Json);
        return common;
    }

    private static Command Tokenize(CliConsole console)
    {
        var c = new Command("tokenize", "German tokenizer and sentence splitter, next to Lucene.NET's StandardAnalyzer and GermanAnalyzer.");
        var common = AddCommon(c);
        c.SetAction(parse =>
        {
            var (articles, words, bytes) = LoadCorpus(parse, common);
            int runs = Math.Max(1, parse.GetValue(common.Runs));
            var stage = new TokenizerStage();
            var ours = Measure.Run("depesche", "tokens", articles.Count, words, bytes, runs, () =>
            {
                long n = 0;
                foreach (var a in articles) n += ((TokenTable)stage.Run(new Analysis(a))[0]).Count;
                return n;
            });
            using var standard = new StandardAnalyzer(LuceneVersion.LUCENE_48);
            var peer = Measure.Run("lucene-standard", "tokens", articles.Count, words, bytes, runs, () => RunLucene(standard, articles));
            using var german = new GermanAnalyzer(LuceneVersion.LUCENE_48);
            var peer2 = Measure.Run("lucene-german", "tokens", articles.Count, words, bytes, runs, () => RunLucene(german, articles));
            Report(console, parse.GetValue(common.Json), "tokenize", ours, [peer, peer2]);
            return ExitCodes.Ok;
        });
        return c;
    }

    /// <summary>
    /// Times one stage of the default pipeline: every earlier stage runs once beforehand, so only this stage's
    /// <see cref="IStage.Run"/> is on the clock.
    /// </summary>
    private static Command StageBench(CliConsole console, string name, string stageId, string unit, string description, bool nerPeer = false)
    {
        var c = new Command(name, description);
        var common = AddCommon(c);
        var peer = new Option<string?>("--peer") { Description = "opennlp: also run Apache OpenNLP's name finder (installed by bench/opennlp-peer) on the same sentences." };
        var peerModel = new Option<string?>("--peer-model") { Description = "OpenNLP model (default: the fold-1 model bench/opennlp-peer trains, bench/out/opennlp-peer/fold-1/opennlp-full.bin)." };
        if (nerPeer)
        {
            c.Add(peer);
            c.Add(peerModel);
        }
        c.SetAction(parse =>
        {
            var (articles, words, bytes) = LoadCorpus(parse, common);
            var before = PipelineFactory.UpTo(stageId);
            var stage = PipelineFactory.Default().Stages.First(s => s.Id == stageId);
            var inputs = articles.Select(a => before.Run(a)).Where(a => stage.Requires.All(a.Has)).ToList();
            int runs = Math.Max(1, parse.GetValue(common.Runs));
            var ours = Measure.Run(stageId, unit, inputs.Count, words, bytes, runs, () =>
            {
                long n = 0;
                foreach (var a in inputs) n += stage.Run(a)[0].Count;
                return n;
            });
            // The issue's load bound (< 1 s) is for the model file alone: median of three loads, the first one cold.
            Action<Utf8JsonWriter>? load = null;
            if (nerPeer && PipelineFactory.NerModelPath() is { } modelPath)
            {
                var seconds = Enumerable.Range(0, 3).Select(k =>
                {
                    var sw = System.Diagnostics.Stopwatch.StartNew();
                    _ = Depesche.Entities.Ner.NerModel.Load(modelPath);
                    return sw.Elapsed.TotalSeconds;
                }).ToList();
                double median = seconds.Order().ElementAt(1);
                load = w => { w.WriteNumber("modelLoadSeconds", Math.Round(median, 3)); w.WriteNumber("modelLoadSecondsFirst", Math.Round(seconds[0], 3)); };
                if (!parse.GetValue(common.Json))
                    console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model load: {median:F3} s median of 3 (first {seconds[0]:F3} s), {new FileInfo(modelPath).Length / 1e6:F1} MB"));
            }
            if (!nerPeer || parse.GetValue(peer) is not { } peerName)
            {
                Report(console, parse.GetValue(common.Json), name, ours, [], load);
                return ExitCodes.Ok;
            }
            if (!string.Equals(peerName, "opennlp", StringComparison.OrdinalIgnoreCase))
                throw new CliException($"unknown peer '{peerName}' (opennlp)", ExitCodes.Usage);
            // CPU time of one more pass, all threads: comparable with the JVM's CPU time under a shared machine's load.
            var cpu0 = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
            foreach (var a in inputs) stage.Run(a);
            var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
            ours = ours with { Tokens = inputs.Sum(a => (long)a.Tokens.Count), CpuSeconds = cpu };
            // Why: each peer run is a fresh JVM of some seconds; three runs give a median without tripling the bench.
            var theirs = OpenNlpPeer.Run(inputs, words, bytes, Math.Min(runs, 3), parse.GetValue(peerModel) ?? OpenNlpPeer.DefaultModel);
            Report(console, parse.GetValue(common.Json), name, ours, [theirs], w => { load?.Invoke(w); PeerAccuracy(w); });
            return ExitCodes.Ok;
        });
        return c;
    }

    private static Command Analyze(CliConsole console)
    {
        var c = new Command("analyze", "The whole default pipeline, article in, analysis out: every landed stage.");
        var common = AddCommon(c);
        c.SetAction(parse =>
        {
            var (articles, words, bytes) = LoadCorpus(parse, common);
            var pipeline = PipelineFactory.Default();
            var ours = Measure.Run("depesche", "layers", articles.Count, words, bytes, Math.Max(1, parse.GetValue(common.Runs)), () =>
            {
                long n = 0;
                foreach (var a in articles) n += pipeline.Run(a).Layers.Count();
                return n;
            });
            Report(console, parse.GetValue(common.Json), "analyze", ours, []);
            if (!parse.GetValue(common.Json))
                console.Out.WriteLine("stages: " + string.Join(", ", pipeline.Stages.Select(s => s.Id)));
            return ExitCodes.Ok;
        });
        return c;
    }

    private static long RunLucene(Analyzer analyzer, List<Article> articles)
    {
        long n = 0;
        foreach (var a in articles)
        {
            using var ts = analyzer.GetTokenStream("body", new StringReader(a.Text));
            ts.Reset();
            while (ts.IncrementToken()) n++;
            ts.End();
        }
        return n;
    }

    private static (List<Article> Articles, long Words, long Bytes) LoadCorpus(ParseResult parse, Common common)
    {
        var articles = BenchCorpus.Load(parse.GetValue(common.Paths) ?? [], parse.GetValue(common.Limit));
        if (articles.Count == 0) throw new CliException("no articles found in the given paths", ExitCodes.NothingAccepted);
        long words = 0, bytes = 0;
        foreach (var a in articles)
        {
            words += Measure.CountWords(a.Text);
            bytes += Encoding.UTF8.GetByteCount(a.Text);
        }
        return (articles, words, bytes);
    }

    /// <summary>
    /// There is no NER gold for the bench text, so the accuracy side of the comparison comes from the last
    /// bench/opennlp-peer run (both systems on the same GermEval dev folds), quoted with its date.
    /// </summary>
    private static void PeerAccuracy(Utf8JsonWriter w)
    {
        if (!File.Exists(OpenNlpPeer.ResultFile)) return;
        using var doc = JsonDocument.Parse(File.ReadAllBytes(OpenNlpPeer.ResultFile));
        var r = doc.RootElement;
        w.WriteStartObject("accuracy");
        w.WriteString("source", "bench/out/opennlp-peer.json (GermEval 2014 dev, same CV folds for both systems)");
        if (r.TryGetProperty("date", out var d)) w.WriteString("date", d.GetString());
        if (r.TryGetProperty("depesche", out var o) && o.TryGetProperty("f1", out var of)) w.WriteNumber("f1", of.GetDouble());
        if (r.TryGetProperty("peer", out var p) && p.TryGetProperty("f1", out var pf)) w.WriteNumber("peerF1", pf.GetDouble());
        if (r.TryGetProperty("ratio", out var x) && x.TryGetProperty("f1Delta", out var fd)) w.WriteNumber("f1Delta", fd.GetDouble());
        if (r.TryGetProperty("summary", out var s)) w.WriteString("summary", s.GetString());
        w.WriteEndObject();
    }

    private static void Report(CliConsole console, bool json, string stage, BenchFigures ours, IReadOnlyList<BenchFigures> peers, Action<Utf8JsonWriter>? extra = null)
    {
        if (json)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, AnalysisJson.WriterOptions(indented: true)))
            {
                w.WriteStartObject();
                w.WriteString("stage", stage);
                w.WriteString("machine", $"{Environment.ProcessorCount} cores, {Environment.OSVersion}");
                w.WriteString("date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                ours.WriteJson(w);
                if (peers.Count > 0)
                {
                    w.WriteStartObject("peer");
                    peers[0].WriteJson(w);
                    w.WriteEndObject();
                    w.WriteNumber("ratio", Math.Round(peers[0].MedianSeconds / ours.MedianSeconds, 3));
                    if (peers[0].CpuSeconds is { } pc && ours.CpuSeconds is { } oc) w.WriteNumber("cpuRatio", Math.Round(pc / oc, 3));
                    w.WriteStartArray("peers");
                    foreach (var p in peers)
                    {
                        w.WriteStartObject();
                        p.WriteJson(w);
                        w.WriteNumber("ratio", Math.Round(p.MedianSeconds / ours.MedianSeconds, 3));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                extra?.Invoke(w);
                w.WriteEndObject();
            }
            console.Out.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }
        console.Out.WriteLine($"bench {stage}: {ours.Articles} articles, {ours.Words} words, {ours.Bytes / 1e6:F2} MB; median of {ours.Runs} runs after a warm-up, one core");
        console.Out.WriteLine($"{"system",-18} {"MB/s",8} {"articles/s",11} {"words/s",11} {ours.UnitName + "/s",11} {"spread",7} {"art/CPU-s",10} {"alloc/art",10} {"peak RSS",9}");
        foreach (var f in peers.Prepend(ours))
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{f.Name,-18} {f.MegabytesPerSecond,8:F2} {f.ArticlesPerSecond,11:F0} {f.WordsPerSecond,11:F0} {f.UnitsPerSecond,11:F0} {f.Spread,6:P0} {(f.ArticlesPerCpuSecond is { } apc ? apc.ToString("F0", CultureInfo.InvariantCulture) : "—"),10} {f.AllocatedBytesPerArticle / 1024,8:F1}kB {f.PeakRssMb,7:F0}MB"));
        foreach (var p in peers)
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"depesche = {p.MedianSeconds / ours.MedianSeconds:F2}x {p.Name}"));
    }
}
