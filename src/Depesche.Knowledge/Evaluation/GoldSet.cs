using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Depesche.Core;

namespace Depesche.Knowledge.Evaluation;

/// <summary>
/// A gold mention: span in the plain text, type and flags, and the expected entity ids (sorted). An id is a KB id
/// (<c>Q7747</c>, <c>kb:witkoff</c>) or a document-local cluster label starting with <c>@</c> (<c>@schmidt</c>).
/// </summary>
public sealed record GoldMention(int Start, int End, string Surface, EntityType Type, EntityFlags Flags, ImmutableArray<string> Expected)
{
    public bool IsLocal => Expected.Length == 1 && Expected[0].StartsWith('@');
}

/// <summary>One gold article: plain text (markup removed), its date, and its mentions in text order.</summary>
public sealed record GoldDocument(string Name, string Text, DateOnly? Date, ImmutableArray<GoldMention> Mentions)
{
    /// <summary>The article with an id derived from its text and the gold date as publication date.</summary>
    public Article ToArticle() => new()
    {
        Id = Article.IdFromText(Text),
        Text = Text,
        Body = new TextRange(0, Text.Length),
        Source = new ArticleSource { Published = Date is { } d ? new PublicationTime(d) : null },
    };

    /// <summary>The gold mentions as an entities layer (confidence 1).</summary>
    public Layer<EntityMention> ToLayer() => new(LayerName.Entities, new Producer("gold"),
        Mentions.Select(m => new EntityMention(m.Start, m.End, m.Type, m.Flags, 0, 1f)));
}

/// <summary>
/// Reads the linking gold format: one UTF-8 <c>.txt</c> file per article. Lines starting with <c>#</c> are headers
/// (<c># date: 2025-12-18</c>) or comments and are not part of the text. A mention is written inline as
/// <c>[surface|TYPE|ID]</c>: TYPE is <c>PER</c>, <c>LOC</c>, <c>ORG</c> or <c>OTH</c>, optionally followed by <c>deriv</c> or
/// <c>part</c> (GermEval style: <c>LOCderiv</c>, <c>PERpart</c>); ID is a KB id, several joined by <c>+</c>
/// (<c>Q30+Q159</c>), or a local cluster label <c>@name</c>. Mentions do not nest. Square brackets occur nowhere else.
/// </summary>
public static class GoldSet
{
    /// <summary>Every <c>*.txt</c> of the folder in ordinal name order. Throws <see cref="FormatException"/> naming file and line.</summary>
    public static ImmutableArray<GoldDocument> Load(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"Gold folder '{directory}' does not exist.");
        return Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal)
            .Select(p => Parse(Path.GetFileNameWithoutExtension(p), File.ReadAllText(p, Encoding.UTF8))).ToImmutableArray();
    }

    public static GoldDocument Parse(string name, string source)
    {
        var text = new StringBuilder(source.Length);
        var mentions = ImmutableArray.CreateBuilder<GoldMention>();
        DateOnly? date = null;
        int lineNo = 0;
        bool firstTextLine = true;
        foreach (var raw in source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            lineNo++;
            if (raw.StartsWith('#'))
            {
                var h = raw.AsSpan(1).Trim();
                if (h.StartsWith("date:", StringComparison.Ordinal))
                {
                    if (!DateOnly.TryParseExact(h[5..].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
                        throw new FormatException($"{name}:{lineNo}: bad date header");
                    date = d;
                }
                continue;
            }
            if (!firstTextLine) text.Append('\n');
            firstTextLine = false;
            int i = 0;
            while (i < raw.Length)
            {
                int open = raw.IndexOf('[', i);
                if (open < 0) { text.Append(raw, i, raw.Length - i); break; }
                text.Append(raw, i, open - i);
                int close = raw.IndexOf(']', open);
                if (close < 0) throw new FormatException($"{name}:{lineNo}: unclosed '['");
                var parts = raw[(open + 1)..close].Split('|');
                if (parts.Length != 3 || parts[0].Length == 0) throw new FormatException($"{name}:{lineNo}: expected [surface|TYPE|ID]");
                var (type, flags) = ParseType(parts[1]) ?? throw new FormatException($"{name}:{lineNo}: unknown type '{parts[1]}'");
                var ids = parts[2].Split('+', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                if (ids.Length == 0) throw new FormatException($"{name}:{lineNo}: empty id");
                int start = text.Length;
                text.Append(parts[0]);
                mentions.Add(new GoldMention(start, text.Length, parts[0], type, flags, ids.Order(StringComparer.Ordinal).ToImmutableArray()));
                i = close + 1;
            }
        }
        var s = text.ToString().Trim('\n');
        int shift = text.Length - text.ToString().TrimStart('\n').Length;
        var ms = mentions.Select(m => m with { Start = m.Start - shift, End = m.End - shift }).ToImmutableArray();
        return new GoldDocument(name, s, date, ms);
    }

    private static (EntityType, EntityFlags)? ParseType(string t)
    {
        if (t.Length < 3) return null;
        EntityType? type = t[..3] switch
        {
            "PER" => EntityType.Person,
            "LOC" => EntityType.Location,
            "ORG" => EntityType.Organisation,
            "OTH" => EntityType.Other,
            _ => null,
        };
        if (type is null) return null;
        var rest = t[3..];
        EntityFlags? flags = rest switch
        {
            "" => EntityFlags.None,
            "deriv" => EntityFlags.Deriv,
            "part" => EntityFlags.Part,
            _ => null,
        };
        return flags is null ? null : (type.Value, flags.Value);
    }
}
