using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Depesche.Core;

namespace Depesche.Quotes.Evaluation;

/// <summary>
/// One GermEval 2023 SpkAtt Task 2 document: pre-tokenized sentences and gold speech events (token ids absolute,
/// running over the whole document).
/// </summary>
public sealed record SpkAttDocument(string Name, ImmutableArray<ImmutableArray<string>> Sentences, ImmutableArray<SpeechEvent> Gold)
{
    public int TokenCount => Sentences.Sum(s => s.Length);

    /// <summary>
    /// An analysis whose text is the gold tokens joined by single spaces (sentences too), with a token table and a
    /// sentence table whose token <c>i</c> is gold token <c>i</c>. Punctuation, quotes and capitalisation are classified
    /// the way the tokenizer would.
    /// </summary>
    public Analysis ToAnalysis(string? agency = null)
    {
        var sb = new StringBuilder();
        foreach (var s in Sentences)
            foreach (var t in s)
            {
                if (sb.Length > 0) sb.Append(' ');
                sb.Append(t);
            }
        var text = sb.ToString();
        var producer = new Producer("spkatt.gold");
        var tb = new TokenTableBuilder(text, TokenCount + 1);
        int pos = 0, si = 0, ti = 0;
        var sStart = new int[Sentences.Length];
        var sEnd = new int[Sentences.Length];
        var sFirst = new int[Sentences.Length];
        var sEndTok = new int[Sentences.Length];
        foreach (var s in Sentences)
        {
            sFirst[si] = ti;
            sStart[si] = pos;
            for (int k = 0; k < s.Length; k++)
            {
                var t = s[k];
                var (kind, flags) = Classify(t);
                flags |= TokenFlags.SpaceBefore;
                if (k == 0) flags |= TokenFlags.SentenceStart;
                tb.Add(pos, pos + t.Length, kind, flags, si);
                pos += t.Length + 1;
                ti++;
            }
            sEnd[si] = s.Length == 0 ? sStart[si] : pos - 1;
            sEndTok[si] = ti;
            si++;
        }
        var tokens = tb.Build(producer);
        var sentences = new SentenceTable(tokens, sStart, sEnd, sFirst, sEndTok, producer);
        var article = new Article
        {
            Id = Article.IdFromText(text),
            Text = text,
            Body = new TextRange(0, text.Length),
            Source = agency is null ? ArticleSource.Empty : new ArticleSource { Agency = agency },
        };
        return new Analysis(article).With(tokens).With(sentences);
    }

    private static (TokenKind, TokenFlags) Classify(string t)
    {
        var flags = TokenFlags.None;
        char c = t[0];
        if (char.IsUpper(c)) flags |= TokenFlags.Capitalized;
        if (t.Any(char.IsDigit)) flags |= TokenFlags.HasDigit;
        if (t.Length > 1 && t.Contains('-')) flags |= TokenFlags.HasHyphen;
        if (t.Length >= 2 && t.All(ch => !char.IsLetter(ch) || char.IsUpper(ch)) && t.Count(char.IsLetter) >= 2) flags |= TokenFlags.AllCaps;
        if (t.Length == 1)
        {
            switch (c)
            {
                case '„' or '»' or '‚': return (TokenKind.Quote, flags | TokenFlags.OpeningQuote);
                case '“' or '«' or '‘' or '”' or '"' or '\'' or '’': return (TokenKind.Quote, flags);
                case '.' or ',' or ';' or ':' or '!' or '?': return (TokenKind.Punctuation, flags);
                case '(' or ')' or '[' or ']': return (TokenKind.Bracket, flags);
                case '-' or '–' or '—': return (TokenKind.Dash, flags);
            }
            if (char.IsPunctuation(c) || char.IsSymbol(c)) return (TokenKind.Symbol, flags);
        }
        if (t == "..." || t == "…") return (TokenKind.Ellipsis, flags);
        if (char.IsDigit(c)) return (TokenKind.Number, flags);
        return (TokenKind.Word, flags);
    }
}

/// <summary>Reads GermEval 2023 SpkAtt Task 2 JSON files (<c>train/task2/*.json</c>).</summary>
public static class SpkAttCorpus
{
    /// <summary>All documents of a folder, ordered by file name (ordinal) so splits are reproducible.</summary>
    public static IReadOnlyList<SpkAttDocument> LoadFolder(string directory)
    {
        var files = Directory.GetFiles(directory, "*.json");
        Array.Sort(files, StringComparer.Ordinal);
        return files.Select(f => Parse(File.ReadAllBytes(f))).ToList();
    }

    /// <summary>Parses one document. Throws <see cref="JsonException"/> or <see cref="FormatException"/> on malformed input.</summary>
    public static SpkAttDocument Parse(ReadOnlyMemory<byte> json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        string name = root.TryGetProperty("DocumentName", out var n) ? n.GetString() ?? "" : "";
        var sentences = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var offsets = new Dictionary<int, int>();
        int running = 0;
        foreach (var s in root.GetProperty("Sentences").EnumerateArray())
        {
            int id = s.GetProperty("SentenceId").GetInt32();
            var toks = s.GetProperty("Tokens").EnumerateArray().Select(t => t.GetString() ?? "").ToImmutableArray();
            offsets[id] = running;
            running += toks.Length;
            sentences.Add(toks);
        }
        var events = ImmutableArray.CreateBuilder<SpeechEvent>();
        if (root.TryGetProperty("Annotations", out var anns))
            foreach (var a in anns.EnumerateArray())
            {
                events.Add(SpeechEvent.Create(
                    Ids(a, "Message", offsets), Ids(a, "Source", offsets),
                    a.TryGetProperty("Form", out var f) ? f.GetString() : null,
                    a.TryGetProperty("STWR", out var st) ? st.GetString() : null,
                    a.TryGetProperty("IsNested", out var nested) && nested.ValueKind == JsonValueKind.True));
            }
        return new SpkAttDocument(name, sentences.ToImmutable(), events.ToImmutable());
    }

