using System.Text.Json;

namespace Depesche.Core.Json;

public static partial class AnalysisJson
{
    // Why: `entities` is written by AnalysisJson.cs; links travel in their own arrays so that file stays untouched.
    // `links` is aligned with the mentions by `mention` (index into `entities`, -1 for a dateline place);
    // `distinctEntities` lists each entity once with its mention count.
    static partial void WriteLinks(Utf8JsonWriter w, Analysis analysis)
    {
        if (analysis.Find<LinkLayer>(LayerName.Links) is not { } layer) return;
        var text = analysis.Text;
        w.WriteStartArray("links");
        foreach (var l in layer.Links)
        {
            var e = layer.EntityOf(l);
            w.WriteStartObject();
            w.WriteString("text", text.AsSpan(l.Start, l.End - l.Start));
            w.WriteNumber("start", l.Start);
            w.WriteNumber("end", l.End);
            w.WriteNumber("mention", l.MentionIndex);
            w.WriteString("entityId", l.EntityId);
            w.WriteString("name", e.Name);
            w.WriteString("type", TypeName(e.Type));
            WriteNullable(w, "wikidata", e.Wikidata);
            w.WriteString("kind", LinkKindName(l.Kind));
            w.WriteNumber("confidence", Math.Round(l.Confidence, 3));
            WriteRoles(w, l.Roles);
            WriteGeo(w, e.Geo);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("distinctEntities");
        foreach (var e in layer.Entities)
        {
            w.WriteStartObject();
            w.WriteString("entityId", e.Id);
            w.WriteString("name", e.Name);
            w.WriteString("type", TypeName(e.Type));
            WriteNullable(w, "kind", e.Kind);
            WriteNullable(w, "wikidata", e.Wikidata);
            WriteRoles(w, e.Roles);
            WriteGeo(w, e.Geo);
            w.WriteNumber("mentions", e.Mentions);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    public static string LinkKindName(LinkKind k) => k switch
    {
        LinkKind.Exact => "exact",
        LinkKind.Alias => "alias",
        LinkKind.Surname => "surname",
        LinkKind.Genitive => "genitive",
        LinkKind.Demonym => "demonym",
        LinkKind.Metonym => "metonym",
        LinkKind.Compound => "compound",
        LinkKind.Coref => "coref",
        LinkKind.Role => "role",
        LinkKind.Dateline => "dateline",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    private static void WriteRoles(Utf8JsonWriter w, System.Collections.Immutable.ImmutableArray<MentionRole> roles)
    {
        w.WriteStartArray("roles");
        if (!roles.IsDefault)
            foreach (var r in roles)
            {
                w.WriteStartObject();
                w.WriteString("role", r.Role);
                w.WriteString("title", r.Title);
                WriteNullable(w, "of", r.Of);
                w.WriteEndObject();
            }
        w.WriteEndArray();
    }

    private static void WriteGeo(Utf8JsonWriter w, GeoPoint? geo)
    {
        if (geo is not { } g) { w.WriteNull("geo"); return; }
        w.WriteStartObject("geo");
        w.WriteNumber("lat", Math.Round(g.Lat, 4));
        w.WriteNumber("lon", Math.Round(g.Lon, 4));
        WriteNullable(w, "country", g.Country);
        w.WriteEndObject();
    }
}
