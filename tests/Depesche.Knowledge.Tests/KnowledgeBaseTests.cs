using Depesche.Core;
using Depesche.Testing;
using Xunit;

namespace Depesche.Knowledge.Tests;

public class KnowledgeBaseTests
{
    [Theory]
    [InlineData("Selenskyj", "selenskyj")]
    [InlineData("Viktor Orbán", "viktor orban")]
    [InlineData("Weißes Haus", "weisses haus")]
    [InlineData("Europäer", "europaer")]
    [InlineData("US – Medien", "us-medien")]       // spaced dash
    [InlineData("Washington, D.C.", "washington dc")]
    [InlineData("Frankfurt (Oder)", "frankfurt oder")]
    [InlineData("Erdoğan", "erdogan")]
    [InlineData("  Merz’  ", "merz")]
    public void Alias_keys_fold_case_diacritics_and_punctuation(string input, string expected) =>
        Assert.Equal(expected, AliasKey.Normalize(input));

    [Theory]
    [InlineData("europaische parlament", "europaisch parlament")]
    [InlineData("europaisches parlament", "europaisch parlament")]
    [InlineData("internationaler wahrungsfonds", "international wahrungsfond")]
    public void Stem_keys_drop_one_ending_per_word(string key, string expected)
    {
        var buf = new char[key.Length];
        Assert.Equal(expected, new string(buf, 0, AliasKey.Stem(key, buf)));
    }

    [Fact]
    public void Default_kb_loads_with_people_places_and_organisations()
    {
        var stats = Fixture.Kb.Stats();
        Assert.True(stats.Entities >= 250, stats.Entities.ToString());
        Assert.True(stats.ByKind["person"] >= 60);
        Assert.True(stats.ByKind["country"] >= 50);
        Assert.True(stats.ByKind["city"] >= 60);
        Assert.True(stats.Offices >= 40);
        Assert.Equal(["curated"], stats.BySource.Keys);
        Assert.Equal(12, stats.Version.Length);
    }

    [Theory]
    [InlineData("Zelenskyy", null, "Q3874799")]
    [InlineData("Selenskyjs", null, "Q3874799")]
    [InlineData("Kyiv", null, "Q1899")]
    [InlineData("ukrainischen", null, "Q212")]
    [InlineData("Kremlchef", "2010-01-01", "kb:medwedew")]   // Medwedew was president 2008-2012
    [InlineData("Kremlchef", "2025-12-18", "Q7747")]
    [InlineData("Bundeskanzler", "2020-01-01", "Q567")]
    [InlineData("Washington", null, "Q61")]                   // the city outranks the state
    public void Lookup_finds_the_best_entity(string name, string? date, string id)
    {
        var matches = Fixture.Kb.Lookup(name, date is null ? null : DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));
        Assert.NotEmpty(matches);
        Assert.Equal(id, matches[0].Entity.Id);
    }

    [Fact]
    public void Office_holders_follow_the_dates()
    {
        var kb = Fixture.Kb;
        Assert.Equal("Q61053", kb.HolderOf("chancellor-de", new DateOnly(2025, 5, 5))!.Id);
        Assert.Equal("kb:merz", kb.HolderOf("chancellor-de", new DateOnly(2025, 5, 6))!.Id);
        Assert.Equal("kb:merz", kb.HolderOf("chancellor-de", null)!.Id);
        Assert.Equal("Q6279", kb.HolderOf("president-us", new DateOnly(2022, 1, 1))!.Id);
        Assert.Null(kb.HolderOf("president-us", new DateOnly(1990, 1, 1)));
    }

    [Fact]
    public void Saved_kb_loads_back_identically()
    {
        var dir = Path.Combine(Path.GetTempPath(), "depesche-kb-" + Guid.NewGuid().ToString("N"));
        try
        {
            Fixture.Kb.Save(dir);
            var back = KnowledgeBase.Load(dir);
            Assert.Equal(Fixture.Kb.Stats().Entities, back.Stats().Entities);
            Assert.Equal(Fixture.Kb.Stats().Keys, back.Stats().Keys);
            Assert.Equal("Q7747", back.Lookup("Putins")[0].Entity.Id);
            Assert.Equal(new GeoPoint(25.7617, -80.1918, "US"), back.Get("Q8652")!.Geo);
        }
        finally { if (Directory.Exists(dir)) Directory.Delete(dir, true); }
    }

    [Fact]
    public void Bad_rows_name_file_and_line()
    {
        var dir = Path.Combine(Path.GetTempPath(), "depesche-kb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "offices.tsv"), "office\trole\tof\tlabel\ttitles\n");
            File.WriteAllText(Path.Combine(dir, "titles.tsv"), "stem\trole\tof\n");
            File.WriteAllText(Path.Combine(dir, "x.tsv"), "# c\nid\tkind\nberlin\tcity\tQ64\tBerlin\t\t\t99,13\tDE\t\t\t1\n");
            var ex = Assert.Throws<FormatException>(() => KnowledgeBase.Load(dir));
            Assert.StartsWith("x.tsv:3:", ex.Message, StringComparison.Ordinal);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Iso_codes_add_countries_with_german_names_when_installed()
    {
        var options = KbBuildOptions.WithInstalledIsoCodes();
        if (options.IsoCodesJson is null || options.IsoCodesMo is null) return; // Why: the Debian package is optional here.
        var kb = KnowledgeBase.Build(options);
        Assert.True(kb.Stats().BySource["iso-codes"] > 150);
        Assert.Equal("iso:AF", kb.Lookup("Afghanistan")[0].Entity.Id);
        Assert.Equal("Q183", kb.Lookup("Deutschland")[0].Entity.Id); // curated countries are not duplicated
    }

    [SharedDataFact("data/gazetteers/geonames/cities15000.txt.gz")]
    public void GeoNames_import_adds_cities_without_duplicating_curated_ones()
    {
        var kb = KnowledgeBase.Build(new KbBuildOptions { GeoNamesCities = SharedData.Require("data/gazetteers/geonames/cities15000.txt.gz") });
        var stats = kb.Stats();
        Assert.True(stats.BySource["geonames"] > 20000, stats.BySource["geonames"].ToString());
        Assert.Equal("Q649", kb.Lookup("Moskau")[0].Entity.Id);
        Assert.Equal("Q61", kb.Lookup("Washington")[0].Entity.Id);
        var kassel = kb.Lookup("Kassel")[0].Entity;
        Assert.Equal("geonames", kassel.Source);
        Assert.Equal("DE", kassel.Country);
        Assert.Equal(51.3, kassel.Geo!.Value.Lat, 0.2);
    }
}
