namespace Depesche.Time;

/// <summary>How underspecified expressions are anchored.</summary>
public enum TimeMode
{
    /// <summary>Anchor on the article's publication date; the sentence's tense picks the direction.</summary>
    News,

    /// <summary>Anchor on the last explicit date mentioned before (historical narratives such as WikiWars).</summary>
    Narrative,
}

/// <summary>Options of <see cref="TimeStage"/> and <see cref="GermanTimeTagger"/>. Immutable.</summary>
/// <param name="Mode">News (default) or narrative anchoring.</param>
/// <param name="TimeZone">IANA zone of the newsroom, used to turn a publication instant into a local date.</param>
public sealed record TimeOptions(TimeMode Mode = TimeMode.News, string TimeZone = "Europe/Berlin")
{
    public static readonly TimeOptions Default = new();
}

/// <summary>The grammatical time of a clause, as far as the direction of an underspecified date needs it.</summary>
public enum Tense : byte
{
    Present,
    Past,
    Future,
}
