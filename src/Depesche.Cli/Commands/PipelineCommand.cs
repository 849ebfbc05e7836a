using System.CommandLine;
using Depesche.Cli.Infrastructure;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche pipeline --explain</c>: the stages, in order, with what each requires and produces.</summary>
public static class PipelineCommand
{
    public static Command Create(CliConsole console)
    {
        var explain = new Option<bool>("--explain") { Description = "Print the stage table (the default action)." };
        var cmd = new Command("pipeline", "Show the analysis pipeline: stages in order, what each requires and produces.") { explain };
        cmd.SetAction(_ =>
        {
            console.Out.Write(PipelineFactory.Default().Explain());
            foreach (var o in PipelineFactory.Omitted) console.Out.WriteLine("left out: " + o);
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
