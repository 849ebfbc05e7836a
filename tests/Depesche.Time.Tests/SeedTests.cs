using Xunit;

namespace Depesche.Time.Tests;

/// <summary>The expectations of the seed article (dpa-AFX, published Thursday 2025-12-18), on sentences written after it.</summary>
public sealed class SeedTests
{
    private const string Published = "2025-12-18";

    [Theory]
    [InlineData("Neben den Gesprächen soll es am kommenden Wochenende weitere Treffen geben.", "kommenden Wochenende => 2025-W51-WE")]
    [InlineData("\"Am Freitag und Samstag wird unser Team in den USA sein.\"", "Freitag => 2025-12-19 | Samstag => 2025-12-20")]
    // Plusquamperfekt ("hatte … gegeben"): the last Sunday and Monday before the Thursday.
    [InlineData("In Berlin hatte es am Sonntag und Montag Verhandlungen gegeben.", "Sonntag => 2025-12-14 | Montag => 2025-12-15")]
    [InlineData("Der Unterhändler wird ebenfalls gegen Ende der Woche in Miami erwartet.", "gegen Ende der Woche => 2025-W51 END")]
    [InlineData("Ein Treffen werde im Augenblick nicht erwartet.", "im Augenblick => PRESENT_REF")]
    [InlineData("Der Plan war zuletzt in Berlin weiterentwickelt worden.", "zuletzt => PAST_REF")]
    public void Seed_expectations(string sentence, string expected) => TaggerAssert.Tags(Published, sentence, expected);
}
