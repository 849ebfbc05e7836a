using System.CommandLine;
using Depesche.Cli.Infrastructure;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche ingest</c>: read, analyse and store articles; resumable and idempotent.</summary>
public static class IngestCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("input") { Description = "Files or folders (recursive); '-' or nothing reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var store = StoreCli.StoreOption();
        var workers = new Option<int>("--workers") { Description = "Threads analysing articles (the store has one writer).", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Articles per transaction.", DefaultValueFactory = _ => 256 };
        var enqueue = new Option<bool>("--enqueue") { Description = "Only queue the files for 'depesche worker' processes (PostgreSQL)." };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first stage failure." };
        var format = Inputs.FormatOption();
        var cmd = new Command("ingest", "Read, analyse and store articles. Re-ingesting the same content is a no-op; an interrupted ingest resumes.")
        {
            inputs, store, workers, batch, enqueue, format, strict,
        };
        cmd.SetAction(parse =>
        {
            var paths = parse.GetValue(inputs) ?? [];
            using var s = StoreCli.Open(parse.GetValue(store)!);
            if (parse.GetValue(enqueue))
            {
                var files = paths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]);
                int n = ((IWorkQueue)s).Enqueue(files.Select(Path.GetFullPath));
                console.Error.WriteLine($"ingest: queued {n} new files at {s.Location}");
                return ExitCodes.Ok;
            }
            var pipeline = PipelineFactory.Default();
            var rejections = new RejectionLog(console);
            var progress = new Progress(console, "ingest");
            // Why: a known total gives an ETA; sizing the inputs is a directory walk, and finished inputs will not be read.
            var sources = StoreCli.Sources(paths, parse.GetValue(format), console).ToList();
            var meter = new InputMeter(paths.Length == 0 ? ["-"] : paths, name =>
                sources.FirstOrDefault(x => x.Name == name) is { Fingerprint: { } fp } && s.Checkpoint(name) is { Done: true } cp && cp.Fingerprint == fp);
            long seen = 0;
            var ingestor = new Ingestor(s, a => pipeline.Run(a, parse.GetValue(strict)), Math.Max(1, parse.GetValue(batch)), Math.Max(1, parse.GetValue(workers)))
            {
                OnRejection = rejections.Add,
                OnStageFailure = (a, f) => console.Error.WriteLine($"depesche: {a.Origin}: stage {f.StageId} failed: {f.ExceptionType}: {f.Message}"),
                OnBatch = sum =>
                {
                    progress.SetBytes(meter.Done, meter.Total);
                    progress.Tick(sum.Read - seen);
                    seen = sum.Read;
                },
            };
            var r = ingestor.Run(sources.Select(src => src with { Read = () => Metered(src, meter) }));
            progress.Finish();
            var codes = r.RejectionsByCode.Count == 0 ? "" : " (" + string.Join(", ", r.RejectionsByCode.Select(kv => $"{kv.Key}: {kv.Value}")) + ")";
            console.Error.WriteLine($"ingest: {r.Read} read, {r.Added} added, {r.Unchanged} unchanged, {r.Versions} versions, {r.NearDuplicates} near-duplicates, {r.StoryJoins} joined stories, " +
                $"{r.Rejected} rejected{codes}, {r.StageFailures} stage failures" +
                (r.Resumed + r.SourcesSkipped > 0 ? $", resumed past {r.Resumed} items and {r.SourcesSkipped} finished inputs" : "") + $"; store {s.Location}");
            if (r.Added + r.Unchanged == 0 && r.Rejected > 0) return ExitCodes.NothingAccepted;
            return r.Rejected > 0 || r.StageFailures > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
        });
        return cmd;
    }

    private static IEnumerable<Core.ReadResult> Metered(IngestSource source, InputMeter meter)
    {
        foreach (var r in source.Read()) yield return meter.Observe(r);
        if (source.Name != "-") meter.FinishInput(source.Name);
    }
}
