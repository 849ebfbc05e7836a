using Depesche.Core;
using Depesche.Ingest;
using Depesche.Cli.Infrastructure;
using Depesche.Storage;

namespace Depesche.Cli.Eval;

/// <summary>One gold article: its story folder, the folder's 1-based position among the story folders, and the article.</summary>
public sealed record GoldStoryArticle(string Story, int StoryIndex, string File, Article Article);

/// <summary>The scores of one clustering run over (part of) the gold set, with every wrongly clustered pair.</summary>
public sealed record StoryGoldReport(string Part, StoryScores Scores, IReadOnlyList<StoryPairError> Errors, IReadOnlyDictionary<string, GoldStoryArticle> ById);

/// <summary>
/// The story-clustering evaluation: reads <c>GOLD/&lt;story&gt;/&lt;files&gt;</c>, ingests the articles in publication
/// order (ties: story folder, then file) through the full pipeline into a fresh temporary embedded store, and scores the
/// store's stories with B-cubed. <see cref="Parts"/> also runs the stories at even and at odd positions alone: the
/// clustering was tuned on the even ones, so the odd ones are a held-out check.
/// </summary>
public static class StoryGold
{
    public static IReadOnlyList<GoldStoryArticle> Load(string dir)
    {
        if (!Directory.Exists(dir)) throw new CliException($"gold folder '{dir}' does not exist", ExitCodes.IoError);
        var list = new List<GoldStoryArticle>();
        var folders = Directory.GetDirectories(dir).Order(StringComparer.Ordinal).ToList();
        for (int i = 0; i < folders.Count; i++)
        {
            var story = Path.GetFileName(folders[i]);
            foreach (var file in Directory.EnumerateFiles(folders[i], "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                foreach (var r in ArticleReader.ReadPath(file))
                {
                    if (r.Article is not { } a)
                        throw new CliException($"gold article {file}: {r.Rejection!.Code}: {r.Rejection.Message}", ExitCodes.IoError);
                    list.Add(new GoldStoryArticle(story, i + 1, Path.GetRelativePath(dir, file), a));
                }
        }
        if (list.Count == 0) throw new CliException($"gold folder '{dir}' holds no story folders with articles", ExitCodes.IoError);
        var dup = list.GroupBy(g => g.Article.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new CliException($"gold articles {string.Join(" and ", dup.Select(d => d.File))} have the same text", ExitCodes.IoError);
        return list;
    }

    /// <summary>The whole set (<c>all</c>), then the even-position stories alone (<c>tune</c>) and the odd ones alone (<c>heldOut</c>).</summary>
    public static IReadOnlyList<StoryGoldReport> Parts(IReadOnlyList<GoldStoryArticle> gold, Func<Article, Analysis> analyse) =>
    [
        Run("all", gold, analyse),
        Run("tune", gold.Where(g => g.StoryIndex % 2 == 0).ToList(), analyse),
        Run("heldOut", gold.Where(g => g.StoryIndex % 2 == 1).ToList(), analyse),
    ];

    public static StoryGoldReport Run(string part, IReadOnlyList<GoldStoryArticle> gold, Func<Article, Analysis> analyse)
    {
        var ordered = gold
            .OrderBy(g => g.Article.Source.Published?.Date ?? DateOnly.MaxValue)
            .ThenBy(g => g.Article.Source.Published?.TimeOfDay ?? TimeOnly.MaxValue)
            .ThenBy(g => g.Story, StringComparer.Ordinal).ThenBy(g => g.File, StringComparer.Ordinal)
            .ToList();
        var dir = Path.Combine(Path.GetTempPath(), "depesche-eval-stories-" + Guid.NewGuid().ToString("N"));
        try
        {
            using var store = ArticleStore.Open(dir);
            foreach (var g in ordered) store.Put(analyse(g.Article));
            var goldMap = ordered.ToDictionary(g => g.Article.Id, g => g.Story, StringComparer.Ordinal);
            var order = ordered.Select(g => g.Article.Id).ToList();
            return new StoryGoldReport(part, StoryEvaluator.BCubed(goldMap, store), StoryEvaluator.PairErrors(goldMap, order, store),
                ordered.ToDictionary(g => g.Article.Id, g => g, StringComparer.Ordinal));
        }
        finally
        {
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }
}
