namespace Depesche.Storage;

/// <summary>B-cubed precision, recall and F1 of a story clustering against gold stories.</summary>
public sealed record StoryScores(int Articles, int GoldStories, int PredictedStories, double Precision, double Recall, double F1);

/// <summary>
/// Scores story clustering with B-cubed (Bagga and Baldwin 1998): for each article, precision is the share of its
/// predicted story that shares its gold story, recall the share of its gold story that shares its predicted story;
/// both are averaged over articles. Articles missing from the prediction count as singletons.
/// </summary>
/// <remarks>
/// Gold folder format (read by the CLI, which owns the readers): <c>GOLD/&lt;story-name&gt;/&lt;article files&gt;</c>,
/// one sub-folder per story, each article in any input format the readers accept; an article's id is the hash of its
/// text, so the same files ingested into a store can be matched by id. Unrelated articles on the same topic go in
/// their own one-article folders.
/// </remarks>
public static class StoryEvaluator
{
    /// <param name="gold">Article id → gold story name.</param>
    /// <param name="predicted">Article id → predicted story id (null: not stored, scored as a singleton).</param>
    public static StoryScores BCubed(IReadOnlyDictionary<string, string> gold, Func<string, string?> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        if (gold.Count == 0) return new StoryScores(0, 0, 0, 0, 0, 0);
        var pred = gold.Keys.ToDictionary(id => id, id => predicted(id) ?? "singleton:" + id, StringComparer.Ordinal);
        var goldSize = gold.Values.GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var predSize = pred.Values.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        var both = gold.Keys.GroupBy(id => (gold[id], pred[id])).ToDictionary(g => g.Key, g => g.Count());
        double p = 0, r = 0;
        foreach (var id in gold.Keys)
        {
            int overlap = both[(gold[id], pred[id])];
            p += (double)overlap / predSize[pred[id]];
            r += (double)overlap / goldSize[gold[id]];
        }
        p /= gold.Count;
        r /= gold.Count;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new StoryScores(gold.Count, goldSize.Count, predSize.Count, Math.Round(p, 4), Math.Round(r, 4), Math.Round(f1, 4));
    }

    /// <summary>Scores the stories of a store: each gold article's <see cref="StoredArticle.StoryId"/>.</summary>
    public static StoryScores BCubed(IReadOnlyDictionary<string, string> gold, IArticleStore store) =>
        BCubed(gold, id => store.Get(id)?.StoryId);

    /// <summary>
    /// Every pair of gold articles the clustering got wrong: <see cref="PairErrorKind.WronglyJoined"/> (same
    /// predicted story, different gold stories) or <see cref="PairErrorKind.WronglySplit"/> (the reverse), each with
    /// the link that put each article where it is (null: it started its own story). Pairs are ordered by
    /// <paramref name="order"/> (the ingest order), the earlier article first.
    /// </summary>
    public static IReadOnlyList<StoryPairError> PairErrors(IReadOnlyDictionary<string, string> gold, IReadOnlyList<string> order, IArticleStore store)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(order);
        ArgumentNullException.ThrowIfNull(store);
        var stored = order.Where(gold.ContainsKey).Select(id => (Id: id, Article: store.Get(id))).ToList();
        string StoryOf(int i) => stored[i].Article?.StoryId ?? "singleton:" + stored[i].Id;
        ArticleLink? OwnLink(int i) => stored[i].Article?.Links.FirstOrDefault(l => l.FromId == stored[i].Id);
        var errors = new List<StoryPairError>();
        for (int i = 0; i < stored.Count; i++)
            for (int j = i + 1; j < stored.Count; j++)
            {
                bool sameGold = gold[stored[i].Id] == gold[stored[j].Id];
                bool samePred = StoryOf(i) == StoryOf(j);
                if (sameGold == samePred) continue;
                errors.Add(new StoryPairError(samePred ? PairErrorKind.WronglyJoined : PairErrorKind.WronglySplit,
                    stored[i].Id, gold[stored[i].Id], StoryOf(i), OwnLink(i), stored[j].Id, gold[stored[j].Id], StoryOf(j), OwnLink(j)));
            }
        return errors;
    }
}

/// <summary>How a pair of articles was clustered wrongly.</summary>
public enum PairErrorKind
{
    /// <summary>One predicted story, two gold stories.</summary>
    WronglyJoined,
    /// <summary>One gold story, two predicted stories.</summary>
    WronglySplit,
}

/// <summary>A wrongly clustered pair: for each article its gold story, predicted story and the link that placed it (null: none).</summary>
public sealed record StoryPairError(PairErrorKind Kind,
    string FirstId, string FirstGold, string FirstStory, ArticleLink? FirstLink,
    string SecondId, string SecondGold, string SecondStory, ArticleLink? SecondLink);
