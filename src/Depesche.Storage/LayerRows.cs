using System.Text.Json;
using Depesche.Core;
using Json = Depesche.Core.Json.AnalysisJson;

namespace Depesche.Storage;

internal sealed record EntityLinkRow(int Start, int End, int Mention, string EntityId, string Text, string TextKey, string Kind);
internal sealed record ArticleEntityRow(string EntityId, string Name, string NameKey, string Type, string? Kind, string? Wikidata, int Mentions, IReadOnlyList<MentionRole> Roles);
internal sealed record QuoteRow(int Index, Quote Quote, string Text, string Kind, string? Cue, StoredSpeaker? Speaker, string SpeakerKey, string SourcesJson, string SourceKey);
internal sealed record EventActorRow(int Index, StoredEventActor Actor, string Key);
internal sealed record EventRow(int Index, EventMention Event, string Trigger, StoredEventPlace? Place, string PlaceKey, StoredEventTime? Time, string Evidence, IReadOnlyList<EventActorRow> Actors);

/// <summary>
/// The quote, event and entity-identity rows of one analysis, mapped from the Core layers (links, quotes, events).
/// Each layer is optional: an analysis without it gives no rows of that kind. Keys (<c>*_key</c> columns) are
/// lower-cased here, in .NET, because SQLite's <c>lower()</c> folds ASCII only.
/// </summary>
internal sealed class LayerRows
{
    public static readonly LayerRows Empty = new([], [], [], []);

    private LayerRows(IReadOnlyList<EntityLinkRow> links, IReadOnlyList<ArticleEntityRow> entities, IReadOnlyList<QuoteRow> quotes, IReadOnlyList<EventRow> events)
    {
        Links = links;
        Entities = entities;
        Quotes = quotes;
        Events = events;
    }

    public IReadOnlyList<EntityLinkRow> Links { get; }
    public IReadOnlyList<ArticleEntityRow> Entities { get; }
    public IReadOnlyList<QuoteRow> Quotes { get; }
    public IReadOnlyList<EventRow> Events { get; }

    /// <summary>The first link of each entity mention, by mention index: the mention's identity.</summary>
    public static Dictionary<int, (string Id, string Name)> MentionIdentity(LinkLayer? layer)
    {
        var map = new Dictionary<int, (string, string)>();
        if (layer is null) return map;
        foreach (var l in layer.Links)
            if (l.MentionIndex >= 0) map.TryAdd(l.MentionIndex, (l.EntityId, layer.EntityOf(l).Name));
        return map;
    }

    public static LayerRows From(Analysis analysis, Dictionary<int, (string Id, string Name)> identity)
    {
        var text = analysis.Text;
        var layer = analysis.Find<LinkLayer>(LayerName.Links);
        var quotes = analysis.Find<Layer<Quote>>(LayerName.Quotes);
        var events = analysis.Find<Layer<EventMention>>(LayerName.Events);
        if (layer is null && quotes is null && events is null) return Empty;

        var links = new List<EntityLinkRow>();
        var entities = new List<ArticleEntityRow>();
        if (layer is not null)
        {
            foreach (var l in layer.Links)
            {
                var surface = text[l.Start..l.End];
                links.Add(new EntityLinkRow(l.Start, l.End, l.MentionIndex, l.EntityId, surface, surface.ToLowerInvariant(), Json.LinkKindName(l.Kind)));
            }
            foreach (var e in layer.Entities)
                entities.Add(new ArticleEntityRow(e.Id, e.Name, e.Name.ToLowerInvariant(), Json.TypeName(e.Type), e.Kind, e.Wikidata, e.Mentions, e.Roles.IsDefault ? [] : e.Roles));
        }

        var quoteRows = new List<QuoteRow>();
        if (quotes is not null)
            for (int i = 0; i < quotes.Count; i++)
                quoteRows.Add(QuoteRowOf(i, quotes[i], text, identity));

        var eventRows = new List<EventRow>();
        if (events is not null)
            for (int i = 0; i < events.Count; i++)
                eventRows.Add(EventRowOf(i, events[i], text, layer));
        return new LayerRows(links, entities, quoteRows, eventRows);
    }

