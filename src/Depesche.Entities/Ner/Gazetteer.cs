namespace Depesche.Entities.Ner;

/// <summary>
/// Name lists as hashes of token sequences (case-sensitive), each carrying a bit mask of list kinds, plus
/// lower-cased stems of place names for derived forms (<c>Moskauer</c>, <c>ukrainischen</c>).
/// Holds no strings: a model file stores only hashes. Immutable after <see cref="Builder.Build"/>; thread-safe for reading.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>List kinds (bit index in a mask). At most 8.</summary>
    public enum Kind : byte { Country = 0, City = 1, Region = 2, Surname = 3, FirstName = 4, Organisation = 5, Media = 6, Other = 7 }

    public const int KindCount = 8;
    public const int MaxTokens = 6;

    private readonly Dictionary<ulong, byte> _spans;
    private readonly HashSet<ulong> _stems;

    internal Gazetteer(Dictionary<ulong, byte> spans, HashSet<ulong> stems)
    {
        _spans = spans;
        _stems = stems;
    }

    public static Gazetteer Empty { get; } = new(new Dictionary<ulong, byte>(), new HashSet<ulong>());

    public int EntryCount => _spans.Count;
    public int StemCount => _stems.Count;
    public bool IsEmpty => _spans.Count == 0 && _stems.Count == 0;

    public static ulong SpanStart => 0x51ED27A5B0C3D4E1UL;

    /// <summary>The kind mask of a token sequence whose running hash (see <see cref="SpanStart"/>, <see cref="TextHash.Combine"/> over exact token hashes) is <paramref name="spanHash"/>.</summary>
    public byte Lookup(ulong spanHash) => _spans.TryGetValue(spanHash, out var m) ? m : (byte)0;

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
