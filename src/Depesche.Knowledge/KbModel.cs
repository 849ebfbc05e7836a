using System.Collections.Immutable;
using System.Globalization;
using Depesche.Core;

namespace Depesche.Knowledge;

/// <summary>What a KB entity is. Decides its <see cref="EntityType"/> and which mentions it may answer.</summary>
public enum KbKind : byte
{
    Person,
    Country,
    City,
    State,
    Region,
    Continent,
    Org,
    Gov,
    Party,
    Agency,
    Media,
}

/// <summary>How a KB alias relates to its entity.</summary>
public enum AliasForm : byte
{
    /// <summary>The canonical name.</summary>
    Name,
    /// <summary>A listed alias, transliteration or inflected form.</summary>
    Alias,
    /// <summary>A surname derived from a person's name (<c>Selenskyj</c>, <c>von der Leyen</c>).</summary>
    Surname,
    /// <summary>A place name standing for an institution (<c>Kreml</c>, <c>Weißes Haus</c>).</summary>
    Metonym,
    /// <summary>An adjective or demonym stem (<c>ukrainisch</c>, <c>Moskauer</c>, <c>Europäer</c>).</summary>
    Derived,
}

/// <summary>A term in an office, closed or open at either end. Dates are inclusive at the start, exclusive at the end.</summary>
public readonly record struct OfficeTerm(string OfficeId, DateOnly? From, DateOnly? To)
{
    /// <summary>Whether the term covers the date; with no date, whether the term is open-ended (current).</summary>
    public bool Covers(DateOnly? date) => date is not { } d
        ? To is null
        : (From is not { } f || f <= d) && (To is not { } t || d < t);

    public override string ToString() =>
        $"{OfficeId}@{(From is { } f ? f.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}..{(To is { } t ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}";
}

/// <summary>
/// One entity of the knowledge base. Immutable. <see cref="Id"/> is the Wikidata id where known, else
/// <c>kb:&lt;key&gt;</c> (curated) or the key itself when it carries a scheme (<c>geonames:2950159</c>).
/// </summary>
public sealed class KbEntity
{
    internal KbEntity(string key, KbKind kind, string? wikidata, string name, ImmutableArray<string> aliases,
        ImmutableArray<string> derived, GeoPoint? geo, string? country, ImmutableArray<OfficeTerm> offices,
        ImmutableArray<string> context, float prior, string source)
    {
        Key = key;
        Kind = kind;
        Wikidata = wikidata;
        Id = wikidata ?? (key.Contains(':', StringComparison.Ordinal) ? key : "kb:" + key);
        Name = name;
        Aliases = aliases;
        Derived = derived;
        Geo = geo;
        Country = country;
        Offices = offices;
        Context = context;
        Prior = prior;
        Source = source;
    }

    public string Key { get; }
    public string Id { get; }
    public KbKind Kind { get; }
    public string? Wikidata { get; }
    /// <summary>Canonical German name.</summary>
    public string Name { get; }
    public ImmutableArray<string> Aliases { get; }
    public ImmutableArray<string> Derived { get; }
    public GeoPoint? Geo { get; }
    public string? Country { get; }
    public ImmutableArray<OfficeTerm> Offices { get; }
    /// <summary>Words that favour this entity when its alias is ambiguous, matched case-sensitively in the article.</summary>
    public ImmutableArray<string> Context { get; }
    public float Prior { get; }
    /// <summary>Where the row came from: <c>curated</c>, <c>geonames</c>, <c>iso-codes</c>.</summary>
    public string Source { get; }

    public EntityType Type => TypeOf(Kind);
    public bool IsPlace => Kind is KbKind.Country or KbKind.City or KbKind.State or KbKind.Region or KbKind.Continent;
    public bool IsPerson => Kind == KbKind.Person;
    public bool IsOrganisation => Kind is KbKind.Org or KbKind.Gov or KbKind.Party or KbKind.Agency or KbKind.Media;

    public static EntityType TypeOf(KbKind kind) => kind switch
    {
        KbKind.Person => EntityType.Person,
        KbKind.Country or KbKind.City or KbKind.State or KbKind.Region or KbKind.Continent => EntityType.Location,
        _ => EntityType.Organisation,
    };

    public static string KindName(KbKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Whether the entity holds any office on the date (any open-ended office with no date).</summary>
    public bool InOffice(DateOnly? date)
    {
        foreach (var o in Offices) if (o.Covers(date)) return true;
        return false;
    }

    public override string ToString() => $"{Id} {Name} ({KindName(Kind)})";
}

/// <summary>An office such as President of Russia: a role key, the entity it belongs to, a German label and extra titles.</summary>
public sealed record KbOffice(string Id, string Role, string Of, string Label, ImmutableArray<string> Titles);

/// <summary>A title stem (<c>Sprecher</c>, <c>Chefunterhändler</c>) with its role key and a default "of" (KB key).</summary>
public sealed record KbTitle(string Stem, string Role, string? DefaultOf);

/// <summary>One answer of <see cref="KnowledgeBase.Lookup"/>.</summary>
public sealed record KbMatch(KbEntity Entity, AliasForm Form, string Alias, float Score);

/// <summary>Counts describing a knowledge base, for <c>depesche kb stats</c>.</summary>
public sealed record KbStats(
    int Entities,
    int Aliases,
    int Keys,
    int Offices,
    int Titles,
    int WithWikidata,
    int WithGeo,
    ImmutableSortedDictionary<string, int> ByKind,
    ImmutableSortedDictionary<string, int> BySource,
    string Version);

/// <summary>What <see cref="KnowledgeBase.Build"/> imports besides the curated files. Every path is optional.</summary>
public sealed record KbBuildOptions
{
    /// <summary>A folder with curated TSV files instead of the embedded ones (for trying edits without a rebuild).</summary>
    public string? CuratedDirectory { get; init; }
    /// <summary>GeoNames <c>cities15000.txt</c> or <c>.txt.gz</c> (CC BY 4.0: the built KB is derived data; never commit it).</summary>
    public string? GeoNamesCities { get; init; }
    /// <summary>Debian iso-codes JSON (<c>/usr/share/iso-codes/json/iso_3166-1.json</c>).</summary>
    public string? IsoCodesJson { get; init; }
    /// <summary>German iso-codes translations (<c>/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo</c>).</summary>
    public string? IsoCodesMo { get; init; }
    /// <summary>Minimum population of an imported GeoNames city.</summary>
    public int MinPopulation { get; init; } = 15000;

    /// <summary>The Debian iso-codes paths when the package is installed, else nulls.</summary>
    public static KbBuildOptions WithInstalledIsoCodes(KbBuildOptions? options = null)
    {
        options ??= new KbBuildOptions();
        const string json = "/usr/share/iso-codes/json/iso_3166-1.json";
        const string mo = "/usr/share/locale/de/LC_MESSAGES/iso_3166-1.mo";
        return options with
        {
            IsoCodesJson = options.IsoCodesJson ?? (File.Exists(json) ? json : null),
            IsoCodesMo = options.IsoCodesMo ?? (File.Exists(mo) ? mo : null),
        };
    }
}
