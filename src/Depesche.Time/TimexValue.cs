using System.Globalization;
using Depesche.Core;

namespace Depesche.Time;

/// <summary>How precisely an anchor date is known.</summary>
internal enum Gran : byte { Year, Month, Day }

/// <summary>Formats TIMEX3 value strings. Pure functions; thread-safe.</summary>
internal static class TimexValue
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Year(int y) => y >= 0 ? y.ToString("D4", Inv) : "BC" + (-y).ToString("D4", Inv);
    public static string Month(int y, int m) => Year(y) + "-" + m.ToString("D2", Inv);
    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);
    public static string Week(DateOnly d) => ISOWeek.GetYear(d.ToDateTime(TimeOnly.MinValue)).ToString("D4", Inv) + "-W" + ISOWeek.GetWeekOfYear(d.ToDateTime(TimeOnly.MinValue)).ToString("D2", Inv);
    public static string Weekend(DateOnly d) => Week(d) + "-WE";
    public static string Quarter(int y, int q) => Year(y) + "-Q" + q.ToString(Inv);
    public static string Half(int y, int h) => Year(y) + "-H" + h.ToString(Inv);
    public static string SeasonOf(int y, Season s) => Year(y) + "-" + s.ToString();
    public static string Decade(int y) => (y / 10).ToString("D3", Inv);
    public static string Century(int c) => c.ToString("D2", Inv);
    public static string Time(DateOnly d, int h, int min) => Day(d) + "T" + h.ToString("D2", Inv) + ":" + min.ToString("D2", Inv);
    public static string Pod(string date, PartOfDay p) => date + "T" + p.ToString();

    public static string At(DateOnly d, Gran g) => g switch
    {
        Gran.Year => Year(d.Year),
        Gran.Month => Month(d.Year, d.Month),
        _ => Day(d),
    };

    public static DateOnly? Add(DateOnly d, Unit u, int n)
    {
        try
        {
            return u switch
            {
                Unit.Day or Unit.Night => d.AddDays(n),
                Unit.Week => d.AddDays(7 * n),
                Unit.Weekend => d.AddDays(7 * n),
                Unit.Month => d.AddMonths(n),
                Unit.Quarter => d.AddMonths(3 * n),
                Unit.Half => d.AddMonths(6 * n),
                Unit.Year => d.AddYears(n),
                Unit.Decade => d.AddYears(10 * n),
                Unit.Century => d.AddYears(100 * n),
                _ => null,
            };
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>The value of a date at the granularity of a calendar unit (a week gives <c>2025-W49</c>).</summary>
    public static string AtUnit(DateOnly d, Unit u) => u switch
    {
        Unit.Day or Unit.Night or Unit.Hour or Unit.Minute or Unit.Second => Day(d),
        Unit.Week => Week(d),
        Unit.Weekend => Weekend(d),
        Unit.Month => Month(d.Year, d.Month),
        Unit.Quarter => Quarter(d.Year, (d.Month - 1) / 3 + 1),
        Unit.Half => Half(d.Year, (d.Month - 1) / 6 + 1),
        Unit.Year => Year(d.Year),
        Unit.Decade => Decade(d.Year),
        Unit.Century => Century(d.Year / 100),
        _ => Day(d),
    };

    /// <summary>A TIMEX3 duration such as <c>P4Y</c>, <c>PT2H</c>, <c>PT1H30M</c>; <paramref name="num"/> &lt; 0 means unknown (<c>PXY</c>).</summary>
    public static string Duration(int num, int den, Unit u)
    {
        if (num < 0)
            return u switch
            {
                Unit.Hour => "PTXH",
                Unit.Minute => "PTXM",
                Unit.Second => "PTXS",
                _ => "PX" + Letter(u),
            };
        if (den == 2)
        {
            // Why: TIMEX3 has no fractions; express a half in the next smaller unit (anderthalb Stunden = PT1H30M).
            int whole = num / 2;
            return u switch
            {
                Unit.Hour => whole > 0 ? $"PT{whole}H30M" : "PT30M",
                Unit.Minute => whole > 0 ? $"PT{whole}M30S" : "PT30S",
                Unit.Day => $"PT{num * 12}H",
                Unit.Week => $"P{num * 7 / 2}D",
                Unit.Month => whole > 0 ? $"P{whole}M15D" : "P15D",
                Unit.Year => $"P{num * 6}M",
                Unit.Decade => $"P{num * 5}Y",
                Unit.Century => $"P{num * 50}Y",
                _ => $"P{num}{Letter(u)}",
            };
        }
        return u switch
        {
            Unit.Hour or Unit.Minute or Unit.Second => "PT" + num.ToString(Inv) + Letter(u),
            Unit.Quarter => "P" + (3 * num).ToString(Inv) + "M",
            Unit.Half => "P" + (6 * num).ToString(Inv) + "M",
            _ => "P" + num.ToString(Inv) + Letter(u),
        };
    }

    private static string Letter(Unit u) => u switch
    {
        Unit.Second => "S",
        Unit.Minute => "M",
        Unit.Hour => "H",
        Unit.Day => "D",
        Unit.Night => "NI",
        Unit.Week => "W",
        Unit.Weekend => "WE",
        Unit.Month => "M",
        Unit.Quarter => "Q",
        Unit.Half => "H",
        Unit.Year => "Y",
        Unit.Decade => "DE",
        Unit.Century => "CE",
        _ => "D",
    };

    /// <summary>Type of a value string: durations start with P, times carry a T.</summary>
    public static TimexType TypeOf(string value, bool set) =>
        set ? TimexType.Set
        : value.StartsWith('P') && !value.StartsWith("PAST", StringComparison.Ordinal) && !value.StartsWith("PRESENT", StringComparison.Ordinal) ? TimexType.Duration
        : value.Contains('T', StringComparison.Ordinal) && !value.EndsWith("_REF", StringComparison.Ordinal) ? TimexType.Time
        : TimexType.Date;

    public static string ModName(TimexMod m) => m switch
    {
        TimexMod.None => "",
        TimexMod.Start => "START",
        TimexMod.Mid => "MID",
        TimexMod.End => "END",
        TimexMod.Approx => "APPROX",
        TimexMod.Before => "BEFORE",
        TimexMod.After => "AFTER",
        TimexMod.OnOrBefore => "ON_OR_BEFORE",
        TimexMod.OnOrAfter => "ON_OR_AFTER",
        TimexMod.LessThan => "LESS_THAN",
        TimexMod.MoreThan => "MORE_THAN",
        TimexMod.EqualOrLess => "EQUAL_OR_LESS",
        TimexMod.EqualOrMore => "EQUAL_OR_MORE",
        _ => "",
    };

    public static TimexMod ParseMod(string? s) => s?.ToUpperInvariant() switch
    {
        "START" => TimexMod.Start,
        "MID" => TimexMod.Mid,
        "END" => TimexMod.End,
        "APPROX" => TimexMod.Approx,
        "BEFORE" => TimexMod.Before,
        "AFTER" => TimexMod.After,
        "ON_OR_BEFORE" => TimexMod.OnOrBefore,
        "ON_OR_AFTER" => TimexMod.OnOrAfter,
        "LESS_THAN" => TimexMod.LessThan,
        "MORE_THAN" => TimexMod.MoreThan,
        "EQUAL_OR_LESS" => TimexMod.EqualOrLess,
        "EQUAL_OR_MORE" => TimexMod.EqualOrMore,
        _ => TimexMod.None,
    };
}
