using Depesche.Entities.Ner;
using Xunit;

namespace Depesche.Entities.Tests;

public class ModelTests
{
    internal static GoldSentence S(string tagged)
    {
        // "Wort/TAG" pairs; a bare word is O.
        var parts = tagged.Split(' ');
        var words = new List<string>();
        var tags = new List<int>();
        foreach (var p in parts)
        {
            int slash = p.LastIndexOf('/');
            if (slash > 0 && NerLabels.TryTagId(p[(slash + 1)..], out var id)) { words.Add(p[..slash]); tags.Add(id); }
            else { words.Add(p); tags.Add(0); }
        }
        return new GoldSentence(words, tags.ToArray());
    }

    internal static readonly GoldSentence[] Five =
    [
        S("Präsident Wolodymyr/B-PER Selenskyj/I-PER reiste nach Berlin/B-LOC ."),
        S("Die ukrainischen/B-LOCderiv Unterhändler trafen Vertreter der Nato/B-ORG in Brüssel/B-LOC ."),
        S("Laut \" Politico/B-ORG \" schweigt das Weiße/B-ORG Haus/I-ORG dazu ."),
        S("Ein Moskauer/B-LOCderiv Sprecher lobte den Putin-Kurs/B-PERpart und Kirill/B-PER Dmitrijew/I-PER ."),
        S("Der Film Blaue/B-OTH Stunde/I-OTH lief in Miami/B-LOC ."),
    ];

    private static readonly NerHyperParameters Small = new() { Epochs = 10, RowBits = 16, Seed = 7, Features = FeatureSet.All };

    [Fact]
    public void Overfits_five_sentences_and_round_trips_through_the_binary_format()
    {
        var (model, errors) = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, Small);
        Assert.Equal(0, errors[^1]);
        foreach (var s in Five) Assert.Equal(s.Outer, model.Tag(s));

        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = NerModel.Load(ms);
        foreach (var s in Five) Assert.Equal(model.Tag(s), loaded.Tag(s));
        Assert.Equal(model.Fingerprint(), loaded.Fingerprint());
    }

    [Fact]
    public void Same_seed_gives_the_same_weights_and_another_seed_may_not()
    {
        var a = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, Small).Model.Fingerprint();
        var b = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, Small).Model.Fingerprint();
        Assert.Equal(a, b);
        var c = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, Small with { Seed = 8 }).Model.Fingerprint();
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Mixed_runs_are_deterministic_and_average_several_sentence_orders()
    {
        var mixed = Small with { Mix = 3 };
        var a = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, mixed);
        var b = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, mixed);
        Assert.Equal(a.Model.Fingerprint(), b.Model.Fingerprint());
        // Every run of the mix makes its own updates: three runs make three times the errors of the first epoch of one.
        var single = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, Small);
        Assert.NotEqual(single.Model.Fingerprint(), a.Model.Fingerprint());
        Assert.True(a.EpochErrors[0] > single.EpochErrors[0]);
        foreach (var s in Five) Assert.Equal(s.Outer, a.Model.Tag(s));
    }

    [Fact]
    public void Gazetteer_and_clusters_travel_with_the_model()
    {
        var gb = new Gazetteer.Builder();
        gb.Add(Gazetteer.Kind.City, "Miami");
        gb.Add(Gazetteer.Kind.Country, "Vereinigte Staaten");
        gb.AddPlaceStems("Ukraine");
        var gaz = gb.Build();
        Assert.True(gaz.IsPlaceStem("ukrainischen"));
        Assert.False(gaz.IsPlaceStem("unterhändler"));
        var sents = Enumerable.Range(0, 200).Select(i => (IReadOnlyList<string>)new[] { "in", i % 2 == 0 ? "Berlin" : "Paris", "und", "x" + (char)('a' + i % 20), "." }).ToList();
        var clusters = WordClusters.Learn(sents, seed: 3, fine: 4, middle: 2, coarse: 1, minCount: 1, iterations: 3);
        Assert.Equal(clusters.Lookup(TextHash.Norm("Berlin")) >> 12, clusters.Lookup(TextHash.Norm("Paris")) >> 12);

        var (model, _) = NerTrainer.Train(Five, gaz, clusters, Small);
        using var ms = new MemoryStream();
        model.Save(ms);
        ms.Position = 0;
        var loaded = NerModel.Load(ms);
        Assert.Equal(gaz.EntryCount, loaded.Gazetteer.EntryCount);
        Assert.Equal(clusters.WordCount, loaded.Clusters.WordCount);
        foreach (var s in Five) Assert.Equal(model.Tag(s), loaded.Tag(s));
    }

    [Fact]
    public void The_shipped_model_saves_back_to_the_same_bytes_and_keeps_only_its_non_zero_rows()
    {
        var path = Path.Combine(Depesche.Testing.SharedData.RepoRoot, "models", "ner", "ner-de.bin");
        var model = NerModel.Load(path);
        using var ms = new MemoryStream();
        model.Save(ms);
        Assert.True(File.ReadAllBytes(path).AsSpan().SequenceEqual(ms.ToArray()), "a load and save must not change the model file");
        // The point of the compact layout: far fewer rows in memory than hashed rows.
        Assert.InRange(model.NonZeroRows, 1, (1 << model.RowBits) / 2);
    }

    [Fact]
    public void A_file_that_repeats_a_weight_row_is_rejected()
    {
        var (model, _) = NerTrainer.Train(Five, Gazetteer.Empty, WordClusters.Empty, Small);
        using var ms = new MemoryStream();
        model.Save(ms);
        var bytes = ms.ToArray();
        // The first row delta follows magic, format, version string, tag count, row bits, features, transitions and the row count.
        int at = 4 + 4 + 1 + System.Text.Encoding.UTF8.GetByteCount(model.Version) + 4 + 4 + 4 + (NerLabels.Count + 1) * NerLabels.Count * 4 + 4;
        while (bytes[at] >= 0x80) at++;
        at += 1 + NerLabels.Count * 2; // past the first row's delta and weights
        Assert.True(model.NonZeroRows > 1);
        // The second row's delta becomes 0 in as many bytes (0x80 … 0x00 is a valid long form), so the row repeats.
        while (bytes[at] >= 0x80) bytes[at++] = 0x80;
        bytes[at] = 0;
        var ex = Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(bytes)));
        Assert.Contains("repeated", ex.Message);
    }

    [Fact]
    public void Foreign_file_is_rejected()
    {
        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(new byte[64])));
    }
}
