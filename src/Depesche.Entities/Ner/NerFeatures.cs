namespace Depesche.Entities.Ner;

/// <summary>Which feature groups a model uses. Stored in the model so tagging reproduces training exactly.</summary>
[Flags]
public enum FeatureSet : int
{
    Core = 0,
    Clusters = 1,
    Gazetteer = 2,
    Context2 = 4,
    /// <summary>Gazetteer kinds of a token's stem when the token itself is not listed: genitive <c>Dänemarks</c>, <c>Goethes</c>.</summary>
    Inflection = 8,
    All = Clusters | Gazetteer | Context2,
    Version2 = All | Inflection,
}

/// <summary>
/// Per-token feature rows of one sentence: token <c>i</c> owns <c>Rows[Offsets[i]..Offsets[i+1]]</c>.
/// A reusable scratch buffer; not thread-safe, one per thread.
/// </summary>
public sealed class FeatureBuffer
{
    public int[] Rows = new int[4096];
    public int[] Offsets = new int[129];
    public int Count;
    internal ulong[] Exact = new ulong[128], Lower = new ulong[128], Shape = new ulong[128];
    internal uint[] Cluster = new uint[128];
    internal ushort[] Gaz = new ushort[128];
    internal byte[] GazStem = new byte[128];
    internal byte[] Misc = new byte[128];

    internal void Ensure(int n)
    {
        if (Exact.Length < n)
        {
            int m = Math.Max(n, Exact.Length * 2);
            Exact = new ulong[m]; Lower = new ulong[m]; Shape = new ulong[m];
            Cluster = new uint[m]; Gaz = new ushort[m]; GazStem = new byte[m]; Misc = new byte[m];
            Offsets = new int[m + 1];
        }
        if (Rows.Length < n * 64) Rows = new int[Math.Max(n * 64, Rows.Length * 2)];
    }
}

/// <summary>
/// Turns a tokenised sentence into hashed feature rows. Hot path: no allocation per token; every string value is a
/// span hashed in place (<see cref="TextHash"/>). Thread-safe (stateless apart from the immutable resources).
/// </summary>
internal sealed class NerFeatures
{
    private readonly FeatureSet _set;
    private readonly Gazetteer _gaz;
    private readonly WordClusters _clusters;
    private readonly int _mask;

    public NerFeatures(FeatureSet set, Gazetteer gaz, WordClusters clusters, int rowBits)
    {
        _set = set;
        _gaz = gaz;
        _clusters = clusters;
        _mask = (1 << rowBits) - 1;
    }

    private const ulong Bos = 0x0B05UL, Eos = 0x0E05UL;
    private const byte InQuote = 1, InParen = 2, PlaceStem = 4, Hyphen = 8, Upper = 16, AllCaps = 32;

