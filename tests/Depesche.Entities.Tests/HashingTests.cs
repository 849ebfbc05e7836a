using Depesche.Entities.Ner;
using Xunit;

namespace Depesche.Entities.Tests;

/// <summary>The hot-path replacements must give exactly what they replace: hashes are stored in the shipped model.</summary>
public class HashingTests
{
    [Fact]
    public void The_fast_lower_casing_equals_the_runtime_for_every_UTF16_unit()
    {
        for (int c = 0; c <= char.MaxValue; c++)
            Assert.True(char.ToLowerInvariant((char)c) == TextHash.LowerInvariant((char)c), $"U+{c:X4}");
    }

    [Fact]
    public void The_gazetteer_table_finds_every_entry_and_nothing_else()
    {
        var b = new Gazetteer.Builder();
        var names = Enumerable.Range(0, 5000).Select(i => $"Ort{i} Stadt{i % 17}").ToList();
        foreach (var n in names) b.Add(Gazetteer.Kind.City, n);
        b.Add(Gazetteer.Kind.City, "Moskau");
        b.Add(Gazetteer.Kind.Region, "Moskau");
        var g = b.Build();
        foreach (var n in names.Append("Moskau"))
        {
            ulong h = Gazetteer.SpanStart;
            foreach (var tok in n.Split(' ')) h = TextHash.Combine(h, TextHash.Exact(tok));
            Assert.NotEqual(0, g.Lookup(h));
        }
        ulong m = TextHash.Combine(Gazetteer.SpanStart, TextHash.Exact("Moskau"));
        Assert.Equal((1 << (int)Gazetteer.Kind.City) | (1 << (int)Gazetteer.Kind.Region), g.Lookup(m));
        int misses = 0;
        for (int i = 0; i < 20000; i++)
            if (g.Lookup(TextHash.Combine(Gazetteer.SpanStart, TextHash.Exact("Nichts" + i))) == 0) misses++;
        Assert.Equal(20000, misses);
    }
}
