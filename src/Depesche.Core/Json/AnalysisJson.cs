using System.Globalization;
using System.Text.Json;

namespace Depesche.Core.Json;

/// <summary>What to include when writing an analysis as JSON.</summary>
public sealed record AnalysisJsonOptions
{
    public static readonly AnalysisJsonOptions Default = new();

    /// <summary>Include the token list. Large: about 30 bytes per token.</summary>
    public bool Tokens { get; init; } = true;

    /// <summary>Include the article text.</summary>
    public bool Text { get; init; } = true;
}

/// <summary>
/// Writes an <see cref="Analysis"/> as one JSON object: the article metadata first, then one property per layer.
/// The shape is the public contract of <c>depesche extract</c> and of the HTTP API; property names are camelCase and stable.
/// Stateless and thread-safe.
/// </summary>
public static partial class AnalysisJson
{
    // Why: each later layer (links, quotes, events) writes itself from its own file, so stages land without editing this one.
    static partial void WriteLinks(Utf8JsonWriter w, Analysis analysis);
    static partial void WriteQuotes(Utf8JsonWriter w, Analysis analysis);
    static partial void WriteEvents(Utf8JsonWriter w, Analysis analysis);

    public static void Write(Utf8JsonWriter w, Analysis analysis, AnalysisJsonOptions? options = null)
    {
        options ??= AnalysisJsonOptions.Default;
        var a = analysis.Article;
        var text = a.Text;
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        if (a.Source.Published is { } p) w.WriteString("published", p.ToString()); else w.WriteNull("published");
        WriteStrings(w, "datelines", a.Source.Datelines.Select(d => d.Place));
        WriteNullable(w, "agency", a.Source.Agency);
        WriteStrings(w, "editorCodes", a.Source.EditorCodes.Select(c => c.Code));
        w.WriteStartArray("versionMarkers");
        foreach (var v in a.Source.VersionMarkers)
        {
            w.WriteStartObject();
            w.WriteString("kind", KindName(v.Kind));
            if (v.Number is { } n) w.WriteNumber("number", n); else w.WriteNull("number");
            w.WriteString("text", v.Range.Slice(text));
            WriteRange(w, v.Range);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        WriteNullable(w, "headline", a.Headline is { } h ? h.Slice(text) : a.Title);
        WriteStrings(w, "subheadings", a.Subheadings.Select(r => r.Slice(text)));
        WriteNullable(w, "url", a.Source.Url);
        WriteNullable(w, "outlet", a.Source.Outlet);
        WriteNullable(w, "author", a.Source.Author);
        if (a.Origin.File is not null)
        {
            w.WriteStartObject("origin");
            w.WriteString("file", a.Origin.File);
            if (a.Origin.Line is { } line) w.WriteNumber("line", line);
            if (a.Origin.Byte is { } b) w.WriteNumber("byte", b);
            w.WriteEndObject();
        }

        // Why: offsets make sense only against the text they index, so ranges of metadata travel in one block.
        w.WriteStartObject("spans");
        w.WriteStartArray("datelines");
        foreach (var d in a.Source.Datelines) WriteRangeObject(w, d.Range);
        w.WriteEndArray();
        w.WriteStartArray("editorCodes");
        foreach (var c in a.Source.EditorCodes) WriteRangeObject(w, c.Range);
        w.WriteEndArray();
        if (a.Source.AgencyRange is { } ar) { w.WritePropertyName("agency"); WriteRangeObject(w, ar); }
        if (a.Headline is { } hr) { w.WritePropertyName("headline"); WriteRangeObject(w, hr); }
        if (a.DatelineRange is { } dr) { w.WritePropertyName("dateline"); WriteRangeObject(w, dr); }
        if (a.TrailerRange is { } tr) { w.WritePropertyName("trailer"); WriteRangeObject(w, tr); }
        w.WritePropertyName("body"); WriteRangeObject(w, a.Body);
        w.WriteStartArray("subheadings");
        foreach (var r in a.Subheadings) WriteRangeObject(w, r);
        w.WriteEndArray();
        w.WriteStartArray("paragraphs");
        foreach (var r in a.Paragraphs) WriteRangeObject(w, r);
        w.WriteEndArray();
        w.WriteEndObject();

        if (options.Text) w.WriteString("text", text);

        if (analysis.Find<SentenceTable>(LayerName.Sentences) is { } sentences)
        {
            w.WriteStartArray("sentences");
            foreach (var s in sentences)
            {
                w.WriteStartObject();
                WriteRange(w, s.Range);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (options.Tokens && analysis.Find<TokenTable>(LayerName.Tokens) is { } tokens)
        {
            w.WriteStartArray("tokens");
            var starts = tokens.Starts;
            var ends = tokens.Ends;
            for (int i = 0; i < tokens.Count; i++)
            {
                w.WriteStartObject();
                w.WriteNumber("start", starts[i]);
                w.WriteNumber("end", ends[i]);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (analysis.Find<Layer<EntityMention>>(LayerName.Entities) is { } entities)
        {
            // Why: the contract puts identity on each mention; links index mentions, so join them here once.
            var linkLayer = analysis.Find<LinkLayer>(LayerName.Links);
            var linksByMention = new Dictionary<int, List<EntityLink>>();
            if (linkLayer is not null)
                foreach (var l in linkLayer.Links)
                    if (l.MentionIndex >= 0)
                    {
                        if (!linksByMention.TryGetValue(l.MentionIndex, out var list)) linksByMention[l.MentionIndex] = list = [];
                        list.Add(l);
                    }
            w.WriteStartArray("entities");
            for (int mi = 0; mi < entities.Count; mi++)
            {
                var e = entities.Items[mi];
                w.WriteStartObject();
                w.WriteString("text", text.AsSpan(e.Start, e.End - e.Start));
                w.WriteNumber("start", e.Start);
                w.WriteNumber("end", e.End);
                w.WriteString("type", TypeName(e.Type));
                w.WriteBoolean("deriv", (e.Flags & EntityFlags.Deriv) != 0);
                w.WriteBoolean("part", (e.Flags & EntityFlags.Part) != 0);
                if (e.Level != 0) w.WriteNumber("level", e.Level);
                w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
                if (linkLayer is not null && linksByMention.TryGetValue(mi, out var links))
                {
                    var first = links[0];
                    var record = linkLayer.EntityOf(first);
                    w.WriteString("entityId", first.EntityId);
                    w.WriteString("name", record.Name);
                    w.WriteString("entityType", TypeName(record.Type));
                    WriteNullable(w, "wikidata", record.Wikidata);
                    WriteRoles(w, first.Roles.IsDefaultOrEmpty ? record.Roles : first.Roles);
                    WriteGeo(w, record.Geo);
                    if (links.Count > 1)
                    {
                        w.WriteStartArray("entityIds");
                        foreach (var l in links) w.WriteStringValue(l.EntityId);
                        w.WriteEndArray();
                    }
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        if (analysis.Find<Layer<TimeExpression>>(LayerName.Times) is { } times)
        {
            w.WriteStartArray("times");
            foreach (var t in times.Items)
            {
                w.WriteStartObject();
                w.WriteString("text", text.AsSpan(t.Start, t.End - t.Start));
                w.WriteNumber("start", t.Start);
                w.WriteNumber("end", t.End);
                w.WriteString("type", t.Type.ToString().ToUpperInvariant());
                w.WriteString("value", t.Value);
                if (t.Mod != TimexMod.None) w.WriteString("mod", ModName(t.Mod));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        WriteLinks(w, analysis);
        WriteQuotes(w, analysis);
        WriteEvents(w, analysis);
        if (!analysis.Failures.IsDefaultOrEmpty)
        {
            w.WriteStartArray("failures");
            foreach (var f in analysis.Failures)
            {
                w.WriteStartObject();
                w.WriteString("stage", f.StageId);
                w.WriteString("error", f.ExceptionType);
                w.WriteString("message", f.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartObject("producers");
        foreach (var layer in analysis.Layers.OrderBy(l => l.Name.Value, StringComparer.Ordinal))
            w.WriteString(layer.Name.Value, layer.Producer.ToString());
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static string TypeName(EntityType t) => t switch
    {
        EntityType.Person => "PER",
        EntityType.Location => "LOC",
        EntityType.Organisation => "ORG",
        EntityType.Other => "OTH",
        _ => throw new ArgumentOutOfRangeException(nameof(t)),
    };

    public static string ModName(TimexMod m) => m switch
    {
        TimexMod.OnOrBefore => "ON_OR_BEFORE",
        TimexMod.OnOrAfter => "ON_OR_AFTER",
        TimexMod.LessThan => "LESS_THAN",
        TimexMod.MoreThan => "MORE_THAN",
        TimexMod.EqualOrLess => "EQUAL_OR_LESS",
        TimexMod.EqualOrMore => "EQUAL_OR_MORE",
        _ => m.ToString().ToUpperInvariant(),
    };

    public static string KindName(VersionKind k) => k switch
    {
        VersionKind.Repeat => "repeat",
        VersionKind.Roundup => "roundup",
        VersionKind.Correction => "correction",
        VersionKind.Update => "update",
        VersionKind.Overview => "overview",
        VersionKind.Flash => "flash",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    private static void WriteRange(Utf8JsonWriter w, TextRange r)
    {
        w.WriteNumber("start", r.Start);
        w.WriteNumber("end", r.End);
    }

    private static void WriteRangeObject(Utf8JsonWriter w, TextRange r)
    {
        w.WriteStartObject();
        WriteRange(w, r);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    /// <summary>JSON writer options for one-line output: non-ASCII letters unescaped so German text stays readable.</summary>
    public static JsonWriterOptions WriterOptions(bool indented = false) => new()
    {
        Indented = indented,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    internal static string Invariant(int i) => i.ToString(CultureInfo.InvariantCulture);
}
