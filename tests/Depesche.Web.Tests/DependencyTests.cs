using System.Reflection;
using Xunit;

namespace Depesche.Web.Tests;

/// <summary>The web host reads and stores; analysis stages reach it only through the pipeline the CLI hands over.</summary>
public class DependencyTests
{
    [Fact]
    public void Web_references_core_ingest_and_storage_only()
    {
        var ours = typeof(Workbench).Assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(n => n.StartsWith("Depesche.", StringComparison.Ordinal));
        Assert.All(ours, n => Assert.Contains(n, new[] { "Depesche.Core", "Depesche.Ingest", "Depesche.Storage" }));
    }

    [Fact]
    public void Snippet_parts_decode_entities_and_mark_matches_without_html()
    {
        var parts = Api.Parts("a &lt;script&gt; <em>Treffen</em> &amp; <em>Gipfel</em>");
        Assert.Equal([new SnippetPart("a <script> ", false), new SnippetPart("Treffen", true), new SnippetPart(" & ", false), new SnippetPart("Gipfel", true)], parts);
    }

    [Theory]
    [InlineData("Bearer secret-token-123456", true)]
    [InlineData("Bearer secret-token-1234567", false)] // one character more
    [InlineData("bearer secret-token-123456", true)]   // the scheme is case-insensitive (RFC 9110)
    [InlineData("Bearer SECRET-token-123456", false)]  // the token is not
    [InlineData("secret-token-123456", false)]
    [InlineData("", false)]
    public void Bearer_token_must_match_exactly(string header, bool ok) => Assert.Equal(ok, Api.Authorised(header, "secret-token-123456"));
}
