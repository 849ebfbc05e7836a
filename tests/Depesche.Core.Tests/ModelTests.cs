using Depesche.Core;
using Xunit;

namespace Depesche.Core.Tests;

public class ModelTests
{
    private static Article Article(string text) => new() { Id = Core.Article.IdFromText(text), Text = text };

    [Fact]
    public void Analysis_with_returns_a_new_analysis_and_never_replaces_a_layer()
    {
        var a0 = new Analysis(Article("Text"));
        var layer = new Layer<TextRange>(new LayerName("x"), new Producer("t"), [new TextRange(0, 2)]);
        var a1 = a0.With(layer);
        Assert.False(a0.Has(layer.Name));
        Assert.True(a1.Has(layer.Name));
        Assert.Throws<InvalidOperationException>(() => a1.With(layer));
    }

    [Fact]
    public void Asking_for_an_absent_layer_names_it()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new Analysis(Article("x")).Get<TokenTable>(LayerName.Tokens));
        Assert.Contains("tokens", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Layers_sort_by_start_then_outer_before_inner_and_copy_their_input()
    {
        var items = new[] { new TextRange(5, 6), new TextRange(0, 2), new TextRange(0, 9) };
        var layer = new Layer<TextRange>(new LayerName("x"), new Producer("t"), items);
        Assert.Equal([new TextRange(0, 9), new TextRange(0, 2), new TextRange(5, 6)], layer.Items.ToArray());
        Assert.Equal(new TextRange(5, 6), items[0]);
    }

    [Theory]
    [InlineData(-1, 2)]
    [InlineData(3, 2)]
    public void Invalid_ranges_throw(int start, int end) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TextRange(start, end));

    [Fact]
    public void Token_table_builder_enforces_order_and_bounds()
    {
        var b = new TokenTableBuilder("Hallo Welt");
        b.Add(0, 5, TokenKind.Word, TokenFlags.Capitalized);
        Assert.Throws<ArgumentException>(() => b.Add(3, 7, TokenKind.Word, TokenFlags.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add(6, 99, TokenKind.Word, TokenFlags.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => b.Add(6, 6, TokenKind.Word, TokenFlags.None));
        b.Add(6, 10, TokenKind.Word, TokenFlags.Capitalized, sentence: 0);
        var table = b.Build(new Producer("test"));
        Assert.Equal(2, table.Count);
        Assert.Equal("Welt", table[1].Text.ToString());
        Assert.Equal(1, table.FirstEndingAfter(5));
        var covering = table.Covering(new TextRange(4, 7));
        Assert.Equal(2, covering.Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => table[2]);
    }

    [Fact]
    public void Token_span_enumerates_without_boxing_in_order()
    {
        var b = new TokenTableBuilder("a b c");
        b.Add(0, 1, TokenKind.Word, 0);
        b.Add(2, 3, TokenKind.Word, 0);
        b.Add(4, 5, TokenKind.Word, 0);
        var t = b.Build(new Producer("t"));
        var seen = new List<string>();
        foreach (var tok in new TokenSpan(t, 1, 3)) seen.Add(tok.ToString());
        Assert.Equal(["b", "c"], seen);
    }

    [Fact]
    public void Sentence_table_finds_the_sentence_at_an_offset()
    {
        var text = "Eins. Zwei.";
        var b = new TokenTableBuilder(text);
        b.Add(0, 4, TokenKind.Word, 0, 0);
        b.Add(4, 5, TokenKind.Punctuation, 0, 0);
        b.Add(6, 10, TokenKind.Word, 0, 1);
        b.Add(10, 11, TokenKind.Punctuation, 0, 1);
        var tokens = b.Build(new Producer("t"));
        var s = new SentenceTable(tokens, [0, 6], [5, 11], [0, 2], [2, 4], new Producer("t"));
        Assert.Equal(1, s.IndexAt(7));
        Assert.Equal(-1, s.IndexAt(5));
        Assert.Equal("Zwei.", s[1].Text.ToString());
        Assert.Throws<ArgumentException>(() => new SentenceTable(tokens, [0, 3], [5, 11], [0, 2], [2, 4], new Producer("t")));
    }

    [Fact]
    public void Article_ids_depend_on_content_only()
    {
        Assert.Equal(Core.Article.IdFromText("Gleicher Text"), Core.Article.IdFromText("Gleicher Text"));
        Assert.NotEqual(Core.Article.IdFromText("Gleicher Text"), Core.Article.IdFromText("Gleicher Text."));
        Assert.Matches("^[0-9a-f]{16}$", Core.Article.IdFromText("x"));
    }

    [Fact]
    public void Publication_time_prints_iso()
    {
        Assert.Equal("2025-12-18", new PublicationTime(new DateOnly(2025, 12, 18)).ToString());
        Assert.Equal("2025-12-18T14:05:00+01:00", new PublicationTime(new DateOnly(2025, 12, 18), new TimeOnly(14, 5), TimeSpan.FromHours(1)).ToString());
    }
}
