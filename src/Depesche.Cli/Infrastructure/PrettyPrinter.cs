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
        if (analysis.Find<LinkLayer>(LayerName.Links) is { } links && links.Entities.Length > 0)
        {
            sb.AppendLine("entities");
            foreach (var e in links.Entities)
            {
                sb.Append("  ").Append(Core.Json.AnalysisJson.TypeName(e.Type)).Append("  ").Append(Clean(e.Name));
                if (e.Wikidata is { } q) sb.Append(" (").Append(q).Append(')');
                sb.Append("  ×").Append(e.Mentions.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (!e.Roles.IsDefaultOrEmpty) sb.Append("  [").Append(Clean(string.Join("; ", e.Roles.Select(r => r.Of is null ? r.Role : $"{r.Role} of {r.Of}").Distinct()))).Append(']');
                if (e.Geo is { } g) sb.Append(System.FormattableString.Invariant($"  @{g.Lat:F2},{g.Lon:F2} {g.Country}"));
                sb.AppendLine();
            }
        }
        else if (analysis.Find<Layer<EntityMention>>(LayerName.Entities) is { } entities && entities.Count > 0)
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
        if (analysis.Find<Layer<Quote>>(LayerName.Quotes) is { } quotes && quotes.Count > 0)
        {
            sb.AppendLine("quotes");
            foreach (var q in quotes.Items)
            {
                // Why: the source chain starts with the speaker, so it is printed once, resolved where a pronoun stood.
                string said = q.Speaker.End > q.Speaker.Start ? text[q.Speaker.Start..q.Speaker.End] : "?";
                string who = q.Speaker.ReferentEnd > q.Speaker.ReferentStart ? text[q.Speaker.ReferentStart..q.Speaker.ReferentEnd] : said;
                var chain = q.Sources.IsDefaultOrEmpty ? [who] : q.Sources.Select(l => l.Name ?? text[l.Start..l.End]).ToList();
                if (chain.Count > 0 && chain[0] != who) chain.Insert(0, who);
                sb.Append("  ").Append(q.Kind.ToString().ToLowerInvariant().PadRight(9)).Append(Clean(string.Join(" ← ", chain)));
                if (who != said) sb.Append(" (").Append(Clean(said)).Append(')');
                if (q.Flags != QuoteFlags.None) sb.Append("  {").Append(q.Flags.ToString().ToLowerInvariant()).Append('}');
                sb.AppendLine();
                sb.Append("           ").AppendLine(Clean(Excerpt(text[q.Start..q.End], 100)));
            }
        }
        if (analysis.Find<Layer<EventMention>>(LayerName.Events) is { } events && events.Count > 0)
        {
            sb.AppendLine("events");
            foreach (var e in events.Items)
            {
                sb.Append("  ").Append(EventNames.Of(e.Type)).Append('/').Append(EventNames.Of(e.Mode)).Append(' ').Append(EventNames.Of(e.Status).PadRight(12))
                  .Append(Clean(string.Join(" ", e.TriggerParts.IsDefaultOrEmpty ? [text[e.Start..e.End]] : e.TriggerParts.Select(p => text[p.Start..p.End]))));
                if (!e.Actors.IsDefaultOrEmpty) sb.Append("  actors: ").Append(Clean(string.Join(", ", e.Actors.Select(a => a.Name))));
                if (e.Place is { } pl) sb.Append("  in ").Append(Clean(pl.Name));
                if (e.Time is { } t) sb.Append("  at ").Append(t.Value);
                sb.AppendLine();
            }
        }
        foreach (var f in analysis.Failures) Field(sb, "FAILED", $"{f.StageId}: {f.Message}");
        return sb.ToString();
    }

    private static string Excerpt(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static void Field(StringBuilder sb, string name, string value) => sb.Append(name.PadRight(11)).AppendLine(Clean(value));

    // Why: article text is untrusted; control characters (ESC sequences) must not reach the terminal.
    private static string Clean(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in s) sb.Append(char.IsControl(c) ? ' ' : c);
        return sb.ToString();
    }
}
