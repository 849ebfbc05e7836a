using System.CommandLine;
using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Depesche.Core.Json;
using Depesche.Ingest;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche extract</c>: read articles, analyse them, print one JSON object per article.</summary>
public static class ExtractCommand
{
    public static Command Create(CliConsole console)
    {
        var inputs = new Argument<string[]>("input")
        {
            Description = "Files or folders to read; '-' or nothing reads standard input.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format")
        {
            Description = "Output: jsonl (one JSON object per article, default) or pretty (a readable view).",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "pretty");
        var noTokens = new Option<bool>("--no-tokens") { Description = "Leave the token list out of the JSON." };
        var strict = new Option<bool>("--strict") { Description = "Stop at the first stage failure instead of recording it and going on." };
        var inputFormat = Inputs.FormatOption();

        var cmd = new Command("extract", "Analyse articles and print them as JSON Lines (or --format pretty).")
        {
            inputs, format, inputFormat, noTokens, strict,
        };
        cmd.SetAction(parse =>
        {
            var paths = parse.GetValue(inputs) ?? [];
            var pretty = parse.GetValue(format) == "pretty";
            var pipeline = PipelineFactory.Default();
            var rejections = new RejectionLog(console);
            var progress = new Progress(console, "extract");
            var jsonOptions = new AnalysisJsonOptions { Tokens = !parse.GetValue(noTokens) };
            int accepted = 0, failedStages = 0;

            using var stdout = console.OpenStdout();
            using var buffered = new BufferedStream(stdout, 1 << 16);
            using var json = new Utf8JsonWriter(buffered, AnalysisJson.WriterOptions());
            foreach (var result in Inputs.Read(paths, parse.GetValue(inputFormat), console))
            {
                if (result.Rejection is { } rejection)
                {
                    rejections.Add(rejection);
                    continue;
                }
                var analysis = pipeline.Run(result.Article!, parse.GetValue(strict));
                accepted++;
                foreach (var f in analysis.Failures)
                {
                    failedStages++;
                    console.Error.WriteLine($"depesche: {result.Article!.Origin}: stage {f.StageId} failed: {f.ExceptionType}: {f.Message}");
                }
                if (pretty)
                {
                    json.Flush();
                    buffered.Flush();
                    console.Out.Write(PrettyPrinter.Render(analysis));
                    console.Out.Flush();
                }
                else
                {
                    AnalysisJson.Write(json, analysis, jsonOptions);
                    json.Flush();
                    json.Reset();
                    buffered.WriteByte((byte)'\n');
                }
                progress.Tick();
            }
            buffered.Flush();
            progress.Finish();
            if (console.IsTerminal || rejections.Count > 0 || failedStages > 0)
                console.Error.WriteLine($"extract: {accepted} articles, {rejections.Summary()}, {failedStages} stage failures");
            if (accepted == 0 && rejections.Count > 0) return ExitCodes.NothingAccepted;
            return rejections.Count > 0 || failedStages > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
        });
        return cmd;
    }
}
