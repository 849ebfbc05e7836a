using System.Collections.Immutable;
using System.Globalization;
using Depesche.Core;

namespace Depesche.Events;

/// <summary>
/// Joins an article's repeated mentions of one event into one event, and points every mention at the quote it sits in.
/// Wire reports name an event, then come back to it (<c>die Gespräche</c>, <c>zu den Gesprächen erwartet</c>) with
/// more participants, the place or the date; counted separately, one meeting becomes four.
/// </summary>
/// <remarks>
/// A mention joins the most recent earlier event (in text order) when all hold:
/// 1. the same type, and compatible modes (as across articles, <see cref="EventMerger"/>);
/// 2. compatible statuses: equal; one <c>unconfirmed</c> and the other planned or held; a later cancellation,
///    postponement or denial of a plan (the update wins). Speech acts (asserted, reported) are separate utterances
///    and never join;
/// 3. places equal, or one unstated; dates overlap, or one unstated;
/// 4. participants: when both name some, the parties (people counted for the country they act for) of one are
///    among those of the other: the US–Russia talks take the sentence naming Witkoff, Kushner and
///    Dmitrijew, but not the talks of Umjerow with Witkoff and Kushner. When one names none, the later mention must
///    refer back (<c>die Gespräche</c>, <c>bei dem Treffen</c>) or name the same place; a reference that says who
///    takes part (<c>An dem Treffen soll auch … teilgenommen haben</c>) adds its people whatever their side;
/// 5. the later mention does not announce another one (<c>weitere Treffen</c>, <c>ein zweites Treffen</c>).
/// Pure and stateless.
/// </remarks>
public static class EventCoreference
{
    private static readonly HashSet<string> Definite = new(StringComparer.OrdinalIgnoreCase)
    {
        "der", "die", "das", "den", "dem", "des", "diese", "dieser", "dieses", "diesen", "diesem", "beim", "zum", "zur", "vom", "am", "im",
    };

    private static readonly HashSet<string> Another = new(StringComparer.OrdinalIgnoreCase)
    {
        "weitere", "weiteren", "weiterer", "weiteres", "erneute", "erneuten", "erneuter", "erneutes", "zweite", "zweiten", "zweiter", "zweites",
        "nächste", "nächsten", "nächster", "nächstes", "andere", "anderen", "anderer", "anderes", "neuerliche", "neuerlichen", "dritte", "dritten",
    };

    private sealed class Group(int first, EventMention primary)
    {
        public readonly int First = first;
        public int Last = first;
        public EventMention Event = primary;
        public readonly List<EventReference> Others = [];
        public readonly HashSet<string> Parties = new(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The mentions with repeated ones folded into the first, in text order; <paramref name="quotes"/> may be null.</summary>
    public static ImmutableArray<EventMention> Join(string text, IReadOnlyList<EventMention> mentions, IReadOnlyList<Quote>? quotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(mentions);
        var groups = new List<Group>(mentions.Count);
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i] with { QuoteIndex = QuoteAt(quotes, mentions[i].Start) };
            Group? target = null;
            string? why = null;
            if (IsEventLike(m.Status) && !AnnouncesAnother(text, m))
            {
                bool anaphoric = RefersBack(text, m);
                for (int g = groups.Count - 1; g >= 0 && target is null; g--)
                    if (Compatible(groups[g], m, anaphoric, text, out why)) target = groups[g];
            }
            if (target is null)
            {
                var ng = new Group(i, m);
                AddParties(ng.Parties, m.Actors);
                groups.Add(ng);
                continue;
            }
            Fold(target, m, why!);
            target.Last = i;
            // Why: the most recently mentioned event is the nearest antecedent, so it moves to the end of the search.
            groups.Remove(target);
            groups.Add(target);
        }
        groups.Sort((a, b) => a.First.CompareTo(b.First));
        TargetCondemnedAttackers(groups);
        var b = ImmutableArray.CreateBuilder<EventMention>(groups.Count);
        foreach (var g in groups)
            b.Add(g.Others.Count == 0 ? g.Event : g.Event with { OtherMentions = [.. g.Others] });
        return b.MoveToImmutable();
    }

    /// <summary>
    /// "Selenskyj verurteilte den Angriff": the attack named in an accusation's sentence is an earlier one, so its
    /// attackers, known from that earlier mention, are the accusation's targets.
    /// </summary>
    private static void TargetCondemnedAttackers(List<Group> groups)
    {
        foreach (var acc in groups)
        {
            if (acc.Event.Type != EventType.Accuse) continue;
            foreach (var g in groups)
            {
                if (g.Event.Type != EventType.Assault) continue;
                foreach (var r in g.Others)
                {
                    if (r.SentenceStart != acc.Event.SentenceStart) continue;
                    var actors = acc.Event.Actors.ToBuilder();
                    foreach (var a in g.Event.Actors)
                        if (a.Role == ActorRole.Source && !actors.Any(x => SameActor(x, a))) actors.Add(a with { Role = ActorRole.Target });
                    acc.Event = acc.Event with { Actors = actors.ToImmutable() };
                }
            }
        }
    }

