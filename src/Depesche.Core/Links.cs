using System.Collections.Immutable;

namespace Depesche.Core;

/// <summary>How a mention was tied to its entity. Recorded so an analyst (and the evaluator) can see why.</summary>
public enum LinkKind : byte
{
    /// <summary>The mention is the entity's canonical name or full name.</summary>
    Exact,
    /// <summary>A listed alias or transliteration (<c>Zelensky</c>, <c>Kyiv</c>).</summary>
    Alias,
    /// <summary>A surname or first name resolved against an earlier full mention or the KB.</summary>
    Surname,
    /// <summary>A genitive or other inflected form (<c>Putins</c>, <c>Russlands</c>, <c>Kremls</c>).</summary>
    Genitive,
    /// <summary>An adjective or demonym (<c>Moskauer</c>, <c>ukrainischen</c>, <c>Europäer</c>).</summary>
    Demonym,
    /// <summary>A place name standing for an institution (<c>Kreml</c>, <c>Weißes Haus</c>).</summary>
    Metonym,
    /// <summary>A name inside a compound (<c>Putin-Berater</c>, <c>US-Medien</c>, <c>Kremlchef</c>).</summary>
    Compound,
    /// <summary>A document-local identity: no KB entry, but coreferent with other mentions of the article.</summary>
    Coref,
    /// <summary>A role title resolved to its holder on the article date (<c>Kremlchef</c>, <c>der Bundeskanzler</c>).</summary>
    Role,
    /// <summary>A dateline place (<c>KIEW</c> in <c>KIEW/WASHINGTON (dpa-AFX) -</c>); not an NER mention.</summary>
    Dateline,
}

/// <summary>
/// A role stated in the text for a mention: <c>Kremlsprecher Dmitri Peskow</c> gives
/// <c>(Title "Kremlsprecher", Role "spokesperson", Of the Kremlin's id)</c>.
/// <see cref="Role"/> is a stable English key; <see cref="Title"/> is the German wording found.
/// </summary>
public readonly record struct MentionRole(string Role, string Title, string? Of = null)
{
    public override string ToString() => Of is null ? Role : $"{Role} of {Of}";
}

/// <summary>
/// The link of one entity mention to one entity. Same span as the mention it links; a mention naming two entities
/// (<c>amerikanisch-russischen</c>) has two links with the same span and <see cref="MentionIndex"/>.
/// <see cref="EntityId"/> is a Wikidata id (<c>Q7747</c>), a curated KB id without one (<c>kb:steve-witkoff</c>), or a
/// document-local id (<c>local:&lt;article&gt;:&lt;n&gt;</c>) shared by coreferent mentions.
/// <see cref="MentionIndex"/> indexes the entities layer; -1 for a dateline place.
/// <see cref="EntityIndex"/> indexes <see cref="LinkLayer.Entities"/>.
/// </summary>
public readonly record struct EntityLink(
    int Start,
    int End,
    string EntityId,
    int MentionIndex,
    int EntityIndex,
    LinkKind Kind,
    float Confidence,
    ImmutableArray<MentionRole> Roles) : ISpanned
{
    public TextRange Range => new(Start, End);
}

/// <summary>A point on the map with the ISO 3166-1 alpha-2 code of its country (null for supranational places).</summary>
public readonly record struct GeoPoint(double Lat, double Lon, string? Country);

/// <summary>
/// One distinct entity of an article: canonical German name, type, Wikidata id where known, roles (from the text and,
/// for KB offices, held on the article date), a point for places, and the number of links that name it.
/// </summary>
public sealed record EntityRecord(
    string Id,
    string Name,
    EntityType Type,
    string? Wikidata,
    string? Kind,
    ImmutableArray<MentionRole> Roles,
    GeoPoint? Geo,
    int Mentions);

/// <summary>
/// The <see cref="LayerName.Links"/> layer: links sorted like every layer (start, then outer before inner, then mention
/// index) and the article's distinct entities in order of first mention. Immutable; thread-safe for reading.
/// </summary>
public sealed class LinkLayer : ILayer
{
    public LinkLayer(Producer producer, IEnumerable<EntityLink> links, IEnumerable<EntityRecord> entities)
    {
        Producer = producer;
        var arr = links.ToArray();
        Array.Sort(arr, static (a, b) =>
            a.Start != b.Start ? a.Start.CompareTo(b.Start)
            : a.End != b.End ? b.End.CompareTo(a.End)
            : a.MentionIndex != b.MentionIndex ? a.MentionIndex.CompareTo(b.MentionIndex)
            : string.CompareOrdinal(a.EntityId, b.EntityId));
        Links = ImmutableArray.Create(arr);
        Entities = entities.ToImmutableArray();
        foreach (var l in Links)
            if ((uint)l.EntityIndex >= (uint)Entities.Length)
                throw new ArgumentException($"Link [{l.Start},{l.End}) points at entity {l.EntityIndex} of {Entities.Length}.");
    }

    public LayerName Name => LayerName.Links;
    public Producer Producer { get; }
    public ImmutableArray<EntityLink> Links { get; }
    public ImmutableArray<EntityRecord> Entities { get; }
    public int Count => Links.Length;

    /// <summary>The entity a link points at.</summary>
    public EntityRecord EntityOf(in EntityLink link) => Entities[link.EntityIndex];
}
