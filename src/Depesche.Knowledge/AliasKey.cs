using System.Runtime.CompilerServices;

namespace Depesche.Knowledge;

/// <summary>
/// The normal form under which names are indexed and looked up: lower case, diacritics folded
/// (<c>Orbán</c> → <c>orban</c>, <c>Weißes</c> → <c>weisses</c>, <c>Europäer</c> → <c>europaer</c>), dashes unified to
/// <c>-</c>, dots and apostrophes dropped, brackets, commas, slashes and quotes read as spaces, whitespace collapsed.
/// Pure and thread-safe.
/// </summary>
public static class AliasKey
{
    /// <summary>The normal form as a new string.</summary>
    public static string Normalize(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return "";
        Span<char> buf = s.Length <= 128 ? stackalloc char[s.Length * 2] : new char[s.Length * 2];
        int n = Normalize(s, buf);
        return new string(buf[..n]);
    }

    /// <summary>
    /// Writes the normal form into <paramref name="dest"/>, which must hold <c>2 * s.Length</c> chars (ß becomes ss),
    /// and returns its length.
    /// </summary>
    public static int Normalize(ReadOnlySpan<char> s, Span<char> dest)
    {
        int n = 0;
        bool space = true; // Why: true at the start drops leading separators.
        foreach (char c0 in s)
        {
            char c = c0;
            if (c == '.' || c == '\'' || c == '’' || c == '‘' || c == '`' || c == '´' || c == '\u00AD') continue;
            if (char.IsWhiteSpace(c) || c is ',' or '(' or ')' or '[' or ']' or '/' or '"' or '„' or '“' or '”' or '»' or '«' or '‚' or ';' or ':')
            {
                if (!space) { dest[n++] = ' '; space = true; }
                continue;
            }
            if (c is '-' or '‐' or '‑' or '–' or '—')
            {
                // Why: "US - Medien" and "US-Medien" are one key; a dash never sits next to a space in the key.
                if (n > 0 && dest[n - 1] == ' ') n--;
                dest[n++] = '-';
                space = true;
                continue;
            }
            space = false;
            if (c < 128)
            {
                dest[n++] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
                continue;
            }
            c = char.ToLowerInvariant(c);
            if (c == 'ß') { dest[n++] = 's'; dest[n++] = 's'; continue; }
            if (c == 'æ') { dest[n++] = 'a'; dest[n++] = 'e'; continue; }
            if (c == 'œ') { dest[n++] = 'o'; dest[n++] = 'e'; continue; }
            dest[n++] = Fold(c);
        }
        while (n > 0 && (dest[n - 1] == ' ')) n--;
        return n;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static char Fold(char c) => c switch
    {
        'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' or 'ā' or 'ă' or 'ą' => 'a',
        'ç' or 'ć' or 'č' or 'ĉ' => 'c',
        'ď' or 'đ' => 'd',
        'è' or 'é' or 'ê' or 'ë' or 'ē' or 'ė' or 'ę' or 'ě' => 'e',
        'ğ' or 'ģ' => 'g',
        'ì' or 'í' or 'î' or 'ï' or 'ī' or 'į' or 'ı' => 'i',
        'ķ' => 'k',
        'ł' or 'ľ' or 'ĺ' or 'ļ' => 'l',
        'ñ' or 'ń' or 'ň' or 'ņ' => 'n',
        'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' or 'ō' or 'ő' => 'o',
        'ŕ' or 'ř' => 'r',
        'ś' or 'š' or 'ş' or 'ș' => 's',
        'ţ' or 'ț' or 'ť' => 't',
        'ù' or 'ú' or 'û' or 'ü' or 'ū' or 'ů' or 'ű' or 'ų' => 'u',
        'ý' or 'ÿ' => 'y',
        'ź' or 'ż' or 'ž' => 'z',
        _ => c,
    };

    /// <summary>
    /// A coarser key for multi-word names: each word longer than four letters loses one German ending
    /// (<c>en er es em e n s</c>), so <c>Europäische Parlament</c> and <c>Europäisches Parlament</c> meet. Writes into
    /// <paramref name="dest"/> (at least <c>key.Length</c>) and returns the length.
    /// </summary>
    public static int Stem(ReadOnlySpan<char> key, Span<char> dest)
    {
        int n = 0, i = 0;
        while (i < key.Length)
        {
            int end = key[i..].IndexOfAny(' ', '-');
            end = end < 0 ? key.Length : i + end;
            var word = key[i..end];
            if (word.Length > 4)
                foreach (var ending in (ReadOnlySpan<string>)["en", "er", "es", "em", "e", "n", "s"])
                    if (word.EndsWith(ending, StringComparison.Ordinal)) { word = word[..^ending.Length]; break; }
            word.CopyTo(dest[n..]);
            n += word.Length;
            if (end < key.Length) dest[n++] = key[end];
            i = end + 1;
        }
        return n;
    }
}
