namespace Depesche.Cli.Infrastructure;

/// <summary>The exit codes of every verb. Documented in <c>depesche --help</c> and docs/cli.md.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The command ran, but some input was rejected (each rejection is reported on stderr).</summary>
    public const int SomeRejected = 1;
    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
    /// <summary>A file or folder could not be read or written.</summary>
    public const int IoError = 3;
    /// <summary>No input was accepted at all.</summary>
    public const int NothingAccepted = 4;
    /// <summary>An evaluation fell below its pinned floor.</summary>
    public const int BelowFloor = 5;
    /// <summary>A bug: an exception nobody expected (EX_SOFTWARE).</summary>
    public const int Internal = 70;

    public const string Help =
        "Exit codes: 0 ok; 1 some input rejected (see stderr); 2 usage error; 3 file could not be read or written; " +
        "4 no input accepted; 5 evaluation below its floor; 70 internal error.";
}

/// <summary>An expected failure with a message for the user and an exit code.</summary>
public sealed class CliException(string message, int exitCode = ExitCodes.Usage) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
