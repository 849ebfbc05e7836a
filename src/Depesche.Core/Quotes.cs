using System.Collections.Immutable;

namespace Depesche.Core;

/// <summary>How a quote renders what was said.</summary>
public enum QuoteKind : byte
{
    /// <summary>Verbatim, between quotation marks: <c>„Am Freitag wird unser Team in den USA sein.“</c></summary>
    Direct,
    /// <summary>Paraphrase, mostly in Konjunktiv I after a cue: <c>die Unterhändler seien bereits auf dem Weg, teilte … mit</c>.</summary>
    Indirect,
    /// <summary>A speech act named but not rendered: <c>Peskow sagte nicht, wann …</c>, <c>Russland lehnt solche Truppen ab</c>.</summary>
    Reported,
}

/// <summary>What kind of expression names the speaker.</summary>
public enum SpeakerKind : byte
{
    /// <summary>No speaker was found.</summary>
    None,
    /// <summary>A name: an entity mention, or a capitalised name when no entity layer is present.</summary>
    Entity,
    /// <summary>A pronoun (<c>sagte er</c>) resolved, where possible, to an antecedent.</summary>
    Pronoun,
    /// <summary>A description: <c>informierte Kreise</c>, <c>ein namentlich nicht genannter Beamter</c>, <c>US-Medien</c>.</summary>
    Description,
}

/// <summary>The role of one link in a source chain.</summary>
public enum SourceLinkKind : byte
{
    /// <summary>The person or body who said it.</summary>
    Speaker,
    /// <summary>A medium that reported it: <c>"Politico"</c>, <c>russische Medien</c>.</summary>
    Outlet,
    /// <summary>A news agency: <c>Interfax-Ukraina</c>, or the article's own agency (<c>dpa-AFX</c>).</summary>
    Agency,
    /// <summary>Unnamed circles the outlet relies on: <c>informierte Kreise</c>, <c>Diplomaten</c>.</summary>
    Circle,
}

[Flags]
public enum QuoteFlags : byte
{
    None = 0,
    /// <summary>The speaker or a link of the chain is not named.</summary>
    Anonymous = 1,
    /// <summary>The chain rests on one outlet or agency only, with no second confirmation in the article.</summary>
    SingleSource = 2,
    /// <summary>A party in a position to confirm did not (<c>bestätigte die Berichte zunächst nicht</c>).</summary>
    Unconfirmed = 4,
    /// <summary>The content was denied (<c>dementierte</c>, <c>wies … zurück</c>).</summary>
    Denied = 8,
}

/// <summary>
/// The words that introduce a quote. <see cref="Parts"/> holds one range per piece in text order, so a separable
/// verb (<c>teilte … mit</c>) has two; <see cref="Start"/>/<see cref="End"/> span them all. Default: no cue.
/// </summary>
public readonly record struct QuoteCue(int Start, int End, ImmutableArray<TextRange> Parts)
{
    public bool IsEmpty => Parts.IsDefaultOrEmpty;
    public TextRange Range => new(Start, End);

    public static QuoteCue From(ImmutableArray<TextRange> parts) =>
        parts.IsDefaultOrEmpty ? default : new QuoteCue(parts[0].Start, parts[^1].End, parts);
}

/// <summary>
/// Who said it. <see cref="Start"/>/<see cref="End"/> is the mention in the text (for a pronoun, the pronoun);
/// <see cref="ReferentStart"/>/<see cref="ReferentEnd"/> is what it refers to (for a pronoun, the antecedent; else
/// the same range). <see cref="EntityIndex"/> is the index of the entity mention in the entity layer, or -1.
/// </summary>
public readonly record struct QuoteSpeaker(int Start, int End, SpeakerKind Kind, int ReferentStart, int ReferentEnd, int EntityIndex, bool Anonymous)
{
    public bool IsEmpty => Kind == SpeakerKind.None;
    public TextRange Range => new(Start, End);
    public TextRange Referent => new(ReferentStart, ReferentEnd);
}

/// <summary>
/// One link of a source chain. <see cref="Start"/>/<see cref="End"/> point into the text; a link taken from the
/// article's metadata (the agency of the dateline) has an empty range at the agency's place, or at 0 when the text
/// does not name it, and carries its <see cref="Name"/>.
/// </summary>
public readonly record struct SourceLink(int Start, int End, SourceLinkKind Kind, bool Anonymous, string? Name = null)
{
    public TextRange Range => new(Start, End);
}

/// <summary>
/// A quote: the message <c>[Start, End)</c>, its cue, speaker and source chain. The chain is ordered from the speaker
/// outwards to the article's agency (speaker ← outlet ← agency). Compact: variable-length parts live in immutable arrays.
/// </summary>
public readonly record struct Quote(int Start, int End, QuoteKind Kind, QuoteCue Cue, QuoteSpeaker Speaker, ImmutableArray<SourceLink> Sources, QuoteFlags Flags) : ISpanned
{
    public TextRange Range => new(Start, End);
}
