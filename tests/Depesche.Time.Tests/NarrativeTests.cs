using Depesche.Time;
using Xunit;

namespace Depesche.Time.Tests;

/// <summary>Narrative mode: the last explicit date anchors what follows; "heute" is the writer's present.</summary>
public sealed class NarrativeTests
{
    [Theory]
    [InlineData("1936 eroberten die Truppen die Stadt. Am 26. Juli folgte der Angriff. Zwei Tage später fiel die Stadt.",
        "1936 => 1936 | 26. Juli => 1936-07-26 | Zwei Tage später => 1936-07-28")]
    [InlineData("Im Oktober 1789 zog der Zug nach Versailles, das heute ein Museum ist.", "Oktober 1789 => 1789-10 | heute => PRESENT_REF")]
    // The range's closing year dates its opening month, and the story goes on from the range's start.
    [InlineData("Die Kämpfe dauerten von Januar 1775 bis März 1776. Im Juni zogen die Truppen ab.",
        "Januar 1775 => 1775-01 | März 1776 => 1776-03 | Juni => 1775-06")]
    // A year after a noun names an event ("Teilung Polens 1772") and does not move the anchor.
    [InlineData("Im Jahr 1920 galt das für die Güter seit der Teilung Polens 1772. Am 18. Oktober trat der Vertrag in Kraft.",
        "Jahr 1920 => 1920 | 1772 => 1772 | 18. Oktober => 1920-10-18")]
    [InlineData("Am 4. Juli 1776 wurde die Erklärung verabschiedet. Am folgenden Tag feierte die Stadt.",
        "4. Juli 1776 => 1776-07-04 | folgenden Tag => 1776-07-05")]
    // Years before the common era: TIMEX2/TIMEX3 write "BC0218"; the anchor keeps the era.
    [InlineData("Im Jahr 218 v. Chr. überquerte Hannibal die Alpen. Im Herbst zog er weiter.", "Jahr 218 v. Chr. => BC0218 | Herbst => BC0218-FA")]
    [InlineData("490 v. Chr. siegten die Athener, zehn Jahre später folgte Salamis.", "490 v. Chr. => BC0490 | zehn Jahre später => BC0480")]
    [InlineData("Im Spätsommer 1940 begann die Luftschlacht, die bis Mitte der 1940er Jahre nachwirkte.", "Spätsommer 1940 => 1940-SU END | Mitte der 1940er Jahre => 194 MID")]
    [InlineData("Ende des 18. Jahrhunderts wuchs die Stadt.", "Ende des 18. Jahrhunderts => 17 END")]
    // A year in parentheses is an aside and leaves the anchor where it was; "Monate später" gives only a direction.
    [InlineData("Im Jahr 1939 berief man sich auf den Vertrag von Versailles (1919). Im September begann der Krieg, Monate später war Polen besetzt.",
        "Jahr 1939 => 1939 | 1919 => 1919 | September => 1939-09 | Monate später => FUTURE_REF")]
    public void Narrative(string text, string expected) => TaggerAssert.Tags("2011-02-16", text, expected, TimeMode.Narrative);
}
