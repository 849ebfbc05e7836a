using System.CommandLine;
using Depesche.Cli.Commands;
using Depesche.Cli.Infrastructure;

namespace Depesche.Cli;

public static class Program
{
    public static int Main(string[] args) => Run(args, CliConsole.System());

    /// <summary>Runs the command line against the given console; tests call this with captured streams.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        var root = BuildRoot(console);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) console.Error.WriteLine("depesche: " + e.Message);
            console.Error.WriteLine("Try 'depesche --help'.");
            return ExitCodes.Usage;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            console.Error.WriteLine("depesche: " + ex.Message);
            return ex.ExitCode;
        }
        catch (Storage.StoreException ex)
        {
            console.Error.WriteLine("depesche: " + ex.Message);
            return ExitCodes.IoError;
        }
        catch (IOException ex)
        {
            console.Error.WriteLine("depesche: " + ex.Message);
            return ExitCodes.IoError;
        }
        catch (UnauthorizedAccessException ex)
        {
            console.Error.WriteLine("depesche: " + ex.Message);
            return ExitCodes.IoError;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ReportInternal(ex, console, Environment.GetEnvironmentVariable("DEPESCHE_DEBUG") is "1");
        }
    }

    /// <summary>
    /// An unexpected exception: what it was, that the store is safe, exit code 70. Why not the runtime's dump: the
    /// user needs to know that this is a bug and that batches are atomic (an ingest resumes), and the trace only on request.
    /// </summary>
    public static int ReportInternal(Exception ex, CliConsole console, bool trace)
    {
        console.Error.WriteLine($"depesche: internal error: {ex.GetType().Name}: {ex.Message}");
        console.Error.WriteLine("depesche: this is a bug. What was stored before it is kept, and a repeated ingest resumes after it. " +
            "Set DEPESCHE_DEBUG=1 for the stack trace.");
        if (trace) console.Error.WriteLine(ex);
        return ExitCodes.Internal;
    }

    public static RootCommand BuildRoot(CliConsole console)
    {
        var root = new RootCommand(
            "Depesche: German news-wire intelligence. Reads wire text, JSON Lines, RSS/Atom and HTML; " +
            "finds who, when, who said what, and what happened.\n\n" + ExitCodes.Help);
        root.Add(ExtractCommand.Create(console));
        root.Add(PipelineCommand.Create(console));
        root.Add(BenchCommand.Create(console));
        root.Add(EvalCommand.Create(console));
        root.Add(KbCommand.Create(console));
        root.Add(IngestCommand.Create(console));
        root.Add(SearchCommand.Create(console));
        root.Add(StoriesCommand.Create(console));
        root.Add(EntityCommand.Create(console));
        root.Add(QuotesCommand.Create(console));
        root.Add(EventsCommand.Create(console));
        root.Add(ExportCommand.Create(console));
        root.Add(WorkerCommand.Create(console));
        root.Add(ServeCommand.Create(console));
        root.Add(AgendaCommand.Create(console));
        root.Add(BriefCommand.Create(console));
        var train = new Command("train", "Train a model from the shared data.");
        train.Add(TrainNerCommand.Create(console));
        root.Add(train);
        return root;
    }
}
