namespace Depesche.Entities.Ner;

/// <summary>
/// Reads GermEval 2014 TSV: <c>#</c> comment lines (the sentence's source URL), <c>idx token outer inner</c>
/// lines, blank lines between sentences. Unknown tags throw <see cref="FormatException"/> with the line number.
/// </summary>
public static class GermEvalReader
{
    public static List<GoldSentence> ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Read(reader).ToList();
    }

    public static IEnumerable<GoldSentence> Read(TextReader reader)
    {
        var tokens = new List<string>();
        var outer = new List<int>();
        var inner = new List<int>();
        string source = "";
        int lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNo++;
            if (line.StartsWith('#'))
            {
                var parts = line.Split('\t');
                source = parts.Length > 1 ? parts[1] : "";
                continue;
            }
            if (line.Trim().Length == 0)
            {
                if (tokens.Count > 0) yield return Make();
                continue;
            }
            var cols = line.Split('\t');
            if (cols.Length < 3) throw new FormatException($"line {lineNo}: expected 'idx token outer [inner]', got {cols.Length} columns");
            // Why: the 2022 fix of the corpus deletes soft hyphens; doing it here makes both versions read alike.
            var tok = cols[1].Replace("\u00AD", "", StringComparison.Ordinal);
            if (tok.Length == 0) tok = "-";
            tokens.Add(tok);
            outer.Add(Tag(cols[2], lineNo));
            inner.Add(cols.Length > 3 ? Tag(cols[3], lineNo) : 0);
        }
        if (tokens.Count > 0) yield return Make();

        GoldSentence Make()
        {
            var s = new GoldSentence(tokens.ToArray(), outer.ToArray(), inner.ToArray(), source);
            tokens.Clear(); outer.Clear(); inner.Clear(); source = "";
            return s;
        }
    }

    private static int Tag(string s, int lineNo)
    {
        s = s.Trim();
        if (s.Length == 0) return 0;
        return NerLabels.TryTagId(s, out var id) ? id : throw new FormatException($"line {lineNo}: unknown tag '{s}'");
    }

    /// <summary>Writes sentences in the same format (index, token, outer, inner), with predicted columns appended when given.</summary>
    public static void Write(TextWriter w, IEnumerable<(GoldSentence Gold, int[]? Predicted)> rows)
    {
        foreach (var (g, p) in rows)
        {
            w.WriteLine("#\t" + g.Source);
            for (int i = 0; i < g.Count; i++)
            {
                w.Write($"{i + 1}\t{g.TokenString(i)}\t{NerLabels.Tags[g.Outer[i]]}\t{NerLabels.Tags[g.Inner[i]]}");
                if (p is not null) w.Write($"\t{NerLabels.Tags[p[i]]}\tO");
                w.WriteLine();
            }
            w.WriteLine();
        }
    }
}
