using System.Collections.Immutable;

namespace Depesche.Core;

/// <summary>PLOVER event types, plus <see cref="Statement"/> for declarations that fit none of them.</summary>
public enum EventType : byte
{
    Agree,
    Consult,
    Support,
    Concede,
    Cooperate,
    Aid,
    Retreat,
    Request,
    Accuse,
    Reject,
    Threaten,
    Protest,
    Sanction,
    Mobilize,
    Coerce,
    Assault,
    Statement,
}

/// <summary>PLOVER modes that apply here: the CONSULT modes, and <see cref="Propose"/> for an offer of any type.</summary>
public enum EventMode : byte
{
    None,
    Visit,
    Meet,
    Phone,
    Multilateral,
    ThirdParty,
    Propose,
}

/// <summary>
/// The lifecycle status an article claims for an event. <see cref="Asserted"/> and <see cref="Reported"/> are for
/// speech acts (demands, rejections, statements): said directly, or rendered by someone else.
/// </summary>
public enum EventStatus : byte
{
    Asserted,
    Reported,
    Planned,
    Held,
    Cancelled,
    Postponed,
    Denied,
    Negated,
    Unconfirmed,
    Hypothetical,
}

/// <summary>Facts about an event's sourcing, independent of its lifecycle status.</summary>
[Flags]
public enum EventFlags : byte
{
    None = 0,
    /// <summary>The article renders the claim from another source (<c>berichtete "Politico"</c>, Konjunktiv I).</summary>
    Reported = 1,
    /// <summary>A party in a position to confirm did not, or the claim rests on unnamed sources only.</summary>
    Unconfirmed = 2,
}

public enum ActorRole : byte
{
    Source,
    Target,
}

/// <summary>
/// One participant. <see cref="Start"/>/<see cref="End"/> is the mention; <see cref="Name"/> is the normalised name
/// (<c>USA</c>, <c>Russland</c>, <c>Witkoff</c>); <see cref="EntityId"/> comes from the links layer when present;
/// <see cref="Description"/> is the wording of a group (<c>die Europäer</c>, <c>Vertreter des Kremls</c>), else null.
/// </summary>
public readonly record struct EventActor(int Start, int End, ActorRole Role, string Name, string? EntityId, string? Description)
{
    public TextRange Range => new(Start, End);
}

/// <summary>Where an event takes place: the mention, its normalised name, and the entity id when linked.</summary>
public readonly record struct EventPlace(int Start, int End, string Name, string? EntityId)
{
    public TextRange Range => new(Start, End);
}

/// <summary>When: the time expression(s) and a TIMEX3 value; two dates (<c>am Sonntag und Montag</c>) give an ISO interval <c>2025-12-14/2025-12-15</c>.</summary>
public readonly record struct EventTime(int Start, int End, string Value)
{
    public TextRange Range => new(Start, End);
}

/// <summary>Who the article credits with the claim (<c>teilte Selenskyj mit</c>, <c>berichtete "Politico"</c>): mention and normalised name.</summary>
public readonly record struct EventAttribution(int Start, int End, string Name)
{
    public TextRange Range => new(Start, End);
}

/// <summary>
/// One event mention. <see cref="Start"/>/<see cref="End"/> is the trigger (for a separable verb, from the finite
/// verb to its particle, <see cref="TriggerParts"/> holding each piece). <see cref="SentenceStart"/>/<see cref="SentenceEnd"/>
/// is the evidence sentence; <see cref="QuoteIndex"/> indexes the quotes layer, or -1. <see cref="Cameo"/> is the
/// nearest CAMEO code. <see cref="Confidence"/> is in [0, 1].
/// </summary>
public readonly record struct EventMention(
    int Start,
    int End,
    EventType Type,
    EventMode Mode,
    EventStatus Status,
    EventFlags Flags,
    ImmutableArray<TextRange> TriggerParts,
    ImmutableArray<EventActor> Actors,
    EventPlace? Place,
    EventTime? Time,
    EventAttribution? Attribution,
    int SentenceStart,
    int SentenceEnd,
    int QuoteIndex,
    float Confidence,
    string Cameo) : ISpanned
{
    public TextRange Range => new(Start, End);
    public TextRange Evidence => new(SentenceStart, SentenceEnd);

    /// <summary>
    /// The article's further mentions of this same event, in text order (<c>die Gespräche</c> two paragraphs on, the
    /// sentence naming its participants). This mention is the first; actors, place and time are the union of all.
    /// Empty when the event is mentioned once.
    /// </summary>
    public ImmutableArray<EventReference> OtherMentions
    {
        get => _others.IsDefault ? [] : _others;
        init => _others = value;
    }

    private readonly ImmutableArray<EventReference> _others;
}

/// <summary>
/// A further mention of an event in the same article: its trigger, the status and source it claims on its own,
/// its evidence sentence and quote (-1: none), and why it was taken for the same event.
/// </summary>
public readonly record struct EventReference(
    int Start,
    int End,
    ImmutableArray<TextRange> TriggerParts,
    EventStatus Status,
    EventFlags Flags,
    EventAttribution? Attribution,
    int SentenceStart,
    int SentenceEnd,
    int QuoteIndex,
    string Reason)
{
    public TextRange Range => new(Start, End);
    public TextRange Evidence => new(SentenceStart, SentenceEnd);
}

/// <summary>Stable lower-case names of the event enums, as written to JSON and read from gold files.</summary>
public static class EventNames
{
    public static string Of(EventType t) => t.ToString().ToUpperInvariant();
    public static string Of(EventMode m) => m switch
    {
        EventMode.ThirdParty => "third-party",
        _ => m.ToString().ToLowerInvariant(),
    };
    public static string Of(EventStatus s) => s.ToString().ToLowerInvariant();

    public static bool TryParseType(string s, out EventType t) => Enum.TryParse(s, ignoreCase: true, out t) && Enum.IsDefined(t);
    public static bool TryParseStatus(string s, out EventStatus t) => Enum.TryParse(s, ignoreCase: true, out t) && Enum.IsDefined(t);
}
