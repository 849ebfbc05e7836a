using Depesche.Cli.Infrastructure;
using Depesche.Core;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>The ingest progress line: bar and ETA on a terminal, quiet lines otherwise; and how input bytes are measured.</summary>
public sealed class ProgressTests
{
    private static (CliConsole Console, StringWriter Err) Console(bool terminal)
    {
        var err = new StringWriter();
        return (new CliConsole(new StringWriter(), err, () => Stream.Null, () => Stream.Null, terminal), err);
    }

    [Fact]
    public void A_known_total_gives_a_share_and_an_eta()
    {
        var (console, err) = Console(terminal: true);
        var p = new Progress(console, "ingest");
        p.SetBytes(250, 1000);
        p.Tick(10);
        var line = err.ToString();
        Assert.StartsWith("\ringest [", line, StringComparison.Ordinal);
        Assert.Matches(@"\[#{8}\.{22}\]\s+25\s?% 10 \d+/s ETA \d\d:\d\d$", line);
    }

    [Fact]
    public void An_unknown_total_gives_the_rate_and_elapsed_time()
    {
        var (console, err) = Console(terminal: true);
        var p = new Progress(console, "ingest");
        p.SetBytes(250, null);
        p.Tick(7);
        Assert.Matches(@"^\ringest 7 \d+/s \d\d:\d\d$", err.ToString());
        Assert.DoesNotContain("ETA", err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Off_a_terminal_progress_is_a_plain_line_without_carriage_returns()
    {
        var (console, err) = Console(terminal: false);
        var p = new Progress(console, "ingest", quietInterval: TimeSpan.Zero);
        p.SetBytes(500, 1000);
        p.Tick(3);
        p.Finish();
        var text = err.ToString();
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.Matches(@"^ingest: progress 3 \d+/s 50\s?% ETA \d\d:\d\d\n$", text.Replace("\r\n", "\n"));

        var (quiet, quietErr) = Console(terminal: false);
        var q = new Progress(quiet, "ingest");
        q.Tick();
        Assert.Empty(quietErr.ToString());
    }

    [Fact]
    public void The_input_meter_counts_finished_files_and_offsets_inside_the_current_one()
    {
        var dir = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "depesche-meter-" + Guid.NewGuid().ToString("N")[..8]));
        try
        {
            var a = Path.Combine(dir.FullName, "a.txt");
            var b = Path.Combine(dir.FullName, "b.jsonl");
            File.WriteAllText(a, new string('x', 100));
            File.WriteAllText(b, new string('y', 300));
            var meter = new InputMeter([dir.FullName]);
            Assert.Equal(400, meter.Total);
            meter.Observe(ReadResult.Fail(RejectionCode.EmptyInput, "x", new SourceLocation(a)));
            Assert.Equal(0, meter.Done);
            meter.Observe(ReadResult.Fail(RejectionCode.EmptyInput, "x", new SourceLocation(b, 3, 120)));
            Assert.Equal(220, meter.Done);
            meter.FinishInput(dir.FullName);
            Assert.Equal(400, meter.Done);

            Assert.Null(new InputMeter(["-", a]).Total);
            Assert.Equal(300, new InputMeter([dir.FullName], skip: p => false).Total - 100);
            Assert.Equal(0, new InputMeter([dir.FullName], skip: p => p == dir.FullName).Total);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
