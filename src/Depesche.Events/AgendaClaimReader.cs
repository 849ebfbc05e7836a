using System.Collections.Immutable;
using System.Text.Json;

namespace Depesche.Events;

/// <summary>
/// Reads <see cref="DatedClaim"/>s from an article's analysis JSON: the claims <see cref="EventClaimReader"/> reads,
/// plus what the agenda needs besides: the TIMEX3 mod of the time expression the event's time lies in (from the
/// <c>times</c> array), and the source chain of the quote the event sits in (from <c>quotes[i].sources</c>).
/// </summary>
public static class AgendaClaimReader
{
    /// <exception cref="FormatException">An event lacks a type or status the enums know.</exception>
    public static ImmutableArray<DatedClaim> Read(JsonElement analysis, string? fallbackId = null)
    {
        var claims = EventClaimReader.Read(analysis, fallbackId);
        if (claims.IsEmpty) return [];
        var events = analysis.GetProperty("events");
        var times = analysis.TryGetProperty("times", out var t) && t.ValueKind == JsonValueKind.Array ? t : default;
        var quotes = analysis.TryGetProperty("quotes", out var q) && q.ValueKind == JsonValueKind.Array ? q : default;
        var list = ImmutableArray.CreateBuilder<DatedClaim>(claims.Length);
        int i = 0;
        foreach (var e in events.EnumerateArray())
        {
            var claim = claims[i++];
            string? mod = null;
            if (e.TryGetProperty("time", out var tm) && tm.ValueKind == JsonValueKind.Object && Int(tm, "start") is { } ts && Int(tm, "end") is { } te
                && times.ValueKind == JsonValueKind.Array)
                foreach (var x in times.EnumerateArray())
                    if (Int(x, "start") is { } xs && Int(x, "end") is { } xe && xs <= ts && te <= xe && Str(x, "mod") is { } m) { mod = m; break; }
            var chain = ImmutableArray<string>.Empty;
            if (e.TryGetProperty("evidence", out var ev) && Int(ev, "quote") is { } qi && quotes.ValueKind == JsonValueKind.Array && qi < quotes.GetArrayLength()
                && quotes[qi].TryGetProperty("sources", out var srcs) && srcs.ValueKind == JsonValueKind.Array)
                chain = [.. srcs.EnumerateArray().Select(s => Str(s, "text")).OfType<string>()];
            else if (e.TryGetProperty("source", out var at) && Int(at, "start") is { } ats && Int(at, "end") is { } ate)
                chain = ChainOf(quotes, ats, ate);
            list.Add(new DatedClaim(claim, mod) { SourceChain = chain });
        }
        return list.MoveToImmutable();
    }

    /// <summary>
    /// The chain of the attribution outside a quote: the quote layer's chain from the first link whose span holds the
    /// attribution (<c>teilte Präsident Selenskyj nach Angaben von Interfax-Ukraina mit</c> gives Selenskyj, Interfax-Ukraina, dpa-AFX).
    /// </summary>
    private static ImmutableArray<string> ChainOf(JsonElement quotes, int start, int end)
    {
        if (quotes.ValueKind != JsonValueKind.Array) return [];
        foreach (var q in quotes.EnumerateArray())
        {
            if (!q.TryGetProperty("sources", out var srcs) || srcs.ValueKind != JsonValueKind.Array) continue;
            var links = srcs.EnumerateArray().ToList();
            int k = links.FindIndex(l => Int(l, "start") is { } ls && Int(l, "end") is { } le && ls <= start && end <= le);
            if (k >= 0) return [.. links.Skip(k).Select(l => Str(l, "text")).OfType<string>()];
        }
        return [];
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
