using System.Globalization;
using System.Net;
using System.Text;
using Depesche.Core;
using Depesche.Events;

namespace Depesche.Briefing;

/// <summary>
/// Renders a <see cref="Brief"/> as one self-contained HTML page (inline CSS and SVG, no script, no external resource)
/// or as Markdown. Every piece of article-derived text is escaped: article text is untrusted.
/// Article links are <see cref="LinkBase"/> + id (default <c>/#/article/</c>, the workbench's article route).
/// </summary>
public sealed class BriefRenderer(string linkBase = BriefRenderer.DefaultLinkBase)
{
    public const string DefaultLinkBase = "/#/article/";

    public string LinkBase { get; } = linkBase;

    private const string Css =
        "body{font:14px/1.45 'DejaVu Sans',Arial,sans-serif;color:#1b1b1b;max-width:60em;margin:2em auto;padding:0 1em}" +
        "h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.15em;border-bottom:2px solid #1f4e79;color:#1f4e79;margin-top:1.6em}" +
        ".meta{color:#555}.item{margin:.5em 0 .9em}.st{display:inline-block;padding:0 .4em;border-radius:3px;background:#e7eef6;font-size:.9em}" +
        ".held{background:#d9f2d9}.denied,.cancelled{background:#f6d6d6}.postponed{background:#fbefc9}.unconfirmed{background:#eee}" +
        "ul{margin:.2em 0;padding-left:1.3em}a{color:#1f4e79}blockquote{margin:.3em 0 .3em 1em;font-style:italic}svg{vertical-align:middle}" +
        ".empty{color:#777}";

    public string Html(Brief b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"de\"><head><meta charset=\"utf-8\"><title>").Append(E(Title(b))).Append("</title>");
        h.Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
        h.Append("<style>").Append(Css).Append("</style></head><body>\n");
        h.Append("<h1>").Append(E(Title(b))).Append("</h1>\n<p class=\"meta\">").Append(E(Window(b))).Append("</p>\n");

        h.Append("<h2>Stories that grew</h2>\n");
        if (b.Stories.IsEmpty) h.Append("<p class=\"empty\">No new articles.</p>\n");
        foreach (var s in b.Stories)
        {
            h.Append("<div class=\"item\"><b>").Append(E(s.Headline ?? s.StoryId)).Append("</b> <span class=\"meta\">")
             .Append(E(s.Before == 0 ? $"new story, {s.NewArticles.Length} article(s)" : $"+{s.NewArticles.Length} on {s.Before} earlier")).Append("</span><ul>");
            foreach (var a in s.NewArticles)
                h.Append("<li>").Append(E(Stamp(a.Published))).Append(' ').Append(E(a.Source ?? "")).Append(' ').Append(Link(a.Id, a.Headline ?? a.Id)).Append("</li>");
            h.Append("</ul></div>\n");
        }

        h.Append("<h2>Status changes</h2>\n");
        if (b.StatusChanges.IsEmpty) h.Append("<p class=\"empty\">No event changed status.</p>\n");
        foreach (var c in b.StatusChanges)
        {
            h.Append("<div class=\"item\"><b>").Append(E(c.Item.Title)).Append("</b> ").Append(E(c.Item.When.Label)).Append(": ")
             .Append(Status(c.Before)).Append(" → ").Append(Status(c.After)).Append("<ul>");
            foreach (var cl in c.Item.Claims)
                h.Append("<li>").Append(E($"{Day(cl.Published)} {AgendaJson.Name(cl.Change)} by {cl.Via} ")).Append(Link(cl.ArticleId, cl.ArticleId)).Append("</li>");
            h.Append("</ul></div>\n");
        }

        h.Append("<h2>Most-cited new quotes</h2>\n");
        if (b.Quotes.IsEmpty) h.Append("<p class=\"empty\">No new quotes.</p>\n");
        foreach (var q in b.Quotes)
        {
            h.Append("<div class=\"item\"><blockquote>„").Append(E(Bare(q.Text))).Append("“</blockquote>— ").Append(E(q.Speaker ?? "unknown speaker"));
            if (!q.Chain.IsDefaultOrEmpty) h.Append(" <span class=\"meta\">(").Append(E("via " + string.Join(" via ", q.Chain))).Append(")</span>");
            h.Append(E($"; cited in {q.ArticleIds.Length} article(s): "));
            h.Append(string.Join(", ", q.ArticleIds.Select(id => Link(id, id)))).Append("</div>\n");
        }

