using System.IO.Compression;
using System.Text.Json;

namespace Depesche.Entities.Ner;

/// <summary>
/// Reads the DFKI SmartData corpus (Avro-JSON documents, JSON Lines or concatenated objects, optionally gzipped)
/// and folds its types to GermEval labels: person → PER; location, location-city/-street/-stop → LOC;
/// organization, organization-company → ORG. Routes, dates, numbers and the rest become O.
/// Text is tokenised with <see cref="SimpleTokenizer"/>; a mention covering part of a token marks the whole token.
/// </summary>
public static class SmartDataReader
{
    public sealed record Document(string Id, string Source, string Text, List<(int Start, int End, string Type)> Mentions);

    /// <summary>The folded GermEval chunk label for a SmartData type, or null when it has no GermEval counterpart.</summary>
    public static string? Fold(string type) => type.ToLowerInvariant().Replace('_', '-') switch
    {
        "person" => "PER",
        "location" or "location-city" or "location-street" or "location-stop" => "LOC",
        "organization" or "organization-company" => "ORG",
        _ => null,
    };

    public static IEnumerable<Document> ReadDocuments(string path)
    {
        byte[] bytes;
        using (var fs = File.OpenRead(path))
        using (var ms = new MemoryStream())
        {
            Stream s = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(fs, CompressionMode.Decompress) : fs;
            s.CopyTo(ms);
            bytes = ms.ToArray();
        }
        return ReadDocuments(bytes);
    }

    public static List<Document> ReadDocuments(byte[] utf8)
    {
        var docs = new List<Document>();
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { AllowMultipleValues = true });
        while (true)
        {
            if (!reader.Read()) break;
            if (reader.TokenType != JsonTokenType.StartObject) throw new FormatException("SmartData: expected a JSON object per document.");
            using var doc = JsonDocument.ParseValue(ref reader);
            docs.Add(ToDocument(doc.RootElement));
        }
        return docs;
    }

    private static Document ToDocument(JsonElement root)
    {
        string id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.String ? idEl.GetString()! : "";
        string text = Unwrap(root, "text", "string")?.GetString() ?? "";
        string source = "";
        if (Unwrap(root, "refids", "map") is { } map && map.TryGetProperty("source", out var src)) source = src.GetString() ?? "";
        var mentions = new List<(int, int, string)>();
        if (Unwrap(root, "conceptMentions", "array") is { } arr)
            foreach (var m in arr.EnumerateArray())
            {
                var span = m.GetProperty("span");
                mentions.Add((span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32(), m.GetProperty("type").GetString() ?? ""));
            }
        return new Document(id, source, text, mentions);
    }

    private static JsonElement? Unwrap(JsonElement root, string name, string wrapper)
    {
        if (!root.TryGetProperty(name, out var el) || el.ValueKind == JsonValueKind.Null) return null;
        if (el.ValueKind == JsonValueKind.Object && el.TryGetProperty(wrapper, out var inner)) return inner;
        return el;
    }

    /// <summary>
    /// Sentences with folded gold tags. With <paramref name="partial"/>, tokens outside any folded mention may also
    /// take any OTH, deriv or part tag (SmartData annotates none of those), so training treats them as unknown.
    /// </summary>
    public static List<GoldSentence> ToSentences(Document d, bool partial = false)
    {
        if (d.Text.Length == 0) return [];
        var text = d.Text;
        var toks = SimpleTokenizer.Tokenize(text);
        var tags = new int[toks.Count];
        var labelled = new bool[toks.Count];
        foreach (var (ms, me, type) in d.Mentions.OrderBy(m => m.Start).ThenByDescending(m => m.End))
        {
            var label = Fold(type);
            if (label is null) continue;
            int chunk = NerLabels.ChunkId(label);
            // Why: SmartData marks derived adjectives ("italienische") and names inside compounds ("US" in "US-Medien")
            // as plain mentions; GermEval calls them deriv and part. Map them so the two corpora agree.
            if (me <= text.Length && ms < me)
            {
                int covered = 0; bool inside = false;
                for (int k = 0; k < toks.Count; k++)
                {
                    if (toks[k].End <= ms || toks[k].Start >= me) continue;
                    covered++;
                    if (toks[k].Start < ms || toks[k].End > me) inside = true;
                }
                if (covered == 1 && inside) chunk += 2;
                else if (char.IsLower(text[ms])) chunk += 1;
            }
            bool first = true;
            for (int k = 0; k < toks.Count; k++)
            {
                if (toks[k].End <= ms || toks[k].Start >= me) continue;
                if (labelled[k]) { first = false; continue; }
                tags[k] = first ? NerLabels.Begin(chunk) : NerLabels.Inside(chunk);
                labelled[k] = true;
                first = false;
            }
        }
        var result = new List<GoldSentence>();
        foreach (var (first, end) in SimpleTokenizer.Sentences(text, toks))
        {
            var words = new string[end - first];
            var outer = new int[end - first];
            for (int k = first; k < end; k++)
            {
                words[k - first] = text[toks[k].Start..toks[k].End];
                int t = tags[k];
                // Why: a sentence cut inside a mention would leave an I- at the start; the chunk begins here.
                if (k == first && NerLabels.IsInside(t)) t -= 1;
                outer[k - first] = t;
            }
            uint[]? allowed = null;
            if (partial)
            {
                allowed = new uint[words.Length];
                uint loose = 1u;
                for (int t = 1; t < NerLabels.Count; t++)
                {
                    int c = NerLabels.ChunkOf(t);
                    if (NerLabels.CoarseOf(c) == 3 || c % 3 != 0) loose |= 1u << t;
                }
                for (int k = 0; k < words.Length; k++)
                    allowed[k] = outer[k] == 0 ? loose : 1u << outer[k];
            }
            result.Add(new GoldSentence(words, outer, null, "smartdata:" + d.Source) { Allowed = allowed });
        }
        return result;
    }

    public static List<GoldSentence> ReadSentences(string path, Func<Document, bool>? filter = null, bool partial = false) =>
        ReadDocuments(path).Where(d => filter is null || filter(d)).SelectMany(d => ToSentences(d, partial)).ToList();
}
