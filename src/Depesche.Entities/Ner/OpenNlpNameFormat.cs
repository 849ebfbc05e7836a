using System.Text;

namespace Depesche.Entities.Ner;

/// <summary>
/// Apache OpenNLP's name-finder sample format: one sentence per line, tokens separated by single spaces, each name
/// wrapped as <c>&lt;START:LABEL&gt; tok … &lt;END&gt;</c>. Labels are the GermEval chunk labels (<c>LOCderiv</c> …), so a
/// round trip through OpenNLP keeps deriv/part. Used to train and score the OpenNLP peer on our folds (bench/opennlp-peer).
/// </summary>
public static class OpenNlpNameFormat
{
    private const string StartPrefix = "<START:";
    private const string End = "<END>";

    /// <summary>The sentence's tokens joined by spaces, no markup: the name finder's input.</summary>
    public static string Plain(GoldSentence s)
    {
        var sb = new StringBuilder(s.Text.Length);
        for (int i = 0; i < s.Count; i++)
        {
            if (i > 0) sb.Append(' ');
            sb.Append(s.Token(i));
        }
        return sb.ToString();
    }

    /// <summary>One training line with the chunks of <paramref name="tags"/> (BIO tag ids, one per token) marked up.</summary>
    /// <exception cref="ArgumentException">The tag count differs from the token count, or a token holds whitespace or looks like markup.</exception>
    public static string Line(GoldSentence s, ReadOnlySpan<int> tags)
    {
        if (tags.Length != s.Count) throw new ArgumentException($"{tags.Length} tags for {s.Count} tokens.", nameof(tags));
        var chunks = NerLabels.Chunks(tags);
        var sb = new StringBuilder(s.Text.Length + chunks.Count * 16);
        int c = 0;
        for (int i = 0; i < s.Count; i++)
        {
            var tok = s.Token(i);
            // Why: OpenNLP splits on whitespace and reads <START…>/<END> as markup; such a token would shift every later tag.
            if (tok.IndexOfAny(" \t\u00A0") >= 0 || tok.StartsWith(StartPrefix, StringComparison.Ordinal) || tok.SequenceEqual(End))
                throw new ArgumentException($"token '{tok}' cannot be written in OpenNLP's format.", nameof(s));
            if (i > 0) sb.Append(' ');
            if (c < chunks.Count && chunks[c].Start == i) sb.Append(StartPrefix).Append(chunks[c].LabelName).Append("> ");
            sb.Append(tok);
            if (c < chunks.Count && chunks[c].End == i + 1) { sb.Append(' ').Append(End); c++; }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Parses a tagged line back into tokens and BIO tag ids. Labels outside the GermEval set, unbalanced markup and
    /// nested names throw <see cref="FormatException"/>.
    /// </summary>
    public static (string[] Tokens, int[] Tags) Parse(string line)
    {
        var tokens = new List<string>();
        var tags = new List<int>();
        int chunk = -1;
        bool first = false;
        foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part.StartsWith(StartPrefix, StringComparison.Ordinal) && part.EndsWith('>'))
            {
                if (chunk >= 0) throw new FormatException($"nested <START> in '{line}'");
                chunk = NerLabels.ChunkId(part[StartPrefix.Length..^1]);
                first = true;
                continue;
            }
            if (part == End)
            {
                if (chunk < 0) throw new FormatException($"<END> without <START> in '{line}'");
                chunk = -1;
                continue;
            }
            tokens.Add(part);
            tags.Add(chunk < 0 ? NerLabels.Outside : first ? NerLabels.Begin(chunk) : NerLabels.Inside(chunk));
            first = false;
        }
        if (chunk >= 0) throw new FormatException($"<START> without <END> in '{line}'");
        return (tokens.ToArray(), tags.ToArray());
    }
}
