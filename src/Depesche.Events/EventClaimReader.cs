using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>
/// Reads <see cref="EventClaim"/>s back from an article's analysis JSON (as written by <c>AnalysisJson</c> and kept in
/// the store): its <c>events</c> array, with article metadata, evidence sentences, and codes and geo from the
/// <c>entities</c> array when a mention's span matches. Pure; tolerant of missing optional fields; an analysis without
/// events gives none.
/// </summary>
public static class EventClaimReader
{
    /// <exception cref="FormatException">An event lacks a type or status the enums know.</exception>
    public static ImmutableArray<EventClaim> Read(JsonElement analysis, string? fallbackId = null)
    {
        if (analysis.ValueKind != JsonValueKind.Object || !analysis.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array)
            return [];
        string id = Str(analysis, "id") ?? fallbackId ?? "";
        string? text = Str(analysis, "text");
        DateOnly? published = null;
        if (Str(analysis, "published") is { Length: >= 10 } p
            && DateOnly.TryParseExact(p.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) published = d;
        string? source = Str(analysis, "agency") ?? Str(analysis, "outlet");
        string? url = Str(analysis, "url");
        var entities = analysis.TryGetProperty("entities", out var ents) && ents.ValueKind == JsonValueKind.Array ? ents : default;

        var list = ImmutableArray.CreateBuilder<EventClaim>();
        int index = 0;
        foreach (var e in events.EnumerateArray())
        {
            var typeS = Str(e, "type");
            var statusS = Str(e, "status");
            if (typeS is null || !EventNames.TryParseType(typeS, out var type)) throw new FormatException($"article {id}: event {index} has no known type");
            if (statusS is null || !EventNames.TryParseStatus(statusS, out var status)) throw new FormatException($"article {id}: event {index} has no known status");
            var mode = Str(e, "mode") is { } ms && Enum.TryParse<EventMode>(ms.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var m) ? m : EventMode.None;

            var actors = ImmutableArray.CreateBuilder<ClaimActor>();
            if (e.TryGetProperty("actors", out var acts) && acts.ValueKind == JsonValueKind.Array)
                foreach (var a in acts.EnumerateArray())
                {
                    var name = Str(a, "name");
                    if (name is null) continue;
                    var ent = EntityAt(entities, Int(a, "start"), Int(a, "end"));
                    string? entityId = Str(a, "entity") ?? (ent is { } x ? Str(x, "entityId") : null);
                    string? code = EventCodes.OfName(name) ?? (ent is { } y ? CodeOf(y) : null);
                    var role = Str(a, "role") == "target" ? ActorRole.Target : ActorRole.Source;
                    actors.Add(new ClaimActor(name, entityId, role, code));
                }

            string? place = null, placeId = null;
            GeoPoint? geo = null;
            if (e.TryGetProperty("place", out var pl) && pl.ValueKind == JsonValueKind.Object)
            {
                place = Str(pl, "name");
                var ent = EntityAt(entities, Int(pl, "start"), Int(pl, "end"));
                placeId = Str(pl, "entity") ?? (ent is { } x ? Str(x, "entityId") : null);
                if (ent is { } g && g.TryGetProperty("geo", out var ge) && ge.ValueKind == JsonValueKind.Object
                    && ge.TryGetProperty("lat", out var lat) && ge.TryGetProperty("lon", out var lon))
                    geo = new GeoPoint(lat.GetDouble(), lon.GetDouble(), Str(ge, "country"));
            }
            string? date = e.TryGetProperty("time", out var tm) && tm.ValueKind == JsonValueKind.Object ? Str(tm, "value") : null;
            string? evidence = null;
            if (text is not null && e.TryGetProperty("evidence", out var ev) && Int(ev, "start") is { } es && Int(ev, "end") is { } ee && 0 <= es && es <= ee && ee <= text.Length)
                evidence = text[es..ee];
            string? attribution = e.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.Object ? Str(src, "name") : null;
            string? trigger = e.TryGetProperty("trigger", out var tr) && tr.ValueKind == JsonValueKind.Object ? Str(tr, "text") : null;
            var flags = (Bool(e, "reported") ? EventFlags.Reported : 0) | (Bool(e, "unconfirmed") ? EventFlags.Unconfirmed : 0);
            float conf = e.TryGetProperty("confidence", out var cf) && cf.ValueKind == JsonValueKind.Number ? cf.GetSingle() : 0;

            list.Add(new EventClaim
            {
                ArticleId = id, Index = index++, Published = published, Source = source, Url = url,
                Type = type, Mode = mode, Status = status, Flags = flags, Actors = actors.ToImmutable(),
                Place = place, PlaceId = placeId, PlaceGeo = geo, Date = date, Evidence = evidence, Attribution = attribution,
                Cameo = Str(e, "cameo") ?? "", Confidence = conf, Trigger = trigger,
            });
        }
        return list.ToImmutable();
    }

    /// <summary>A linked entity's code: a place by its country, a person or body by the country of the office it holds.</summary>
    private static string? CodeOf(JsonElement entity)
    {
        if (entity.TryGetProperty("geo", out var g) && g.ValueKind == JsonValueKind.Object && EventCodes.OfCountry(Str(g, "country")) is { } c) return c;
        return EventCodes.OfName(Str(entity, "name")?.Split(' ')[^1]);
    }

    private static JsonElement? EntityAt(JsonElement entities, int? start, int? end)
    {
        if (entities.ValueKind != JsonValueKind.Array || start is not { } s || end is not { } e) return null;
        foreach (var x in entities.EnumerateArray())
            if (Int(x, "start") is { } xs && Int(x, "end") is { } xe && xs <= s && e <= xe) return x;
        return null;
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Bool(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : null;
}
