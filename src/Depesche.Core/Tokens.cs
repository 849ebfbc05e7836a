using System.Runtime.CompilerServices;

namespace Depesche.Core;

/// <summary>What a token is, as decided by the tokenizer.</summary>
public enum TokenKind : byte
{
    Word,
    Number,        // 1.000,50  3,5  -2,1  2025
    Ordinal,       // 18.  (as in "18. Dezember")
    Abbreviation,  // z.B.  Dr.  Mrd.
    Punctuation,   // . , ; : ! ?
    Quote,         // „ “ " » « ‚ ‘ '
    Bracket,       // ( ) [ ]
    Dash,          // - – — when standing alone
    Ellipsis,      // ... …
    Symbol,        // % € $ § & / +
    Url,
    Email,
    Handle,        // @dpa
    Hashtag,
    Other,
}

/// <summary>Orthographic facts about a token, computed once by the tokenizer.</summary>
[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    Capitalized = 1 << 0,     // first letter upper case
    AllCaps = 1 << 1,         // at least two letters, all upper case
    HasDigit = 1 << 2,
    HasHyphen = 1 << 3,
    SpaceBefore = 1 << 4,     // whitespace (or text start) precedes the token
    NewlineBefore = 1 << 5,   // a line break precedes the token
    ParagraphStart = 1 << 6,  // a blank line (or text start) precedes the token
    OpeningQuote = 1 << 7,
    ClosingQuote = 1 << 8,
    SentenceStart = 1 << 9,
}

/// <summary>
/// The tokens of one text as a struct of arrays. Immutable once built.
/// Invariants: tokens are ordered, non-overlapping, non-empty, and inside the text; sentence indices are non-decreasing.
/// Thread-safe for reading.
/// </summary>
public sealed class TokenTable : ILayer
{
    private readonly int[] _start;
    private readonly int[] _end;
    private readonly TokenKind[] _kind;
    private readonly TokenFlags[] _flags;
    private readonly int[] _sentence;

    internal TokenTable(string text, int[] start, int[] end, TokenKind[] kind, TokenFlags[] flags, int[] sentence, int count, Producer producer)
    {
        Text = text;
        _start = start;
        _end = end;
        _kind = kind;
        _flags = flags;
        _sentence = sentence;
        Count = count;
        Producer = producer;
    }

    public LayerName Name => LayerName.Tokens;
    public Producer Producer { get; }
    public string Text { get; }
    public int Count { get; }

    public Token this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Count) ThrowHelper.IndexOutOfRange(index, Count);
            return new Token(this, index);
        }
    }

    public ReadOnlySpan<int> Starts => _start.AsSpan(0, Count);
    public ReadOnlySpan<int> Ends => _end.AsSpan(0, Count);
    public ReadOnlySpan<TokenKind> Kinds => _kind.AsSpan(0, Count);
    public ReadOnlySpan<TokenFlags> Flags => _flags.AsSpan(0, Count);
    public ReadOnlySpan<int> SentenceIndices => _sentence.AsSpan(0, Count);

    public int StartOf(int i) => _start[i];
    public int EndOf(int i) => _end[i];
    public TokenKind KindOf(int i) => _kind[i];
    public TokenFlags FlagsOf(int i) => _flags[i];
    public int SentenceOf(int i) => _sentence[i];
    public ReadOnlySpan<char> TextOf(int i) => Text.AsSpan(_start[i], _end[i] - _start[i]);

    public TokenSpan All => new(this, 0, Count);

    /// <summary>Index of the first token whose end is after <paramref name="offset"/>, or <see cref="Count"/>.</summary>
    public int FirstEndingAfter(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_end[mid] <= offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>The tokens overlapping a character range.</summary>
    public TokenSpan Covering(TextRange range)
    {
        int first = FirstEndingAfter(range.Start);
        int last = first;
        while (last < Count && _start[last] < range.End) last++;
        return new TokenSpan(this, first, last);
    }
}

/// <summary>A handle on one token: a table and an index. Cheap to copy; never outlives meaning if the table is kept.</summary>
public readonly struct Token
{
    private readonly TokenTable _table;

    internal Token(TokenTable table, int index)
    {
        _table = table;
        Index = index;
    }

    public int Index { get; }
    public int Start => _table.StartOf(Index);
    public int End => _table.EndOf(Index);
    public TextRange Range => new(Start, End);
    public TokenKind Kind => _table.KindOf(Index);
    public TokenFlags Flags => _table.FlagsOf(Index);
    public int SentenceIndex => _table.SentenceOf(Index);
    public ReadOnlySpan<char> Text => _table.TextOf(Index);
    public bool Has(TokenFlags flag) => (Flags & flag) == flag;
    public override string ToString() => Text.ToString();
}

