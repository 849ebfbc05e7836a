namespace Depesche.Entities.Ner;

/// <summary>
/// Reads PER/LOC/ORG gold from historic newspaper corpora as partially labelled training sentences: Europeana
/// Newspapers NER (<c>token TAG</c> lines, BIO, no sentence boundaries) and HIPE-2022 TSV (newseye, sonar:
/// <c>NE-COARSE-LIT</c> column, <c>EndOfSentence</c> in MISC). Neither corpus annotates OTH, derived adjectives or
/// names inside compounds the way GermEval does, so an unannotated token may be O or any OTH/deriv/part tag
/// (<see cref="GoldSentence.Allowed"/>), as with SmartData.
/// </summary>
public static class HistoricNerReader
{
    /// <summary>Longest sentence handed to training; the Europeana files have no boundaries, so runs are cut here at the latest.</summary>
    public const int MaxSentence = 60;

    /// <summary>Europeana Newspapers NER <c>.bio</c>: one <c>token TAG</c> per line; sentences are cut at <c>. ! ?</c> before a capital.</summary>
    public static List<GoldSentence> ReadEuropeana(string path) => ReadEuropeana(File.ReadLines(path), Path.GetFileName(path));

    /// <summary><see cref="ReadEuropeana(string)"/> over the lines of a file called <paramref name="name"/>.</summary>
    public static List<GoldSentence> ReadEuropeana(IEnumerable<string> lines, string name)
    {
        var tokens = new List<string>();
        var tags = new List<int>();
        var docStarts = new HashSet<int>();
        foreach (var line in lines)
        {
            if (line.Trim().Length == 0) continue;
            // Why: the SBB file separates its documents with "# file:", "# sbb url:" … lines.
            if (line.StartsWith("# ", StringComparison.Ordinal)) { docStarts.Add(tokens.Count); continue; }
            int sp = line.TrimEnd().LastIndexOf(' ');
            // Why: a few lines hold a token and no tag (unannotated, not an error) or several words ("Die Böhminger O").
            var words = (sp > 0 ? line[..sp] : line).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            int tag = sp > 0 ? MapTag(line[(sp + 1)..].Trim()) : 0;
            for (int w = 0; w < words.Length; w++)
            {
                tokens.Add(words[w]);
                tags.Add(w == 0 || tag == 0 ? tag : NerLabels.Inside(NerLabels.ChunkOf(tag)));
            }
        }
        var result = new List<GoldSentence>();
        int start = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            bool end = i + 1 == tokens.Count
                || docStarts.Contains(i + 1)
                || i + 1 - start >= MaxSentence
                || (tokens[i] is "." or "!" or "?" && i + 1 < tokens.Count && tokens[i + 1].Length > 0 && char.IsUpper(tokens[i + 1][0]) && !NerLabels.IsInside(tags[i + 1]));
            if (!end) continue;
            result.Add(Make(tokens, tags, start, i + 1, "europeana:" + name));
            start = i + 1;
        }
        return result;
    }

    /// <summary>
    /// HIPE-2022 TSV (newseye and sonar subsets; hipe2020 is CC BY-NC-SA and is refused). Words hyphenated at a line
    /// end (<c>Fett¬</c> + <c>waarenfabrik</c>) are joined.
    /// </summary>
    public static List<GoldSentence> ReadHipe(string path) => ReadHipe(File.ReadLines(path), path);

    /// <summary><see cref="ReadHipe(string)"/> over the lines of the file <paramref name="path"/> (named in errors).</summary>
    public static List<GoldSentence> ReadHipe(IEnumerable<string> lines, string path)
    {
        if (Path.GetFileName(path).Contains("hipe2020", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"{path}: the hipe2020 subset is CC BY-NC-SA and may not train a shipped model.", nameof(path));
        var result = new List<GoldSentence>();
        var tokens = new List<string>();
        var tags = new List<int>();
        int lineNo = 0;
        bool joinNext = false;
        string doc = "";
        foreach (var line in lines)
        {
            lineNo++;
            if (line.StartsWith('#'))
            {
                if (line.StartsWith("# hipe2022:document_id", StringComparison.Ordinal)) { Flush(); doc = line[(line.IndexOf('=') + 1)..].Trim(); }
                continue;
            }
            if (line.Length == 0 || line.StartsWith("TOKEN\t", StringComparison.Ordinal)) continue;
            var c = line.Split('\t');
            if (c.Length < 10) throw new FormatException($"{path}:{lineNo}: expected 10 tab-separated columns, got {c.Length}");
            string tok = c[0];
            int tag = MapTag(c[1]);
            if (joinNext && tokens.Count > 0)
            {
                tokens[^1] = tokens[^1].TrimEnd('¬', '-') + tok;
                if (tags[^1] == 0 && tag != 0) tags[^1] = tag;
            }
            else
            {
                tokens.Add(tok);
                tags.Add(tag);
            }
            var misc = c[9];
            joinNext = misc.Contains("EndOfLine", StringComparison.Ordinal) && tok.EndsWith('¬');
            if ((misc.Contains("EndOfSentence", StringComparison.Ordinal) && !joinNext) || tokens.Count >= MaxSentence) Flush();
        }
        Flush();
        return result;

        void Flush()
        {
            if (tokens.Count > 0) result.Add(Make(tokens, tags, 0, tokens.Count, "hipe:" + doc));
            tokens.Clear(); tags.Clear();
        }
    }

    /// <summary>PER/LOC/ORG keep their type; anything else (MISC, HumanProd, prod, time, typos such as <c>B-BER</c>) becomes O-or-unknown.</summary>
    private static int MapTag(string tag)
    {
        if (tag.Length < 3 || tag[1] != '-' || tag[0] is not ('B' or 'I')) return 0;
        var type = tag[2..].ToUpperInvariant();
        if (type is not ("PER" or "LOC" or "ORG")) return 0;
        return tag[0] == 'B' ? NerLabels.Begin(NerLabels.ChunkId(type)) : NerLabels.Inside(NerLabels.ChunkId(type));
    }

    private static GoldSentence Make(List<string> tokens, List<int> tags, int from, int to, string source)
    {
        int n = to - from;
        var words = new string[n];
        var outer = new int[n];
        for (int k = 0; k < n; k++)
        {
            var w = tokens[from + k].Replace("\u00AD", "", StringComparison.Ordinal);
            words[k] = w.Length == 0 ? "-" : w;
            int t = tags[from + k];
            // Why: an I- after O or after another type starts a chunk (conlleval reading); keep the gold path BIO-valid.
            if (NerLabels.IsInside(t) && (k == 0 || NerLabels.ChunkOf(outer[k - 1]) != NerLabels.ChunkOf(t))) t -= 1;
            outer[k] = t;
        }
        // Why: a one-word lower-case mention in these corpora is a derived form ("österreichische"), which GermEval marks
        // as deriv; a longer one starts with a name particle ("von Bülow") and keeps its type.
        for (int k = 0; k < n; k++)
            if (NerLabels.IsBegin(outer[k]) && char.IsLower(words[k][0]) && (k + 1 == n || !NerLabels.IsInside(outer[k + 1])))
                outer[k] = NerLabels.Begin(NerLabels.ChunkOf(outer[k]) + 1);
        var allowed = new uint[n];
        uint loose = 1u;
        for (int t = 1; t < NerLabels.Count; t++)
        {
            int c = NerLabels.ChunkOf(t);
            if (NerLabels.CoarseOf(c) == 3 || c % 3 != 0) loose |= 1u << t;
        }
        for (int k = 0; k < n; k++) allowed[k] = outer[k] == 0 ? loose : 1u << outer[k];
        return new GoldSentence(words, outer, null, source) { Allowed = allowed };
    }
}
