using System.Globalization;
using System.Text.RegularExpressions;
using Depesche.Core;

namespace Depesche.Ingest;

/// <summary>Liberal parsing of the dates that inputs carry: ISO 8601 (JSON, Atom, meta tags) and RFC 822 (RSS), with German month names.</summary>
internal static partial class DateParsing
{
    /// <summary>ISO 8601 date or date-time, with <c>T</c> or a space, optional seconds, fraction and zone.</summary>
    public static PublicationTime? ParseIso(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        var m = IsoRegex().Match(s.Trim());
        if (!m.Success) return null;
        if (!TryDate(Int(m.Groups["y"]), Int(m.Groups["mo"]), Int(m.Groups["d"]), out var date)) return null;
        if (!m.Groups["h"].Success) return new PublicationTime(date);
        if (!TryTime(Int(m.Groups["h"]), Int(m.Groups["mi"]), m.Groups["s"].Success ? Int(m.Groups["s"]) : 0, out var time)) return new PublicationTime(date);
        return new PublicationTime(date, time, ParseZone(m.Groups["z"].Value));
    }

    /// <summary>RFC 822 as feeds really write it: weekday optional or wrong, two-digit years, named zones, German months.</summary>
    public static PublicationTime? ParseLenient(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (ParseIso(s) is { } iso) return iso;
        var m = Rfc822Regex().Match(s.Trim());
        if (!m.Success) return null;
        if (MonthNumber(m.Groups["mo"].Value) is not { } month) return null;
        var year = Int(m.Groups["y"]);
        if (m.Groups["y"].Value.Length == 2) year += year < 70 ? 2000 : 1900;
        if (!TryDate(year, month, Int(m.Groups["d"]), out var date)) return null;
        if (!m.Groups["h"].Success) return new PublicationTime(date);
        if (!TryTime(Int(m.Groups["h"]), Int(m.Groups["mi"]), m.Groups["s"].Success ? Int(m.Groups["s"]) : 0, out var time)) return new PublicationTime(date);
        return new PublicationTime(date, time, ParseZone(m.Groups["z"].Value));
    }

    /// <summary>1–12 for an English or German month name or abbreviation (<c>Dez.</c>, <c>März</c>, <c>Maerz</c>, <c>Oct</c>); else null.</summary>
    public static int? MonthNumber(string name)
    {
        var n = name.TrimEnd('.').ToLowerInvariant();
        if (n.Length < 3) return null;
        return n switch
        {
            "januar" or "january" or "jänner" or "jan" => 1,
            "februar" or "february" or "feb" or "febr" => 2,
            "märz" or "maerz" or "march" or "mär" or "mrz" or "mar" => 3,
            "april" or "apr" => 4,
            "mai" or "may" => 5,
            "juni" or "june" or "jun" => 6,
            "juli" or "july" or "jul" => 7,
            "august" or "aug" => 8,
            "september" or "sep" or "sept" => 9,
            "oktober" or "october" or "okt" or "oct" => 10,
            "november" or "nov" => 11,
            "dezember" or "december" or "dez" or "dec" => 12,
            _ => null,
        };
    }

    public static bool TryDate(int y, int mo, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1 or > 9999 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo)) return false;
        date = new DateOnly(y, mo, d);
        return true;
    }

    private static bool TryTime(int h, int mi, int s, out TimeOnly time)
    {
        time = default;
        // Why: "24:00" appears in feeds as end of day; it is not a valid TimeOnly, so the time is dropped.
        if (h is < 0 or > 23 || mi is < 0 or > 59 || s is < 0 or > 60) return false;
        time = new TimeOnly(h, mi, Math.Min(s, 59));
        return true;
    }

    private static TimeSpan? ParseZone(string z)
    {
        if (z.Length == 0) return null;
        switch (z.ToUpperInvariant())
        {
            case "Z" or "UT" or "UTC" or "GMT": return TimeSpan.Zero;
            case "CET" or "MEZ": return TimeSpan.FromHours(1);
            case "CEST" or "MESZ": return TimeSpan.FromHours(2);
            case "EDT": return TimeSpan.FromHours(-4);
            case "EST" or "CDT": return TimeSpan.FromHours(-5);
            case "CST" or "MDT": return TimeSpan.FromHours(-6);
            case "MST" or "PDT": return TimeSpan.FromHours(-7);
            case "PST": return TimeSpan.FromHours(-8);
        }
        var digits = z.Replace(":", "", StringComparison.Ordinal);
        if (digits.Length is 3 or 5 && (digits[0] is '+' or '-')
            && int.TryParse(digits.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hh)
            && (digits.Length == 3 || int.TryParse(digits.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out _)))
        {
            var mm = digits.Length == 5 ? int.Parse(digits.AsSpan(3, 2), CultureInfo.InvariantCulture) : 0;
            if (hh > 14 || mm > 59) return null;
            var span = new TimeSpan(hh, mm, 0);
            return digits[0] == '-' ? -span : span;
        }
        return null;
    }

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:(?:T|\s+)(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<z>Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^(?:\p{L}+\.?,?\s*)?(?<d>\d{1,2})\.?\s+(?<mo>\p{L}+\.?)\s+(?<y>\d{4}|\d{2})(?:,?\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s*(?<z>[+-]\d{2}:?\d{2}|[A-Za-z]{1,4}))?)?\s*$", RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex Rfc822Regex();
}
