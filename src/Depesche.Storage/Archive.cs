using Depesche.Core;

namespace Depesche.Storage;

// The archive's query side: quotes, events and entity profiles as rows. Everything here is plain data, serialisable
// as JSON (the CLI prints it as is, the HTTP API will too). Kinds, statuses and flags are the stable lower-case names
// of the JSON contract (AnalysisJson), so a consumer never sees C# enum numbers.

/// <summary>
/// Which quotes to list. Every filter is optional; all given filters must hold. Text filters are case-insensitive
/// substrings; an entity id (<c>Q3874799</c>, <c>kb:peskow</c>) matches exactly.
/// </summary>
public sealed record QuoteQuery
{
    /// <summary>The speaker: an entity id, or words in the speaker's canonical name or wording (<c>Selenskyj</c>, <c>Kremlsprecher</c>).</summary>
    public string? Speaker { get; init; }
    /// <summary>A link of the source chain (speaker, outlet, agency, circle) whose name contains these words: <c>Politico</c>, <c>Interfax</c>, <c>dpa</c>.</summary>
    public string? Source { get; init; }
    /// <summary>Only quotes with all of these flags set (<see cref="QuoteFlags.None"/>: no constraint).</summary>
    public QuoteFlags Flags { get; init; }
    public QuoteKind? Kind { get; init; }
    /// <summary>The article was published on or after this day.</summary>
    public DateOnly? From { get; init; }
    /// <summary>The article was published on or before this day.</summary>
    public DateOnly? To { get; init; }
    /// <summary>Only the quotes of this article.</summary>
    public string? ArticleId { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>Which events to list. All given filters must hold; text filters are case-insensitive substrings, entity ids match exactly.</summary>
public sealed record EventQuery
{
    /// <summary>A participant: an entity id, or words in its normalised name, canonical name or wording (<c>Putin</c>, <c>USA</c>).</summary>
    public string? Actor { get; init; }
    public EventType? Type { get; init; }
    public EventStatus? Status { get; init; }
    /// <summary>The place: an entity id or words in its name.</summary>
    public string? Place { get; init; }
    /// <summary>The article was published on or after this day (the event's own time is in <see cref="StoredEvent.Time"/>).</summary>
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public string? ArticleId { get; init; }
    public int Limit { get; init; } = 50;
    public int Offset { get; init; }
}

/// <summary>Where a quote or event stands: its article, that article's date, agency and headline.</summary>
public sealed record ArticleRef(string Id, string? Published, string? Agency, string? Headline);

/// <summary>
/// A quote's speaker. <see cref="EntityId"/> and <see cref="Name"/> (canonical) come from the links layer when the
/// speaker mention is linked; otherwise <see cref="Name"/> is the wording. For a pronoun, <see cref="Text"/> is the
/// antecedent and <see cref="Mention"/> the pronoun.
/// </summary>
public sealed record StoredSpeaker(string Text, int Start, int End, string Kind, string? EntityId, string Name, string? Mention, bool Anonymous);

/// <summary>One link of a quote's source chain, from the speaker outwards to the article's agency.</summary>
public sealed record StoredSourceLink(string Kind, string Name, bool Anonymous);

/// <summary>
/// A stored quote. <see cref="Start"/>/<see cref="End"/> are half-open UTF-16 offsets into the article text;
/// <see cref="Index"/> is its position in the article's quotes layer (what <see cref="StoredEvent.QuoteIndex"/> points at).
/// </summary>
public sealed record StoredQuote(
    ArticleRef Article, int Index, int Start, int End, string Text, string Kind, string? Cue,
    StoredSpeaker? Speaker, IReadOnlyList<StoredSourceLink> Sources, IReadOnlyList<string> Flags);

public sealed record QuoteResults(long Total, IReadOnlyList<StoredQuote> Quotes);

/// <summary>A participant of an event: normalised name, wording, and entity id with canonical name when linked.</summary>
public sealed record StoredEventActor(string Role, string Name, string Text, string? EntityId, string? EntityName, string? Description);

/// <summary>A place or a time of an event: its name or TIMEX3 value, the wording, and the entity id of a linked place.</summary>
public sealed record StoredEventPlace(string Name, string Text, string? EntityId);
public sealed record StoredEventTime(string Value, string Text);

/// <summary>
/// A stored event mention. <see cref="Start"/>/<see cref="End"/> is the trigger; <see cref="Evidence"/> the sentence
/// it was found in; <see cref="QuoteIndex"/> the quote it belongs to (-1: none). Type is the PLOVER name
/// (<c>CONSULT</c>), status the lower-case name (<c>planned</c>).
/// </summary>
public sealed record StoredEvent(
    ArticleRef Article, int Index, int Start, int End, string Trigger, string Type, string? Mode, string Status,
    bool Reported, bool Unconfirmed, IReadOnlyList<StoredEventActor> Actors, StoredEventPlace? Place, StoredEventTime? Time,
    string? Attribution, string Evidence, int QuoteIndex, double Confidence, string Cameo);

public sealed record EventResults(long Total, IReadOnlyList<StoredEvent> Events);

/// <summary>A way an entity was written, with how many links used it.</summary>
public sealed record EntityAlias(string Text, long Count);

/// <summary>A role stated for an entity (<c>spokesperson</c> of <c>kb:kreml</c>, titled <c>Kremlsprecher</c>) and in how many articles.</summary>
public sealed record EntityRoleCount(string Role, string Title, string? Of, long Articles);

/// <summary>One article that mentions the entity, and how often.</summary>
public sealed record EntityMentionEntry(string ArticleId, string? Published, string? Agency, string? Headline, int Mentions);

/// <summary>An entity mentioned in the same articles, and in how many. News agencies (KB kind <c>agency</c>) are left out: the dateline names one in nearly every article.</summary>
public sealed record CoOccurrence(string EntityId, string Name, string Type, long Articles);

/// <summary>Another entity the name matched, less often mentioned than the one profiled.</summary>
public sealed record EntityCandidate(string EntityId, string Name, string Type, long Articles);

/// <summary>How much of an entity profile to return.</summary>
public sealed record EntityProfileOptions
{
    /// <summary>The most recent mentions in the timeline, and the most recent quotes and events.</summary>
    public int Limit { get; init; } = 50;
    /// <summary>Co-occurring entities, most frequent first.</summary>
    public int CoOccurring { get; init; } = 20;
}

/// <summary>
/// What the archive knows about one entity (identity from the links layer): canonical name, type, aliases as
/// written, roles, a chronological timeline of the articles that mention it, the quotes it spoke, the events it
/// takes part in (as actor or place), and the entities it appears with. Counts cover the whole store; lists are
/// cut to <see cref="EntityProfileOptions"/>.
/// </summary>
public sealed record EntityProfile(
    string EntityId, string Name, string Type, string? Kind, string? Wikidata,
    long Articles, long Mentions, string? FirstSeen, string? LastSeen,
    IReadOnlyList<EntityAlias> Aliases, IReadOnlyList<EntityRoleCount> Roles, IReadOnlyList<EntityMentionEntry> Timeline,
    long QuoteCount, IReadOnlyList<StoredQuote> Quotes, long EventCount, IReadOnlyList<StoredEvent> Events,
    IReadOnlyList<CoOccurrence> CoOccurring, IReadOnlyList<EntityCandidate> OtherMatches);

/// <summary>Stable names for quote flags, as in the JSON contract and on the command line.</summary>
public static class QuoteFlagNames
{
    public static IReadOnlyList<string> Of(QuoteFlags f)
    {
        var list = new List<string>(4);
        if ((f & QuoteFlags.Anonymous) != 0) list.Add("anonymous");
        if ((f & QuoteFlags.SingleSource) != 0) list.Add("singleSource");
        if ((f & QuoteFlags.Unconfirmed) != 0) list.Add("unconfirmed");
        if ((f & QuoteFlags.Denied) != 0) list.Add("denied");
        return list;
    }

    /// <summary>Parses <c>anonymous</c>, <c>single-source</c>/<c>singleSource</c>, <c>unconfirmed</c>, <c>denied</c> (case-insensitive).</summary>
    public static bool TryParse(string s, out QuoteFlags flag)
    {
        flag = s.Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() switch
        {
            "anonymous" => QuoteFlags.Anonymous,
            "singlesource" => QuoteFlags.SingleSource,
            "unconfirmed" => QuoteFlags.Unconfirmed,
            "denied" => QuoteFlags.Denied,
            _ => QuoteFlags.None,
        };
        return flag != QuoteFlags.None;
    }
}
