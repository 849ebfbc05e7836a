using System.Collections.Immutable;
using Depesche.Core;

namespace Depesche.Storage.Tests;

/// <summary>
/// Invented wire articles with hand-built links, quotes and events layers (the shapes the stages produce), for the
/// archive part of the contract: quote, event and entity-profile queries.
/// </summary>
public static class ArchiveArticles
{
    /// <summary>A mention: the <paramref name="Nth"/> occurrence (1-based) of the surface in the body, linked to an entity.</summary>
    public sealed record M(string Surface, EntityType Type, string Id, string Name, int Nth = 1, MentionRole[]? Roles = null);

    /// <summary>A quote: its surface, kind, the speaker as an index into the mentions (or a description), the chain, flags.</summary>
    public sealed record Q(string Surface, QuoteKind Kind, int Speaker, string? Description, (string Name, SourceLinkKind Kind, bool Anonymous)[] Sources, QuoteFlags Flags = QuoteFlags.None);

    /// <summary>An actor: index into the mentions, role, normalised name; <paramref name="WithId"/> false leaves EntityId for the store to resolve from the links.</summary>
    public sealed record A(int Mention, ActorRole Role, string Name, bool WithId = true);

    public sealed record E(string Trigger, EventType Type, EventStatus Status, A[] Actors, int Place = -1, string? Time = null, int Quote = -1, EventFlags Flags = EventFlags.None);

    public static Analysis Build(string headline, string body, string agency, string dateline, string date, M[] mentions, Q[] quotes, E[] events)
    {
        var wire = TestArticles.Wire(headline, body, agency: agency, dateline: dateline, date: date);
        var text = wire.Text;
        int bodyStart = wire.Article.Body.Start;
        var spans = mentions.Select(m => Find(text, m.Surface, bodyStart, m.Nth)).ToArray();
        var entityLayer = new Layer<EntityMention>(LayerName.Entities, TestArticles.TestProducer,
            mentions.Select((m, i) => new EntityMention(spans[i], spans[i] + m.Surface.Length, m.Type, EntityFlags.None, 0, 0.9f)));
        // Why: the layer sorts its mentions; quotes and links index the sorted layer.
        int Sorted(int i) => entityLayer.Items.IndexOf(entityLayer.Items.First(e => e.Start == spans[i] && e.End == spans[i] + mentions[i].Surface.Length));

        var ids = mentions.Select(m => m.Id).Distinct().ToList();
        var records = ids.Select(id =>
        {
            var ms = mentions.Where(m => m.Id == id).ToList();
            return new EntityRecord(id, ms[0].Name, ms[0].Type, id.StartsWith('Q') ? id : null, null,
                [.. ms.SelectMany(m => m.Roles ?? []).Distinct()], null, ms.Count);
        }).ToList();
        var links = mentions.Select((m, i) => new EntityLink(spans[i], spans[i] + m.Surface.Length, m.Id, Sorted(i), ids.IndexOf(m.Id),
            m.Surface == m.Name ? Core.LinkKind.Exact : Core.LinkKind.Surname, 0.9f, [.. m.Roles ?? []]));
        var linkLayer = new LinkLayer(TestArticles.TestProducer, links, records);

        var quoteItems = quotes.Select(q =>
        {
            int start = Find(text, q.Surface, bodyStart, 1);
            QuoteSpeaker speaker;
            if (q.Speaker >= 0)
            {
                int s = spans[q.Speaker], e = s + mentions[q.Speaker].Surface.Length;
                speaker = new QuoteSpeaker(s, e, SpeakerKind.Entity, s, e, Sorted(q.Speaker), false);
            }
            else if (q.Description is { } d)
            {
                int s = Find(text, d, bodyStart, 1);
                speaker = new QuoteSpeaker(s, s + d.Length, SpeakerKind.Description, s, s + d.Length, -1, true);
            }
            else speaker = default;
            var sources = q.Sources.Select(l =>
            {
                int at = text.IndexOf(l.Name, StringComparison.Ordinal);
                return at < 0 ? new SourceLink(0, 0, l.Kind, l.Anonymous, l.Name) : new SourceLink(at, at + l.Name.Length, l.Kind, l.Anonymous);
            }).ToImmutableArray();
            return new Quote(start, start + q.Surface.Length, q.Kind, default, speaker, sources, q.Flags);
        }).ToList();
        var quoteLayer = new Layer<Quote>(LayerName.Quotes, TestArticles.TestProducer, quoteItems);

        var eventItems = events.Select(ev =>
        {
            var parts = ev.Trigger.Split(" … ");
            var partRanges = new List<TextRange>();
            int from = bodyStart;
            foreach (var p in parts)
            {
                int at = Find(text, p, from, 1);
                partRanges.Add(new TextRange(at, at + p.Length));
                from = at + p.Length;
            }
            int sentenceStart = text.LastIndexOf(". ", partRanges[0].Start, StringComparison.Ordinal) is var dot and >= 0 && dot >= bodyStart ? dot + 2 : bodyStart;
            int sentenceEnd = text.IndexOf('.', partRanges[^1].End) + 1;
            var actors = ev.Actors.Select(a =>
            {
                var m = mentions[a.Mention];
                return new EventActor(spans[a.Mention], spans[a.Mention] + m.Surface.Length, a.Role, a.Name, a.WithId ? m.Id : null, null);
            }).ToImmutableArray();
            EventPlace? place = ev.Place >= 0 ? new EventPlace(spans[ev.Place], spans[ev.Place] + mentions[ev.Place].Surface.Length, mentions[ev.Place].Name, null) : null;
            EventTime? time = ev.Time is { } t ? new EventTime(sentenceStart, sentenceStart, t) : null;
            return new EventMention(partRanges[0].Start, partRanges[^1].End, ev.Type, EventMode.None, ev.Status, ev.Flags, [.. partRanges], actors,
                place, time, null, sentenceStart, sentenceEnd, ev.Quote, 0.8f, "040");
        }).ToList();
        var eventLayer = new Layer<EventMention>(LayerName.Events, TestArticles.TestProducer, eventItems);

        return new Analysis(wire.Article).With(entityLayer).With(linkLayer).With(quoteLayer).With(eventLayer);
    }

