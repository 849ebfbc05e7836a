namespace Depesche.Entities.Ner;

/// <summary>
/// Name lists as hashes of token sequences (case-sensitive), each carrying a bit mask of list kinds, plus
/// lower-cased stems of place names for derived forms (<c>Moskauer</c>, <c>ukrainischen</c>).
/// Holds no strings: a model file stores only hashes. Immutable after <see cref="Builder.Build"/>; thread-safe for reading.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>List kinds (bit index in a mask). At most 8.</summary>
    public enum Kind : byte { Country = 0, City = 1, Region = 2, Surname = 3, FirstName = 4, Organisation = 5, Media = 6, Demonym = 7 }

    public const int KindCount = 8;
    public const int MaxTokens = 6;

    private readonly Dictionary<ulong, byte> _spans;
    private readonly HashSet<ulong> _stems;
    private readonly SpanTable _table;

    internal Gazetteer(Dictionary<ulong, byte> spans, HashSet<ulong> stems)
    {
        _spans = spans;
        _stems = stems;
        _table = new SpanTable(spans);
    }

    /// <summary>
    /// Open addressing over the span hashes for <see cref="Lookup"/>: the tagger asks up to <see cref="MaxTokens"/>
    /// times per token and almost always misses, and a profile showed Dictionary's bucket/entry indirection at 6 % of
    /// the full pipeline. The keys are already mixed 64-bit hashes, so their low bits index the table directly.
    /// </summary>
    private sealed class SpanTable
    {
        private readonly ulong[] _keys;
        private readonly byte[] _values;
        private readonly int _mask;
        private readonly byte _zeroValue;   // key 0 marks an empty slot, so its own value is kept aside
        // Why: the table is megabytes and nearly every probe misses; one bit per 16 slots' worth of keys, indexed by
        // the key's high half, fits in the L2 cache and turns most misses away without touching the table.
        private readonly ulong[] _filter;
        private readonly int _filterMask;

        public SpanTable(Dictionary<ulong, byte> spans)
        {
            int cap = 4;
            while (cap < spans.Count * 2) cap <<= 1;
            _keys = new ulong[cap];
            _values = new byte[cap];
            _mask = cap - 1;
            int bits = 64;
            while (bits < spans.Count * 16) bits <<= 1;
            _filter = new ulong[bits / 64];
            _filterMask = bits - 1;
            foreach (var (k, v) in spans)
            {
                int b = (int)((k >> 32) & (ulong)_filterMask);
                _filter[b >> 6] |= 1UL << (b & 63);
                if (k == 0) { _zeroValue = v; continue; }
                int i = (int)(k & (ulong)_mask);
                while (_keys[i] != 0) i = (i + 1) & _mask;
                _keys[i] = k;
                _values[i] = v;
            }
        }

        public byte Get(ulong key)
        {
            int b = (int)((key >> 32) & (ulong)_filterMask);
            if ((_filter[b >> 6] & (1UL << (b & 63))) == 0) return 0;
            if (key == 0) return _zeroValue;
            var keys = _keys;
            int i = (int)(key & (ulong)_mask);
            while (true)
            {
                ulong k = keys[i];
                if (k == key) return _values[i];
                if (k == 0) return 0;
                i = (i + 1) & _mask;
            }
        }
    }

    public static Gazetteer Empty { get; } = new(new Dictionary<ulong, byte>(), new HashSet<ulong>());

    public int EntryCount => _spans.Count;
    public int StemCount => _stems.Count;
    public bool IsEmpty => _spans.Count == 0 && _stems.Count == 0;

    public static ulong SpanStart => 0x51ED27A5B0C3D4E1UL;

    /// <summary>The kind mask of a token sequence whose running hash (see <see cref="SpanStart"/>, <see cref="TextHash.Combine"/> over exact token hashes) is <paramref name="spanHash"/>.</summary>
    public byte Lookup(ulong spanHash) => _table.Get(spanHash);

    /// <summary>Whether a lower-cased form with a derivational ending removed names a place (<c>moskau</c>+<c>er</c>).</summary>
    public bool IsPlaceStem(ReadOnlySpan<char> token)
    {
        if (_stems.Count == 0 || token.Length < 4) return false;
        foreach (var suffix in DerivSuffixes)
        {
            if (token.Length - suffix.Length < 3 || !token.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            if (_stems.Contains(TextHash.Lower(token[..^suffix.Length]))) return true;
        }
        return false;
    }

    private static readonly string[] DerivSuffixes =
        ["ischen", "ischer", "isches", "ischem", "ische", "isch", "erinnen", "erin", "ern", "er", "en", "e", "innen", "in"];

    internal void Write(BinaryWriter w)
    {
        w.Write(_spans.Count);
        foreach (var (k, v) in _spans.OrderBy(p => p.Key)) { w.Write(k); w.Write(v); }
        w.Write(_stems.Count);
        foreach (var k in _stems.Order()) w.Write(k);
    }

    internal static Gazetteer Read(BinaryReader r)
    {
        int n = r.ReadInt32();
        var spans = new Dictionary<ulong, byte>(n);
        for (int i = 0; i < n; i++) { var k = r.ReadUInt64(); spans[k] = r.ReadByte(); }
        int m = r.ReadInt32();
        var stems = new HashSet<ulong>(m);
        for (int i = 0; i < m; i++) stems.Add(r.ReadUInt64());
        return new Gazetteer(spans, stems);
    }

    /// <summary>Collects names; not thread-safe.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<ulong, byte> _spans = new();
        private readonly HashSet<ulong> _stems = new();

        /// <summary>Adds a name (tokenised like the training data). Names not starting with a letter or digit, or longer than <see cref="MaxTokens"/> tokens, are ignored.</summary>
        public bool Add(Kind kind, string name)
        {
            name = name.Trim();
            if (name.Length < 2 || !char.IsLetterOrDigit(name[0])) return false;
            var toks = SimpleTokenizer.Tokenize(name);
            if (toks.Count == 0 || toks.Count > MaxTokens) return false;
            ulong h = SpanStart;
            foreach (var (s, e) in toks) h = TextHash.Combine(h, TextHash.Exact(name.AsSpan(s, e - s)));
            _spans.TryGetValue(h, out var mask);
            _spans[h] = (byte)(mask | (1 << (int)kind));
            return true;
        }

        /// <summary>Adds lower-cased stems of a one-word place name: the name, without final -e/-en/-ien/-land.</summary>
        public void AddPlaceStems(string name)
        {
            name = name.Trim();
            if (name.Length < 4 || name.Contains(' ', StringComparison.Ordinal) || !char.IsUpper(name[0])) return;
            var lower = name.ToLowerInvariant();
            _stems.Add(TextHash.Lower(lower));
            foreach (var end in new[] { "ien", "en", "e", "land", "a" })
                if (lower.Length - end.Length >= 3 && lower.EndsWith(end, StringComparison.Ordinal))
                    _stems.Add(TextHash.Lower(lower.AsSpan(0, lower.Length - end.Length)));
        }

        public Gazetteer Build() => new(new Dictionary<ulong, byte>(_spans), new HashSet<ulong>(_stems));
    }
}
