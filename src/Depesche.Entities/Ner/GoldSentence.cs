using System.Text;

namespace Depesche.Entities.Ner;

/// <summary>
/// A pre-tokenised sentence with gold outer and inner tag ids. <see cref="Text"/> is the tokens joined by single
/// spaces and <see cref="Starts"/>/<see cref="Ends"/> locate each token in it, so gold data and token tables share
/// one tagging path. Immutable by convention; arrays are not copied.
/// </summary>
public sealed class GoldSentence
{
    public GoldSentence(IReadOnlyList<string> tokens, int[] outer, int[]? inner = null, string source = "")
    {
        if (outer.Length != tokens.Count || (inner is not null && inner.Length != tokens.Count))
            throw new ArgumentException("Tag and token counts differ.");
        var sb = new StringBuilder();
        Starts = new int[tokens.Count];
        Ends = new int[tokens.Count];
        for (int i = 0; i < tokens.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            Starts[i] = sb.Length;
            sb.Append(tokens[i]);
            Ends[i] = sb.Length;
        }
        Text = sb.ToString();
        Outer = outer;
        Inner = inner ?? new int[tokens.Count];
        Source = source;
    }

    public string Text { get; }
    public int[] Starts { get; }
    public int[] Ends { get; }
    public int[] Outer { get; }
    public int[] Inner { get; }

    /// <summary>Where the sentence came from (corpus name or URL); informational.</summary>
    public string Source { get; }

    /// <summary>
    /// Per-token masks of tags the gold allows, for partially labelled corpora (null = fully labelled).
    /// Bit t set means tag t is acceptable at that token.
    /// </summary>
    public uint[]? Allowed { get; init; }

    public int Count => Starts.Length;
    public ReadOnlySpan<char> Token(int i) => Text.AsSpan(Starts[i], Ends[i] - Starts[i]);
    public string TokenString(int i) => Text.Substring(Starts[i], Ends[i] - Starts[i]);
}
