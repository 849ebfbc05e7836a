using System.Collections.Immutable;
using Depesche.Core;

namespace Depesche.Entities.Ner;

/// <summary>
/// The GermEval 2014 BIO tag set: <c>O</c> plus <c>B-</c>/<c>I-</c> for each of PER/LOC/ORG/OTH with optional
/// <c>deriv</c>/<c>part</c> suffix (25 tags). Tag ids are stable: they index model weight rows.
/// </summary>
public static class NerLabels
{
    /// <summary>The 12 chunk labels in id order: PER, PERderiv, PERpart, LOC, …, OTHpart.</summary>
    public static readonly ImmutableArray<string> ChunkLabels = ["PER", "PERderiv", "PERpart", "LOC", "LOCderiv", "LOCpart", "ORG", "ORGderiv", "ORGpart", "OTH", "OTHderiv", "OTHpart"];

    /// <summary>All tags: id 0 is <c>O</c>, then B-/I- pairs per chunk label (B = 1 + 2k, I = 2 + 2k).</summary>
    public static readonly ImmutableArray<string> Tags = BuildTags();

    public const int Outside = 0;
    public static int Count => Tags.Length;

    private static readonly Dictionary<string, int> TagIds = Tags.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);
    private static readonly Dictionary<string, int> ChunkIds = ChunkLabels.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => p.i, StringComparer.Ordinal);

    private static ImmutableArray<string> BuildTags()
    {
        var b = ImmutableArray.CreateBuilder<string>();
        b.Add("O");
        foreach (var c in new[] { "PER", "PERderiv", "PERpart", "LOC", "LOCderiv", "LOCpart", "ORG", "ORGderiv", "ORGpart", "OTH", "OTHderiv", "OTHpart" })
        {
            b.Add("B-" + c);
            b.Add("I-" + c);
        }
        return b.ToImmutable();
    }

    /// <summary>Tag id of a BIO tag string; unknown tags (e.g. <c>B-MISC</c>) throw <see cref="FormatException"/>.</summary>
    public static int TagId(string tag) =>
        TagIds.TryGetValue(tag, out var id) ? id : throw new FormatException($"Unknown NER tag '{tag}'.");

    public static bool TryTagId(string tag, out int id) => TagIds.TryGetValue(tag, out id);

    public static int ChunkId(string label) =>
        ChunkIds.TryGetValue(label, out var id) ? id : throw new FormatException($"Unknown NER label '{label}'.");

    public static bool IsBegin(int tag) => tag > 0 && (tag & 1) == 1;
    public static bool IsInside(int tag) => tag > 0 && (tag & 1) == 0;

    /// <summary>The chunk label id of a B/I tag; -1 for O.</summary>
    public static int ChunkOf(int tag) => tag == 0 ? -1 : (tag - 1) >> 1;
    public static int Begin(int chunk) => 1 + 2 * chunk;
    public static int Inside(int chunk) => 2 + 2 * chunk;

    /// <summary>Coarse type 0..3 (PER, LOC, ORG, OTH) of a chunk label id.</summary>
    public static int CoarseOf(int chunk) => chunk / 3;

    public static EntityType TypeOf(int chunk) => (EntityType)(chunk / 3);

    public static EntityFlags FlagsOf(int chunk) => (chunk % 3) switch
    {
        1 => EntityFlags.Deriv,
        2 => EntityFlags.Part,
        _ => EntityFlags.None,
    };

    public static int ChunkFor(EntityType type, EntityFlags flags) =>
        (int)type * 3 + ((flags & EntityFlags.Deriv) != 0 ? 1 : (flags & EntityFlags.Part) != 0 ? 2 : 0);

    /// <summary>May tag <paramref name="next"/> follow <paramref name="prev"/> (-1 = sentence start)? I-X only after B-X or I-X.</summary>
    public static bool Allowed(int prev, int next) =>
        !IsInside(next) || (prev > 0 && ChunkOf(prev) == ChunkOf(next));

    /// <summary>
    /// Chunks of a tag sequence, conlleval style: an I-X that does not continue an X chunk starts a new chunk.
    /// </summary>
    public static List<Chunk> Chunks(ReadOnlySpan<int> tags)
    {
        var list = new List<Chunk>();
        int start = -1, label = -1;
        for (int i = 0; i <= tags.Length; i++)
        {
            int t = i < tags.Length ? tags[i] : 0;
            int c = ChunkOf(t);
            bool continues = IsInside(t) && c == label && start >= 0;
            if (!continues)
            {
                if (start >= 0) list.Add(new Chunk(start, i, label));
                start = t == 0 ? -1 : i;
                label = c;
            }
        }
        return list;
    }
}

/// <summary>A chunk <c>[Start, End)</c> in token indices with its chunk label id (see <see cref="NerLabels.ChunkLabels"/>).</summary>
public readonly record struct Chunk(int Start, int End, int Label)
{
    public string LabelName => NerLabels.ChunkLabels[Label];
}
