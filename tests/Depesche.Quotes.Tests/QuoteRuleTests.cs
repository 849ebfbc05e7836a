using Depesche.Core;
using Xunit;

namespace Depesche.Quotes.Tests;

/// <summary>Wire-style sentences, written for these tests, and what the rules must find in them.</summary>
public class QuoteRuleTests
{
    [Theory]
    // kind, message (exact), cue, speaker mention, text
    [InlineData(QuoteKind.Direct, "„Wir werden die Verhandlungen fortsetzen“", "sagte", "Bundeskanzler Friedrich Merz",
        "„Wir werden die Verhandlungen fortsetzen“, sagte Bundeskanzler Friedrich Merz am Montag in Berlin.")]
    // colon introduction, French guillemets
    [InlineData(QuoteKind.Direct, "»Die Lage an der Grenze ist ernst.«", "erklärte", "Die Ministerin",
        "Die Ministerin erklärte: »Die Lage an der Grenze ist ernst.«")]
    // Swiss guillemets and a genitive speaker
    [InlineData(QuoteKind.Direct, "«Wir haben keine Wahl»", "sagte", "der Sprecher des Bundesrats",
        "«Wir haben keine Wahl», sagte der Sprecher des Bundesrats.")]
    [InlineData(QuoteKind.Direct, "\"Die Gespräche waren konstruktiv\"", "sagte", "ein Sprecher des Auswärtigen Amts",
        "\"Die Gespräche waren konstruktiv\", sagte ein Sprecher des Auswärtigen Amts.")]
    // single low-high quotes and a name with "von der"
    [InlineData(QuoteKind.Direct, "‚Das ist ein guter Tag für Europa‘", "sagte", "Kommissionspräsidentin Ursula von der Leyen",
        "‚Das ist ein guter Tag für Europa‘, sagte Kommissionspräsidentin Ursula von der Leyen.")]
    // a quote of two sentences
    [InlineData(QuoteKind.Direct, "„Wir sind bereit. Die Truppen stehen an der Grenze“", "sagte", "der General",
        "„Wir sind bereit. Die Truppen stehen an der Grenze“, sagte der General.")]
    // nested quotes stay inside the outer one
    [InlineData(QuoteKind.Direct, "„Er sagte mir: ‚Wir kommen morgen.‘ Dann legte er auf“", "berichtete", "die Zeugin",
        "„Er sagte mir: ‚Wir kommen morgen.‘ Dann legte er auf“, berichtete die Zeugin.")]
    // separable verb: teilte … mit
    [InlineData(QuoteKind.Indirect, "Die Verhandlungen seien gescheitert", "teilte … mit", "das Außenministerium in Paris",
        "Die Verhandlungen seien gescheitert, teilte das Außenministerium in Paris am Abend mit.")]
    [InlineData(QuoteKind.Indirect, "dass die Grenzkontrollen verlängert würden", "sagte", "Innenministerin Nancy Faeser",
        "Innenministerin Nancy Faeser sagte, dass die Grenzkontrollen verlängert würden.")]
    // Konjunktiv I in a V2 clause without "dass"
    [InlineData(QuoteKind.Indirect, "die Regierung werde an ihrem Kurs festhalten", "betonte", "Der Sprecher",
        "Der Sprecher betonte, die Regierung werde an ihrem Kurs festhalten.")]
    // separable verb with a zu-infinitive: kündigte … an
    [InlineData(QuoteKind.Indirect, "die Preise zu erhöhen", "kündigte … an", "Die Bahn",
        "Die Bahn kündigte an, die Preise zu erhöhen.")]
    [InlineData(QuoteKind.Indirect, "wurden bei dem Unfall drei Menschen verletzt", "Laut", "Polizei",
        "Laut Polizei wurden bei dem Unfall drei Menschen verletzt.")]
    [InlineData(QuoteKind.Indirect, "soll der Minister zurücktreten", "zufolge", "Dem Bericht der Zeitung",
        "Dem Bericht der Zeitung zufolge soll der Minister zurücktreten.")]
    // the SpkAtt convention: the source of "nach Angaben" includes "Angaben"
    [InlineData(QuoteKind.Indirect, "brach das Feuer in der Nacht aus", "Nach", "Angaben der Feuerwehr",
        "Nach Angaben der Feuerwehr brach das Feuer in der Nacht aus.")]
    [InlineData(QuoteKind.Indirect, "Der Konzern will 2000 Stellen streichen", "wie … berichtete", "das \"Handelsblatt\"",
        "Der Konzern will 2000 Stellen streichen, wie das \"Handelsblatt\" berichtete.")]
    [InlineData(QuoteKind.Indirect, "Die Gespräche sollen am Freitag fortgesetzt werden", "hieß … es", "Regierungskreisen",
        "Die Gespräche sollen am Freitag fortgesetzt werden, hieß es aus Regierungskreisen.")]
    // clause-final "so" + speaker
    [InlineData(QuoteKind.Direct, "„Wir sind vorbereitet“", "so", "der Sprecher der Feuerwehr",
        "„Wir sind vorbereitet“, so der Sprecher der Feuerwehr.")]
    [InlineData(QuoteKind.Indirect, "Die Lage sei unter Kontrolle", "so", "Bürgermeisterin Anna Weber",
        "Die Lage sei unter Kontrolle, so Bürgermeisterin Anna Weber.")]
    // a genitive plural without article belongs to the source
    [InlineData(QuoteKind.Indirect, "wurden zwei Grenzposten beschädigt", "Nach", "Angaben örtlicher Sicherheitskreise",
        "Nach Angaben örtlicher Sicherheitskreise wurden zwei Grenzposten beschädigt.")]
    [InlineData(QuoteKind.Indirect, "hat die Band ihre Tournee abgesagt", "Nach", "Angaben ihres Managers",
        "Nach Angaben ihres Managers hat die Band ihre Tournee abgesagt.")]
    // appositions with an indefinite article, and one that ends at a colon
    [InlineData(QuoteKind.Indirect, "Die Brücke bleibe bis Freitag gesperrt", "sagte", "Sean Murphy, ein Sprecher der Stadtwerke",
        "Die Brücke bleibe bis Freitag gesperrt, sagte Sean Murphy, ein Sprecher der Stadtwerke.")]
    [InlineData(QuoteKind.Direct, "„Wir fahren trotz des Sturms weiter.“", "sagte", "Lena Berg, Chefin der Reederei",
        "Auf der Pressekonferenz sagte Lena Berg, Chefin der Reederei: „Wir fahren trotz des Sturms weiter.“")]
    [InlineData(QuoteKind.Indirect, "Der Komet könnte im Frühjahr sichtbar werden", "sagte", "Ann Lee, Professorin am Institute of Astronomy",
        "Der Komet könnte im Frühjahr sichtbar werden, sagte Ann Lee, Professorin am Institute of Astronomy.")]
    // a web address as the source
    [InlineData(QuoteKind.Indirect, "wurde die Sitzung des Stadtrats vertagt", "Laut", "stadtblog.de",
        "Laut stadtblog.de wurde die Sitzung des Stadtrats vertagt.")]
    // thought verbs with an object and no clause report an assessment
    [InlineData(QuoteKind.Reported, "Die Feuerwehr geht von Brandstiftung aus.", "geht … aus", "Die Feuerwehr",
        "Die Feuerwehr geht von Brandstiftung aus.")]
    [InlineData(QuoteKind.Reported, "Die Stiftung schätzt die Schäden auf zwei Millionen Euro.", "schätzt", "Die Stiftung",
        "Die Stiftung schätzt die Schäden auf zwei Millionen Euro.")]
    // a fronted object: the bare name after the verb is the subject
    [InlineData(QuoteKind.Reported, "Eine Verlängerung der Frist nannte Hofmann überflüssig.", "nannte", "Hofmann",
        "Eine Verlängerung der Frist nannte Hofmann überflüssig.")]
    // reported speech: separable verb, no clause
    [InlineData(QuoteKind.Reported, "Russland lehnt eine Waffenruhe ab.", "lehnt … ab", "Russland",
        "Russland lehnt eine Waffenruhe ab.")]
    // a negated speech verb reports, it does not render
    [InlineData(QuoteKind.Reported, "Peskow sagte nicht, wann das Treffen stattfinden soll.", "sagte", "Peskow",
        "Peskow sagte nicht, wann das Treffen stattfinden soll.")]
    [InlineData(QuoteKind.Reported, "Das Ministerium wies die Vorwürfe zurück.", "wies … zurück", "Das Ministerium",
        "Das Ministerium wies die Vorwürfe zurück.")]
    // passive: the grammatical subject is not the speaker; the agent is a "von" phrase, as SpkAtt marks it
    [InlineData(QuoteKind.Indirect, "an dem Überfall beteiligt gewesen zu sein", "vorgeworfen", "",
        "Dem Fahrer wird vorgeworfen, an dem Überfall beteiligt gewesen zu sein.")]
    [InlineData(QuoteKind.Indirect, "dass die Brücke gesperrt bleibe", "mitgeteilt", "von einem Sprecher der Stadt",
        "Am Abend wurde von einem Sprecher der Stadt mitgeteilt, dass die Brücke gesperrt bleibe.")]
    // "wie" + adverb + speaker, and a separable verb split inside the subordinate clause
    [InlineData(QuoteKind.Indirect, "sind die Straßen wieder frei", "Wie … sagte", "die Polizei",
        "Wie schon die Polizei sagte, sind die Straßen wieder frei.")]
    [InlineData(QuoteKind.Indirect, "Der Hafen bleibt bis Montag geschlossen", "wie … gab", "die Behörde",
        "Der Hafen bleibt bis Montag geschlossen, wie die Behörde bekannt gab.")]
    // a focus particle before the subject
    [InlineData(QuoteKind.Indirect, "dass die Einigung halte", "glaubt", "Winfried Maier",
        "Auch Winfried Maier glaubt, dass die Einigung halte.")]
    // a verb in -e right after the subject reads as Konjunktiv I
    [InlineData(QuoteKind.Indirect, "er freue sich auf die neue Aufgabe", "sagte", "Der Trainer",
        "Der Trainer sagte bei seiner Vorstellung, er freue sich auf die neue Aufgabe.")]
    // a speech noun with a genitive speaker and a zu-infinitive
    [InlineData(QuoteKind.Indirect, "die Gespräche sofort wieder aufzunehmen", "Forderung", "des Vorsitzenden",
        "Die Partei reagierte kühl auf die Forderung des Vorsitzenden, die Gespräche sofort wieder aufzunehmen, und vertagte sich.")]
    [InlineData(QuoteKind.Reported, "Der Konzern drohte mit einer Klage.", "drohte", "Der Konzern",
        "Der Konzern drohte mit einer Klage.")]
    // a fronted object: the pronoun after the verb is the speaker
    [InlineData(QuoteKind.Reported, "Eine Verschiebung der Wahl bezeichnete er als Fehler.", "bezeichnete", "er",
        "Eine Verschiebung der Wahl bezeichnete er als Fehler.")]
    // lower-case particles inside names, and a preposition inside an organisation's name
    [InlineData(QuoteKind.Indirect, "Die Lage sei ruhig", "sagte", "Innenminister Thomas de Maizière",
        "Die Lage sei ruhig, sagte Innenminister Thomas de Maizière.")]
    [InlineData(QuoteKind.Indirect, "dass drei Flugzeuge gelandet seien", "teilte … mit", "Ärzte ohne Grenzen",
        "Ärzte ohne Grenzen teilte mit, dass drei Flugzeuge gelandet seien.")]
    // a cue at the end of a relative clause: SpkAtt marks the relative pronoun as the source
    [InlineData(QuoteKind.Indirect, "die Regeln seien unklar", "erklärte", "der",
        "Die Klage kam von einem Verband, der erklärte, die Regeln seien unklar.")]
    [InlineData(QuoteKind.Indirect, "die Zahl der Unfälle gestiegen sei", "nach", "der",
        "Die Debatte beruht auf einer Studie, nach der die Zahl der Unfälle gestiegen sei.")]
    // "wonach": the phrase before the comma is the source
    [InlineData(QuoteKind.Indirect, "in der Nacht Schüsse gefallen seien", "wonach", "Berichte",
        "Am Morgen gab es Berichte, wonach in der Nacht Schüsse gefallen seien.")]
    // a name with an apposition the phrase rules do not parse, before a cue whose clause follows: no "MSG, sagte X"
    [InlineData(QuoteKind.Indirect, "es sei unfassbar", "sagte", "Anna Roth, seit 2019 Leiterin der Feuerwehr",
        "Anna Roth, seit 2019 Leiterin der Feuerwehr, sagte am Abend, es sei unfassbar.")]
    // a cue verb coordinated with an earlier verb shares its subject
    [InlineData(QuoteKind.Indirect, "dass er bewaffnet sei", "teilte … mit", "Der Mann",
        "Der Mann verständigte am Abend selbst die Polizei und teilte mit, dass er bewaffnet sei.")]
    // a speech noun the main clause holds as its object: the clause's subject is the speaker
    [InlineData(QuoteKind.Indirect, "die Reform sei verfehlt", "Ansicht", "Der Verband der Lehrer",
        "Der Verband der Lehrer vertritt weiterhin die Ansicht, die Reform sei verfehlt.")]
    // an attribution inside a relative clause attributes that clause, not the sentence
    [InlineData(QuoteKind.Indirect, "die nach Angaben der Ermittler eine Bombe enthalten sollte", "nach", "Angaben der Ermittler",
        "Die Polizei fand am Bahnhof eine Tasche, die nach Angaben der Ermittler eine Bombe enthalten sollte.")]
    // "wie" + a speaker with an apposition closed by a comma
    [InlineData(QuoteKind.Indirect, "bleibt die Brücke gesperrt", "Wie … mitteilte", "Anna Roth, Sprecherin der Stadtwerke",
        "Wie Anna Roth, Sprecherin der Stadtwerke, am Abend mitteilte, bleibt die Brücke gesperrt.")]
    // "In dem Bericht heißt es": the document is the source
    [InlineData(QuoteKind.Indirect, "die Lage sei ernst", "heißt … es", "dem Bericht der Kommission",
        "In dem Bericht der Kommission heißt es, die Lage sei ernst.")]
    // a demonstrative pronoun as the subject
    [InlineData(QuoteKind.Indirect, "dass er am Abend Schüsse gehört habe", "bestätigte", "Dieser",
        "Dieser bestätigte, dass er am Abend Schüsse gehört habe.")]
    // a sentence adverb first: the subject follows the verb
    [InlineData(QuoteKind.Reported, "Überraschend kritisierte der Verband die Pläne der Regierung.", "kritisierte", "der Verband",
        "Überraschend kritisierte der Verband die Pläne der Regierung.")]
    // "von der" / "aus dem" + noun: membership and origin belong to the speaker's phrase
    [InlineData(QuoteKind.Indirect, "Der Komet sei gut zu sehen", "sagte", "Jane Greaves von der Universität Oxford",
        "Der Komet sei gut zu sehen, sagte Jane Greaves von der Universität Oxford.")]
    [InlineData(QuoteKind.Indirect, "Die Zahlen seien geschönt", "sagte", "ein Mitarbeiter aus dem Ministerium",
        "Die Zahlen seien geschönt, sagte ein Mitarbeiter aus dem Ministerium.")]
    // a quoted name inside an apposition
    [InlineData(QuoteKind.Indirect, "Die Verletzten seien außer Lebensgefahr", "sagte", "Mark Otto, der Sprecher der so genannten „Notfall-Ambulanz“",
        "Die Verletzten seien außer Lebensgefahr, sagte Mark Otto, der Sprecher der so genannten „Notfall-Ambulanz“.")]
    // a quoted name after "vom", and a lower-case agency name
    [InlineData(QuoteKind.Indirect, "Die Lage sei ruhig", "sagte", "Anna Berg vom „Roten Kreuz Bayern“",
        "Die Lage sei ruhig, sagte Anna Berg vom „Roten Kreuz Bayern“.")]
    [InlineData(QuoteKind.Indirect, "wurden zwei Menschen verletzt", "Nach", "Angaben der Agenturen dpa und AFP",
        "Nach Angaben der Agenturen dpa und AFP wurden zwei Menschen verletzt.")]
    // a separable verb whose particle follows an apposition between commas
    [InlineData(QuoteKind.Indirect, "Es habe kein Notsignal gegeben", "teilte … mit", "der Direktor der Behörde, Bagus Puruhito",
        "Es habe kein Notsignal gegeben, teilte der Direktor der Behörde, Bagus Puruhito, mit.")]
    // a court's decision renders its content
    [InlineData(QuoteKind.Indirect, "dass die Verordnung nichtig ist", "entschieden", "Das Gericht",
        "Das Gericht hat am Freitag entschieden, dass die Verordnung nichtig ist.")]
    // clause-final "so" + speaker + adverb
    [InlineData(QuoteKind.Direct, "„Das reicht nicht“", "so", "Müller",
        "„Das reicht nicht“, so Müller wörtlich.")]
    // "hieß es vom/bei X"
    [InlineData(QuoteKind.Indirect, "Die Lage sei ruhig", "hieß … es", "Sprecher Mark Toner",
        "Die Lage sei ruhig, hieß es vom Sprecher Mark Toner.")]
    [InlineData(QuoteKind.Indirect, "die Lage sei ruhig", "hieß … es", "der Agentur Reuters",
        "Bei der Agentur Reuters hieß es, die Lage sei ruhig.")]
    // a fronted subordinate clause, then the reported main clause in Konjunktiv
    [InlineData(QuoteKind.Indirect, "sobald die Frist abläuft, werde der Druck zunehmen", "befürchtet", "Der Minister",
        "Der Minister befürchtet, sobald die Frist abläuft, werde der Druck zunehmen.")]
    // "hervorgehen aus": the document is the source
    [InlineData(QuoteKind.Indirect, "wurden im Bezirk drei Kämpfer getötet", "Wie … hervorgeht", "einer Mitteilung der Armee",
        "Wie aus einer Mitteilung der Armee hervorgeht, wurden im Bezirk drei Kämpfer getötet.")]
    public void Finds_the_quote(QuoteKind kind, string message, string cue, string speaker, string text)
    {
        var a = QuoteTestKit.Analyse(text);
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(message, a.MessageText(q));
        Assert.Equal(cue, a.CueText(q));
        Assert.Equal(speaker, a.SpeakerText(q));
    }

