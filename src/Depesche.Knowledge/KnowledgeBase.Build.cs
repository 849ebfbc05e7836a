using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Depesche.Core;

namespace Depesche.Knowledge;

public sealed partial class KnowledgeBase
{
    /// <summary>
    /// The curated KB plus the imports named in <paramref name="options"/>: GeoNames cities (with coordinates, country
    /// and population as a prior below every curated entry) and iso-codes countries with German names. An imported place
    /// that a curated one already covers (a shared name within 50 km, or the same country code) is skipped.
    /// Throws <see cref="IOException"/> or <see cref="FormatException"/> on unreadable input.
    /// </summary>
    public static KnowledgeBase Build(KbBuildOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var curated = options.CuratedDirectory is { } dir ? Load(dir) : LoadDefault();
        var extra = new List<KbEntity>();
        if (options.IsoCodesJson is { } json) extra.AddRange(ImportIsoCountries(curated, json, options.IsoCodesMo));
        if (options.GeoNamesCities is { } gn) extra.AddRange(ImportGeoNames(curated, gn, options.MinPopulation));
        if (extra.Count == 0) return curated;
        return new KnowledgeBase(curated._entities.Concat(extra), curated._offices.Values, curated._titles.Values,
            curated.Version + "+" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                Encoding.UTF8.GetBytes(string.Join('\n', extra.Select(e => e.Key + "\t" + e.Name))))[..4]));
    }

    private static IEnumerable<KbEntity> ImportIsoCountries(KnowledgeBase curated, string jsonPath, string? moPath)
    {
        var german = moPath is not null ? ReadMo(moPath) : new Dictionary<string, string>(StringComparer.Ordinal);
        var have = new HashSet<string>(curated._entities.Where(e => e.Kind == KbKind.Country && e.Country is not null).Select(e => e.Country!), StringComparer.Ordinal);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(jsonPath));
        foreach (var c in doc.RootElement.GetProperty("3166-1").EnumerateArray())
        {
            var a2 = c.GetProperty("alpha_2").GetString();
            var name = c.GetProperty("name").GetString();
            if (a2 is null || name is null || have.Contains(a2)) continue;
            var aliases = new List<string> { name };
            string? common = c.TryGetProperty("common_name", out var cn) ? cn.GetString() : null;
            string? official = c.TryGetProperty("official_name", out var on) ? on.GetString() : null;
            if (common is not null) aliases.Add(common);
            if (official is not null) aliases.Add(official);
            var de = german.GetValueOrDefault(common ?? name) ?? german.GetValueOrDefault(name) ?? name;
            foreach (var en in aliases.ToArray()) if (german.TryGetValue(en, out var g)) aliases.Add(g);
            aliases.RemoveAll(a => a == de);
            yield return new KbEntity("iso:" + a2, KbKind.Country, null, de, aliases.Distinct(StringComparer.Ordinal).ToImmutableArray(), [],
                null, a2, [], [], 0.9f, "iso-codes");
        }
    }

    /// <summary>Reads a GNU gettext .mo file into msgid → msgstr. Throws <see cref="FormatException"/> when it is not one.</summary>
    internal static Dictionary<string, string> ReadMo(string path)
    {
        var b = File.ReadAllBytes(path);
        if (b.Length < 28) throw new FormatException($"{path}: not a .mo file");
        uint magic = BinaryPrimitives.ReadUInt32LittleEndian(b);
        bool le = magic == 0x950412de;
        if (!le && BinaryPrimitives.ReadUInt32BigEndian(b) != 0x950412de) throw new FormatException($"{path}: not a .mo file");
        int U(int at) => (int)(le ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at)));
        int n = U(8), orig = U(12), trans = U(16);
        var map = new Dictionary<string, string>(n, StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            int ol = U(orig + 8 * i), oo = U(orig + 8 * i + 4), tl = U(trans + 8 * i), to = U(trans + 8 * i + 4);
            if (oo + ol > b.Length || to + tl > b.Length) throw new FormatException($"{path}: entry {i} out of range");
            var id = Encoding.UTF8.GetString(b, oo, ol);
            if (id.Length == 0) continue; // the header entry
            map.TryAdd(id, Encoding.UTF8.GetString(b, to, tl));
        }
        return map;
    }

    private static IEnumerable<KbEntity> ImportGeoNames(KnowledgeBase curated, string path, int minPopulation)
    {
        var curatedPlaces = curated._entities.Where(e => e.IsPlace && e.Geo is not null).ToList();
        using var file = File.OpenRead(path);
        using Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(s, Encoding.UTF8);
        int lineNo = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            var c = line.Split('\t');
            if (c.Length < 15) throw new FormatException($"{path}:{lineNo}: expected 19 columns, found {c.Length}");
            if (c[6] != "P") continue;
            if (!long.TryParse(c[14], NumberStyles.None, CultureInfo.InvariantCulture, out var pop) || pop < minPopulation) continue;
            if (!double.TryParse(c[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(c[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                throw new FormatException($"{path}:{lineNo}: bad coordinates");
            var name = c[1];
            var nameKey = AliasKey.Normalize(name);
            var asciiKey = AliasKey.Normalize(c[2]);
            if (Covered(curatedPlaces, curated, nameKey, asciiKey, lat, lon)) continue;
            if (!seen.Add(c[0])) continue;
            var aliases = new List<string>();
            if (c[2] != name) aliases.Add(c[2]);
            foreach (var alt in c[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (LooksLikeLatinName(alt) && alt != name && !aliases.Contains(alt)) aliases.Add(alt);
            // Why: population orders the imported cities among themselves, always below curated entries (the lowest
            // curated prior, 0.5, marks the rarer reading of an ambiguous name such as Frankfurt (Oder)).
            float prior = (float)Math.Min(0.45, 0.05 + 0.05 * Math.Log10(Math.Max(pop, 1)));
            var cc = c[8].Length == 2 ? c[8] : null;
            yield return new KbEntity("geonames:" + c[0], KbKind.City, null, name, aliases.ToImmutableArray(), [],
                new GeoPoint(lat, lon, cc), cc, [], [], prior, "geonames");
        }
    }

    private static bool Covered(List<KbEntity> places, KnowledgeBase curated, string nameKey, string asciiKey, double lat, double lon)
    {
        foreach (var key in (ReadOnlySpan<string>)[nameKey, asciiKey])
            foreach (var a in curated.Aliases(key))
                if (a.Entity.IsPlace && a.Entity.Geo is { } g && DistanceKm(g.Lat, g.Lon, lat, lon) < 50) return true;
        foreach (var p in places)
            if (p.Kind == KbKind.City && p.Geo is { } g && DistanceKm(g.Lat, g.Lon, lat, lon) < 3) return true;
        return false;
    }

    private static bool LooksLikeLatinName(string s)
    {
        if (s.Length < 3 || s.Length > 40) return false;
        bool lower = false;
        foreach (var ch in s)
        {
            if (ch is ' ' or '-' or '\'') continue;
            if (!char.IsLetter(ch) || ch > 'ž') return false;
            if (char.IsLower(ch)) lower = true;
        }
        return lower && char.IsUpper(s[0]);
    }

    /// <summary>Great-circle distance in kilometres.</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371;
        double dLat = (lat2 - lat1) * Math.PI / 180, dLon = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
                   + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
