using System.Reflection;
using Xunit;

namespace Depesche.Cli.Tests;

/// <summary>The dependency rule: Core depends on nothing of ours; stages depend on Core only; only the CLI wires.</summary>
public class ArchitectureTests
{
    private static readonly string[] Stages = ["Depesche.Text", "Depesche.Ingest", "Depesche.Entities", "Depesche.Time", "Depesche.Quotes", "Depesche.Knowledge", "Depesche.Events", "Depesche.Storage"];

    private static IEnumerable<string> OurReferences(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Depesche.", StringComparison.Ordinal));

    [Fact]
    public void Core_depends_on_nothing_of_ours() => Assert.Empty(OurReferences("Depesche.Core"));

    [Theory]
    [MemberData(nameof(StageAssemblies))]
    public void Stages_depend_on_core_only(string assembly) =>
        Assert.All(OurReferences(assembly), r => Assert.Equal("Depesche.Core", r));

    public static TheoryData<string> StageAssemblies() => new(Stages);
}
