using System.Buffers.Binary;

namespace Depesche.Storage;

/// <summary>
/// A MinHash signature over word 3-shingles of lower-cased text: 64 minima, so the share of equal minima between
/// two signatures estimates the Jaccard similarity of their shingle sets (standard error about 0.06).
/// Locality-sensitive bands (16 bands of 4 minima) find candidates: two texts with Jaccard 0.7 share a band with
/// probability 0.99, with Jaccard 0.3 with probability 0.12.
/// </summary>
internal sealed class MinHashSignature
{
    public const int Size = 64;
    public const int Bands = 16;
    public const int Rows = Size / Bands;
    private const int ShingleWords = 3;

    private static readonly ulong[] Seeds = MakeSeeds();

    private MinHashSignature(ulong[] minima, int shingles)
    {
        Minima = minima;
        Shingles = shingles;
    }

    public ulong[] Minima { get; }

    /// <summary>How many distinct shingles the text had (0 for a text without words).</summary>
    public int Shingles { get; }

    public static MinHashSignature Of(string text)
    {
        var words = Words(text);
        var minima = new ulong[Size];
        Array.Fill(minima, ulong.MaxValue);
        var seen = new HashSet<ulong>();
        int n = Math.Max(1, words.Count - ShingleWords + 1);
        if (words.Count == 0) return new MinHashSignature(minima, 0);
        for (int i = 0; i < n; i++)
        {
            ulong h = 1469598103934665603UL;
            for (int j = i; j < Math.Min(words.Count, i + ShingleWords); j++)
                h = Mix(h ^ words[j]);
            if (!seen.Add(h)) continue;
            for (int k = 0; k < Size; k++)
            {
                ulong v = Mix(h ^ Seeds[k]);
                if (v < minima[k]) minima[k] = v;
            }
        }
        return new MinHashSignature(minima, seen.Count);
    }

    /// <summary>The estimated Jaccard similarity of the two shingle sets, in [0, 1].</summary>
    public double Similarity(MinHashSignature other)
    {
        if (Shingles == 0 || other.Shingles == 0) return 0;
        int eq = 0;
        for (int i = 0; i < Size; i++) if (Minima[i] == other.Minima[i]) eq++;
        return (double)eq / Size;
    }

    /// <summary>One 63-bit hash per band (positive, so it fits a signed 64-bit column on both backends).</summary>
    public long[] BandHashes()
    {
        var bands = new long[Bands];
        for (int b = 0; b < Bands; b++)
        {
            ulong h = (ulong)b * 0x9E3779B97F4A7C15UL;
            for (int r = 0; r < Rows; r++) h = Mix(h ^ Minima[b * Rows + r]);
            bands[b] = (long)(h >> 1);
        }
        return bands;
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[4 + Size * 8];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, Shingles);
        for (int i = 0; i < Size; i++) BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(4 + i * 8), Minima[i]);
        return bytes;
    }

    public static MinHashSignature FromBytes(byte[] bytes)
    {
        if (bytes.Length != 4 + Size * 8) throw new StoreException($"corrupt similarity signature ({bytes.Length} bytes)");
        var minima = new ulong[Size];
        for (int i = 0; i < Size; i++) minima[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(4 + i * 8));
        return new MinHashSignature(minima, BinaryPrimitives.ReadInt32LittleEndian(bytes));
    }

    private static List<ulong> Words(string text)
    {
        var words = new List<ulong>();
        ulong h = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (!inWord) { h = 1469598103934665603UL; inWord = true; }
                h = (h ^ char.ToLowerInvariant(c)) * 1099511628211UL;
            }
            else if (inWord)
            {
                words.Add(h);
                inWord = false;
            }
        }
        if (inWord) words.Add(h);
        return words;
    }

    // Why: splitmix64's finaliser: cheap, well mixed, and the same on every platform and run (string.GetHashCode is not).
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong[] MakeSeeds()
    {
        var seeds = new ulong[Size];
        ulong s = 0x5EED_DE9E_5C4E_0001UL;
        for (int i = 0; i < Size; i++) seeds[i] = s = Mix(s + 0x9E3779B97F4A7C15UL);
        return seeds;
    }
}
