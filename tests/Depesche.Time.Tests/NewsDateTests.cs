using Xunit;

namespace Depesche.Time.Tests;

/// <summary>News mode, dates: weekdays, relative days, weeks, months, years. Published Thursday 2025-12-18 (2025-W51) unless stated.</summary>
public sealed class NewsDateTests
{
    [Theory]
    // Präteritum: the Tuesday before.
    [InlineData("2025-12-18", "Der Kanzler sagte am Dienstag, er sei zufrieden.", "Dienstag => 2025-12-16")]
    // Present with a planning verb: the coming Monday, not the past one (which is nearer).
    [InlineData("2025-12-18", "Die Minister treffen sich am Montag in Brüssel.", "Montag => 2025-12-22")]
    // Plain present without planning: the nearest Monday (three days back beats four ahead).
    [InlineData("2025-12-18", "Am Montag ist es in Brüssel ruhig.", "Montag => 2025-12-15")]
    [InlineData("2025-12-18", "Freitagabend will die Regierung entscheiden.", "Freitagabend => 2025-12-19TEV")]
    [InlineData("2025-12-18", "Die Agentur meldete am Mittwochabend neue Zahlen.", "Mittwochabend => 2025-12-17TEV")]
    // An explicit date after the weekday wins.
    [InlineData("2025-12-18", "Die Zahlen kommen am Freitag, 19. Dezember.", "Freitag, 19. Dezember => 2025-12-19")]
    [InlineData("2025-12-18", "Die Zahlen kamen am Montag, dem 15.12.2025, heraus.", "Montag, dem 15.12.2025 => 2025-12-15")]
    // A past-tense clause that sets a day soon after the article: the coming date, not last year's.
    [InlineData("2026-01-08", "Die Koalition hat ein Treffen für den 20. Januar angesetzt.", "20. Januar => 2026-01-20")]
    // Past tense and a day well after the article's date in the year: last year's.
    [InlineData("2026-01-08", "Am 20. Mai hatte der Rat getagt.", "20. Mai => 2025-05-20")]
    // A weak preterite ("explodierten") is past without an auxiliary.
    [InlineData("2025-12-19", "In Bagdad explodierten am Donnerstagabend vier Autobomben.", "Donnerstagabend => 2025-12-18TEV")]
    // A modifier between "vor" and the count keeps the date reading.
    [InlineData("2025-12-18", "Vor knapp zwei Jahren hatte das Regime gedroht.", "Vor knapp zwei Jahren => 2023 APPROX")]
    [InlineData("2025-12-18", "Gestern hatte der Rat getagt, heute beginnt die Sitzung, morgen soll abgestimmt werden.", "Gestern => 2025-12-17 | heute => 2025-12-18 | morgen => 2025-12-19")]
    [InlineData("2025-12-18", "Übermorgen reist sie ab, vorgestern war sie noch in Paris.", "Übermorgen => 2025-12-20 | vorgestern => 2025-12-16")]
    [InlineData("2025-12-18", "Heute Abend spricht der Präsident.", "Heute Abend => 2025-12-18TEV")]
    [InlineData("2025-12-18", "Am gestrigen Mittwoch hatte der Rat getagt.", "gestrigen Mittwoch => 2025-12-17")]
    [InlineData("2025-12-18", "Eine Freilassung sei am heutigen Tag möglich.", "heutigen Tag => 2025-12-18")]
    // "vor zwei Wochen" is a date at week granularity (TIMEX3 "two weeks ago").
    [InlineData("2025-12-18", "Der Anschlag war vor zwei Wochen.", "vor zwei Wochen => 2025-W49")]
    [InlineData("2025-12-18", "Vor drei Tagen hatte der Vulkan Asche ausgestoßen.", "Vor drei Tagen => 2025-12-15")]
    [InlineData("2025-12-18", "Die Wahl findet in drei Tagen statt.", "in drei Tagen => 2025-12-21")]
    [InlineData("2025-12-18", "Kommende Woche trifft sich der Rat.", "Kommende Woche => 2025-W52")]
    [InlineData("2025-12-18", "Am Mittwoch kommender Woche soll abgestimmt werden.", "Mittwoch kommender Woche => 2025-12-24")]
    [InlineData("2025-12-18", "Am Montag dieser Woche hatte der Rat getagt.", "Montag dieser Woche => 2025-12-15")]
    [InlineData("2025-12-18", "In der vergangenen Woche waren die Kurse gefallen.", "vergangenen Woche => 2025-W50")]
    // Past tense on a Thursday: the weekend before.
    [InlineData("2025-12-18", "Am Wochenende hatte es Proteste gegeben.", "Wochenende => 2025-W50-WE")]
    // Published on a Saturday: "kommendes Wochenende" is the next one.
    [InlineData("2025-12-20", "Am kommenden Wochenende soll gewählt werden.", "kommenden Wochenende => 2025-W52-WE")]
    [InlineData("2025-12-18", "Anfang Dezember hatte die Bank die Zinsen gesenkt.", "Anfang Dezember => 2025-12 START")]
    [InlineData("2025-12-18", "Mitte des Monats soll das Gesetz in Kraft treten.", "Mitte des Monats => 2025-12 MID")]
    [InlineData("2025-12-18", "Im vergangenen Jahr stieg der Umsatz um zwei Prozent.", "vergangenen Jahr => 2024")]
    [InlineData("2025-12-18", "Der Vorstand hatte im Vorjahr Verluste gemacht.", "Vorjahr => 2024")]
    [InlineData("2025-12-18", "Nächsten Monat soll die Reform kommen.", "Nächsten Monat => 2026-01")]
    [InlineData("2025-12-18", "Die Firma wurde am 18. Dezember 2025 gegründet.", "18. Dezember 2025 => 2025-12-18")]
    [InlineData("2025-12-18", "Der Vertrag wurde am 18.12.2025 unterzeichnet.", "18.12.2025 => 2025-12-18")]
    [InlineData("2025-12-18", "Im Dezember war der Absatz gestiegen.", "Dezember => 2025-12")]
    // A month after the publication month: future tense looks ahead, past tense back.
    [InlineData("2025-12-18", "Im März soll die Anlage fertig sein.", "März => 2026-03")]
    [InlineData("2025-12-18", "Im März war die Anlage fertig.", "März => 2025-03")]
    // The month after publication in a past-tense clause is a nominal future, not eleven months back.
    [InlineData("2025-11-03", "Gas kostete zur Lieferung im Dezember rund 31 Euro.", "Dezember => 2025-12")]
    // Present without markers: the nearer 24 December.
    [InlineData("2025-12-18", "Am 24. Dezember bleiben die Geschäfte geschlossen.", "24. Dezember => 2025-12-24")]
    [InlineData("2025-12-18", "Die Zahl hat sich seit 2025 verdoppelt.", "2025 => 2025")]
    // After an article, a year needs a participle to follow ("die 1400 hessischen Soldaten" is a count).
    [InlineData("2025-12-18", "Der 1936 gegründete Verein feiert.", "1936 => 1936")]
    [InlineData("2025-12-18", "Die 1400 hessischen Soldaten ergaben sich.", "")]
    [InlineData("2025-12-18", "Das Gesetz wurde im Jahr 2020 beschlossen.", "Jahr 2020 => 2020")]
    [InlineData("2025-12-18", "Ende 2024 war die Inflation gesunken.", "Ende 2024 => 2024 END")]
    [InlineData("2025-12-18", "Die Musik der 1990er Jahre ist zurück.", "1990er Jahre => 199")]
    // Summer before a December article, in the past: this year's.
    [InlineData("2025-12-18", "Im Sommer hatte die Regierung gewechselt.", "Sommer => 2025-SU")]
    [InlineData("2025-12-18", "Im dritten Quartal stieg der Gewinn.", "dritten Quartal => 2025-Q3")]
    [InlineData("2025-12-18", "Im ersten Halbjahr war der Umsatz gestiegen.", "ersten Halbjahr => 2025-H1")]
    // Future tense in December: next year's first half.
    [InlineData("2025-12-18", "Im ersten Halbjahr soll der Umsatz steigen.", "ersten Halbjahr => 2026-H1")]
    [InlineData("2025-12-18", "Am 24. Dezember bleiben die Läden zu, an Silvester auch.", "24. Dezember => 2025-12-24 | Silvester => 2025-12-31")]
    // Movable feasts are dated from Easter (2026-04-05; Pfingstmontag 2026-05-25).
    [InlineData("2025-12-18", "Bis Ostern soll das Gesetz stehen, spätestens bis Pfingstmontag.", "Ostern => 2026-04-05 | Pfingstmontag => 2026-05-25")]
    [InlineData("2025-12-18", "An Karfreitag hatte es gestürmt.", "Karfreitag => 2025-04-18")]
    [InlineData("2025-12-18", "Anfang nächster Woche soll gewählt werden.", "Anfang nächster Woche => 2025-W52 START")]
    public void Dates(string published, string sentence, string expected) => TaggerAssert.Tags(published, sentence, expected);

    [Theory]
    // A count, not a year.
    [InlineData("Rund 1500 Menschen demonstrierten in der Stadt.")]
    [InlineData("Das Ticket kostet 2000 Euro.")]
    // A decimal count is not "5 Jahre".
    [InlineData("Die Strafe beträgt 3,5 Prozent.")]
    [InlineData("Der 1. FC Köln gewann mit 2:1.")]
    // A first name, not the month.
    [InlineData("Die Rede von August Bebel wurde oft zitiert.")]
    // "eines Tages" is an idiom, not a duration.
    [InlineData("Eines Tages wird er zurückkommen.")]
    public void No_expression(string sentence) => TaggerAssert.Tags("2025-12-18", sentence, "");
}
