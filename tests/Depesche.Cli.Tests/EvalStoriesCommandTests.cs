using System.Text.Json;
using Depesche.Cli.Infrastructure;
using Depesche.Testing;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary><c>eval stories</c> on small gold folders built from the repository's gold articles.</summary>
public sealed class EvalStoriesCommandTests : IDisposable
{
    private readonly string _gold = Path.Combine(Path.GetTempPath(), "depesche-gold-stories-" + Guid.NewGuid().ToString("N")[..10]);
    private static string Repo(string story, string file) => Path.Combine(SharedData.RepoRoot, "tests", "gold", "stories", story, file);

    public void Dispose()
    {
        if (Directory.Exists(_gold)) Directory.Delete(_gold, recursive: true);
    }

    private void Put(string goldStory, string fromStory, string file)
    {
        Directory.CreateDirectory(Path.Combine(_gold, goldStory));
        File.Copy(Repo(fromStory, file), Path.Combine(_gold, goldStory, fromStory + "-" + file));
    }

    [Fact]
    public void A_version_filed_under_another_gold_story_is_reported_as_wrongly_joined_with_its_reason()
    {
        // 12/4 is the ROUNDUP of 12/1 (same agency and dateline): the store links it as a version, whatever the gold says.
        Put("01-crash", "12-zugunglueck-sachsen", "1.txt");
        Put("02-crash-roundup", "12-zugunglueck-sachsen", "4.txt");
        Put("03-avalanche", "25-lawine-tirol", "1.txt");
        var r = CliRunner.Run("eval", "stories", "--gold", _gold, "--json");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(3, root.GetProperty("articles").GetInt32());
        Assert.Equal(3, root.GetProperty("goldStories").GetInt32());
        Assert.True(root.GetProperty("bcubedPrecision").GetDouble() < 1);
        Assert.Equal(1.0, root.GetProperty("bcubedRecall").GetDouble());
        foreach (var part in new[] { "all", "tune", "heldOut" })
            Assert.True(root.GetProperty("parts").GetProperty(part).TryGetProperty("bcubedF1", out _), part);
        var error = Assert.Single(root.GetProperty("errors").EnumerateArray());
        Assert.Equal("wrongly-joined", error.GetProperty("kind").GetString());
        var link = error.GetProperty("second").GetProperty("link");
        Assert.Equal("version-of", link.GetProperty("kind").GetString());
        Assert.Contains("ROUNDUP", link.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, error.GetProperty("first").GetProperty("link").ValueKind);
    }

    [Fact]
    public void A_missing_gold_folder_is_an_io_error_naming_it()
    {
        var r = CliRunner.Run("eval", "stories", "--gold", _gold);
        Assert.Equal(ExitCodes.IoError, r.ExitCode);
        Assert.Contains(_gold, r.Stderr, StringComparison.Ordinal);
    }
}