    private static bool IsEventLike(EventStatus s) => s is not (EventStatus.Asserted or EventStatus.Reported);

    private static int QuoteAt(IReadOnlyList<Quote>? quotes, int offset)
    {
        if (quotes is null) return -1;
        for (int q = 0; q < quotes.Count; q++)
            if (quotes[q].Start <= offset && offset < quotes[q].End) return q;
        return -1;
    }

    private static bool Compatible(Group g, EventMention m, bool anaphoric, string text, out string? why)
    {
        why = null;
        var e = g.Event;
        if (e.Type != m.Type || !EventMerger.ModesCompatible(e.Mode, m.Mode)) return false;
        if (!StatusesCompatible(e.Status, m.Status)) return false;

        bool samePlace = e.Place is { } ep && m.Place is { } mp && SamePlace(ep, mp);
        if (e.Place is not null && m.Place is not null && !samePlace) return false;
        if (!DatesCompatible(e.Time?.Value, m.Time?.Value)) return false;

        string actorsWhy;
        if (anaphoric && TakesPart(text, m))
            actorsWhy = $"'{Before(text, m)}' refers back and adds who takes part";
        else if (e.Actors.Length > 0 && m.Actors.Length > 0)
        {
            var parties = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            AddParties(parties, m.Actors);
            if (!parties.Overlaps(g.Parties)) return false;
            if (!parties.IsSubsetOf(g.Parties) && !g.Parties.IsSubsetOf(parties)) return false;
            actorsWhy = $"parties {string.Join("/", parties.Order(StringComparer.Ordinal))} within {string.Join("/", g.Parties.Order(StringComparer.Ordinal))}";
        }
        else if (anaphoric) actorsWhy = $"'{Before(text, m)}' refers back";
        else if (samePlace) actorsWhy = "one names no actors";
        else return false;

        string placeWhy = samePlace ? $"same place {m.Place!.Value.Name}" : (e.Place ?? m.Place) is { } p ? $"place {p.Name} (the other unstated)" : "no place";
        string dateWhy = e.Time is { } et && m.Time is { } mt ? $"dates {et.Value} and {mt.Value} overlap" : (e.Time ?? m.Time) is { } t ? $"date {t.Value} (the other unstated)" : "no date";
        string mode = m.Mode == EventMode.None ? "" : "/" + EventNames.Of(m.Mode);
        why = string.Create(CultureInfo.InvariantCulture,
            $"'{m.Range.Slice(text)}' ({EventNames.Of(m.Status)}) is the '{e.Range.Slice(text)}' at {e.Start}: same type {EventNames.Of(m.Type)}{mode}; {actorsWhy}; {placeWhy}; {dateWhy}");
        return true;
    }

    /// <summary>
    /// Whether mention statuses can describe one event: equal; a plan or outcome and an unconfirmed report of it; a
    /// later cancellation, postponement or denial of a plan (<c>Das geplante Gipfeltreffen findet nicht statt … die
    /// Absage</c>); a denial restated (<c>keine solchen Pläne</c>). A plan and a negation stay apart: <c>ein Treffen
    /// werde nicht erwartet</c> is another meeting than the one planned.
    /// </summary>
    private static bool StatusesCompatible(EventStatus earlier, EventStatus later) =>
        earlier == later
        || (earlier == EventStatus.Unconfirmed && later is EventStatus.Planned or EventStatus.Held)
        || (later == EventStatus.Unconfirmed && earlier is EventStatus.Planned or EventStatus.Held)
        || (later is EventStatus.Cancelled or EventStatus.Postponed or EventStatus.Denied
            && earlier is EventStatus.Planned or EventStatus.Unconfirmed or EventStatus.Negated or EventStatus.Cancelled or EventStatus.Postponed or EventStatus.Denied)
        || (earlier is EventStatus.Cancelled or EventStatus.Postponed or EventStatus.Denied && later is EventStatus.Negated or EventStatus.Unconfirmed);

    /// <summary>The status of the folded event: an update (denial, cancellation) beats what it updates; a plan or outcome beats an unconfirmed report.</summary>
    private static int Rank(EventStatus s) => s switch
    {
        EventStatus.Denied => 7,
        EventStatus.Cancelled => 6,
        EventStatus.Postponed => 5,
        EventStatus.Negated => 4,
        EventStatus.Held => 3,
        EventStatus.Planned => 2,
        _ => 1,
    };

