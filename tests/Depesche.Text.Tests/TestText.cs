using Depesche.Core;
using Depesche.Text;

namespace Depesche.Text.Tests;

/// <summary>Small helpers that render tokens and sentences as readable strings for table-driven assertions.</summary>
internal static class TestText
{
    public static string Tokens(string text) => Join(GermanTokenizer.Tokenize(text));

    public static string Join(TokenTable table)
    {
        var parts = new List<string>(table.Count);
        foreach (var t in table.All) parts.Add(t.ToString());
        return string.Join("|", parts);
    }

    public static SentenceSplit Split(string text) =>
        SentenceSplitter.Split(GermanTokenizer.Tokenize(text), GermanTokenizer.DefaultProducer);

    public static string Sentences(string text)
    {
        var split = Split(text);
        var parts = new List<string>();
        foreach (var s in split.Sentences) parts.Add(s.ToString());
        return string.Join(" || ", parts);
    }

    public static Token Find(TokenTable table, string surface)
    {
        foreach (var t in table.All)
            if (t.Text.SequenceEqual(surface)) return t;
        throw new Xunit.Sdk.XunitException($"token '{surface}' not found in: {Join(table)}");
    }
}
