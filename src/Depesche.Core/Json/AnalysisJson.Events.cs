using System.Text.Json;

namespace Depesche.Core.Json;

public static partial class AnalysisJson
{
    static partial void WriteEvents(Utf8JsonWriter w, Analysis analysis)
    {
        if (analysis.Find<Layer<EventMention>>(LayerName.Events) is not { } events) return;
        var text = analysis.Text;
        w.WriteStartArray("events");
        foreach (var e in events.Items)
        {
            w.WriteStartObject();
            w.WriteString("type", EventNames.Of(e.Type));
            if (e.Mode == EventMode.None) w.WriteNull("mode"); else w.WriteString("mode", EventNames.Of(e.Mode));
            w.WriteString("status", EventNames.Of(e.Status));
            w.WriteBoolean("reported", (e.Flags & EventFlags.Reported) != 0);
            w.WriteBoolean("unconfirmed", (e.Flags & EventFlags.Unconfirmed) != 0);
            WriteTrigger(w, text, e.Range, e.TriggerParts);
            w.WriteStartArray("actors");
            foreach (var a in e.Actors.IsDefault ? [] : e.Actors)
            {
                w.WriteStartObject();
                w.WriteString("role", a.Role == ActorRole.Source ? "source" : "target");
                w.WriteString("name", a.Name);
                w.WriteString("text", a.Range.Slice(text));
                w.WriteNumber("start", a.Start);
                w.WriteNumber("end", a.End);
                if (a.EntityId is not null) w.WriteString("entity", a.EntityId);
                if (a.Description is not null) w.WriteString("description", a.Description);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (e.Place is { } p)
            {
                w.WriteStartObject("place");
                w.WriteString("name", p.Name);
                w.WriteString("text", p.Range.Slice(text));
                w.WriteNumber("start", p.Start);
                w.WriteNumber("end", p.End);
                if (p.EntityId is not null) w.WriteString("entity", p.EntityId);
                w.WriteEndObject();
            }
            else w.WriteNull("place");
            if (e.Time is { } t)
            {
                w.WriteStartObject("time");
                w.WriteString("value", t.Value);
                w.WriteString("text", t.Range.Slice(text));
                w.WriteNumber("start", t.Start);
                w.WriteNumber("end", t.End);
                w.WriteEndObject();
            }
            else w.WriteNull("time");
            WriteSource(w, e.Attribution);
            w.WriteStartObject("evidence");
            w.WriteNumber("start", e.SentenceStart);
            w.WriteNumber("end", e.SentenceEnd);
            if (e.QuoteIndex >= 0) w.WriteNumber("quote", e.QuoteIndex); else w.WriteNull("quote");
            w.WriteEndObject();
            w.WriteNumber("confidence", Math.Round(e.Confidence, 3));
            w.WriteString("cameo", e.Cameo);
            w.WriteStartArray("mentions");
            foreach (var m in e.OtherMentions)
            {
                w.WriteStartObject();
                WriteTrigger(w, text, m.Range, m.TriggerParts);
                w.WriteString("status", EventNames.Of(m.Status));
                w.WriteBoolean("reported", (m.Flags & EventFlags.Reported) != 0);
                w.WriteBoolean("unconfirmed", (m.Flags & EventFlags.Unconfirmed) != 0);
                WriteSource(w, m.Attribution);
                w.WriteStartObject("evidence");
                w.WriteNumber("start", m.SentenceStart);
                w.WriteNumber("end", m.SentenceEnd);
                if (m.QuoteIndex >= 0) w.WriteNumber("quote", m.QuoteIndex); else w.WriteNull("quote");
                w.WriteEndObject();
                w.WriteString("reason", m.Reason);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void WriteSource(Utf8JsonWriter w, EventAttribution? source)
    {
        if (source is not { } src) { w.WriteNull("source"); return; }
        w.WriteStartObject("source");
        w.WriteString("name", src.Name);
        w.WriteNumber("start", src.Start);
        w.WriteNumber("end", src.End);
        w.WriteEndObject();
    }

    private static void WriteTrigger(Utf8JsonWriter w, string text, TextRange range, System.Collections.Immutable.ImmutableArray<TextRange> parts)
    {
        w.WriteStartObject("trigger");
        w.WriteString("text", string.Join(" … ", parts.IsDefaultOrEmpty ? [range.Slice(text)] : parts.Select(p => p.Slice(text))));
        w.WriteNumber("start", range.Start);
        w.WriteNumber("end", range.End);
        w.WriteEndObject();
    }
}
