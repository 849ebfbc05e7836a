using Depesche.Core;
using Xunit;

namespace Depesche.Events.Tests;

/// <summary>Repeated mentions of one event in one article (invented texts): what joins, what stays apart, and why.</summary>
public class EventCoreferenceTests
{
    private const string Prefix = " date 2025-12-18 BERLIN (dpa) - ";

    private static IReadOnlyList<EventMention> Run(string body) => EventTestKit.Run(Prefix + body).Events;

    [Fact]
    public void A_definite_reference_joins_the_event_and_adds_its_place_date_and_people()
    {
        var events = Run("Vertreter der USA und Russlands wollen sich treffen. Das Treffen soll am Samstag in Genf stattfinden. "
                       + "An dem Treffen soll auch Witkoff teilnehmen.");
        var e = Assert.Single(events);
        Assert.Equal("CONSULT planned [USA, Russland, Witkoff] @Genf 2025-12-20", EventTestKit.Render(e));
        Assert.Equal(2, e.OtherMentions.Length);
        Assert.All(e.OtherMentions, m => Assert.Contains("refers back", m.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void A_later_mention_naming_some_of_the_parties_joins_one_naming_another_side_does_not()
    {
        var events = Run("In Miami sind Gespräche zwischen den USA und Russland geplant. Mit der russischen Seite soll Kushner die Gespräche führen. "
                       + "Geplant seien außerdem Gespräche zwischen Umjerow und Witkoff.");
        Assert.Equal(2, events.Count);
        // Kushner acts for the USA, one of the parties already named.
        Assert.Equal("CONSULT planned [USA, Russland, Kushner] @Miami -", EventTestKit.Render(events[0]));
        Assert.Contains("Umjerow", events[1].Actors.Select(a => a.Name));
        Assert.DoesNotContain("Umjerow", events[0].Actors.Select(a => a.Name));
    }

    [Fact]
    public void A_negated_meeting_is_not_the_planned_one_and_another_meeting_is_another()
    {
        var events = Run("Ein Treffen zwischen den USA und Russland ist für Freitag geplant. Ein Treffen zwischen den USA, Russland und der Ukraine werde nicht erwartet. "
                       + "Ein weiteres Treffen der USA mit Russland könnte folgen.");
        Assert.Equal(["planned", "negated", "hypothetical"], events.Select(e => EventNames.Of(e.Status)));
        Assert.All(events, e => Assert.Empty(e.OtherMentions));
    }

    [Fact]
    public void Different_places_or_dates_keep_events_apart()
    {
        var events = Run("Die USA und Russland verhandeln am Montag in Genf. Die USA und Russland verhandeln am Donnerstag in Genf. "
                       + "Die USA und Russland verhandeln außerdem in Wien.");
        Assert.Equal(3, events.Count);
    }

    [Fact]
    public void A_cancellation_of_a_planned_meeting_updates_it()
    {
        var events = Run("Das geplante Gipfeltreffen von Trump und Putin in Budapest findet vorerst nicht statt. Das teilte das Weiße Haus mit.");
        var e = Assert.Single(events);
        Assert.Equal(EventStatus.Cancelled, e.Status);
    }

    [Fact]
    public void Where_the_source_sits_is_not_the_place_of_the_event_it_joins()
    {
        var events = Run("Die EU wollen am Donnerstag über neue Hilfen beraten. Merz werde an dem Treffen teilnehmen, hieß es aus Regierungskreisen in Berlin.");
        var e = Assert.Single(events);
        Assert.Contains("Merz", e.Actors.Select(a => a.Name));
        Assert.Null(e.Place);
    }

    [Fact]
    public void Speech_acts_stay_separate_utterances()
    {
        var events = Run("Selenskyj forderte neue Sanktionen gegen Russland. Selenskyj forderte erneut Sanktionen gegen Russland.");
        Assert.Equal(2, events.Count(e => e.Type == EventType.Request));
    }

    [Fact]
    public void Further_mentions_keep_their_own_evidence_and_status()
    {
        const string body = "Die USA und Russland wollen am Samstag in Genf verhandeln. Die Verhandlungen seien vertraulich, berichtete \"Politico\".";
        var (a, events) = EventTestKit.Run(Prefix + body);
        var e = Assert.Single(events);
        var m = Assert.Single(e.OtherMentions);
        Assert.Equal("Verhandlungen", m.Range.Slice(a.Text));
        Assert.StartsWith("Die Verhandlungen seien", m.Evidence.Slice(a.Text), StringComparison.Ordinal);
        Assert.Equal(EventFlags.Reported, m.Flags & EventFlags.Reported);
        Assert.Equal(EventFlags.Reported, e.Flags & EventFlags.Reported);
        Assert.Equal("Politico", m.Attribution?.Name);
    }
}
