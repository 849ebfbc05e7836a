using Depesche.Cli.Infrastructure;
using Xunit;

namespace Depesche.Cli.Tests;

public sealed class InternalErrorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_unexpected_exception_is_reported_as_a_bug_with_exit_code_70_and_the_trace_only_on_request(bool trace)
    {
        var err = new StringWriter();
        var console = new CliConsole(new StringWriter(), err, () => new MemoryStream(), () => new MemoryStream(), isTerminal: false);
        Exception thrown;
        try
        {
            throw new ArgumentOutOfRangeException("value", "Value to add was out of range.");
        }
        catch (Exception e)
        {
            thrown = e;
        }
        Assert.Equal(ExitCodes.Internal, Program.ReportInternal(thrown, console, trace));
        var text = err.ToString();
        Assert.StartsWith("depesche: internal error: ArgumentOutOfRangeException: Value to add was out of range.", text);
        Assert.Contains("repeated ingest resumes", text);
        Assert.Equal(trace, text.Contains("   at ", StringComparison.Ordinal));
    }
}
