using Depesche.Time;
using Xunit;

namespace Depesche.Time.Tests;

public sealed class TenseDetectorTests
{
    [Theory]
    [InlineData("Am Freitag wird die Delegation in Genf sein.", Tense.Future)]
    [InlineData("Im Frühjahr soll es eine neue Runde geben.", Tense.Future)]
    [InlineData("In Berlin hatte es Verhandlungen gegeben.", Tense.Past)]
    [InlineData("Der Minister hat den Plan vorgestellt.", Tense.Past)]
    [InlineData("Der Minister hat den Plan bestätigt.", Tense.Past)]
    [InlineData("Die Ministerin sagte, sie sei zufrieden.", Tense.Past)]
    [InlineData("Russland lehnt solche Truppen ab.", Tense.Present)]
    public void Detects(string sentence, Tense expected) => Assert.Equal(expected, TenseDetector.Detect(sentence));
}
