using System.Collections.Immutable;

namespace Depesche.Core;

/// <summary>The name of a layer of analysis. Stages declare requirements and products by these names.</summary>
public readonly record struct LayerName(string Value)
{
    /// <summary>The article itself: text and metadata. Always present.</summary>
    public static readonly LayerName Article = new("article");
    public static readonly LayerName Tokens = new("tokens");
    public static readonly LayerName Sentences = new("sentences");
    public static readonly LayerName Entities = new("entities");
    public static readonly LayerName Times = new("times");
    public static readonly LayerName Links = new("links");
    public static readonly LayerName Quotes = new("quotes");
    public static readonly LayerName Events = new("events");

    public override string ToString() => Value;
}

/// <summary>Which stage and model produced a layer: recorded on every layer for provenance.</summary>
public readonly record struct Producer(string StageId, string? ModelVersion = null)
{
    public override string ToString() => ModelVersion is null ? StageId : $"{StageId} ({ModelVersion})";
}

/// <summary>One immutable layer of an <see cref="Analysis"/>.</summary>
public interface ILayer
{
    LayerName Name { get; }
    Producer Producer { get; }
    int Count { get; }
}

/// <summary>
/// An immutable layer of spanned items, sorted by start then by end descending (outer before inner).
/// The constructor sorts a copy of its input, so the caller's array is never shared.
/// </summary>
public sealed class Layer<T> : ILayer where T : struct, ISpanned
{
    public Layer(LayerName name, Producer producer, IEnumerable<T> items)
    {
        Name = name;
        Producer = producer;
        var arr = items.ToArray();
        Array.Sort(arr, static (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        Items = ImmutableArray.Create(arr);
    }

    public LayerName Name { get; }
    public Producer Producer { get; }
    public ImmutableArray<T> Items { get; }
    public int Count => Items.Length;
    public T this[int i] => Items[i];
}

/// <summary>Entity classes of the GermEval 2014 scheme.</summary>
public enum EntityType : byte
{
    Person,
    Location,
    Organisation,
    Other,
}

[Flags]
public enum EntityFlags : byte
{
    None = 0,
    /// <summary>A derived form: <c>Moskauer</c>, <c>ukrainischen</c> (GermEval <c>deriv</c>).</summary>
    Deriv = 1,
    /// <summary>The name is part of a larger token: <c>Putin-Berater</c> (GermEval <c>part</c>).</summary>
    Part = 2,
}

/// <summary>An entity mention. <see cref="Level"/> 0 is GermEval's outer level, 1 the nested one.</summary>
public readonly record struct EntityMention(int Start, int End, EntityType Type, EntityFlags Flags, byte Level, float Confidence) : ISpanned
{
    public TextRange Range => new(Start, End);
}

/// <summary>TIMEX3 expression types.</summary>
public enum TimexType : byte
{
    Date,
    Time,
    Duration,
    Set,
}

/// <summary>TIMEX3 modifiers that apply to news text.</summary>
public enum TimexMod : byte
{
    None,
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

/// <summary>A temporal expression and its normalised TIMEX3 value (e.g. <c>2025-12-19</c>, <c>2025-W51-WE</c>, <c>P4Y</c>, <c>PRESENT_REF</c>).</summary>
public readonly record struct TimeExpression(int Start, int End, TimexType Type, string Value, TimexMod Mod) : ISpanned
{
    public TextRange Range => new(Start, End);
}
