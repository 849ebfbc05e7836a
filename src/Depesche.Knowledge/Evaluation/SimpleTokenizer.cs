using Depesche.Core;

namespace Depesche.Knowledge.Evaluation;

/// <summary>
/// A minimal whitespace-and-punctuation tokenizer with a naive sentence splitter, for gold-mention evaluation and tests
/// only (the real tokenizer lives in Depesche.Text). Words keep inner hyphens (<c>Putin-Berater</c>); a sentence ends
/// at <c>. ! ?</c> before an upper-case word or a line break, and at every line break followed by a blank line.
/// Stateless and thread-safe.
/// </summary>
public static class SimpleTokenizer
{
    public static readonly Producer Producer = new("test.simple-tokenizer.v1");

    /// <summary>An analysis of the article with tokens and sentences over the whole text.</summary>
    public static Analysis Analyse(Article article)
    {
        var (tokens, sentences) = Tokenize(article.Text);
        return new Analysis(article).With(tokens).With(sentences);
    }

    public static (TokenTable Tokens, SentenceTable Sentences) Tokenize(string text)
    {
        var b = new TokenTableBuilder(text);
        int sentence = 0;
        bool endPending = false;
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                int nl = 0;
                while (i < text.Length && char.IsWhiteSpace(text[i])) { if (text[i] == '\n') nl++; i++; }
                if (nl >= 2 && b.Count > 0) endPending = true;
                if (nl == 1 && endPending is false && b.Count > 0 && b.KindOf(b.Count - 1) == TokenKind.Punctuation
                    && text[b.StartOf(b.Count - 1)] is '.' or '!' or '?')
                    endPending = true;
                continue;
            }
            int start = i;
            TokenKind kind;
            if (char.IsLetterOrDigit(c))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i])
                       || (text[i] is '-' or '’' or '\'' or '.' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]) && !(text[i] == '.' && char.IsUpper(text[i + 1])))))
                    i++;
                kind = char.IsDigit(c) ? TokenKind.Number : TokenKind.Word;
            }
            else
            {
                i++;
                kind = c switch
                {
                    '"' or '„' or '“' or '”' or '»' or '«' => TokenKind.Quote,
                    '(' or ')' or '[' or ']' => TokenKind.Bracket,
                    '-' or '–' or '—' => TokenKind.Dash,
                    _ => TokenKind.Punctuation,
                };
            }
            if (endPending || (b.Count > 0 && kind == TokenKind.Word && char.IsUpper(c) && PrevEndsSentence(b, text)))
            {
                sentence++;
                endPending = false;
            }
            var flags = char.IsUpper(c) ? TokenFlags.Capitalized : TokenFlags.None;
            b.Add(start, i, kind, flags, sentence);
        }
        var tokens = b.Build(Producer);
        var starts = new List<int>();
        var ends = new List<int>();
        var first = new List<int>();
        var last = new List<int>();
        for (int t = 0; t < tokens.Count; t++)
        {
            int s = tokens.SentenceOf(t);
            // Why: sentence indices may skip when a pending end met a non-word; renumber densely.
            if (t == 0 || s != tokens.SentenceOf(t - 1))
            {
                starts.Add(tokens.StartOf(t));
                first.Add(t);
                ends.Add(tokens.EndOf(t));
                last.Add(t + 1);
            }
            ends[^1] = tokens.EndOf(t);
            last[^1] = t + 1;
        }
        var sentences = new SentenceTable(tokens, starts.ToArray(), ends.ToArray(), first.ToArray(), last.ToArray(), Producer);
        return (tokens, sentences);
    }

    private static bool PrevEndsSentence(TokenTableBuilder b, string text)
    {
        int last = b.Count - 1;
        char p = text[b.StartOf(last)];
        if (b.KindOf(last) == TokenKind.Quote && last > 0) p = text[b.StartOf(last - 1)];
        return b.KindOf(last) is TokenKind.Punctuation or TokenKind.Quote && p is '.' or '!' or '?';
    }
}
