namespace Depesche.Cli.Infrastructure;

/// <summary>The process's standard streams, injectable so tests can run verbs in-process.</summary>
public sealed class CliConsole
{
    public CliConsole(TextWriter @out, TextWriter error, Func<Stream> openStdin, Func<Stream> openStdout, bool isTerminal)
    {
        Out = @out;
        Error = error;
        OpenStdin = openStdin;
        OpenStdout = openStdout;
        IsTerminal = isTerminal;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public Func<Stream> OpenStdin { get; }

    /// <summary>The raw stdout stream, for writing UTF-8 JSON Lines without a text-writer detour.</summary>
    public Func<Stream> OpenStdout { get; }

    /// <summary>True when stderr is a terminal: only then are progress bars drawn.</summary>
    public bool IsTerminal { get; }

    public static CliConsole System()
    {
        var utf8 = new global::System.Text.UTF8Encoding(false);
        Console.OutputEncoding = utf8;
        var stdout = new StreamWriter(Console.OpenStandardOutput(), utf8) { AutoFlush = true };
        return new CliConsole(stdout, Console.Error, Console.OpenStandardInput, Console.OpenStandardOutput, !Console.IsErrorRedirected);
    }
}
