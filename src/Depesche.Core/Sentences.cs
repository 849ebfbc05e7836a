namespace Depesche.Core;

/// <summary>
/// Sentence boundaries as a struct of arrays: character range and token range per sentence.
/// Invariants: ordered, non-overlapping, each token range matches the tokens' sentence indices.
/// </summary>
public sealed class SentenceTable : ILayer
{
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly int[] _firstToken;
    private readonly int[] _endToken;

    public SentenceTable(TokenTable tokens, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, ReadOnlySpan<int> firstTokens, ReadOnlySpan<int> endTokens, Producer producer)
    {
        int n = starts.Length;
        if (ends.Length != n || firstTokens.Length != n || endTokens.Length != n)
            throw new ArgumentException("Sentence arrays differ in length.");
        for (int i = 0; i < n; i++)
        {
            if (starts[i] < 0 || ends[i] < starts[i] || ends[i] > tokens.Text.Length)
                throw new ArgumentException($"Sentence {i} has an invalid range [{starts[i]}, {ends[i]}).");
            if (i > 0 && starts[i] < ends[i - 1])
                throw new ArgumentException($"Sentence {i} overlaps sentence {i - 1}.");
            if (firstTokens[i] < 0 || endTokens[i] < firstTokens[i] || endTokens[i] > tokens.Count)
                throw new ArgumentException($"Sentence {i} has an invalid token range.");
        }
        Tokens = tokens;
        _start = starts.ToArray();
        _end = ends.ToArray();
        _firstToken = firstTokens.ToArray();
        _endToken = endTokens.ToArray();
        Producer = producer;
    }

    public LayerName Name => LayerName.Sentences;
    public Producer Producer { get; }
    public TokenTable Tokens { get; }
    public int Count => _start.Length;
    public Sentence this[int index] => new(this, index);

    public int StartOf(int i) => _start[i];
    public int EndOf(int i) => _end[i];
    public TokenSpan TokensOf(int i) => new(Tokens, _firstToken[i], _endToken[i]);

    /// <summary>The sentence containing a character offset, or -1 when it falls between sentences.</summary>
    public int IndexAt(int offset)
    {
        int lo = 0, hi = Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (offset < _start[mid]) hi = mid - 1;
            else if (offset >= _end[mid]) lo = mid + 1;
            else return mid;
        }
        return -1;
    }

    public Enumerator GetEnumerator() => new(this);

    public struct Enumerator
    {
        private readonly SentenceTable _table;
        private int _i;
        internal Enumerator(SentenceTable table) { _table = table; _i = -1; }
        public readonly Sentence Current => new(_table, _i);
        public bool MoveNext() => ++_i < _table.Count;
    }
}

/// <summary>A handle on one sentence.</summary>
public readonly struct Sentence
{
    private readonly SentenceTable _table;
    internal Sentence(SentenceTable table, int index) { _table = table; Index = index; }
    public int Index { get; }
    public int Start => _table.StartOf(Index);
    public int End => _table.EndOf(Index);
    public TextRange Range => new(Start, End);
    public TokenSpan Tokens => _table.TokensOf(Index);
    public ReadOnlySpan<char> Text => _table.Tokens.Text.AsSpan(Start, End - Start);
    public override string ToString() => Text.ToString();
}