    [Theory]
    [InlineData("Die Zeitung \"Politico\" erscheint in Washington.")]
    [InlineData("Der Film „Im Westen nichts Neues“ gewann vier Preise.")]
    [InlineData("Nach dem Spiel fuhren die Fans nach Hause.")]
    [InlineData("Die Angaben der Behörde waren lückenhaft.")]
    // "drohen" without "mit" is an impending sanction, not a threat someone utters
    [InlineData("Dem Fahrer drohen nun bis zu zehn Jahre Haft.")]
    // a court passing a sentence condemns nobody in words
    [InlineData("Das Landgericht verurteilte den Fahrer am Montag zu drei Jahren Haft.")]
    // "sich äußern" with nothing said
    [InlineData("Die Ministerin äußerte sich am Abend zufrieden über das Ergebnis.")]
    // a first-person present indicative is no Konjunktiv I
    [InlineData("Der Regisseur dreht einen Film in Berlin. Dort habe ich viel über Licht gelernt.")]
    [InlineData("Der Regisseur dreht einen Film in Berlin. Ich arbeite mit ihm und plane einen Kurzfilm.")]
    // a fronted subordinate clause before the verb is not a message
    [InlineData("Nachdem die Fans gegangen waren, räumte der Verein das Stadion.")]
    public void Titles_and_plain_statements_are_no_quotes(string text) => Assert.Empty(QuoteTestKit.Quotes(text));

