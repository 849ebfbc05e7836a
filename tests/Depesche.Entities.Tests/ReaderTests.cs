using System.Text;
using Depesche.Entities.Ner;
using Xunit;

namespace Depesche.Entities.Tests;

public class GermEvalReaderTests
{
    private const string Fixture =
        "#\thttp://example.org/a\t[2009-10-17]\n" +
        "1\tDie\tO\tO\n" +
        "2\tBrahms-Abend\tB-LOCpart\tO\n" +
        "3\tin\tO\tO\n" +
        "4\tFC\tB-ORG\tO\n" +
        "5\tNordstern\tI-ORG\tO\n" +
        "6\tLübeck\tI-ORG\tB-LOC\n" +
        "\n" +
        "#\thttp://example.org/b\n" +
        "1\tdeutsche\tB-LOCderiv\tO\n" +
        "2\tWir\u00ADkung\tO\tO\n" +
        "\n";

    [Fact]
    public void Reads_sentences_tags_and_sources()
    {
        var s = GermEvalReader.Read(new StringReader(Fixture)).ToList();
        Assert.Equal(2, s.Count);
        Assert.Equal("Die Brahms-Abend in FC Nordstern Lübeck", s[0].Text);
        Assert.Equal("http://example.org/a", s[0].Source);
        Assert.Equal(["O", "B-LOCpart", "O", "B-ORG", "I-ORG", "I-ORG"], s[0].Outer.Select(t => NerLabels.Tags[t]));
        Assert.Equal("B-LOC", NerLabels.Tags[s[0].Inner[5]]);
        var chunks = NerLabels.Chunks(s[0].Outer);
        Assert.Equal([new Chunk(1, 2, NerLabels.ChunkId("LOCpart")), new Chunk(3, 6, NerLabels.ChunkId("ORG"))], chunks);
    }

    [Fact]
    public void Removes_soft_hyphens_like_the_2022_fix()
    {
        var s = GermEvalReader.Read(new StringReader(Fixture)).ToList();
        Assert.Equal("Wirkung", s[1].TokenString(1));
        Assert.Equal("B-LOCderiv", NerLabels.Tags[s[1].Outer[0]]);
    }

    [Fact]
    public void Unknown_tag_is_a_format_error_with_line_number()
    {
        var ex = Assert.Throws<FormatException>(() => GermEvalReader.Read(new StringReader("1\tX\tB-MISC\tO\n")).ToList());
        Assert.Contains("line 1", ex.Message);
    }

    [Fact]
    public void Chunks_follow_conlleval_for_stray_inside_tags()
    {
        // I-PER after O starts a chunk; I-LOC after B-PER starts another.
        int[] tags = [0, NerLabels.TagId("I-PER"), NerLabels.TagId("I-PER"), NerLabels.TagId("B-PER"), NerLabels.TagId("I-LOC")];
        Assert.Equal([new Chunk(1, 3, 0), new Chunk(3, 4, 0), new Chunk(4, 5, 3)], NerLabels.Chunks(tags));
    }
}

public class SmartDataReaderTests
{
    // v1 style: JSON Lines, lower-case hyphenated types; v3 style: upper-case types, pretty-printed objects back to back.
    private const string Docs =
        """{"id":"a","text":{"string":"In Basel zeigt Lindqvist den Falter vor. Der schwedische Hersteller und US-Medien."},"refids":{"map":{"source":"news"}},"conceptMentions":{"array":[{"span":{"start":3,"end":8},"type":"location-city"},{"span":{"start":15,"end":24},"type":"organization-company"},{"span":{"start":29,"end":35},"type":"product"},{"span":{"start":45,"end":56},"type":"location"},{"span":{"start":72,"end":74},"type":"location"}]}}""" + "\n" +
        """
        {
          "id": "b",
          "text": {"string": "Hanna Kowalk sprach."},
          "refids": {"map": {"source": "rss"}},
          "conceptMentions": {"array": [{"span": {"start": 0, "end": 12}, "type": "PERSON"}]}
        }
        """;

    [Fact]
    public void Reads_both_layouts_and_folds_types()
    {
        var docs = SmartDataReader.ReadDocuments(Encoding.UTF8.GetBytes(Docs));
        Assert.Equal(["a", "b"], docs.Select(d => d.Id));
        Assert.Equal("rss", docs[1].Source);

        var s = SmartDataReader.ToSentences(docs[0]);
        Assert.Equal(2, s.Count);
        string Tags(GoldSentence g) => string.Join(" ", Enumerable.Range(0, g.Count).Select(i => g.TokenString(i) + "/" + NerLabels.Tags[g.Outer[i]]));
        Assert.Equal("In/O Basel/B-LOC zeigt/O Lindqvist/B-ORG den/O Falter/O vor/O ./O", Tags(s[0]));
        // A lower-case location mention is a derived form; a mention inside a token is a part.
        Assert.Equal("Der/O schwedische/B-LOCderiv Hersteller/O und/O US-Medien/B-LOCpart ./O", Tags(s[1]));

        var p = SmartDataReader.ToSentences(docs[1]);
        Assert.Equal("Hanna/B-PER Kowalk/I-PER sprach/O ./O", Tags(p[0]));
    }

    [Fact]
    public void Partial_mode_lets_unlabelled_tokens_be_oth_deriv_or_part()
    {
        var docs = SmartDataReader.ReadDocuments(Encoding.UTF8.GetBytes(Docs));
        var s = SmartDataReader.ToSentences(docs[1], partial: true)[0];
        Assert.NotNull(s.Allowed);
        Assert.Equal(1u << NerLabels.TagId("B-PER"), s.Allowed![0]);
        uint o = s.Allowed[2];
        Assert.True((o & 1u) != 0);
        Assert.True((o & (1u << NerLabels.TagId("B-OTH"))) != 0);
        Assert.True((o & (1u << NerLabels.TagId("B-LOCderiv"))) != 0);
        Assert.False((o & (1u << NerLabels.TagId("B-LOC"))) != 0);
    }
}