    private static bool SamePlace(EventPlace a, EventPlace b) =>
        a.EntityId is not null && b.EntityId is not null ? a.EntityId == b.EntityId : string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase);

    private static bool SameActor(EventActor a, EventActor b) =>
        string.Equals(a.Name, b.Name, StringComparison.OrdinalIgnoreCase) || (a.EntityId is not null && a.EntityId == b.EntityId);

    private static bool DatesCompatible(string? a, string? b)
    {
        if (a is null || b is null || a == b) return true;
        // Why: a vague value (PRESENT_REF, a season) says nothing against a day; only two known ranges can conflict.
        if (EventMerger.DateRange(a) is not { } x || EventMerger.DateRange(b) is not { } y) return true;
        return x.From <= y.To && y.From <= x.To;
    }

    private static void AddParties(HashSet<string> parties, ImmutableArray<EventActor> actors)
    {
        foreach (var a in actors) parties.Add(EventCodes.OfName(a.Name) ?? a.Name);
    }

    private static void Fold(Group g, EventMention m, string why)
    {
        var e = g.Event;
        var actors = e.Actors.ToBuilder();
        foreach (var a in m.Actors)
            if (!actors.Any(x => SameActor(x, a))) actors.Add(a);
        AddParties(g.Parties, m.Actors);
        var time = e.Time;
        if (m.Time is { } mt && (time is not { } et || Narrower(mt.Value, et.Value))) time = mt;
        var status = Rank(m.Status) > Rank(e.Status) ? m.Status : e.Status;
        g.Event = e with
        {
            Actors = actors.ToImmutable(),
            Place = e.Place ?? m.Place,
            Time = time,
            Status = status,
            // An unconfirmed mention carries the Unconfirmed flag (the extractor sets it with the status), so the union keeps it.
            Flags = e.Flags | m.Flags,
            Attribution = e.Attribution ?? m.Attribution,
            QuoteIndex = e.QuoteIndex >= 0 ? e.QuoteIndex : m.QuoteIndex,
            Confidence = Math.Min(0.95f, Math.Max(e.Confidence, m.Confidence) + 0.05f),
        };
        g.Others.Add(new EventReference(m.Start, m.End, m.TriggerParts, m.Status, m.Flags, m.Attribution, m.SentenceStart, m.SentenceEnd, m.QuoteIndex, why));
    }

    /// <summary>Whether value <paramref name="a"/> names fewer days than <paramref name="b"/> (a day within a weekend).</summary>
    private static bool Narrower(string a, string b)
    {
        if (EventMerger.DateRange(a) is not { } x) return false;
        if (EventMerger.DateRange(b) is not { } y) return true;
        return x.To.DayNumber - x.From.DayNumber < y.To.DayNumber - y.From.DayNumber;
    }

    /// <summary>The two words before the trigger (<c>zu den</c>, <c>die jüngsten</c>), for the reason.</summary>
    private static string Before(string text, EventMention m)
    {
        var (w1, w2) = PrecedingWords(text, m.Start);
        return w2.Length == 0 ? w1 : w2 + " " + w1;
    }

    /// <summary><c>die Gespräche</c>, <c>bei dem Treffen</c>, <c>die geplanten Gespräche</c>: a definite noun phrase refers back.</summary>
    private static bool RefersBack(string text, EventMention m)
    {
        if (!char.IsUpper(text[m.Start])) return false;
        var (w1, w2) = PrecedingWords(text, m.Start);
        if (Definite.Contains(w1)) return true;
        // One adjective between ("die geplanten Gespräche"), lower case.
        return w1.Length > 0 && char.IsLower(w1[0]) && Definite.Contains(w2);
    }

    /// <summary><c>An dem Treffen soll auch … teilgenommen haben</c>, <c>am Treffen</c>: a definite reference that adds participants.</summary>
    private static bool TakesPart(string text, EventMention m)
    {
        var (w1, w2) = PrecedingWords(text, m.Start);
        return w1.Equals("am", StringComparison.OrdinalIgnoreCase) || (w2.Equals("an", StringComparison.OrdinalIgnoreCase) && Definite.Contains(w1));
    }

    private static bool AnnouncesAnother(string text, EventMention m)
    {
        var (w1, w2) = PrecedingWords(text, m.Start);
        return Another.Contains(w1) || Another.Contains(w2);
    }

    private static (string, string) PrecedingWords(string text, int start)
    {
        var w1 = WordBefore(text, start, out int s1);
        var w2 = s1 > 0 ? WordBefore(text, s1, out _) : "";
        return (w1, w2);
    }

    private static string WordBefore(string text, int end, out int start)
    {
        int i = end;
        while (i > 0 && char.IsWhiteSpace(text[i - 1])) i--;
        int e = i;
        while (i > 0 && char.IsLetter(text[i - 1])) i--;
        start = i;
        return text[i..e];
    }
}
