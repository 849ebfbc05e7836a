using Depesche.Entities.Ner;
using Xunit;

namespace Depesche.Entities.Tests;

public class HistoricReaderTests
{
    private static string Tags(GoldSentence s) =>
        string.Join(" ", Enumerable.Range(0, s.Count).Select(i => s.TokenString(i) + "/" + NerLabels.Tags[s.Outer[i]]));

    [Fact]
    public void Europeana_runs_are_cut_into_sentences_at_a_full_stop_before_a_capital()
    {
        var lines = new[] { "Der O", "Kaiser O", "reiste O", "nach O", "Wien B-LOC", ". O", "Graf B-PER", "Taaffe I-PER", "blieb O", ". O", "ohne" };
        var s = HistoricNerReader.ReadEuropeana(lines, "fixture.bio");
        Assert.Equal(2, s.Count);
        Assert.Equal("Der/O Kaiser/O reiste/O nach/O Wien/B-LOC ./O", Tags(s[0]));
        Assert.Equal("Graf/B-PER Taaffe/I-PER blieb/O ./O ohne/O", Tags(s[1]));
        Assert.Equal("europeana:fixture.bio", s[0].Source);
    }

    [Fact]
    public void Europeana_document_headers_cut_sentences_and_multi_word_lines_become_tokens()
    {
        var lines = new[] { "# file:\t\tF_1", "# sbb url:\thttp://example.org/a", "Herr O", "von B-PER", "Bülow I-PER", "# file:\t\tF_2", "Die Böhminger O", "Bezüglich  O" };
        var s = HistoricNerReader.ReadEuropeana(lines, "x.bio");
        Assert.Equal(2, s.Count);
        Assert.Equal("Herr/O von/B-PER Bülow/I-PER", Tags(s[0]));
        Assert.Equal("Die/O Böhminger/O Bezüglich/O", Tags(s[1]));
    }

    [Fact]
    public void Unannotated_tokens_may_be_oth_deriv_or_part_but_not_a_plain_type()
    {
        var s = HistoricNerReader.ReadEuropeana(["die O", "wiener O", "Hofburg B-LOC"], "x.bio")[0];
        uint loose = s.Allowed![1];
        Assert.True((loose & 1u) != 0);
        Assert.True((loose & (1u << NerLabels.TagId("B-LOCderiv"))) != 0);
        Assert.True((loose & (1u << NerLabels.TagId("B-OTH"))) != 0);
        Assert.False((loose & (1u << NerLabels.TagId("B-LOC"))) != 0);
        Assert.Equal(1u << NerLabels.TagId("B-LOC"), s.Allowed[2]);
    }

    [Fact]
    public void A_lower_case_mention_becomes_a_derived_form_and_a_stray_inside_tag_begins_a_chunk()
    {
        var s = HistoricNerReader.ReadEuropeana(["die O", "österreichische B-LOC", "Armee O", "und O", "Metternich I-PER"], "x.bio")[0];
        Assert.Equal("die/O österreichische/B-LOCderiv Armee/O und/O Metternich/B-PER", Tags(s));
    }

    private const string Header = "TOKEN\tNE-COARSE-LIT\tNE-COARSE-METO\tNE-FINE-LIT\tNE-FINE-METO\tNE-FINE-COMP\tNE-NESTED\tNEL-LIT\tNEL-METO\tMISC";

    private static string Row(string token, string tag, string misc = "_") => $"{token}\t{tag}\t_\tO\t_\t_\tO\t_\t_\t{misc}";

    [Fact]
    public void Hipe_sentences_end_at_EndOfSentence_and_words_broken_at_a_line_end_are_joined()
    {
        var lines = new[]
        {
            Header, "# hipe2022:document_id = doc_1",
            Row("Die", "O"), Row("Fett¬", "O", "NoSpaceAfter|EndOfLine"), Row("waarenfabrik", "O"), Row("Moll", "B-PER"),
            Row(".", "O", "EndOfSentence"), Row("Wien", "B-LOC"), Row("schläft", "O"),
        };
        var s = HistoricNerReader.ReadHipe(lines, "HIPE-2022-v2.1-newseye-dev-de.tsv");
        Assert.Equal(2, s.Count);
        Assert.Equal("Die/O Fettwaarenfabrik/O Moll/B-PER ./O", Tags(s[0]));
        Assert.Equal("Wien/B-LOC schläft/O", Tags(s[1]));
        Assert.Equal("hipe:doc_1", s[0].Source);
    }

