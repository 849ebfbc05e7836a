using System.Diagnostics;

namespace Depesche.Cli.Infrastructure;

/// <summary>
/// Progress on stderr. On a terminal: one line redrawn at most ten times a second, a bar with percentage and ETA when
/// the total is known (<see cref="SetBytes"/> or a count total), the rate and elapsed time otherwise. Not on a
/// terminal: a plain line every <c>quietInterval</c> (default 10 s), so a log shows the run is alive without
/// carriage returns. Single-threaded.
/// </summary>
public sealed class Progress
{
    private readonly CliConsole _console;
    private readonly string _label;
    private readonly long? _total;
    private readonly TimeSpan _quietInterval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private long _lastQuiet;
    private long _done;
    private long _bytesDone;
    private long? _bytesTotal;

    public Progress(CliConsole console, string label, long? total = null, TimeSpan? quietInterval = null)
    {
        _console = console;
        _label = label;
        _total = total;
        _quietInterval = quietInterval ?? TimeSpan.FromSeconds(10);
    }

    public long Done => _done;
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Input bytes read so far out of a known total; the ETA then follows the bytes, not the count.</summary>
    public void SetBytes(long done, long? total)
    {
        _bytesDone = done;
        _bytesTotal = total;
    }

    public void Tick(long by = 1)
    {
        _done += by;
        long now = _clock.ElapsedMilliseconds;
        if (_console.IsTerminal)
        {
            if (now - _lastDraw < 100) return;
            _lastDraw = now;
            _console.Error.Write("\r" + Line(bar: true));
            return;
        }
        if (now - _lastQuiet < _quietInterval.TotalMilliseconds) return;
        _lastQuiet = now;
        _console.Error.WriteLine($"{_label}: progress {Line(bar: false)}");
    }

    public void Finish()
    {
        if (_console.IsTerminal) { _console.Error.Write("\r" + Line(bar: true)); _console.Error.WriteLine(); }
    }

    /// <summary>The progress text without label: count, rate, and share with ETA when a total is known.</summary>
    internal string Line(bool bar)
    {
        var elapsed = _clock.Elapsed;
        double secs = Math.Max(elapsed.TotalSeconds, 1e-3);
        double rate = _done / secs;
        double? share = _bytesTotal is { } bt && bt > 0 ? Math.Clamp((double)_bytesDone / bt, 0, 1)
            : _total is { } t && t > 0 ? Math.Clamp((double)_done / t, 0, 1) : null;
        var counted = _total is { } tt && tt > 0 ? $"{_done}/{tt}" : $"{_done}";
        if (share is not { } f)
            return (bar ? $"{_label} " : "") + $"{counted} {rate:F0}/s {Clock(elapsed)}";
        // Why: the share done so far predicts the rest at the same pace; bytes track a JSON Lines file as well as a folder of files.
        var eta = f > 0 ? TimeSpan.FromSeconds(secs * (1 - f) / f) : (TimeSpan?)null;
        var etaText = eta is { } e ? Clock(e) : "--:--";
        if (!bar) return $"{counted} {rate:F0}/s {f:P0} ETA {etaText}";
        const int width = 30;
        int filled = (int)Math.Round(width * f);
        return $"{_label} [{new string('#', filled)}{new string('.', width - filled)}] {f,4:P0} {counted} {rate:F0}/s ETA {etaText}";
    }

    private static string Clock(TimeSpan t) => t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t:mm\\:ss}" : $"{t:mm\\:ss}";
}
