using System.CommandLine;
using System.Globalization;
using Depesche.Cli.Eval;
using Depesche.Cli.Infrastructure;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche eval</c>: accuracy against gold data, per stage, and the gate over pinned floors.</summary>
public static class EvalCommand
{
    public static Command Create(CliConsole console)
    {
        var cmd = new Command("eval", "Measure accuracy against gold data; 'eval gate' checks every stage against its pinned floor.");
        cmd.Add(GateCommand(console));
        cmd.Add(EvalLinkingCommand.Create(console));
        cmd.Add(EvalTimeCommand.Create(console));
        cmd.Add(EvalQuotesCommand.Create(console));
        cmd.Add(EvalNerCommand.Create(console));
        cmd.Add(EvalEventsCommand.Create(console));
        cmd.Add(EvalStoriesCommand.Create(console));
        return cmd;
    }

    private static Command GateCommand(CliConsole console)
    {
        var baseline = new Option<string>("--baseline") { Description = "The floors file.", DefaultValueFactory = _ => Path.Combine(RepoPaths.Root(), "eval", "baseline.json") };
        var shared = new Option<string?>("--shared") { Description = "The shared data folder (default: ../shared beside the repository)." };
        var update = new Option<bool>("--update") { Description = "Raise floors to the measured scores (pins new stages too)." };
        var allow = new Option<bool>("--allow-regression") { Description = "With --update: allow a floor to go down." };
        var c = new Command("gate", "Fail (exit 5) when any stage scores below its floor in eval/baseline.json.") { baseline, shared, update, allow };
        c.SetAction(parse =>
        {
            var sharedRoot = parse.GetValue(shared) ?? RepoPaths.Shared()
                ?? throw new CliException("no ../shared folder beside the repository; pass --shared", ExitCodes.IoError);
            var path = parse.GetValue(baseline)!;
            var floors = Gate.Load(path);
            var (rows, updated) = Gate.Check(Evaluations.All, floors, sharedRoot, parse.GetValue(update), parse.GetValue(allow));
            console.Out.WriteLine($"{"evaluation",-22} {"metric",-16} {"score",8} {"floor",8}  verdict");
            foreach (var r in rows)
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Name,-22} {r.Metric,-16} {Fmt(r.Score),8} {Fmt(r.Floor),8}  {r.Verdict}: {r.Note}"));
            if (parse.GetValue(update))
            {
                Gate.Save(path, updated);
                console.Out.WriteLine($"eval gate: floors written to {path}");
            }
            bool failed = rows.Any(r => r.Verdict is GateVerdict.BelowFloor or GateVerdict.DataChanged)
                          && !(parse.GetValue(update) && parse.GetValue(allow));
            console.Out.WriteLine(failed ? "eval gate: FAILED" : "eval gate: passed");
            return failed ? ExitCodes.BelowFloor : ExitCodes.Ok;
        });
        return c;
    }

    private static string Fmt(double? v) => v is { } x ? x.ToString("F2", CultureInfo.InvariantCulture) : "—";
}