        h.Append("<h2>Upcoming</h2>\n");
        if (b.Upcoming.IsEmpty) h.Append("<p class=\"empty\">Nothing on the agenda.</p>\n");
        foreach (var i in b.Upcoming)
        {
            h.Append("<div class=\"item\"><b>").Append(E(i.When.Label)).Append("</b> ").Append(E(i.Title)).Append(' ').Append(Status(i.Status));
            if (i.Unconfirmed && i.Status != EventStatus.Unconfirmed) h.Append(" <span class=\"st unconfirmed\">unconfirmed</span>");
            h.Append(E($" confidence {i.Confidence.ToString("0.00", CultureInfo.InvariantCulture)}")).Append("<ul>");
            foreach (var cl in i.Claims)
                h.Append("<li>").Append(E($"{Day(cl.Published)} {AgendaJson.Name(cl.Change)} by {cl.Via} ")).Append(Link(cl.ArticleId, cl.ArticleId)).Append("</li>");
            h.Append("</ul></div>\n");
        }

        h.Append("<h2>Mentioned more than usual</h2>\n");
        if (b.Surges.IsEmpty) h.Append("<p class=\"empty\">No entity above its usual level.</p>\n");
        foreach (var s in b.Surges)
        {
            h.Append("<div class=\"item\"><b>").Append(E(s.Name)).Append("</b> ").Append(Chart(s)).Append(' ')
             .Append(E(string.Create(CultureInfo.InvariantCulture, $"{s.WindowMentions} mentions, {s.Now:0.0}/day against {s.Usual:0.0}/day usually (×{s.Ratio:0.0}) in ")))
             .Append(string.Join(", ", s.ArticleIds.Select(id => Link(id, id)))).Append("</div>\n");
        }
        h.Append("</body></html>\n");
        return h.ToString();
    }

    /// <summary>Mentions per day as bars: the baseline grey, the window dark blue; a title per bar for the day and count.</summary>
    public static string Chart(Surge s)
    {
        const int bw = 7, gap = 2, height = 28;
        int max = Math.Max(1, s.PerDay.Max(p => p.Mentions));
        var sb = new StringBuilder();
        int width = s.PerDay.Length * (bw + gap);
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height + 2}\" role=\"img\" aria-label=\"mentions per day\">");
        sb.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{height + 1}\" x2=\"{width}\" y2=\"{height + 1}\" stroke=\"#999\" stroke-width=\"1\"/>");
        for (int i = 0; i < s.PerDay.Length; i++)
        {
            var (day, n) = s.PerDay[i];
            int bh = n == 0 ? 0 : Math.Max(2, (int)Math.Round(n * (double)height / max));
            string fill = i >= s.WindowStart ? "#1f4e79" : "#b8b8b8";
            sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{i * (bw + gap)}\" y=\"{height + 1 - bh}\" width=\"{bw}\" height=\"{bh}\" fill=\"{fill}\"><title>{Day(day)}: {n}</title></rect>");
        }
        sb.Append("</svg>");
        return sb.ToString();
    }

    public string Markdown(Brief b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var m = new StringBuilder();
        m.Append("# ").Append(M(Title(b))).Append("\n\n").Append(M(Window(b))).Append("\n\n## Stories that grew\n\n");
        if (b.Stories.IsEmpty) m.Append("No new articles.\n");
        foreach (var s in b.Stories)
        {
            m.Append("- **").Append(M(s.Headline ?? s.StoryId)).Append("** (").Append(s.Before == 0 ? $"new story, {s.NewArticles.Length} article(s)" : $"+{s.NewArticles.Length} on {s.Before} earlier").Append(")\n");
            foreach (var a in s.NewArticles) m.Append("  - ").Append(M($"{Stamp(a.Published)} {a.Source}")).Append(' ').Append(MLink(a.Id, a.Headline ?? a.Id)).Append('\n');
        }
        m.Append("\n## Status changes\n\n");
        if (b.StatusChanges.IsEmpty) m.Append("No event changed status.\n");
        foreach (var c in b.StatusChanges)
        {
            m.Append("- **").Append(M(c.Item.Title)).Append("** ").Append(M(c.Item.When.Label)).Append(": ")
             .Append(c.Before is { } p ? EventNames.Of(p) : "new").Append(" → ").Append(EventNames.Of(c.After)).Append('\n');
            foreach (var cl in c.Item.Claims) m.Append("  - ").Append(M($"{Day(cl.Published)} {AgendaJson.Name(cl.Change)} by {cl.Via}")).Append(' ').Append(MLink(cl.ArticleId, cl.ArticleId)).Append('\n');
        }
        m.Append("\n## Most-cited new quotes\n\n");
        if (b.Quotes.IsEmpty) m.Append("No new quotes.\n");
        foreach (var q in b.Quotes)
            m.Append("- „").Append(M(Bare(q.Text))).Append("“ — ").Append(M(q.Speaker ?? "unknown speaker"))
             .Append(q.Chain.IsDefaultOrEmpty ? "" : M(" (via " + string.Join(" via ", q.Chain) + ")"))
             .Append($"; cited in {q.ArticleIds.Length}: ").Append(string.Join(", ", q.ArticleIds.Select(id => MLink(id, id)))).Append('\n');
        m.Append("\n## Upcoming\n\n");
        if (b.Upcoming.IsEmpty) m.Append("Nothing on the agenda.\n");
        foreach (var i in b.Upcoming)
            m.Append("- **").Append(M(i.When.Label)).Append("** ").Append(M(i.Title)).Append(" — ").Append(EventNames.Of(i.Status))
             .Append(i.Unconfirmed && i.Status != EventStatus.Unconfirmed ? " (unconfirmed)" : "")
             .Append(": ").Append(string.Join(", ", i.Claims.Select(c => M(c.Via) + " " + MLink(c.ArticleId, c.ArticleId)))).Append('\n');
        m.Append("\n## Mentioned more than usual\n\n");
        if (b.Surges.IsEmpty) m.Append("No entity above its usual level.\n");
        foreach (var s in b.Surges)
            m.Append("- **").Append(M(s.Name)).Append("** `").Append(Spark(s)).Append("` ")
             .Append(string.Create(CultureInfo.InvariantCulture, $"{s.WindowMentions} mentions, {s.Now:0.0}/day against {s.Usual:0.0}/day usually (×{s.Ratio:0.0}): "))
             .Append(string.Join(", ", s.ArticleIds.Select(id => MLink(id, id)))).Append('\n');
        return m.ToString();
    }

    /// <summary>The quote without the quotation marks it was printed with (the renderer sets its own).</summary>
    private static string Bare(string text) => text.Trim().Trim('"', '„', '“', '”', '»', '«', '\'', '‚', '‘').Trim();

    private static string Spark(Surge s)
    {
        const string bars = "▁▂▃▄▅▆▇█";
        int max = Math.Max(1, s.PerDay.Max(p => p.Mentions));
        return new string([.. s.PerDay.Select(p => p.Mentions == 0 ? '·' : bars[Math.Min(7, p.Mentions * 7 / max)])]);
    }

    private static string Title(Brief b) => "Briefing " + b.Now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        + (b.Watchlist.IsEmpty ? "" : " — watchlist " + string.Join(", ", b.Watchlist));

    private static string Window(Brief b) =>
        $"{b.NewArticles} new article(s) since {b.Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC, as of {b.Now.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC.";

    private static string Status(EventStatus? s) => s is { } x
        ? $"<span class=\"st {EventNames.Of(x)}\">{EventNames.Of(x)}</span>"
        : "<span class=\"st\">first reported</span>";

    private string Link(string id, string text) => $"<a href=\"{E(LinkBase + Uri.EscapeDataString(id))}\">{E(text)}</a>";

    private string MLink(string id, string text) => $"[{M(text)}]({LinkBase}{Uri.EscapeDataString(id)})";

    /// <summary>HTML-escapes text and attribute values (quotes included).</summary>
    public static string E(string s) => WebUtility.HtmlEncode(s);

    /// <summary>Escapes Markdown and inline HTML, so article text cannot inject links, markup or headings.</summary>
    public static string M(string s)
    {
        var sb = new StringBuilder(s.Length + 8);
        foreach (var ch in s.ReplaceLineEndings(" "))
        {
            if ("\\`*_{}[]()#+-.!|<>&~".Contains(ch, StringComparison.Ordinal))
            {
                if (ch == '<') { sb.Append("&lt;"); continue; }
                if (ch == '>') { sb.Append("&gt;"); continue; }
                if (ch == '&') { sb.Append("&amp;"); continue; }
                sb.Append('\\');
            }
            sb.Append(ch);
        }
        return sb.ToString();
    }

    private static string Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "undated";

    private static string Stamp(DateTimeOffset? t) => t is { } x ? x.UtcDateTime.ToString(x.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "undated";
}
