using System.CommandLine;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Ingest;
using Depesche.Storage;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche worker</c>: claims queued files (<c>ingest --enqueue</c>) one at a time, reads, analyses and stores them.
/// On PostgreSQL any number of workers share the queue (FOR UPDATE SKIP LOCKED): no file is lost or done twice.
/// </summary>
public static class WorkerCommand
{
    public static Command Create(CliConsole console)
    {
        var store = StoreCli.StoreOption();
        var id = new Option<string>("--id") { Description = "This worker's name in the queue.", DefaultValueFactory = _ => $"{Environment.MachineName}-{Environment.ProcessId}" };
        var wait = new Option<bool>("--wait") { Description = "Keep polling for work instead of exiting when the queue is empty." };
        var format = Inputs.FormatOption();
        var cmd = new Command("worker", "Process queued files until the queue is empty (or forever with --wait).") { store, id, wait, format };
        cmd.SetAction(parse =>
        {
            using var s = StoreCli.Open(parse.GetValue(store)!);
            var queue = (IWorkQueue)s;
            var pipeline = PipelineFactory.Default();
            var rejections = new RejectionLog(console);
            long items = 0, articles = 0;
            while (true)
            {
                bool worked = queue.ProcessNext(parse.GetValue(id)!, item =>
                {
                    var results = ArticleReader.ReadPath(item.Payload, parse.GetValue(format)).ToList();
                    var rejected = results.Where(r => r.Rejection is not null).Select(r => r.Rejection!).ToList();
                    rejected.ForEach(rejections.Add);
                    var analyses = results.Where(r => r.IsArticle).Select(r => pipeline.Run(r.Article!)).ToList();
                    articles += analyses.Count;
                    return new IngestBatch { Analyses = analyses, Rejections = rejected };
                });
                if (worked) { items++; continue; }
                if (!parse.GetValue(wait)) break;
                Thread.Sleep(2000);
            }
            var q = queue.QueueCounts();
            console.Error.WriteLine($"worker: {items} files, {articles} articles, {rejections.Summary()}; queue: {q.Pending} pending, {q.Done} done, {q.Failed} failed");
            return rejections.Count > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
        });
        return cmd;
    }
}
