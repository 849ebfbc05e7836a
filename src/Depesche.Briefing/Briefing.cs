using System.Collections.Immutable;
using System.Globalization;
using Depesche.Core;
using Depesche.Events;

namespace Depesche.Briefing;

/// <summary>An article as the briefing sees it. <see cref="Published"/> is the publication instant (a date alone: its start, UTC).</summary>
public sealed record BriefArticle(string Id, DateTimeOffset? Published, string? Source, string? Headline, string StoryId);

/// <summary>A quote in an article: text, speaker (canonical name when linked, else the wording) and source chain outwards.</summary>
public sealed record BriefQuote(string ArticleId, int Index, string Text, string? Speaker, string? SpeakerId, ImmutableArray<string> Chain);

/// <summary>How often an article mentions one entity (linked id, else the surface text as key).</summary>
public sealed record BriefMention(string ArticleId, string EntityKey, string Name, int Count);

/// <summary>
/// Everything a briefing is made from, read by the caller from wherever it keeps articles. Pure data: the builder
/// does no I/O and reads no clock (<see cref="Now"/> is given).
/// </summary>
public sealed record BriefInput
{
    public required IReadOnlyList<BriefArticle> Articles { get; init; }
    public IReadOnlyList<BriefQuote> Quotes { get; init; } = [];
    public IReadOnlyList<BriefMention> Mentions { get; init; } = [];
    public IReadOnlyList<DatedClaim> Claims { get; init; } = [];
    /// <summary>The window: articles published after <see cref="Since"/> and up to <see cref="Now"/> are new.</summary>
    public required DateTimeOffset Since { get; init; }
    public required DateTimeOffset Now { get; init; }
    /// <summary>Entity ids or names; when non-empty, only items touching one of them are kept.</summary>
    public IReadOnlyList<string> Watchlist { get; init; } = [];
    /// <summary>Days ahead for upcoming agenda items.</summary>
    public int AgendaDays { get; init; } = 7;
    /// <summary>Days before the window that give an entity's usual level.</summary>
    public int BaselineDays { get; init; } = 14;
}

public sealed record GrownStory(string StoryId, string? Headline, int TotalArticles, int Before, ImmutableArray<BriefArticle> NewArticles);

/// <summary>An event whose status moved in the window: the status before (null: first heard of in the window), and the claims that moved it.</summary>
public sealed record StatusChange(AgendaItem Item, EventStatus? Before, EventStatus After, ImmutableArray<AgendaClaim> NewClaims);

/// <summary>One quote and every new article that carries it (same speaker, same words up to case and punctuation).</summary>
public sealed record CitedQuote(string Text, string? Speaker, string? SpeakerId, ImmutableArray<string> Chain, ImmutableArray<string> ArticleIds);

/// <summary>
/// An entity mentioned more than usual: mentions per day over the baseline and the window (<see cref="PerDay"/>,
/// oldest first, window days last), its usual daily level, the window's daily level, and their ratio (smoothed by +1).
/// </summary>
public sealed record Surge(string EntityKey, string Name, double Usual, double Now, double Ratio, int WindowMentions,
    ImmutableArray<(DateOnly Day, int Mentions)> PerDay, int WindowStart, ImmutableArray<string> ArticleIds);

/// <summary>A finished briefing: five sections, each item naming its articles.</summary>
public sealed record Brief(
    DateTimeOffset Since, DateTimeOffset Now, ImmutableArray<string> Watchlist, int NewArticles,
    ImmutableArray<GrownStory> Stories, ImmutableArray<StatusChange> StatusChanges, ImmutableArray<CitedQuote> Quotes,
    ImmutableArray<AgendaItem> Upcoming, ImmutableArray<Surge> Surges);

