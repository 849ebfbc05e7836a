namespace Depesche.Entities.Ner;

/// <summary>
/// A small GermEval-like tokenizer for raw training text (SmartData, gazetteer entries, unlabelled corpora):
/// words keep inner hyphens, apostrophes and dots of abbreviations/numbers; other punctuation is split off.
/// Not the project tokenizer (that lives in Depesche.Text); used where gold data has no tokens.
/// </summary>
public static class SimpleTokenizer
{
    /// <summary>Token ranges <c>(start, end)</c> in <paramref name="text"/>.</summary>
    public static List<(int Start, int End)> Tokenize(ReadOnlySpan<char> text)
    {
        var list = new List<(int, int)>();
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            int s = i;
            if (char.IsLetterOrDigit(c))
            {
                i++;
                while (i < text.Length)
                {
                    char d = text[i];
                    if (char.IsLetterOrDigit(d)) { i++; continue; }
                    // Why: keep "Interfax-Ukraina", "US-Medien", "1.000", "z.B" together; "Nato-" before a blank stays one token too.
                    if ((d == '-' || d == '.' || d == '\'' || d == ',' || d == '&' || d == '/') && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                    {
                        if (d == ',' && !(char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))) break;
                        if (d == '/' && !(char.IsDigit(text[i - 1]) && char.IsDigit(text[i + 1]))) break;
                        if (d == '.' && !(char.IsDigit(text[i - 1]) || char.IsUpper(text[i + 1]) && i - s <= 2)) break;
                        i++;
                        continue;
                    }
                    if (d == '-' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && char.IsLetter(text[i - 1])) { i++; break; }
                    break;
                }
                list.Add((s, i));
                continue;
            }
            i++;
            list.Add((s, i));
        }
        return list;
    }

    /// <summary>Splits token ranges into sentences at ., !, ? followed by a capital or a line break, and at line breaks.</summary>
    public static List<(int First, int End)> Sentences(ReadOnlySpan<char> text, List<(int Start, int End)> tokens)
    {
        var result = new List<(int, int)>();
        int first = 0;
        for (int k = 0; k < tokens.Count; k++)
        {
            bool cut = false;
            if (k + 1 < tokens.Count)
            {
                var gap = text[tokens[k].End..tokens[k + 1].Start];
                if (gap.Contains('\n')) cut = true;
                else
                {
                    var tok = text[tokens[k].Start..tokens[k].End];
                    if (tok is "." or "!" or "?" && gap.Length > 0 && char.IsUpper(text[tokens[k + 1].Start])) cut = true;
                }
            }
            else cut = true;
            if (cut)
            {
                result.Add((first, k + 1));
                first = k + 1;
            }
        }
        return result;
    }
}
