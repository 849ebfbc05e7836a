using System.Runtime.CompilerServices;

namespace Depesche.Entities.Ner;

/// <summary>
/// Stable 64-bit hashes of character spans (FNV-1a then a SplitMix finaliser). Stable across processes and
/// platforms: they are stored in model files. Never allocates.
/// </summary>
public static class TextHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Exact(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) { h ^= c; h *= Prime; }
        return Mix(h);
    }

    public static ulong Lower(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) { h ^= LowerInvariant(c); h *= Prime; }
        return Mix(h);
    }

    /// <summary>
    /// <see cref="char.ToLowerInvariant"/>, without its call into ICU for Latin-1 letters: a profile of the full
    /// pipeline showed 7 % of its time in ICU case mapping for umlauts. Same results (the hashes are stored in models).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static char LowerInvariant(char c)
    {
        if (c < 0x80) return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        if (c <= 0xFF) return c is >= '\u00C0' and <= '\u00DE' and not '\u00D7' ? (char)(c + 0x20) : c;
        return char.ToLowerInvariant(c);
    }

    /// <summary>Digits folded to 0: the key of word clusters.</summary>
    public static ulong Norm(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        foreach (char c in s) { h ^= char.IsAsciiDigit(c) ? '0' : c; h *= Prime; }
        return Mix(h);
    }

    /// <summary>Word shape with runs collapsed: <c>Xx</c>, <c>X</c>, <c>x-Xx</c>, <c>0.0</c>. Long tokens keep only the first 6 classes.</summary>
    public static ulong Shape(ReadOnlySpan<char> s)
    {
        ulong h = Offset;
        char prev = '\0';
        int n = 0;
        foreach (char c in s)
        {
            char k = char.IsUpper(c) ? 'X' : char.IsLower(c) ? 'x' : char.IsDigit(c) ? '0' : c;
            if (k == prev) continue;
            prev = k;
            h ^= k; h *= Prime;
            if (++n == 6) break;
        }
        return Mix(h);
    }

    /// <summary>Combines a running hash with the next value (for token sequences and feature templates).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Combine(ulong h, ulong v) => Mix(h * 31 + v + 0x9E3779B97F4A7C15UL);
}