    [Fact]
    public void A_speech_noun_in_a_prepositional_phrase_leaves_the_subject_out()
    {
        var a = QuoteTestKit.Analyse("Die Partei reagierte kühl auf die Forderung, die Gespräche sofort wieder aufzunehmen.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("die Gespräche sofort wieder aufzunehmen", a.MessageText(q));
        Assert.True(q.Speaker.IsEmpty);
    }

    [Theory]
    // a fronted object in the introducing sentence: the subject after the finite verb speaks
    [InlineData("Die Fraktion tagte am Abend. Den Ärger der Partei über die Pläne brachte die Sprecherin der Fraktion, Anna Kurz, zum Ausdruck: „Es gibt keinen Grund, jetzt aufzugeben.“",
        "die Sprecherin der Fraktion, Anna Kurz")]
    // "…, so X weiter:" introduces the quote that follows
    [InlineData("Der Bürgermeister warnte vor Panik. Die Lage sei ernst, so Müller weiter: „Wir müssen jetzt handeln.“", "Müller")]
    public void A_colon_introducer_gives_the_direct_quote_its_speaker(string text, string speaker)
    {
        var a = QuoteTestKit.Analyse(text);
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items, x => x.Kind == QuoteKind.Direct);
        Assert.Equal(speaker, a.SpeakerText(q));
    }

