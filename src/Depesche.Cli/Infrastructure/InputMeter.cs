using Depesche.Core;

namespace Depesche.Cli.Infrastructure;

/// <summary>
/// Measures how far an ingest has read its inputs, in bytes: the total is the size of every file under the given
/// paths (a cheap directory walk, no reading), the position is the size of the files finished plus the byte offset
/// inside the current one where the reader reports it (JSON Lines). Standard input has no total.
/// </summary>
public sealed class InputMeter
{
    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finished = new(StringComparer.Ordinal);
    private string? _current;
    private long _currentOffset;
    private long _finishedBytes;

    /// <summary>Sizes every file under <paramref name="paths"/>, except inputs <paramref name="skip"/> says need no reading.</summary>
    public InputMeter(IEnumerable<string> paths, Func<string, bool>? skip = null)
    {
        long total = 0;
        bool known = true;
        foreach (var p in paths)
        {
            if (p == "-") { known = false; continue; }
            if (skip?.Invoke(Path.GetFullPath(p)) == true) continue;
            IEnumerable<FileInfo> files = File.Exists(p) ? [new FileInfo(p)]
                : Directory.Exists(p) ? new DirectoryInfo(p).EnumerateFiles("*", SearchOption.AllDirectories) : [];
            foreach (var f in files)
            {
                if (_sizes.TryAdd(f.FullName, f.Length)) total += f.Length;
            }
        }
        Total = known ? total : null;
    }

    /// <summary>Total input bytes, or null when an input (standard input) has no known size.</summary>
    public long? Total { get; }

    public long Done => Math.Min(_finishedBytes + _currentOffset, Total ?? long.MaxValue);

    /// <summary>Notes one read result: a new origin file finishes the previous one.</summary>
    public ReadResult Observe(ReadResult r)
    {
        var at = r.Article?.Origin ?? r.Rejection?.Location;
        if (at?.File is not { } file || file == "-") return r;
        var full = Path.GetFullPath(file);
        if (full != _current)
        {
            Finish(_current);
            _current = full;
            _currentOffset = 0;
        }
        if (at.Value.Byte is { } b) _currentOffset = Math.Max(_currentOffset, b);
        return r;
    }

    private void Finish(string? file)
    {
        if (file is not null && _finished.Add(file) && _sizes.TryGetValue(file, out var size)) _finishedBytes += size;
    }

    /// <summary>Marks every file below an input as read (the input's reader finished).</summary>
    public void FinishInput(string path)
    {
        Finish(_current);
        _current = null;
        _currentOffset = 0;
        var full = Path.GetFullPath(path);
        foreach (var f in _sizes.Keys.Where(k => k == full || k.StartsWith(full + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList()) Finish(f);
    }
}
