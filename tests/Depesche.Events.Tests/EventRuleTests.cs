using Xunit;

namespace Depesche.Events.Tests;

/// <summary>One sentence each (invented text), for the status cues and role rules; runs without the NER layer.</summary>
public class EventRuleTests
{
    private const string Prefix = " date 2025-12-18 BERLIN (dpa) - ";

    [Theory]
    // planned: "soll … stattfinden" with a weekday after publication (Thursday 2025-12-18).
    [InlineData("Ein Treffen zwischen den USA und der Ukraine soll am Samstag in Miami stattfinden.", "CONSULT planned [USA, Ukraine] @Miami 2025-12-20")]
    // held: "fand statt".
    [InlineData("Das Treffen zwischen Russland und der Ukraine fand am Dienstag in Istanbul statt.", "CONSULT held [Russland, Ukraine] @Istanbul 2025-12-16")]
    // held: "hatte es … gegeben", with two days joined into an interval.
    [InlineData("In Genf hatte es am Sonntag und Montag Verhandlungen zwischen Armenien und Aserbaidschan gegeben.", "CONSULT held [Armenien, Aserbaidschan] @Genf 2025-12-14/2025-12-15")]
    // cancelled and postponed.
    [InlineData("Das Treffen zwischen Merz und Macron in Paris wurde abgesagt.", "CONSULT cancelled [Merz, Macron] @Paris -")]
    [InlineData("Das Telefonat zwischen Merz und Putin ist verschoben worden.", "CONSULT postponed [Merz, Putin] @- -")]
    // negated: "kein Treffen", "werde … nicht erwartet".
    [InlineData("Ein Treffen zwischen Vertretern der USA und Russlands werde nicht erwartet.", "CONSULT negated [USA, Russland] @- -")]
    [InlineData("Es gebe kein Treffen mit Trump.", "CONSULT negated [Trump] @- -")]
    // hypothetical: "könnte".
    [InlineData("Ein Treffen zwischen Russland und der Ukraine könnte in Istanbul stattfinden.", "CONSULT hypothetical [Russland, Ukraine] @Istanbul -")]
    // denied.
    [InlineData("Der Kreml dementierte, dass es Gespräche mit den USA gegeben habe.", "CONSULT denied [Russland, USA] @- -")]
    // A rejection with a separable verb; the speech act carries no place or time of its own.
    [InlineData("Russland lehnt am Montag in Moskau Truppen aus Nato-Staaten kategorisch ab.", "REJECT asserted [Russland, NATO] @- -")]
    // A proposal of a meeting is a CONSULT with mode propose; who would meet is not who proposes.
    [InlineData("Erdogan bot an, ein Treffen zwischen Russland und der Ukraine auszurichten.", "CONSULT asserted [Erdogan] @- -")]
    // An announced strike is the strike, planned, by whoever announced it.
    [InlineData("Die Gewerkschaften kündigten für Freitag einen Generalstreik an.", "PROTEST planned [Gewerkschaften] @- 2025-12-19")]
    // What talks are about is neither a participant nor an event of its own.
    [InlineData("Die EU-Außenminister beraten am Freitag in Brüssel über neue Hilfen für die Ukraine.", "CONSULT planned [EU] @Brüssel 2025-12-19")]
    // A condemned attack still happened; its attacker is the accusation's target.
    [InlineData("Die Ukraine verurteilte neue russische Angriffe auf Charkiw.", "ACCUSE asserted [Ukraine, Russland] @- -|ASSAULT held [Russland] @Charkiw -")]
    // A verb and a noun of one type are one event, the noun's target joins the verb's subject.
    [InlineData("Die US-Regierung hat neue Sanktionen gegen Russland verhängt.", "SANCTION held [USA, Russland] @- -")]
    public void Status_and_roles(string sentence, string expected)
    {
        var (_, events) = EventTestKit.Run(Prefix + sentence);
        Assert.Equal(expected, string.Join("|", events.Select(EventTestKit.Render)));
    }

    [Fact]
    public void A_target_is_marked_as_such()
    {
        var (_, events) = EventTestKit.Run(Prefix + "Die US-Regierung hat neue Sanktionen gegen Russland verhängt.");
        var e = Assert.Single(events);
        Assert.Equal(Depesche.Core.ActorRole.Source, e.Actors[0].Role);
        Assert.Equal(Depesche.Core.ActorRole.Target, e.Actors[1].Role);
        Assert.Equal("163", e.Cameo);
    }

    [Fact]
    public void Evidence_is_the_sentence_and_offsets_point_into_the_text()
    {
        var (a, events) = EventTestKit.Run(Prefix + "Merz telefonierte am Mittwoch mit Trump. Russland kritisierte das.");
        var e = events[0];
        Assert.Equal("telefonierte", a.Text[e.Start..e.End]);
        Assert.Equal("Merz telefonierte am Mittwoch mit Trump.", a.Text[e.SentenceStart..e.SentenceEnd]);
        Assert.All(e.Actors, x => Assert.Equal(x.Name, a.Text[x.Start..x.End]));
        Assert.Equal(Depesche.Core.EventMode.Phone, e.Mode);
        Assert.Equal("2025-12-17", e.Time?.Value);
    }
}
