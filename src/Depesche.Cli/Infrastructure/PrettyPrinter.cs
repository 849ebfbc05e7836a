using System.Text;
using Depesche.Core;

namespace Depesche.Cli.Infrastructure;

/// <summary>A readable, plain-text view of one analysis for <c>--format pretty</c>. Never emits terminal escapes from article text.</summary>
public static class PrettyPrinter
{
    public static string Render(Analysis analysis)
    {
        var a = analysis.Article;
        var text = a.Text;
        var sb = new StringBuilder();
        sb.Append("── ").Append(a.Id).Append(' ').Append('─', 40).AppendLine();
        Field(sb, "published", a.Source.Published?.ToString() ?? "—");
        Field(sb, "dateline", a.Source.Datelines.IsDefaultOrEmpty ? "—" : string.Join(" / ", a.Source.Datelines.Select(d => d.Place)));
        Field(sb, "agency", a.Source.Agency ?? "—");
        Field(sb, "editors", a.Source.EditorCodes.IsDefaultOrEmpty ? "—" : string.Join(" ", a.Source.EditorCodes.Select(c => c.Code)));
        if (!a.Source.VersionMarkers.IsDefaultOrEmpty)
            Field(sb, "versions", string.Join(", ", a.Source.VersionMarkers.Select(v => v.Range.Slice(text))));
        Field(sb, "headline", a.Headline is { } h ? h.Slice(text) : a.Title ?? "—");
        foreach (var s in a.Subheadings) Field(sb, "subheading", s.Slice(text));
        if (a.Source.Url is { } url) Field(sb, "url", url);
        if (analysis.Find<SentenceTable>(LayerName.Sentences) is { } sentences)
        {
            Field(sb, "sentences", sentences.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var s in sentences)
                sb.Append("  ").Append((s.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3)).Append("  ").AppendLine(Clean(s.Text));
        }
        if (analysis.Find<Layer<EntityMention>>(LayerName.Entities) is { } entities && entities.Count > 0)
        {
            sb.AppendLine("entities");
            foreach (var e in entities.Items)
                sb.Append("  ").Append(Core.Json.AnalysisJson.TypeName(e.Type)).Append((e.Flags & EntityFlags.Deriv) != 0 ? "deriv" : (e.Flags & EntityFlags.Part) != 0 ? "part " : "     ")
                  .Append("  ").AppendLine(Clean(text.AsSpan(e.Start, e.End - e.Start)));
        }
        if (analysis.Find<Layer<TimeExpression>>(LayerName.Times) is { } times && times.Count > 0)
        {
            sb.AppendLine("times");
            foreach (var t in times.Items)
                sb.Append("  ").Append(t.Value.PadRight(14)).Append(t.Mod == TimexMod.None ? "" : " " + t.Mod.ToString().ToUpperInvariant()).Append("  ").AppendLine(Clean(text.AsSpan(t.Start, t.End - t.Start)));
        }
        foreach (var f in analysis.Failures) Field(sb, "FAILED", $"{f.StageId}: {f.Message}");
        return sb.ToString();
    }

    private static void Field(StringBuilder sb, string name, string value) => sb.Append(name.PadRight(11)).AppendLine(Clean(value));

    // Why: article text is untrusted; control characters (ESC sequences) must not reach the terminal.
    private static string Clean(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString();
    }
}
