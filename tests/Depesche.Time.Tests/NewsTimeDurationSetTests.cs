using Xunit;

namespace Depesche.Time.Tests;

/// <summary>News mode: times of day, ranges, durations, references and sets. Published Thursday 2025-12-18.</summary>
public sealed class NewsTimeDurationSetTests
{
    [Theory]
    [InlineData("Die Sitzung beginnt um 14 Uhr.", "14 Uhr => 2025-12-18T14:00")]
    [InlineData("Der Zug fährt um 14.30 Uhr MEZ ab.", "14.30 Uhr MEZ => 2025-12-18T14:30")]
    // A time after a weekday takes that day.
    [InlineData("Am Freitag um 9 Uhr soll die Abstimmung beginnen.", "Freitag => 2025-12-19 | 9 Uhr => 2025-12-19T09:00")]
    [InlineData("Am frühen Morgen hatte es gebrannt.", "frühen Morgen => 2025-12-18TMO START")]
    [InlineData("Am Abend wurde die Einigung verkündet.", "Abend => 2025-12-18TEV")]
    // The night is dated by its evening; both weekdays belong to one expression.
    [InlineData("In der Nacht von Dienstag auf Mittwoch hatte es gebrannt.", "Nacht von Dienstag auf Mittwoch => 2025-12-16TNI")]
    [InlineData("In der Nacht zum Sonntag war es ruhig geblieben.", "Nacht zum Sonntag => 2025-12-14TNI")]
    public void Times(string sentence, string expected) => TaggerAssert.Tags("2025-12-18", sentence, expected);

    [Theory]
    // Each end of a range is its own expression; the first day takes the month of the second.
    [InlineData("Die Messe läuft vom 3. bis 5. März.", "3. => 2026-03-03 | 5. März => 2026-03-05")]
    [InlineData("Zwischen 2019 und 2021 war die Zahl gesunken.", "2019 => 2019 | 2021 => 2021")]
    [InlineData("Von Juli bis Oktober 2024 war das Werk geschlossen.", "Juli => 2024-07 | Oktober 2024 => 2024-10")]
    public void Ranges(string sentence, string expected) => TaggerAssert.Tags("2025-12-18", sentence, expected);

    [Theory]
    // "fast" → APPROX, as WikiWarsDE annotates "fast zwei Jahre".
    [InlineData("Der Krieg dauert seit fast vier Jahren an.", "fast vier Jahren => P4Y APPROX")]
    // Hours after "in" stay a duration: the publication time of day is often unknown.
    [InlineData("Die Entscheidung soll in zwei Stunden fallen.", "zwei Stunden => PT2H")]
    [InlineData("Die Verhandlungen dauerten drei Tage.", "drei Tage => P3D")]
    [InlineData("Das Parlament hat binnen einer Woche entschieden.", "einer Woche => P1W")]
    [InlineData("Der Streik soll zwei Wochen lang dauern.", "zwei Wochen lang => P2W")]
    [InlineData("Die Sitzung dauerte mehr als zehn Stunden.", "mehr als zehn Stunden => PT10H MORE_THAN")]
    [InlineData("Nach anderthalb Stunden war alles vorbei.", "anderthalb Stunden => PT1H30M")]
    [InlineData("Die Haft dauerte 3,5 Jahre.", "3,5 Jahre => P3.5Y")]
    [InlineData("Nach dem zweiwöchigen Streik fuhren die Züge wieder.", "zweiwöchigen => P2W")]
    [InlineData("Seit Jahren wird darüber gestritten.", "Seit Jahren => PXY")]
    public void Durations(string sentence, string expected) => TaggerAssert.Tags("2025-12-18", sentence, expected);

    [Theory]
    [InlineData("Derzeit gibt es keine Pläne, aktuell wird geprüft.", "Derzeit => PRESENT_REF | aktuell => PRESENT_REF")]
    [InlineData("Künftig sollen die Regeln strenger sein.", "Künftig => FUTURE_REF")]
    [InlineData("Die Firma hatte kürzlich Stellen gestrichen.", "kürzlich => PAST_REF")]
    // "nicht zuletzt" means "not least".
    [InlineData("Das liegt nicht zuletzt am Wetter.", "")]
    public void References(string sentence, string expected) => TaggerAssert.Tags("2025-12-18", sentence, expected);

    [Theory]
    [InlineData("Der Rat tagt jeden Montag.", "jeden Montag => XXXX-WXX-1")]
    [InlineData("Die Zeitung erscheint täglich, das Magazin wöchentlich.", "täglich => P1D | wöchentlich => P1W")]
    [InlineData("Montags bleibt das Museum geschlossen.", "Montags => XXXX-WXX-1")]
    [InlineData("Der Bus fährt alle zwei Stunden.", "alle zwei Stunden => PT2H")]
    [InlineData("Es gibt drei Flüge pro Woche.", "pro Woche => P1W")]
    public void Sets(string sentence, string expected) => TaggerAssert.Tags("2025-12-18", sentence, expected);
}