    private static QuoteRow QuoteRowOf(int index, Quote q, string text, Dictionary<int, (string Id, string Name)> identity)
    {
        StoredSpeaker? speaker = null;
        if (!q.Speaker.IsEmpty)
        {
            var s = q.Speaker;
            var wording = s.Referent.Slice(text);
            string? id = null;
            string name = s.Kind == SpeakerKind.Description ? s.Range.Slice(text) : wording;
            if (s.EntityIndex >= 0 && identity.TryGetValue(s.EntityIndex, out var ident))
                (id, name) = ident;
            speaker = new StoredSpeaker(wording, s.ReferentStart, s.ReferentEnd, Json.SpeakerKindName(s.Kind), id, name,
                s.Referent != s.Range ? s.Range.Slice(text) : null, s.Anonymous);
        }
        var sources = q.Sources.IsDefault ? [] : q.Sources.Select(l => new StoredSourceLink(Json.SourceKindName(l.Kind), l.Name ?? l.Range.Slice(text), l.Anonymous)).ToList();
        var speakerKey = speaker is null ? "" : Key(speaker.Name, speaker.Text);
        return new QuoteRow(index, q, text[q.Start..q.End], Json.QuoteKindName(q.Kind),
            q.Cue.IsEmpty ? null : string.Join(" … ", q.Cue.Parts.Select(p => p.Slice(text))),
            speaker, speakerKey, JsonSerializer.Serialize(sources, StoreJson.Options), Key(sources.Select(s => s.Name)));
    }

    private static EventRow EventRowOf(int index, EventMention e, string text, LinkLayer? layer)
    {
        var actors = new List<EventActorRow>();
        if (!e.Actors.IsDefault)
            for (int i = 0; i < e.Actors.Length; i++)
            {
                var a = e.Actors[i];
                var (id, canonical) = a.EntityId is { } known ? (known, NameOf(layer, known)) : LinkAt(layer, a.Start, a.End, a.Name);
                var stored = new StoredEventActor(a.Role == ActorRole.Source ? "source" : "target", a.Name, a.Range.Slice(text), id, canonical, a.Description);
                actors.Add(new EventActorRow(i, stored, Key(a.Name, stored.Text, canonical ?? "")));
            }
        StoredEventPlace? place = null;
        if (e.Place is { } p)
        {
            var id = p.EntityId ?? LinkAt(layer, p.Start, p.End, p.Name).Id;
            place = new StoredEventPlace(p.Name, p.Range.Slice(text), id);
        }
        var trigger = string.Join(" … ", e.TriggerParts.IsDefaultOrEmpty ? [e.Range.Slice(text)] : e.TriggerParts.Select(t => t.Slice(text)));
        var time = e.Time is { } t ? new StoredEventTime(t.Value, t.Range.Slice(text)) : null;
        var evidence = e.SentenceEnd > e.SentenceStart ? text[e.SentenceStart..e.SentenceEnd] : "";
        return new EventRow(index, e, trigger, place, place is null ? "" : Key(place.Name, place.Text), time, evidence, actors);
    }

    private static string? NameOf(LinkLayer? layer, string id)
    {
        if (layer is null) return null;
        foreach (var e in layer.Entities)
            if (e.Id == id) return e.Name;
        return null;
    }

    // Why: the events stage fills EntityId only when it resolved the actor itself; the links layer often knows more.
    // A link inside the actor's span names it; with several (amerikanisch-russischen), the one whose name matches.
    private static (string? Id, string? Name) LinkAt(LinkLayer? layer, int start, int end, string name)
    {
        if (layer is null) return (null, null);
        (string?, string?) only = (null, null);
        int found = 0;
        foreach (var l in layer.Links)
        {
            if (l.Start >= end) break;
            if (l.End <= start || l.Start < start || l.End > end) continue;
            var e = layer.EntityOf(l);
            if (string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)) return (l.EntityId, e.Name);
            if (only.Item1 != l.EntityId) { only = (l.EntityId, e.Name); found++; }
        }
        if (found == 1) return only;
        if (found > 1) return (null, null);
        // Why: a pronoun actor ("er") has no link on its span, but its normalised name is the antecedent's: take the one
        // entity of the article whose canonical name is that name or ends with it as a word (Selenskyj → Wolodymyr Selenskyj).
        EntityRecord? match = null;
        foreach (var e in layer.Entities)
        {
            bool same = string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase)
                || e.Name.EndsWith(" " + name, StringComparison.OrdinalIgnoreCase);
            if (!same) continue;
            if (match is not null && match.Id != e.Id) return (null, null);
            match = e;
        }
        return match is null ? (null, null) : (match.Id, match.Name);
    }

    /// <summary>Lower-cased, '|'-delimited search key (delimiters at both ends, so an exact part matches <c>%|x|%</c>).</summary>
    public static string Key(params IEnumerable<string> parts) =>
        "|" + string.Join('|', parts.Where(p => p.Length > 0).Select(p => p.ToLowerInvariant())) + "|";
}
