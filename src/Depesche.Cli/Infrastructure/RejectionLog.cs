using Depesche.Core;

namespace Depesche.Cli.Infrastructure;

/// <summary>Reports each rejection on stderr as it happens and counts them per code for the closing summary.</summary>
public sealed class RejectionLog(CliConsole console)
{
    private readonly SortedDictionary<string, int> _byCode = new(StringComparer.Ordinal);

    public int Count { get; private set; }
    public IReadOnlyDictionary<string, int> ByCode => _byCode;

    public void Add(Rejection r)
    {
        Count++;
        _byCode[r.CodeName] = _byCode.GetValueOrDefault(r.CodeName) + 1;
        console.Error.WriteLine($"depesche: {r.Location}: {r.CodeName}: {r.Message}");
    }

    public string Summary() =>
        Count == 0 ? "0 rejected" : $"{Count} rejected (" + string.Join(", ", _byCode.Select(kv => $"{kv.Key}: {kv.Value}")) + ")";
}
