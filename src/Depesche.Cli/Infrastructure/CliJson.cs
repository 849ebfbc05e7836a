using System.Text.Json;
using System.Text.Json.Serialization;

namespace Depesche.Cli.Infrastructure;

/// <summary>JSON for verbs that print store records: camelCase, enums as strings, German letters unescaped.</summary>
public static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}