    /// <summary>Fills <paramref name="buf"/> with the features of the tokens <c>text[starts[i]..ends[i]]</c>.</summary>
    public void Extract(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends, FeatureBuffer buf)
    {
        int n = starts.Length;
        buf.Ensure(n);
        var exact = buf.Exact; var lower = buf.Lower; var shape = buf.Shape;
        var cl = buf.Cluster; var gaz = buf.Gaz; var gazStem = buf.GazStem; var misc = buf.Misc;

        // 1. Per-token hashes and flags.
        bool quote = false; int paren = 0;
        for (int i = 0; i < n; i++)
        {
            var t = text[starts[i]..ends[i]];
            exact[i] = TextHash.Exact(t);
            lower[i] = TextHash.Lower(t);
            shape[i] = TextHash.Shape(t);
            cl[i] = (_set & FeatureSet.Clusters) != 0 ? _clusters.Lookup(TextHash.Norm(t)) : 0;
            gaz[i] = 0;
            byte m = 0;
            if (t.Length == 1 && t[0] is '"' or '„' or '“' or '”' or '»' or '«') { quote = !quote; }
            else if (t.Length == 1 && t[0] == '(') paren++;
            else if (t.Length == 1 && t[0] == ')') paren = Math.Max(0, paren - 1);
            else
            {
                if (quote) m |= InQuote;
                if (paren > 0) m |= InParen;
            }
            if (t.Length > 1 && t.IndexOf('-') > 0) m |= Hyphen;
            if (char.IsUpper(t[0])) m |= Upper;
            if (t.Length > 1 && IsAllCaps(t)) m |= AllCaps;
            if ((_set & FeatureSet.Gazetteer) != 0 && !char.IsUpper(t[0]) && _gaz.IsPlaceStem(t)) m |= PlaceStem;
            misc[i] = m;
        }

        // 2. Gazetteer matches: every listed span marks B (bit k) on its first token and I (bit 8+k) on the rest.
        if ((_set & FeatureSet.Gazetteer) != 0 && !_gaz.IsEmpty)
            for (int i = 0; i < n; i++)
            {
                ulong h = Gazetteer.SpanStart;
                for (int len = 1; len <= Gazetteer.MaxTokens && i + len <= n; len++)
                {
                    h = TextHash.Combine(h, exact[i + len - 1]);
                    byte mask = _gaz.Lookup(h);
                    if (mask == 0) continue;
                    gaz[i] |= mask;
                    for (int j = i + 1; j < i + len; j++) gaz[j] |= (ushort)(mask << 8);
                }
            }
        bool inflection = (_set & (FeatureSet.Gazetteer | FeatureSet.Inflection)) == (FeatureSet.Gazetteer | FeatureSet.Inflection) && !_gaz.IsEmpty;
        if (inflection)
            for (int i = 0; i < n; i++)
            {
                gazStem[i] = 0;
                if (gaz[i] != 0) continue;
                var t = text[starts[i]..ends[i]];
                int cut = InflectionCut(t);
                if (cut > 0) gazStem[i] = _gaz.Lookup(TextHash.Combine(Gazetteer.SpanStart, TextHash.Exact(t[..^cut])));
                // Why: city demonyms are the city plus -er (Regensburger, Wuppertalern); only big cities have place stems.
                cut = DemonymCut(t);
                if (cut > 0 && (_gaz.Lookup(TextHash.Combine(Gazetteer.SpanStart, TextHash.Exact(t[..^cut]))) & CityLike) != 0)
                    gazStem[i] |= 0x80;
            }

        // 3. Templates.
        int k = 0;
        var rows = buf.Rows;
        for (int i = 0; i < n; i++)
        {
            buf.Offsets[i] = k;
            var t = text[starts[i]..ends[i]];
            ulong lp = i > 0 ? lower[i - 1] : Bos, ln = i + 1 < n ? lower[i + 1] : Eos;
            rows[k++] = Row(1, 0);
            rows[k++] = Row(2, exact[i]);
            rows[k++] = Row(3, lower[i]);
            rows[k++] = Row(4, lp);
            rows[k++] = Row(5, ln);
            rows[k++] = Row(6, TextHash.Combine(lp, lower[i]));
            rows[k++] = Row(7, TextHash.Combine(lower[i], ln));
            rows[k++] = Row(8, shape[i]);
            rows[k++] = Row(9, i > 0 ? shape[i - 1] : Bos);
            rows[k++] = Row(10, i + 1 < n ? shape[i + 1] : Eos);
            rows[k++] = Row(11, TextHash.Combine(i > 0 ? shape[i - 1] : Bos, TextHash.Combine(shape[i], i + 1 < n ? shape[i + 1] : Eos)));
            if (t.Length > 3)
            {
                rows[k++] = Row(12, TextHash.Lower(t[..3]));
                rows[k++] = Row(13, TextHash.Lower(t[^3..]));
            }
            if (t.Length > 4)
            {
                rows[k++] = Row(14, TextHash.Lower(t[..4]));
                rows[k++] = Row(15, TextHash.Lower(t[^4..]));
            }
            if (t.Length > 2) rows[k++] = Row(16, TextHash.Lower(t[^2..]));
            if (t.Length > 5) rows[k++] = Row(17, TextHash.Lower(t[^5..]));
            byte m = misc[i];
            // Why: sentence-initial capitals say nothing about nouns/names in German; position conditions the shape.
            rows[k++] = Row(18, (ulong)(Math.Min(i, 3) * 64 + m));
            if (i > 0) rows[k++] = Row(19, TextHash.Combine(exact[i - 1], (ulong)m));
            if ((m & Hyphen) != 0)
            {
                int h = t.IndexOf('-'), last = t.LastIndexOf('-');
                var head = t[..h];
                rows[k++] = Row(20, TextHash.Lower(head));
                if (last + 1 < t.Length) rows[k++] = Row(21, TextHash.Lower(t[(last + 1)..]));
                if ((_set & FeatureSet.Clusters) != 0) rows[k++] = Row(22, _clusters.Lookup(TextHash.Norm(head)) >> 12);
                if ((_set & FeatureSet.Gazetteer) != 0)
                    rows[k++] = Row(23, _gaz.Lookup(TextHash.Combine(Gazetteer.SpanStart, TextHash.Exact(head))));
            }
            if ((_set & FeatureSet.Context2) != 0)
            {
                rows[k++] = Row(24, i > 1 ? lower[i - 2] : Bos);
                rows[k++] = Row(25, i + 2 < n ? lower[i + 2] : Eos);
            }
            if ((_set & FeatureSet.Clusters) != 0)
            {
                uint c = cl[i];
                rows[k++] = Row(26, c & 0xFFF);
                rows[k++] = Row(27, (c >> 12) & 0x3FF);
                rows[k++] = Row(28, c >> 22);
                uint cp = i > 0 ? cl[i - 1] : 0xFFFFFFFF, cn = i + 1 < n ? cl[i + 1] : 0xFFFFFFFE;
                rows[k++] = Row(29, (cp >> 12) & 0x3FF | (cp == 0xFFFFFFFF ? 0x400u : 0));
                rows[k++] = Row(30, (cn >> 12) & 0x3FF | (cn == 0xFFFFFFFE ? 0x400u : 0));
                rows[k++] = Row(31, cp & 0xFFF | (cp == 0xFFFFFFFF ? 0x1000u : 0));
                rows[k++] = Row(32, cn & 0xFFF | (cn == 0xFFFFFFFE ? 0x1000u : 0));
                rows[k++] = Row(33, TextHash.Combine(lp, c & 0xFFF));
            }
            if ((_set & FeatureSet.Gazetteer) != 0)
            {
                ushort g = gaz[i];
                if (g != 0)
                {
                    rows[k++] = Row(34, g);
                    for (int b = 0; b < 16; b++)
                        if ((g & (1 << b)) != 0) rows[k++] = Row(35, (ulong)b);
                }
                if ((m & PlaceStem) != 0) rows[k++] = Row(36, TextHash.Lower(t[^Math.Min(3, t.Length)..]));
                else if (inflection && (m & Upper) != 0 && _gaz.IsPlaceStem(t)) rows[k++] = Row(42, TextHash.Lower(t[^Math.Min(3, t.Length)..]));
                rows[k++] = Row(37, (ulong)(i > 0 ? gaz[i - 1] : 0xFFFF));
                rows[k++] = Row(38, (ulong)(i + 1 < n ? gaz[i + 1] : 0xFFFF));
                if (g != 0) rows[k++] = Row(39, TextHash.Combine(lp, g));
                if (inflection && gazStem[i] != 0)
                {
                    // Why a template per kind bit and not per mask: a stem on two lists (Surname and City) still says "name".
                    for (int b = 0; b < 8; b++)
                        if ((gazStem[i] & (1 << b)) != 0) rows[k++] = Row(40, (ulong)b);
                    rows[k++] = Row(41, TextHash.Combine(lp, gazStem[i]));
                }
            }
        }
        buf.Offsets[n] = k;
        buf.Count = n;
    }

