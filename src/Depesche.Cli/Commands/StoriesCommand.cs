using System.CommandLine;
using System.Text.Json;
using Depesche.Cli.Infrastructure;

namespace Depesche.Cli.Commands;

/// <summary><c>depesche stories</c>: stories in the store (versions and near-duplicates grouped), or the members of one.</summary>
public static class StoriesCommand
{
    public static Command Create(CliConsole console)
    {
        var id = new Argument<string?>("story") { Description = "A story id: list its articles and why each joined.", Arity = ArgumentArity.ZeroOrOne };
        var limit = new Option<int>("--limit") { Description = "Stories to list.", DefaultValueFactory = _ => 20 };
        var store = StoreCli.StoreOption();
        var json = StoreCli.JsonOption();
        var cmd = new Command("stories", "List stories, largest first, or the articles of one story.") { id, limit, store, json };
        cmd.SetAction(parse =>
        {
            using var s = StoreCli.Open(parse.GetValue(store)!, readOnly: true);
            if (parse.GetValue(id) is { } storyId)
            {
                var members = s.StoryMembers(storyId).Select(m => s.Get(m)!).Select(a => new
                {
                    a.Id, a.Published, a.Agency, a.Outlet, a.Headline,
                    Reason = a.Links.FirstOrDefault(l => l.FromId == a.Id)?.Reason ?? "first article of the story",
                }).ToList();
                if (members.Count == 0) throw new CliException($"no story '{storyId}' in {s.Location}", ExitCodes.NothingAccepted);
                if (parse.GetValue(json)) { console.Out.WriteLine(JsonSerializer.Serialize(members, CliJson.Options)); return ExitCodes.Ok; }
                foreach (var m in members)
                    console.Out.WriteLine($"{m.Published ?? "—",-10} {m.Agency ?? m.Outlet ?? "—",-8} {m.Id}  {m.Headline}\n    {m.Reason}");
                return ExitCodes.Ok;
            }
            var stories = s.Stories(Math.Max(1, parse.GetValue(limit)));
            if (parse.GetValue(json)) { console.Out.WriteLine(JsonSerializer.Serialize(stories, CliJson.Options)); return ExitCodes.Ok; }
            foreach (var st in stories)
                console.Out.WriteLine($"{st.StoryId}  {st.Articles,3} articles  {st.FirstPublished ?? "—"} … {st.LastPublished ?? "—"}  {st.Headline}");
            return ExitCodes.Ok;
        });
        return cmd;
    }
}
