using System.Globalization;
using System.Text;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>
/// Writes agenda items as an RFC 5545 iCalendar stream: one all-day <c>VEVENT</c> per item (<c>DTSTART;VALUE=DATE</c>,
/// <c>DTEND</c> the day after the last, so a weekend or a span covers its days), with status, claims and articles in
/// <c>DESCRIPTION</c>. Lines end in CRLF and are folded at 75 octets without splitting a UTF-8 sequence; text values
/// escape backslash, semicolon, comma and newline (RFC 5545 3.3.11).
/// </summary>
public static class AgendaCalendar
{
    /// <param name="stamp">The DTSTAMP of every event: when the calendar was made (from the caller's clock).</param>
    public static string Write(IEnumerable<AgendaItem> items, DateTimeOffset stamp)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sb = new StringBuilder();
        Line(sb, "BEGIN:VCALENDAR");
        Line(sb, "VERSION:2.0");
        Line(sb, "PRODID:-//Depesche//Agenda//DE");
        Line(sb, "CALSCALE:GREGORIAN");
        Line(sb, "METHOD:PUBLISH");
        var dtstamp = stamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        foreach (var i in items)
        {
            Line(sb, "BEGIN:VEVENT");
            Line(sb, "UID:" + i.Id.Replace(':', '-') + "@depesche");
            Line(sb, "DTSTAMP:" + dtstamp);
            Line(sb, "DTSTART;VALUE=DATE:" + Date(i.When.From));
            Line(sb, "DTEND;VALUE=DATE:" + Date(i.When.To.AddDays(1)));
            Line(sb, "SUMMARY:" + Escape(i.Title + " [" + EventNames.Of(i.Status) + (i.Unconfirmed && i.Status != EventStatus.Unconfirmed ? ", unconfirmed" : "") + "]"));
            if (i.Place is not null) Line(sb, "LOCATION:" + Escape(i.Place));
            Line(sb, "DESCRIPTION:" + Escape(Description(i)));
            Line(sb, "CATEGORIES:" + Escape(EventNames.Of(i.Type)));
            Line(sb, "STATUS:" + (i.Resolution.Kind is ResolutionKind.Denied or ResolutionKind.Cancelled ? "CANCELLED"
                : i.Resolution.Kind == ResolutionKind.Held || !i.Unconfirmed ? "CONFIRMED" : "TENTATIVE"));
            Line(sb, "TRANSP:TRANSPARENT");
            Line(sb, "END:VEVENT");
        }
        Line(sb, "END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>The plain-text description: date label, status, confidence, resolution, then one line per claim.</summary>
    public static string Description(AgendaItem i)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"When: {i.When.Label} ({i.When.Precision.ToString().ToLowerInvariant()})\n");
        sb.Append(CultureInfo.InvariantCulture, $"Status: {EventNames.Of(i.Status)}{(i.Unconfirmed ? " (unconfirmed)" : "")}, confidence {i.Confidence:0.00}\n");
        sb.Append("Resolution: ").Append(i.Resolution.Text).Append('\n');
        sb.Append("Claims:\n");
        foreach (var c in i.Claims)
            sb.Append(CultureInfo.InvariantCulture, $"- {Day(c.Published)} {c.Change.ToString().ToLowerInvariant()} ({EventNames.Of(c.Status)}) by {c.Via}, article {c.ArticleId}\n");
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>RFC 5545 TEXT escaping: backslash, semicolon, comma; newlines become <c>\n</c>; other control characters are dropped.</summary>
    public static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (char ch in s.ReplaceLineEndings("\n"))
        {
            switch (ch)
            {
                case '\\': sb.Append("\\\\"); break;
                case ';': sb.Append("\\;"); break;
                case ',': sb.Append("\\,"); break;
                case '\n': sb.Append("\\n"); break;
                // Why: RFC 5545 forbids CONTROL characters in TEXT, and article text is untrusted.
                case < ' ' or '\u007f': break;
                default: sb.Append(ch); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Appends a content line folded at 75 octets (continuations start with a space and count it).</summary>
    private static void Line(StringBuilder sb, string line)
    {
        int octets = 0;
        for (int k = 0; k < line.Length; k++)
        {
            int len = char.IsHighSurrogate(line[k]) && k + 1 < line.Length ? 2 : 1;
            int bytes = Encoding.UTF8.GetByteCount(line.AsSpan(k, len));
            if (octets + bytes > 75)
            {
                sb.Append("\r\n ");
                octets = 1;
            }
            sb.Append(line, k, len);
            octets += bytes;
            k += len - 1;
        }
        sb.Append("\r\n");
    }

    private static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";
}