    [Fact]
    public void Hipe_product_and_time_mentions_are_left_unannotated()
    {
        var s = HistoricNerReader.ReadHipe([Header, Row("Faust", "B-HumanProd"), Row("1895", "B-time")], "sonar-dev.tsv")[0];
        Assert.Equal("Faust/O 1895/O", Tags(s));
    }

    [Fact]
    public void The_non_commercial_hipe2020_subset_is_refused() =>
        Assert.Throws<ArgumentException>(() => HistoricNerReader.ReadHipe([Header], "HIPE-2022-v2.1-hipe2020-train-de.tsv"));

    [Fact]
    public void A_hipe_row_with_missing_columns_names_the_file_and_line()
    {
        var e = Assert.Throws<FormatException>(() => HistoricNerReader.ReadHipe([Header, "Wien\tB-LOC"], "sonar-dev.tsv"));
        Assert.Contains("sonar-dev.tsv:2", e.Message);
    }
}

public class GazetteerResourceTests
{
    [Fact]
    public void Demonym_list_inflects_nouns_and_adjectives()
    {
        var forms = NerResources.DemonymForms().ToHashSet(StringComparer.Ordinal);
        foreach (var f in new[] { "Spanier", "Spaniern", "Spanierin", "Spanierinnen", "Dänen", "Franzosen", "Französin", "Briten", "Israelis",
                     "spanischen", "Französische", "russischer", "Moskauer", "Zyprioten" })
            Assert.Contains(f, forms);
        Assert.DoesNotContain("Spanien", forms);
    }

    [Fact]
    public void First_names_come_from_several_languages_in_latin_script()
    {
        var names = NerResources.FirstNames().ToHashSet(StringComparer.Ordinal);
        foreach (var n in new[] { "Claire", "Sven", "Yvonne", "Jan", "Caroline", "Giovanni", "Mehmet" }) Assert.Contains(n, names);
        Assert.All(names, n => Assert.True(char.IsUpper(n[0]) && !n.Contains(' ') && n.All(c => !char.IsLetter(c) || c <= '\u024F'), n));
    }

    [Theory]
    [InlineData("Dänemarks", 1)]
    [InlineData("Bush's", 2)]
    [InlineData("Lenz'", 1)]
    [InlineData("Bus", 0)]       // too short to be an inflected name worth a lookup
    [InlineData("bereits", 0)]   // lower case
    [InlineData("Berlin", 0)]
    public void Genitive_endings_are_cut_from_capitalised_words(string token, int cut) =>
        Assert.Equal(cut, NerFeatures.InflectionCut(token));

    [Theory]
    [InlineData("Pulheimer", 2)]
    [InlineData("Wuppertalern", 3)]
    [InlineData("Regensburgers", 3)]
    [InlineData("Bauer", 0)]     // too short for a place plus -er
    [InlineData("moskauer", 0)]
    public void City_demonym_endings_are_cut(string token, int cut) =>
        Assert.Equal(cut, NerFeatures.DemonymCut(token));

    [Fact]
    public void A_genitive_or_demonym_of_a_listed_place_gets_features_a_plain_word_does_not()
    {
        var b = new Gazetteer.Builder();
        b.Add(Gazetteer.Kind.Country, "Dänemark");
        b.Add(Gazetteer.Kind.City, "Pulheim");
        var gaz = b.Build();
        var with = new NerFeatures(FeatureSet.Version2, gaz, WordClusters.Empty, 16);
        var without = new NerFeatures(FeatureSet.All, gaz, WordClusters.Empty, 16);
        int Count(NerFeatures f, string token)
        {
            var s = new GoldSentence(["in", token, "heute"], [0, 0, 0]);
            var buf = new FeatureBuffer();
            f.Extract(s.Text, s.Starts, s.Ends, buf);
            return buf.Offsets[2] - buf.Offsets[1];
        }
        Assert.True(Count(with, "Dänemarks") > Count(without, "Dänemarks"));
        Assert.True(Count(with, "Pulheimer") > Count(without, "Pulheimer"));
        Assert.Equal(Count(without, "Kaufhauses"), Count(with, "Kaufhauses"));
    }
}
