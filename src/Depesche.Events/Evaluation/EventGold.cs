using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Depesche.Core;

namespace Depesche.Events.Evaluation;

/// <summary>
/// One gold event: the tuple the evaluator compares. <see cref="Actors"/> are normalised names (<c>USA</c>,
/// <c>Witkoff</c>), sorted ordinally and without duplicates; <see cref="Place"/> and <see cref="Date"/> (a TIMEX3 value)
/// are null when the article gives none for the event.
/// </summary>
public sealed record GoldEvent(EventType Type, ImmutableArray<string> Actors, string? Place, string? Date, EventStatus Status);

/// <summary>One gold article: the raw wire text (as a reader gets it), the publication date, and its events.</summary>
public sealed record GoldEventArticle(string Id, string Text, DateOnly? Published, ImmutableArray<GoldEvent> Events);

/// <summary>
/// Reads the events gold format: per article a UTF-8 <c>NNN.txt</c> (wire text, optionally with the
/// <c> date YYYY-MM-DD</c> prefix) and a <c>NNN.json</c>
/// <c>{"id", "published", "events": [{"type", "actors": [..], "place", "date", "status"}]}</c>.
/// Type and status use <see cref="EventNames"/>. Throws <see cref="FormatException"/> naming the file and the field.
/// </summary>
public static class EventGoldSet
{
    /// <summary>Every <c>*.json</c> with its <c>*.txt</c>, in ordinal file-name order.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="FormatException">A file is missing or malformed.</exception>
    public static ImmutableArray<GoldEventArticle> Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Gold folder '{directory}' does not exist.");
        var list = ImmutableArray.CreateBuilder<GoldEventArticle>();
        foreach (var json in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var txt = Path.ChangeExtension(json, ".txt");
            if (!File.Exists(txt)) throw new FormatException($"{json}: no text file {Path.GetFileName(txt)} beside it");
            list.Add(Parse(Path.GetFileName(json), File.ReadAllText(json, Encoding.UTF8), File.ReadAllText(txt, Encoding.UTF8)));
        }
        return list.ToImmutable();
    }

    /// <summary>Parses one annotation file; <paramref name="name"/> is used in messages.</summary>
    public static GoldEventArticle Parse(string name, string json, string text)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException ex) { throw new FormatException($"{name}: line {ex.LineNumber + 1}: {ex.Message}", ex); }
        using (doc)
        {
            var root = doc.RootElement;
            string id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : Path.GetFileNameWithoutExtension(name);
            DateOnly? published = null;
            if (root.TryGetProperty("published", out var pub) && pub.ValueKind == JsonValueKind.String)
            {
                if (!DateOnly.TryParseExact(pub.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                    throw new FormatException($"{name}: 'published' is not yyyy-MM-dd");
                published = d;
            }
            if (!root.TryGetProperty("events", out var evs) || evs.ValueKind != JsonValueKind.Array)
                throw new FormatException($"{name}: no 'events' array");
            var events = ImmutableArray.CreateBuilder<GoldEvent>();
            int k = 0;
            foreach (var e in evs.EnumerateArray())
            {
                string where = $"{name}: events[{k++}]";
                var typeS = Str(e, "type") ?? throw new FormatException($"{where}: no 'type'");
                if (!EventNames.TryParseType(typeS, out var type)) throw new FormatException($"{where}: unknown type '{typeS}'");
                var statusS = Str(e, "status") ?? throw new FormatException($"{where}: no 'status'");
                if (!EventNames.TryParseStatus(statusS, out var status)) throw new FormatException($"{where}: unknown status '{statusS}'");
                var actors = new List<string>();
                if (e.TryGetProperty("actors", out var a) && a.ValueKind == JsonValueKind.Array)
                    foreach (var x in a.EnumerateArray())
                        actors.Add(x.GetString() ?? throw new FormatException($"{where}: an actor is not a string"));
                events.Add(new GoldEvent(type, EventTuple.NormaliseActors(actors), Str(e, "place"), Str(e, "date"), status));
            }
            return new GoldEventArticle(id, text, published, events.ToImmutable());
        }
    }

    private static string? Str(JsonElement e, string prop) =>
        e.TryGetProperty(prop, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s ? s : null;
}

/// <summary>The comparable form of an event (gold or predicted) and the element comparisons the evaluator uses.</summary>
public static class EventTuple
{
    /// <summary>Distinct names, sorted ordinally; comparison is case-insensitive, so the invariant upper form is kept.</summary>
    public static ImmutableArray<string> NormaliseActors(IEnumerable<string> names) =>
        names.Select(n => n.Trim()).Where(n => n.Length > 0).Select(n => n.ToUpperInvariant()).Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal).ToImmutableArray();

    /// <summary>A predicted mention as a gold-comparable tuple.</summary>
    public static GoldEvent Of(in EventMention m) => new(
        m.Type,
        NormaliseActors(m.Actors.IsDefault ? [] : m.Actors.Select(a => a.Name)),
        m.Place?.Name,
        DayPrecision(m.Time?.Value),
        m.Status);

    /// <summary>
    /// The gold's date convention: a day, an interval of days, or a weekend (<c>2025-W51-WE</c>); a time of day is cut
    /// off (<c>2025-12-14TEV</c> is <c>2025-12-14</c>), and anything coarser (a month, a whole week) counts as unstated.
    /// </summary>
    public static string? DayPrecision(string? value)
    {
        if (string.IsNullOrEmpty(value)) return null;
        int slash = value.IndexOf('/');
        if (slash > 0)
            return DayPrecision(value[..slash]) is { } a && DayPrecision(value[(slash + 1)..]) is { } b ? a + "/" + b : null;
        if (value.Length > 10 && value[10] == 'T') value = value[..10];
        bool day = value.Length == 10 && value[4] == '-' && value[7] == '-' && char.IsDigit(value[8]);
        bool weekend = value.Length == 11 && value[5] == 'W' && value.EndsWith("-WE", StringComparison.Ordinal);
        return day || weekend ? value : null;
    }

    public static bool SameActors(GoldEvent a, GoldEvent b) => a.Actors.SequenceEqual(b.Actors, StringComparer.Ordinal);
    public static bool SamePlace(GoldEvent a, GoldEvent b) => string.Equals(a.Place, b.Place, StringComparison.OrdinalIgnoreCase);
    public static bool SameDate(GoldEvent a, GoldEvent b) => string.Equals(a.Date, b.Date, StringComparison.Ordinal);

    /// <summary>All five elements equal: the unit of tuple precision and recall.</summary>
    public static bool Equal(GoldEvent a, GoldEvent b) =>
        a.Type == b.Type && a.Status == b.Status && SameActors(a, b) && SamePlace(a, b) && SameDate(a, b);

    /// <summary>Jaccard overlap of two actor sets (1 when both are empty).</summary>
    public static double ActorOverlap(GoldEvent a, GoldEvent b)
    {
        if (a.Actors.Length == 0 && b.Actors.Length == 0) return 1;
        int inter = a.Actors.Count(x => b.Actors.Contains(x, StringComparer.Ordinal));
        return (double)inter / (a.Actors.Length + b.Actors.Length - inter);
    }

    /// <summary>A readable one-line form: <c>CONSULT planned [USA, UKRAINE] @Miami 2025-12-19</c>.</summary>
    public static string Format(GoldEvent e) =>
        $"{EventNames.Of(e.Type)} {EventNames.Of(e.Status)} [{string.Join(", ", e.Actors)}] @{e.Place ?? "-"} {e.Date ?? "-"}";
}
