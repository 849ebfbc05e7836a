using System.Globalization;
using Depesche.Core;
using Depesche.Time;
using Xunit;

namespace Depesche.Time.Tests;

/// <summary>Formats tagger output as "surface => VALUE [MOD]" items joined by " | ", so a failing row reads as a diff.</summary>
internal static class TaggerAssert
{
    public static string Format(string text, IEnumerable<TimeExpression> items) =>
        string.Join(" | ", items.Select(t => text[t.Start..t.End] + " => " + t.Value + (t.Mod == TimexMod.None ? "" : " " + TimexValue.ModName(t.Mod))));

    public static void Tags(string dct, string sentence, string expected, TimeMode mode = TimeMode.News)
    {
        var tagger = new GermanTimeTagger(new TimeOptions(mode));
        var date = DateOnly.ParseExact(dct, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var items = tagger.Tag(sentence, date);
        Assert.Equal(expected, Format(sentence, items));
    }
}