    [Fact]
    public void A_sentence_that_ends_with_a_colon_is_an_introducer_not_reported_speech()
    {
        var a = QuoteTestKit.AnalyseSentences("Der Senatssprecher kritisierte den Kurs der Gewerkschaft :", "„ Das ist verantwortungslos . “");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(QuoteKind.Direct, q.Kind);
        Assert.Equal("Der Senatssprecher", a.SpeakerText(q));
    }

    [Fact]
    public void A_cue_clause_closed_by_a_colon_hands_cue_and_subject_to_the_quote_in_the_next_sentence()
    {
        var a = QuoteTestKit.AnalyseSentences("Nach ersten Gerüchten teilte dessen Stellvertreter am Abend mit :", "„ Er ruft uns morgen an . “");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items, x => x.Kind == QuoteKind.Direct);
        Assert.Equal("dessen Stellvertreter", a.SpeakerText(q));
        Assert.Equal("teilte … mit", a.CueText(q));
    }

    [Fact]
    public void An_introducer_with_an_adverb_first_has_its_subject_after_the_verb()
    {
        var a = QuoteTestKit.AnalyseSentences("Hier sparte der Bundespräsident auch nicht mit Kritik :", "„ Jeder sollte das wissen . “");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("der Bundespräsident", a.SpeakerText(q));
    }

    [Fact]
    public void A_colon_that_ends_the_sentence_is_not_part_of_the_indirect_message()
    {
        var a = QuoteTestKit.AnalyseSentences("Der Trainer sagte , die Mannschaft sei gestärkt :", "„ Wir haben viel gelernt . “");
        var q = a.Get<Layer<Quote>>(LayerName.Quotes).Items.First(x => x.Kind == QuoteKind.Indirect);
        Assert.Equal("die Mannschaft sei gestärkt", a.MessageText(q));
    }

    [Fact]
    public void A_second_cue_coordinated_after_a_message_ends_it_and_has_its_own()
    {
        var a = QuoteTestKit.Analyse("Die Abgeordnete erklärte, die Reform sei gescheitert, und kündigte an, gegen das Gesetz zu klagen.");
        var qs = a.Get<Layer<Quote>>(LayerName.Quotes).Items;
        Assert.Equal(2, qs.Length);
        Assert.Equal("die Reform sei gescheitert", a.MessageText(qs[0]));
        Assert.Equal("gegen das Gesetz zu klagen", a.MessageText(qs[1]));
        Assert.Equal("kündigte … an", a.CueText(qs[1]));
        Assert.Equal("Die Abgeordnete", a.SpeakerText(qs[1]));
    }

    [Theory]
    [InlineData("Im Mai wurde bekannt, dass der Konzern seine Sparte verkauft.", "dass der Konzern seine Sparte verkauft")]
    [InlineData("Wie gestern bekannt wurde, befindet sich unter den Opfern ein Kind.", "befindet sich unter den Opfern ein Kind")]
    public void What_became_known_is_indirect_speech_without_speaker(string text, string message)
    {
        var a = QuoteTestKit.Analyse(text);
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(message, a.MessageText(q));
        Assert.True(q.Speaker.IsEmpty);
    }

    [Fact]
    public void Dies_geht_aus_X_hervor_attributes_the_sentence_before_to_X()
    {
        var a = QuoteTestKit.Analyse("Der Konzern plant einen Umbau. Dies geht aus einer Mitteilung des Vorstands hervor.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.StartsWith("Der Konzern plant einen Umbau", a.MessageText(q), StringComparison.Ordinal);
        Assert.Equal("einer Mitteilung des Vorstands", a.SpeakerText(q));
    }

    [Fact]
    public void Konjunktiv_without_a_speaker_in_reach_is_indirect_speech_without_speaker()
    {
        var a = QuoteTestKit.Analyse("Der Zug hielt in Köln. Die Strecke sei wegen eines Unwetters gesperrt.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(QuoteKind.Indirect, q.Kind);
        Assert.Equal("Die Strecke sei wegen eines Unwetters gesperrt.", a.MessageText(q));
        Assert.True(q.Speaker.IsEmpty);
    }

    [Theory]
    [InlineData("Der Direktor erklärte, Nordkorea besitze Atomwaffen. Die Behörde gehe davon aus, dass das Land weiter rüste.",
        "Die Behörde gehe davon aus, dass das Land weiter rüste.")]
    [InlineData("Der Sprecher sagte, die Lage sei ernst. Ferner habe die Polizei festgestellt, dass zwei Autos brannten.",
        "Ferner habe die Polizei festgestellt, dass zwei Autos brannten.")]
    public void A_cue_in_Konjunktiv_after_a_quote_is_itself_reported(string text, string message)
    {
        var a = QuoteTestKit.Analyse(text);
        var qs = a.Get<Layer<Quote>>(LayerName.Quotes).Items;
        Assert.Equal(2, qs.Length);
        Assert.Equal(message, a.MessageText(qs[1]));
        Assert.Equal(a.SpeakerText(qs[0]), a.SpeakerText(qs[1]));
    }

    [Fact]
    public void Sollen_right_after_a_quote_continues_it()
    {
        var a = QuoteTestKit.Analyse("Der Sprecher sagte, die Einigung sei erzielt. Die Truppen sollen im Mai abziehen.");
        var qs = a.Get<Layer<Quote>>(LayerName.Quotes).Items;
        Assert.Equal(2, qs.Length);
        Assert.Equal("Die Truppen sollen im Mai abziehen.", a.MessageText(qs[1]));
        Assert.Equal("Der Sprecher", a.SpeakerText(qs[1]));
    }

    [Fact]
    public void Sollen_in_a_relative_clause_does_not_continue_a_quote()
    {
        var a = QuoteTestKit.Analyse("Der Sprecher sagte, die Einigung sei erzielt. Der Abschnitt ist das erste Projekt, das privat finanziert werden soll.");
        Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
    }

    [Fact]
    public void Konjunktiv_II_in_a_relative_clause_does_not_continue_a_quote()
    {
        var a = QuoteTestKit.Analyse("Der Sprecher sagte, die Lage sei ruhig. Die Stadt baut eine Brücke, die den Verkehr entlasten würde.");
        Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
    }

    [Fact]
    public void Reportative_sollen_with_a_perfect_infinitive_is_indirect_speech()
    {
        var a = QuoteTestKit.Analyse("Das Feuer brach am Morgen aus. Ein Kurzschluss soll den Brand ausgelöst haben.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("Ein Kurzschluss soll den Brand ausgelöst haben.", a.MessageText(q));
        // Deontic "sollen" with a plain infinitive is a plan, not a claim.
        Assert.Empty(QuoteTestKit.Quotes("Das Feuer brach am Morgen aus. Die Halle soll abgerissen werden."));
    }

    [Fact]
    public void Quoted_title_before_a_cue_verb_is_not_the_message()
    {
        var a = QuoteTestKit.Analyse("Kurz nach dem Start der Sendung „Tagesschau“ meldete der Sender, dass der Strom ausgefallen sei.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("dass der Strom ausgefallen sei", a.MessageText(q));
    }

    [Fact]
    public void Separable_cue_has_two_parts_in_text_order()
    {
        var a = QuoteTestKit.Analyse("Die Verhandlungen seien gescheitert, teilte das Außenministerium mit.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(2, q.Cue.Parts.Length);
        Assert.Equal(["teilte", "mit"], q.Cue.Parts.Select(p => a.Text[p.Start..p.End]));
        Assert.Equal(q.Cue.Parts[0].Start, q.Cue.Start);
        Assert.Equal(q.Cue.Parts[1].End, q.Cue.End);
    }

    [Fact]
    public void Pronoun_resolves_to_the_last_named_person()
    {
        var a = QuoteTestKit.Analyse("Außenminister Johann Wadephul traf seinen Amtskollegen in Rom. \"Wir stehen an der Seite der Ukraine\", sagte er.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(SpeakerKind.Pronoun, q.Speaker.Kind);
        Assert.Equal("er", a.SpeakerText(q));
        Assert.Equal("Wadephul", a.ReferentText(q));
    }

    [Fact]
    public void Pronoun_resolves_to_the_previous_speaker()
    {
        var a = QuoteTestKit.Analyse("Kanzler Merz sagte, die Lage sei ernst. Die Opposition widersprach. \"Wir müssen handeln\", sagte er.");
        var q = a.Get<Layer<Quote>>(LayerName.Quotes).Items.Single(x => x.Kind == QuoteKind.Direct);
        Assert.Equal("Merz", a.ReferentText(q));
    }

    [Fact]
    public void Pronoun_uses_the_entity_layer_when_present()
    {
        const string text = "Gestern traf Olaf Scholz in Paris ein. \"Wir sind vorbereitet\", sagte er.";
        int s = text.IndexOf("Olaf Scholz", StringComparison.Ordinal);
        int p = text.IndexOf("Paris", StringComparison.Ordinal);
        var a = QuoteTestKit.Analyse(text, entities: _ => new Layer<EntityMention>(LayerName.Entities, new Producer("test"),
            [new EntityMention(s, s + 11, EntityType.Person, EntityFlags.None, 0, 1f), new EntityMention(p, p + 5, EntityType.Location, EntityFlags.None, 0, 1f)]));
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("Olaf Scholz", a.ReferentText(q));
        Assert.Equal(0, q.Speaker.EntityIndex);
    }

    [Fact]
    public void Named_speaker_links_to_its_entity_mention()
    {
        const string text = "Innenministerin Nancy Faeser sagte, dass die Kontrollen blieben.";
        int s = text.IndexOf("Nancy Faeser", StringComparison.Ordinal);
        var a = QuoteTestKit.Analyse(text, entities: _ => new Layer<EntityMention>(LayerName.Entities, new Producer("test"),
            [new EntityMention(s, s + 12, EntityType.Person, EntityFlags.None, 0, 1f)]));
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(SpeakerKind.Entity, q.Speaker.Kind);
        Assert.Equal(0, q.Speaker.EntityIndex);
    }

    [Fact]
    public void Described_outlets_stay_descriptions_with_an_entity_layer()
    {
        const string text = "US-Medien berichteten, dass ein Treffen geplant sei.";
        var a = QuoteTestKit.Analyse(text, entities: _ => new Layer<EntityMention>(LayerName.Entities, new Producer("test"),
            [new EntityMention(0, 2, EntityType.Location, EntityFlags.Part, 0, 1f)]));
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(SpeakerKind.Description, q.Speaker.Kind);
        Assert.Equal(-1, q.Speaker.EntityIndex);
        Assert.Equal(SourceLinkKind.Outlet, q.Sources[0].Kind);
    }

    [Theory]
    [InlineData("Ein namentlich nicht genannter Diplomat sagte, die Gespräche seien festgefahren.")]
    [InlineData("Informierte Kreise sagten, die Gespräche seien festgefahren.")]
    [InlineData("Die Gespräche seien festgefahren, sagten Diplomaten.")]
    public void Unnamed_speakers_are_anonymous(string text)
    {
        var a = QuoteTestKit.Analyse(text);
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal(SpeakerKind.Description, q.Speaker.Kind);
        Assert.True(q.Speaker.Anonymous);
        Assert.True(q.Flags.HasFlag(QuoteFlags.Anonymous));
    }

    [Fact]
    public void Chain_runs_from_circles_through_outlets_to_the_agency()
    {
        var a = QuoteTestKit.Analyse("Die Regierung plane neue Sanktionen. Das berichteten \"Politico\" und \"Axios\" unter Berufung auf informierte Kreise.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("Die Regierung plane neue Sanktionen.", a.MessageText(q));
        Assert.Equal("informierte Kreise:Circle(anon) <- \"Politico\":Outlet <- \"Axios\":Outlet <- dpa-AFX:Agency", a.ChainText(q));
        Assert.True(q.Flags.HasFlag(QuoteFlags.Anonymous));
        Assert.False(q.Flags.HasFlag(QuoteFlags.SingleSource));
    }

    [Fact]
    public void Chain_runs_from_the_speaker_through_a_relaying_agency()
    {
        var a = QuoteTestKit.Analyse("Die Truppen seien abgezogen, teilte Verteidigungsminister Pistorius nach Angaben der Nachrichtenagentur Reuters mit.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("Verteidigungsminister Pistorius:Speaker <- Nachrichtenagentur Reuters:Agency <- dpa-AFX:Agency", a.ChainText(q));
        Assert.True(q.Flags.HasFlag(QuoteFlags.SingleSource));
    }

    [Fact]
    public void No_agency_link_without_an_agency()
    {
        var q = Assert.Single(QuoteTestKit.Quotes("Der Sprecher betonte, die Regierung werde festhalten.", agency: null));
        Assert.Equal(SourceLinkKind.Speaker, Assert.Single(q.Sources).Kind);
    }

    [Fact]
    public void A_report_not_confirmed_is_unconfirmed()
    {
        var a = QuoteTestKit.Analyse("US-Medien berichteten, dass ein Treffen geplant sei. Das Weiße Haus bestätigte die Berichte zunächst nicht.");
        var q = a.Get<Layer<Quote>>(LayerName.Quotes).Items.First();
        Assert.Equal("dass ein Treffen geplant sei", a.MessageText(q));
        Assert.True(q.Flags.HasFlag(QuoteFlags.Unconfirmed));
    }

    [Theory]
    [InlineData("Der Konzern dementierte den Bericht.")]
    [InlineData("Das Ministerium wies die Vorwürfe zurück.")]
    public void Denials_are_flagged(string text) =>
        Assert.True(Assert.Single(QuoteTestKit.Quotes(text)).Flags.HasFlag(QuoteFlags.Denied));

    [Fact]
    public void A_denied_report_is_flagged_denied()
    {
        var qs = QuoteTestKit.Quotes("Die \"Bild\"-Zeitung berichtete, der Minister trete zurück. Ein Sprecher dementierte das.");
        Assert.True(qs[0].Flags.HasFlag(QuoteFlags.Denied));
    }

    [Fact]
    public void Konjunktiv_sentences_continue_the_previous_speaker()
    {
        var a = QuoteTestKit.Analyse("Der Sprecher sagte, die Lage sei ruhig. Weitere Angriffe würden nicht erwartet.");
        var qs = a.Get<Layer<Quote>>(LayerName.Quotes).Items;
        Assert.Equal(2, qs.Length);
        Assert.Equal("Weitere Angriffe würden nicht erwartet.", a.MessageText(qs[1]));
        Assert.Equal(QuoteKind.Indirect, qs[1].Kind);
        Assert.Equal("Der Sprecher", a.SpeakerText(qs[1]));
    }

    [Fact]
    public void Free_indirect_speech_continues_only_the_quote_of_the_sentence_right_before()
    {
        var a = QuoteTestKit.Analyse("Der Sprecher sagte, die Lage sei ruhig. Am Abend regnete es in der Stadt. Weitere Angriffe würden nicht erwartet.");
        var q = Assert.Single(a.Get<Layer<Quote>>(LayerName.Quotes).Items);
        Assert.Equal("die Lage sei ruhig", a.MessageText(q));
    }

    [Fact]
    public void A_quote_attributed_by_the_sentence_after_it_is_continued_after_that_sentence()
    {
        var a = QuoteTestKit.Analyse("Die Regierung plane neue Sanktionen. Das schrieb die Zeitung \"Politico\". Ein Treffen werde nicht erwartet.");
        var qs = a.Get<Layer<Quote>>(LayerName.Quotes).Items;
        Assert.Equal(2, qs.Length);
        Assert.Equal("Ein Treffen werde nicht erwartet.", a.MessageText(qs[1]));
        Assert.Equal(a.SpeakerText(qs[0]), a.SpeakerText(qs[1]));
    }

    [Fact]
    public void A_quote_sentence_after_an_attributed_quote_inherits_the_attribution()
    {
        var a = QuoteTestKit.Analyse("Die Delegation sei unterwegs, teilte Präsidentin Sandu mit. \"Wir landen am Abend.\"");
        var qs = a.Get<Layer<Quote>>(LayerName.Quotes).Items;
        Assert.Equal(2, qs.Length);
        Assert.Equal(QuoteKind.Direct, qs[1].Kind);
        Assert.Equal("teilte … mit", a.CueText(qs[1]));
        Assert.Equal("Präsidentin Sandu", a.SpeakerText(qs[1]));
    }

    [Fact]
    public void Stage_declares_its_contract()
    {
        var stage = new QuoteStage();
        Assert.Equal("quotes.rules.v1", stage.Id);
        Assert.Equal([LayerName.Tokens, LayerName.Sentences], stage.Requires);
        Assert.Equal([LayerName.Quotes], stage.Produces);
        var pipeline = Pipeline.Build([new Depesche.Text.TokenizerStage(), stage]);
        var analysis = pipeline.Run(new Article { Id = "x", Text = "Er sagte, es sei gut." }, strict: true);
        Assert.Equal("quotes.rules.v1", analysis.Get<Layer<Quote>>(LayerName.Quotes).Producer.StageId);
    }

    [Fact]
    public void Empty_and_quote_only_texts_do_not_throw()
    {
        Assert.Empty(QuoteTestKit.Quotes(""));
        const string odd = "\"\"\" „ “ » « sagte, ,";
        foreach (var q in QuoteTestKit.Quotes(odd)) Assert.InRange(q.End, q.Start, odd.Length);
    }
}
