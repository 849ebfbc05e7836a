using System.Text.Json;

namespace Depesche.Core.Json;

public static partial class AnalysisJson
{
    static partial void WriteQuotes(Utf8JsonWriter w, Analysis analysis)
    {
        if (analysis.Find<Layer<Quote>>(LayerName.Quotes) is not { } quotes) return;
        var text = analysis.Text;
        var entities = analysis.Find<Layer<EntityMention>>(LayerName.Entities);
        w.WriteStartArray("quotes");
        foreach (var q in quotes.Items)
        {
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(q.Start, q.End - q.Start));
            w.WriteNumber("start", q.Start);
            w.WriteNumber("end", q.End);
            w.WriteString("kind", QuoteKindName(q.Kind));

            if (q.Cue.IsEmpty) w.WriteNull("cue");
            else
            {
                w.WriteStartObject("cue");
                w.WriteString("text", string.Join(" … ", q.Cue.Parts.Select(p => p.Slice(text))));
                w.WriteNumber("start", q.Cue.Start);
                w.WriteNumber("end", q.Cue.End);
                w.WriteStartArray("parts");
                foreach (var p in q.Cue.Parts)
                {
                    w.WriteStartObject();
                    w.WriteString("text", p.SliceSpan(text));
                    WriteRange(w, p);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }

            if (q.Speaker.IsEmpty) w.WriteNull("speaker");
            else
            {
                var s = q.Speaker;
                w.WriteStartObject("speaker");
                // Why: consumers want who spoke, so the referent leads; the pronoun stays visible as "mention".
                w.WriteString("text", s.Referent.SliceSpan(text));
                WriteRange(w, s.Referent);
                w.WriteString("kind", SpeakerKindName(s.Kind));
                if (entities is not null && s.EntityIndex >= 0 && s.EntityIndex < entities.Count)
                {
                    w.WriteNumber("entityId", s.EntityIndex);
                    w.WriteString("entityType", TypeName(entities[s.EntityIndex].Type));
                }
                if (s.Kind == SpeakerKind.Description) w.WriteString("description", s.Range.SliceSpan(text));
                if (s.Referent != s.Range)
                {
                    w.WriteStartObject("mention");
                    w.WriteString("text", s.Range.SliceSpan(text));
                    WriteRange(w, s.Range);
                    w.WriteEndObject();
                }
                w.WriteBoolean("anonymous", s.Anonymous);
                w.WriteEndObject();
            }

            w.WriteStartArray("sources");
            if (!q.Sources.IsDefault)
                foreach (var l in q.Sources)
                {
                    w.WriteStartObject();
                    w.WriteString("text", l.Name ?? l.Range.Slice(text));
                    WriteRange(w, l.Range);
                    w.WriteString("kind", SourceKindName(l.Kind));
                    w.WriteBoolean("anonymous", l.Anonymous);
                    w.WriteEndObject();
                }
            w.WriteEndArray();

            w.WriteStartArray("flags");
            if ((q.Flags & QuoteFlags.Anonymous) != 0) w.WriteStringValue("anonymous");
            if ((q.Flags & QuoteFlags.SingleSource) != 0) w.WriteStringValue("singleSource");
            if ((q.Flags & QuoteFlags.Unconfirmed) != 0) w.WriteStringValue("unconfirmed");
            if ((q.Flags & QuoteFlags.Denied) != 0) w.WriteStringValue("denied");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string QuoteKindName(QuoteKind k) => k switch
    {
        QuoteKind.Direct => "direct",
        QuoteKind.Indirect => "indirect",
        QuoteKind.Reported => "reported",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static string SpeakerKindName(SpeakerKind k) => k switch
    {
        SpeakerKind.None => "none",
        SpeakerKind.Entity => "entity",
        SpeakerKind.Pronoun => "pronoun",
        SpeakerKind.Description => "description",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    public static string SourceKindName(SourceLinkKind k) => k switch
    {
        SourceLinkKind.Speaker => "speaker",
        SourceLinkKind.Outlet => "outlet",
        SourceLinkKind.Agency => "agency",
        SourceLinkKind.Circle => "circle",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };
}