    private static IEnumerable<int> Ids(JsonElement a, string role, Dictionary<int, int> offsets)
    {
        if (!a.TryGetProperty(role, out var arr) || arr.ValueKind != JsonValueKind.Array) yield break;
        foreach (var v in arr.EnumerateArray())
        {
            var s = v.GetString() ?? throw new FormatException($"{role}: token id is not a string");
            int colon = s.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) throw new FormatException($"{role}: bad token id '{s}'");
            int sent = int.Parse(s.AsSpan(0, colon), System.Globalization.CultureInfo.InvariantCulture);
            int tok = int.Parse(s.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
            yield return offsets[sent] + tok;
        }
    }
}

/// <summary>Runs the quote stage over SpkAtt documents and scores it: the whole of <c>depesche eval quotes</c>.</summary>
public static class SpkAttEvaluation
{
    /// <summary>
    /// The events of a quote layer, as token ids of <paramref name="tokens"/>: Message (the quote's range less any cue or
    /// speaker tokens inside it, as in "sei laut Polizei erfolgt") and Source (the speaker's mention).
    /// </summary>
    public static IReadOnlyList<SpeechEvent> ToEvents(Layer<Quote> quotes, TokenTable tokens)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        ArgumentNullException.ThrowIfNull(tokens);
        var list = new List<SpeechEvent>(quotes.Count);
        foreach (var q in quotes.Items)
        {
            var msg = tokens.Covering(q.Range);
            var src = q.Speaker.IsEmpty ? default : tokens.Covering(q.Speaker.Range);
            // Why: "Es handele sich ersten Angaben zufolge um …": a cue and speaker inside the range are not part of the message.
            var inner = new HashSet<int>();
            // Reported speech is the whole sentence in SpkAtt, speaker included.
            if (!q.Speaker.IsEmpty && q.Kind == QuoteKind.Indirect) for (int i = src.First; i < src.End; i++) inner.Add(i);
            if (!q.Cue.IsEmpty && q.Kind == QuoteKind.Indirect)
                foreach (var part in q.Cue.Parts)
                {
                    var c = tokens.Covering(part);
                    for (int i = c.First; i < c.End; i++) inner.Add(i);
                }
            list.Add(SpeechEvent.Create(
                Enumerable.Range(msg.First, msg.Count).Where(i => !inner.Contains(i)),
                q.Speaker.IsEmpty ? [] : Enumerable.Range(src.First, src.Count),
                FormName(q.Kind), "Speech"));
        }
        return list;
    }

    public static string FormName(QuoteKind k) => k switch
    {
        QuoteKind.Direct => "Direct",
        QuoteKind.Indirect => "Indirect",
        QuoteKind.Reported => "Reported",
        _ => throw new ArgumentOutOfRangeException(nameof(k)),
    };

    /// <summary>Runs <paramref name="stage"/> on every document and scores the result.</summary>
    public static QuoteScores Evaluate(IEnumerable<SpkAttDocument> documents, QuoteStage? stage = null)
    {
        stage ??= new QuoteStage();
        var e = new QuoteEvaluator();
        foreach (var d in documents)
        {
            var a = d.ToAnalysis();
            var layer = stage.Find(a);
            e.Add(d.Gold, ToEvents(layer, a.Tokens));
        }
        return e.Result();
    }

    /// <summary>Reads a folder of Task 2 JSON files and scores the stage on it.</summary>
    public static QuoteScores EvaluateFolder(string directory, QuoteStage? stage = null) =>
        Evaluate(SpkAttCorpus.LoadFolder(directory), stage);

    /// <summary>The development split carved from <c>train/</c>: every fifth document (index % 5 == 4).</summary>
    public static IEnumerable<SpkAttDocument> DevSplit(IReadOnlyList<SpkAttDocument> documents) =>
        documents.Where((_, i) => i % 5 == 4);

    /// <summary>The rest of <c>train/</c>, used for tuning the rules.</summary>
    public static IEnumerable<SpkAttDocument> TuneSplit(IReadOnlyList<SpkAttDocument> documents) =>
        documents.Where((_, i) => i % 5 != 4);

    /// <summary>
    /// The documents of a named split of a folder sorted by ordinal file name: <c>all</c>, <c>dev</c> or <c>tune</c>.
    /// Throws <see cref="ArgumentException"/> for any other name.
    /// </summary>
    public static IEnumerable<SpkAttDocument> Split(IReadOnlyList<SpkAttDocument> documents, string split) => split switch
    {
        "all" => documents,
        "dev" => DevSplit(documents),
        "tune" => TuneSplit(documents),
        _ => throw new ArgumentException($"unknown split '{split}' (all, dev, tune)", nameof(split)),
    };
}