/// <summary>
/// Builds a <see cref="Brief"/> from a <see cref="BriefInput"/>. Pure and deterministic.
/// </summary>
/// <remarks>
/// 1. New articles: published in (Since, Now]. Later articles are unknown (the brief is "as of" Now).
/// 2. Stories that grew: stories with new articles, most new first; <see cref="GrownStory.Before"/> counts older members.
/// 3. Status changes: agenda items (<see cref="Agenda"/>, any date) with a claim in the window whose status differs
///    from the latest status before the window, or that were first heard of in the window with an outcome.
/// 4. Quotes: quotes of new articles grouped by speaker and normalised text; ordered by articles citing, then first seen.
/// 5. Upcoming: open agenda items from Now's day to <see cref="BriefInput.AgendaDays"/> ahead.
/// 6. Surges: per entity, mentions per day in the baseline before the window and in the window; kept when the window
///    has at least <see cref="MinSurgeMentions"/> mentions and (window/day + 1) / (usual/day + 1) is at least <see cref="MinSurgeRatio"/>.
/// </remarks>
public static class BriefBuilder
{
    public const int MinSurgeMentions = 3;
    public const double MinSurgeRatio = 2.0;
    public const int MaxQuotes = 10;
    public const int MaxSurges = 8;

    public static Brief Build(BriefInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Now < input.Since) throw new ArgumentException("Now lies before Since", nameof(input));
        var known = input.Articles.Where(a => a.Published is not { } p || p <= input.Now).ToList();
        var fresh = known.Where(a => a.Published is { } p && p > input.Since).ToList();
        var freshIds = fresh.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var watch = input.Watchlist.Where(w => !string.IsNullOrWhiteSpace(w)).Select(w => w.Trim()).ToImmutableArray();
        var mentionsByArticle = input.Mentions.GroupBy(m => m.ArticleId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        bool Watched(string? key, string? name) => watch.IsEmpty || watch.Any(w =>
            key is not null && string.Equals(key, w, StringComparison.OrdinalIgnoreCase) || name is not null && name.Contains(w, StringComparison.OrdinalIgnoreCase));
        bool ArticleWatched(string id) => watch.IsEmpty
            || mentionsByArticle.TryGetValue(id, out var ms) && ms.Exists(m => Watched(m.EntityKey, m.Name));

        // 2. stories
        var stories = fresh.Where(a => ArticleWatched(a.Id)).GroupBy(a => a.StoryId).Select(g =>
        {
            var members = known.Where(a => a.StoryId == g.Key).OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
            return new GrownStory(g.Key, members[0].Headline ?? g.First().Headline, members.Count, members.Count - g.Count(),
                [.. g.OrderBy(a => a.Published).ThenBy(a => a.Id, StringComparer.Ordinal)]);
        }).OrderByDescending(s => s.NewArticles.Length).ThenBy(s => s.StoryId, StringComparer.Ordinal).ToImmutableArray();

        // 3. status changes, over every agenda item known as of Now
        var today = DateOnly.FromDateTime(input.Now.UtcDateTime);
        var all = Agenda.Build(input.Claims, new AgendaQuery { From = DateOnly.MinValue, To = DateOnly.MaxValue, Today = today });
        var changes = ImmutableArray.CreateBuilder<StatusChange>();
        foreach (var item in all)
        {
            if (!watch.IsEmpty && !item.Actors.Any(a => Watched(a.EntityId, a.Name)) && !Watched(item.PlaceId, item.Place)) continue;
            var newClaims = item.Claims.Where(c => freshIds.Contains(c.ArticleId)).ToImmutableArray();
            if (newClaims.IsEmpty) continue;
            var before = item.Claims.Where(c => !freshIds.Contains(c.ArticleId) && c.Published is { } p && p.ToDateTime(TimeOnly.MinValue) <= input.Since.UtcDateTime).ToList();
            EventStatus? prior = before.Count == 0 ? null : before[^1].Status;
            var after = newClaims[^1].Status;
            bool outcome = after is EventStatus.Held or EventStatus.Denied or EventStatus.Postponed or EventStatus.Cancelled;
            if (prior is { } p0 ? p0 != after : outcome) changes.Add(new StatusChange(item, prior, after, newClaims));
        }

        // 4. quotes
        var articleOrder = fresh.Select((a, i) => (a.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var quotes = input.Quotes.Where(q => freshIds.Contains(q.ArticleId) && (watch.IsEmpty || Watched(q.SpeakerId, q.Speaker) || ArticleWatched(q.ArticleId)))
            .GroupBy(q => (Speaker: q.SpeakerId ?? q.Speaker?.ToUpperInvariant() ?? "", Text: Normalise(q.Text)))
            .Select(g =>
            {
                var first = g.OrderBy(q => articleOrder[q.ArticleId]).First();
                var ids = g.Select(q => q.ArticleId).Distinct(StringComparer.Ordinal).OrderBy(id => articleOrder[id]).ToImmutableArray();
                return (Quote: new CitedQuote(first.Text, first.Speaker, first.SpeakerId, first.Chain, ids), First: articleOrder[first.ArticleId]);
            })
            .OrderByDescending(x => x.Quote.ArticleIds.Length).ThenBy(x => x.First).Take(MaxQuotes).Select(x => x.Quote).ToImmutableArray();

        // 5. upcoming
        var upcoming = Agenda.Build(input.Claims, new AgendaQuery { From = today, To = today.AddDays(input.AgendaDays), Today = today, OnlyOpen = true })
            .Where(i => watch.IsEmpty || i.Actors.Any(a => Watched(a.EntityId, a.Name)) || Watched(i.PlaceId, i.Place)).ToImmutableArray();

        // 6. surges
        var surges = Surges(input, known, fresh, watch.IsEmpty ? null : Watched);

        return new Brief(input.Since, input.Now, watch, fresh.Count, stories, changes.ToImmutable(), quotes, upcoming, surges);
    }

    private static ImmutableArray<Surge> Surges(BriefInput input, List<BriefArticle> known, List<BriefArticle> fresh, Func<string?, string?, bool>? watched)
    {
        var sinceDay = DateOnly.FromDateTime(input.Since.UtcDateTime);
        var nowDay = DateOnly.FromDateTime(input.Now.UtcDateTime);
        // Why: the window covers whole days from the first new article's day; a 24-hour window spans one or two days.
        var windowStart = fresh.Count == 0 ? nowDay : DateOnly.FromDateTime(fresh.Min(a => a.Published!.Value).UtcDateTime);
        if (windowStart < sinceDay) windowStart = sinceDay;
        int windowDays = nowDay.DayNumber - windowStart.DayNumber + 1;
        var baseStart = windowStart.AddDays(-input.BaselineDays);
        var day = known.Where(a => a.Published is not null).ToDictionary(a => a.Id, a => DateOnly.FromDateTime(a.Published!.Value.UtcDateTime), StringComparer.Ordinal);
        var freshIds = fresh.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        var list = new List<Surge>();
        foreach (var g in input.Mentions.Where(m => day.ContainsKey(m.ArticleId)).GroupBy(m => m.EntityKey, StringComparer.Ordinal))
        {
            var name = g.GroupBy(m => m.Name).OrderByDescending(x => x.Sum(m => m.Count)).ThenBy(x => x.Key, StringComparer.Ordinal).First().Key;
            if (watched is not null && !watched(g.Key, name)) continue;
            var perDay = new int[input.BaselineDays + windowDays];
            var ids = new List<string>();
            foreach (var m in g)
            {
                int k = day[m.ArticleId].DayNumber - baseStart.DayNumber;
                if (k < 0 || k >= perDay.Length) continue;
                // Why: a window day's mentions count only from articles new in the window (the window may start mid-day).
                if (k >= input.BaselineDays && !freshIds.Contains(m.ArticleId)) continue;
                perDay[k] += m.Count;
                if (k >= input.BaselineDays && !ids.Contains(m.ArticleId)) ids.Add(m.ArticleId);
            }
            int windowMentions = perDay.Skip(input.BaselineDays).Sum();
            double usual = perDay.Take(input.BaselineDays).Sum() / (double)input.BaselineDays;
            double now = windowMentions / (double)windowDays;
            double ratio = (now + 1) / (usual + 1);
            if (windowMentions < MinSurgeMentions || ratio < MinSurgeRatio) continue;
            list.Add(new Surge(g.Key, name, usual, now, ratio, windowMentions,
                [.. perDay.Select((n, i) => (baseStart.AddDays(i), n))], input.BaselineDays, [.. ids]));
        }
        return [.. list.OrderByDescending(s => s.Ratio).ThenByDescending(s => s.WindowMentions).ThenBy(s => s.EntityKey, StringComparer.Ordinal).Take(MaxSurges)];
    }

    /// <summary>Case, punctuation and spacing folded, so one quote printed by two agencies groups as one.</summary>
    public static string Normalise(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        bool space = false;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(char.ToLowerInvariant(ch)); space = false; }
            else space = true;
        }
        return sb.ToString();
    }

    internal static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