/// <summary>A contiguous run of tokens <c>[First, End)</c>.</summary>
public readonly struct TokenSpan
{
    private readonly TokenTable _table;

    public TokenSpan(TokenTable table, int first, int end)
    {
        if (first < 0 || end < first || end > table.Count)
            throw new ArgumentOutOfRangeException(nameof(first), $"Invalid token span [{first}, {end}) of {table.Count}.");
        _table = table;
        First = first;
        End = end;
    }

    public int First { get; }
    public int End { get; }
    public int Count => End - First;
    public Token this[int i] => _table[First + i];

    /// <summary>Character range from the first token's start to the last token's end; empty at 0 for an empty span.</summary>
    public TextRange Range => Count == 0 ? default : new(_table.StartOf(First), _table.EndOf(End - 1));

    public Enumerator GetEnumerator() => new(_table, First, End);

    public struct Enumerator
    {
        private readonly TokenTable _table;
        private readonly int _end;
        private int _i;

        internal Enumerator(TokenTable table, int first, int end)
        {
            _table = table;
            _i = first - 1;
            _end = end;
        }

        public readonly Token Current => new(_table, _i);
        public bool MoveNext() => ++_i < _end;
    }
}

/// <summary>
/// Builds a <see cref="TokenTable"/> in one pass. Tokens must be appended in order; the builder
/// checks the invariants so a buggy tokenizer fails loudly instead of producing drifting offsets.
/// </summary>
public sealed class TokenTableBuilder
{
    private string _text;
    private int[] _start;
    private int[] _end;
    private TokenKind[] _kind;
    private TokenFlags[] _flags;
    private int[] _sentence;
    private int _count;

    public TokenTableBuilder(string text, int capacityHint = 0)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        int cap = capacityHint > 0 ? capacityHint : Math.Max(16, text.Length / 5);
        _start = new int[cap];
        _end = new int[cap];
        _kind = new TokenKind[cap];
        _flags = new TokenFlags[cap];
        _sentence = new int[cap];
    }

    public int Count => _count;

    /// <summary>
    /// Empties the builder for another text, keeping its arrays. A table built before shares those arrays, so it must
    /// no longer be in use: this is for scratch tables that never leave the caller (the tokenizer's first pass).
    /// </summary>
    public void Reset(string text)
    {
        _text = text ?? throw new ArgumentNullException(nameof(text));
        _count = 0;
    }

    /// <summary>Grows the arrays to hold at least <paramref name="capacity"/> tokens.</summary>
    public void EnsureCapacity(int capacity)
    {
        while (_start.Length < capacity) Grow();
    }

    public void Add(int start, int end, TokenKind kind, TokenFlags flags, int sentence = 0)
    {
        if (start < 0 || end <= start || end > _text.Length)
            ThrowHelper.InvalidToken(start, end, _text.Length);
        if (_count > 0 && start < _end[_count - 1])
            ThrowHelper.OverlappingToken(start, _end[_count - 1]);
        if (_count > 0 && sentence < _sentence[_count - 1])
            ThrowHelper.SentenceOrder(sentence, _sentence[_count - 1]);
        if (_count == _start.Length) Grow();
        _start[_count] = start;
        _end[_count] = end;
        _kind[_count] = kind;
        _flags[_count] = flags;
        _sentence[_count] = sentence;
        _count++;
    }

    /// <summary>Sets flags and sentence index of an already added token (used by a sentence splitter working on the table).</summary>
    public void SetSentence(int index, int sentence) => _sentence[index] = sentence;
    public void AddFlags(int index, TokenFlags flags) => _flags[index] |= flags;
    public int StartOf(int index) => _start[index];
    public int EndOf(int index) => _end[index];
    public TokenKind KindOf(int index) => _kind[index];
    public TokenFlags FlagsOf(int index) => _flags[index];

    public TokenTable Build(Producer producer)
    {
        for (int i = 1; i < _count; i++)
            if (_sentence[i] < _sentence[i - 1]) ThrowHelper.SentenceOrder(_sentence[i], _sentence[i - 1]);
        return new TokenTable(_text, _start, _end, _kind, _flags, _sentence, _count, producer);
    }

    private void Grow()
    {
        int n = _start.Length * 2;
        Array.Resize(ref _start, n);
        Array.Resize(ref _end, n);
        Array.Resize(ref _kind, n);
        Array.Resize(ref _flags, n);
        Array.Resize(ref _sentence, n);
    }
}