    /// <summary>
    /// How many trailing characters to strip to reach a listed stem: genitive <c>-s</c>/<c>-es</c>/<c>'s</c>
    /// (<c>Dänemarks</c>, <c>Goethes</c>, <c>Bush's</c>), the Saxon apostrophe (<c>Lenz'</c>). 0 = no candidate.
    /// Only capitalised tokens: a lower-case word ending in -s is no inflected name.
    /// </summary>
    internal static int InflectionCut(ReadOnlySpan<char> t)
    {
        if (t.Length < 4 || !char.IsUpper(t[0])) return 0;
        if (t[^1] is '\'' or '’') return 1;
        if (t[^1] != 's') return 0;
        if (t[^2] is '\'' or '’') return 2;
        return 1;
    }

    private const byte CityLike = (1 << (int)Gazetteer.Kind.City) | (1 << (int)Gazetteer.Kind.Region) | (1 << (int)Gazetteer.Kind.Country);

    /// <summary>Characters to strip from a capitalised <c>-er/-ern/-ers</c> word to reach its place (<c>Pulheimer</c> → <c>Pulheim</c>); 0 = none.</summary>
    internal static int DemonymCut(ReadOnlySpan<char> t)
    {
        if (t.Length < 6 || !char.IsUpper(t[0])) return 0;
        if (t.EndsWith("er")) return 2;
        if (t.EndsWith("ern") || t.EndsWith("ers")) return 3;
        return 0;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> t)
    {
        int letters = 0;
        foreach (var c in t)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 2;
    }

    private int Row(uint template, ulong value) => (int)(TextHash.Combine(template * 0x9E3779B1UL, value) >> 20) & _mask;
}
