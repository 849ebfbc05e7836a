using Depesche.Cli.Infrastructure;
using Depesche.Entities.Ner;
using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>The folds the OpenNLP peer is trained and scored on are ours: the same held-out sentences, the same training data.</summary>
public class NerPeerTests
{
    [SharedDataFact("data/germeval2014/NER-de-dev.tsv")]
    public void Ner_folds_writes_our_cross_validation_split_in_opennlp_format()
    {
        var dir = Directory.CreateTempSubdirectory("depesche-folds-").FullName;
        try
        {
            var r = CliRunner.Run("bench", "ner-folds", "--data", SharedData.Require("data"), "--use", "1", "--out", dir, "--timing-tokens", "1");
            Assert.True(r.ExitCode == 0, r.Stderr);
            var gold = GermEvalReader.ReadFile(SharedData.Require("data/germeval2014/NER-de-dev.tsv"));
            var fd = Path.Combine(dir, "fold-1");

            // Held out in fold 1: sentences 0, 5, 10, … in file order, as NerTrainer.CrossValidate holds them out.
            var test = File.ReadAllLines(Path.Combine(fd, "test.txt")).Where(l => l.Length > 0).ToList();
            var expected = gold.Where((_, i) => i % 5 == 0).Select(OpenNlpNameFormat.Plain).ToList();
            Assert.Equal(expected, test);

            // GermEval-only training: the other four folds, repeated as the shipped recipe repeats them, and every line parses back to the gold tags.
            var train = File.ReadAllLines(Path.Combine(fd, "train-germeval.txt")).Where(l => l.Length > 0).ToList();
            var rest = gold.Where((_, i) => i % 5 != 0).ToList();
            Assert.Equal(rest.Count * NerCorpus.ShippedRecipe(SharedData.Require("data")).Hyper.PrimaryRepeat, train.Count);
            for (int k = 0; k < rest.Count; k++)
            {
                var (tokens, tags) = OpenNlpNameFormat.Parse(train[k]);
                Assert.Equal(rest[k].Count, tokens.Length);
                Assert.Equal(rest[k].Outer, tags);
            }
            // The full variant adds SmartData and Europeana after the repeated GermEval part.
            Assert.True(File.ReadAllLines(Path.Combine(fd, "train-full.txt")).Count(l => l.Length > 0) > train.Count);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SharedDataFact("data/germeval2014/NER-de-dev.tsv")]
    public void Ner_peer_without_opennlp_predictions_fails_and_says_what_to_run()
    {
        var dir = Directory.CreateTempSubdirectory("depesche-peer-").FullName;
        try
        {
            var r = CliRunner.Run("bench", "ner-peer", "--data", SharedData.Require("data"), "--use", "1", "--dir", dir);
            Assert.Equal(ExitCodes.IoError, r.ExitCode);
            Assert.Contains("bench/opennlp-peer", r.Stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
