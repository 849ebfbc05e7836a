using System.Diagnostics;

namespace Depesche.Cli.Infrastructure;

/// <summary>
/// A one-line progress display on stderr with rate, redrawn at most ten times a second. On a non-terminal it draws
/// nothing, so piped output stays clean.
/// </summary>
public sealed class Progress(CliConsole console, string label, long? total = null)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private long _done;

    public long Done => _done;
    public TimeSpan Elapsed => _clock.Elapsed;

    public void Tick(long by = 1)
    {
        _done += by;
        if (!console.IsTerminal) return;
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 100) return;
        _lastDraw = now;
        Draw();
    }

    public void Finish()
    {
        if (console.IsTerminal) { Draw(); console.Error.WriteLine(); }
    }

    private void Draw()
    {
        double secs = Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        double rate = _done / secs;
        string line;
        if (total is { } t && t > 0)
        {
            int width = 30;
            int filled = (int)Math.Min(width, width * _done / t);
            var eta = rate > 0 ? TimeSpan.FromSeconds((t - _done) / rate) : TimeSpan.Zero;
            line = $"\r{label} [{new string('#', filled)}{new string('.', width - filled)}] {_done}/{t} {rate:F0}/s ETA {eta:mm\\:ss}";
        }
        else
        {
            line = $"\r{label} {_done} {rate:F0}/s {_clock.Elapsed:mm\\:ss}";
        }
        console.Error.Write(line);
    }
}