    private static int Find(string text, string surface, int from, int nth)
    {
        int at = from - 1;
        for (int i = 0; i < nth; i++)
        {
            at = text.IndexOf(surface, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"'{surface}' (occurrence {nth}) is not in the text");
        }
        return at;
    }

    private static readonly MentionRole Spokesperson = new("spokesperson", "Kremlsprecher", "kb:kreml");

    /// <summary>Peskow announces talks in Geneva (planned), a direct quote, an anonymous indirect one via an outlet, a reported one.</summary>
    public static Analysis Genf() => Build(
        "Kreml: Gespräche in Genf geplant",
        "Kremlsprecher Dmitri Peskow hat Gespräche mit der Ukraine in Genf angekündigt. „Wir sind zu einem Treffen am Freitag bereit“, sagte Peskow. " +
        "Die Ukraine bestätigte das Treffen zunächst nicht. Informierte Kreise sagten der Zeitung „Kommersant“, das Treffen sei bereits vereinbart.",
        "dpa", "MOSKAU", "2025-05-05",
        [
            new("Dmitri Peskow", EntityType.Person, "kb:peskow", "Dmitri Peskow", Roles: [Spokesperson]),
            new("Ukraine", EntityType.Location, "Q212", "Ukraine"),
            new("Genf", EntityType.Location, "Q71", "Genf"),
            new("Peskow", EntityType.Person, "kb:peskow", "Dmitri Peskow", Nth: 2),
            new("Ukraine", EntityType.Location, "Q212", "Ukraine", Nth: 2),
            new("Kommersant", EntityType.Organisation, "kb:kommersant", "Kommersant"),
        ],
        [
            new("„Wir sind zu einem Treffen am Freitag bereit“", QuoteKind.Direct, 3, null,
                [("Dmitri Peskow", SourceLinkKind.Speaker, false), ("dpa", SourceLinkKind.Agency, false)]),
            new("Die Ukraine bestätigte das Treffen zunächst nicht.", QuoteKind.Reported, 4, null,
                [("Ukraine", SourceLinkKind.Speaker, false), ("dpa", SourceLinkKind.Agency, false)]),
            new("das Treffen sei bereits vereinbart", QuoteKind.Indirect, -1, "Informierte Kreise",
                [("Informierte Kreise", SourceLinkKind.Circle, true), ("Kommersant", SourceLinkKind.Outlet, false), ("dpa", SourceLinkKind.Agency, false)],
                QuoteFlags.Anonymous | QuoteFlags.SingleSource | QuoteFlags.Unconfirmed),
        ],
        [
            new("Gespräche", EventType.Consult, EventStatus.Planned, [new(0, ActorRole.Source, "Peskow"), new(1, ActorRole.Target, "Ukraine", WithId: false)], Place: 2, Time: "2025-05-09"),
            new("vereinbart", EventType.Agree, EventStatus.Unconfirmed, [], Quote: 2, Flags: EventFlags.Reported | EventFlags.Unconfirmed),
        ]);

    /// <summary>Selenskyj demands air defence (a direct quote); Peskow rejects it (reported, denied).</summary>
    public static Analysis Luftabwehr() => Build(
        "Selenskyj fordert mehr Luftabwehr",
        "Der ukrainische Präsident Wolodymyr Selenskyj hat von den Verbündeten mehr Luftabwehr gefordert. „Wir brauchen jetzt Hilfe“, sagte Selenskyj in Kiew. " +
        "Kremlsprecher Peskow wies die Forderung zurück.",
        "Reuters", "KIEW", "2025-05-07",
        [
            new("Wolodymyr Selenskyj", EntityType.Person, "Q3874799", "Wolodymyr Selenskyj", Roles: [new("president", "Präsident", "Q212")]),
            new("Selenskyj", EntityType.Person, "Q3874799", "Wolodymyr Selenskyj", Nth: 2),
            new("Kiew", EntityType.Location, "Q1899", "Kiew"),
            new("Peskow", EntityType.Person, "kb:peskow", "Dmitri Peskow", Roles: [Spokesperson]),
        ],
        [
            new("„Wir brauchen jetzt Hilfe“", QuoteKind.Direct, 1, null, [("Selenskyj", SourceLinkKind.Speaker, false), ("Reuters", SourceLinkKind.Agency, false)]),
            new("Kremlsprecher Peskow wies die Forderung zurück.", QuoteKind.Reported, 3, null,
                [("Peskow", SourceLinkKind.Speaker, false), ("Reuters", SourceLinkKind.Agency, false)], QuoteFlags.Denied),
        ],
        [
            new("gefordert", EventType.Request, EventStatus.Asserted, [new(0, ActorRole.Source, "Selenskyj")]),
            new("wies … zurück", EventType.Reject, EventStatus.Asserted, [new(3, ActorRole.Source, "Peskow")]),
        ]);
}
