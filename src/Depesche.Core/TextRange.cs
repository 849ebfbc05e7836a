namespace Depesche.Core;

/// <summary>
/// A half-open range <c>[Start, End)</c> of UTF-16 code units in an article's original text.
/// Invariant: <c>0 &lt;= Start &lt;= End</c>. Ranges never refer to normalised or rewritten text.
/// </summary>
public readonly record struct TextRange : ISpanned
{
    public TextRange(int start, int end)
    {
        if (start < 0 || end < start)
            throw new ArgumentOutOfRangeException(nameof(start), $"Invalid range [{start}, {end}).");
        Start = start;
        End = end;
    }

    public int Start { get; }
    public int End { get; }
    public int Length => End - Start;
    public bool IsEmpty => End == Start;

    public bool Contains(TextRange other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextRange other) => other.Start < End && Start < other.End;

    public string Slice(string text) => text.Substring(Start, Length);
    public ReadOnlySpan<char> SliceSpan(string text) => text.AsSpan(Start, Length);

    public override string ToString() => $"[{Start},{End})";
}

/// <summary>Anything that covers a half-open range of the original text.</summary>
public interface ISpanned
{
    int Start { get; }
    int End { get; }
}
