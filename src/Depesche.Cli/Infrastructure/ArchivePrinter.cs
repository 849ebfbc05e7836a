using Depesche.Storage;

namespace Depesche.Cli.Infrastructure;

/// <summary>The human-readable lines of <c>quotes</c>, <c>events</c> and <c>entity</c>: one header line per item, indented detail below.</summary>
public static class ArchivePrinter
{
    private static string Head(ArticleRef a) => $"{Day(a.Published),-10} {a.Agency ?? "—",-8} {a.Id}";

    private static string Day(string? published) => published is null ? "—" : published.Length > 10 ? published[..10] : published;

    private static string Id(string? id) => id is null ? "" : $" [{id}]";

    public static void Quote(TextWriter w, StoredQuote q)
    {
        var who = q.Speaker is { } s ? s.Name + Id(s.EntityId) + (s.Mention is { } m ? $" (\"{m}\")" : "") : "no speaker";
        w.WriteLine($"{Head(q.Article)}  {q.Kind,-8}  {who}");
        w.WriteLine("    " + OneLine(q.Text));
        var chain = string.Join(" ← ", q.Sources.Select(l => $"{l.Name} ({l.Kind}{(l.Anonymous ? ", anonymous" : "")})"));
        w.WriteLine($"    source: {(chain.Length == 0 ? "—" : chain)}   flags: {(q.Flags.Count == 0 ? "—" : string.Join(", ", q.Flags))}");
    }

    public static void Event(TextWriter w, StoredEvent e)
    {
        var extra = (e.Time is { } t ? $"  when {t.Value}" : "") + (e.Place is { } p ? $"  in {p.Name}{Id(p.EntityId)}" : "") +
            (e.Reported ? "  reported" : "") + (e.Unconfirmed ? "  unconfirmed" : "") + (e.Attribution is { } a ? $"  per {a}" : "");
        w.WriteLine($"{Head(e.Article)}  {e.Type} {e.Status}  \"{e.Trigger}\"{extra}");
        if (e.Actors.Count > 0)
            w.WriteLine("    actors: " + string.Join(", ", e.Actors.Select(x => $"{x.Name}{Id(x.EntityId)} ({x.Role})")));
        if (e.Evidence.Length > 0) w.WriteLine("    " + OneLine(e.Evidence));
    }

    public static void Entity(TextWriter w, EntityProfile p)
    {
        w.WriteLine($"{p.Name}  [{p.EntityId}]  {p.Type}{(p.Kind is null ? "" : $"  ({p.Kind})")}{(p.Wikidata is null || p.Wikidata == p.EntityId ? "" : $"  wikidata {p.Wikidata}")}");
        w.WriteLine($"  {p.Articles} articles, {p.Mentions} mentions, {Day(p.FirstSeen)} … {Day(p.LastSeen)}");
        w.WriteLine("aliases: " + (p.Aliases.Count == 0 ? "—" : string.Join(", ", p.Aliases.Select(a => $"{a.Text} ({a.Count})"))));
        w.WriteLine("roles: " + (p.Roles.Count == 0 ? "—" : string.Join(", ", p.Roles.Select(r => $"{r.Role}{(r.Of is null ? "" : " of " + r.Of)} \"{r.Title}\" ({r.Articles})"))));
        w.WriteLine($"timeline ({p.Timeline.Count} of {p.Articles} articles):");
        foreach (var t in p.Timeline)
            w.WriteLine($"  {Day(t.Published),-10} {t.Agency ?? "—",-8} {t.ArticleId}  {t.Mentions}×  {t.Headline}");
        w.WriteLine($"quotes ({p.Quotes.Count} of {p.QuoteCount}):");
        foreach (var q in p.Quotes) Indent(w, x => Quote(x, q));
        w.WriteLine($"events ({p.Events.Count} of {p.EventCount}):");
        foreach (var e in p.Events) Indent(w, x => Event(x, e));
        w.WriteLine("co-occurring: " + (p.CoOccurring.Count == 0 ? "—" : ""));
        foreach (var c in p.CoOccurring) w.WriteLine($"  {c.Articles,4}  {c.Name} [{c.EntityId}] {c.Type}");
        if (p.OtherMatches.Count > 0)
            w.WriteLine("other matches: " + string.Join(", ", p.OtherMatches.Select(c => $"{c.Name} [{c.EntityId}] ({c.Articles})")));
    }

    private static void Indent(TextWriter w, Action<TextWriter> write)
    {
        var sw = new StringWriter();
        write(sw);
        foreach (var line in sw.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)) w.WriteLine("  " + line.TrimEnd('\r'));
    }

    private static string OneLine(string s) => string.Join(' ', s.Split((char[])['\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
