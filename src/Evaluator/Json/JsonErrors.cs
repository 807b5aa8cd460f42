using System.Text.Json;
using System.Text.RegularExpressions;

namespace Evaluator.Json;

/// <summary>
/// System.Text.Json's errors in the words of the request, not of .NET: no type names, and positions counted from 1
/// (its own text says "LineNumber: 0 | BytePositionInLine: 32" for the first line's 33rd byte).
/// </summary>
public static partial class JsonErrors
{
    /// <summary>Why the JSON was refused, without the parser's position text.</summary>
    public static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal) is >= 0 and var p ? p : message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        if (UnmappedProperty().Match(message) is { Success: true } unknown) return $"Unknown field '{unknown.Groups[1].Value}'.";
        if (MissingProperties().Match(message) is { Success: true } missing) return $"Missing field {missing.Groups[1].Value}.";
        if (NotConvertible().Match(message) is { Success: true } type) return $"The value has the wrong type: expected {Expected(type.Groups[1].Value)}.";
        return message;
    }

    /// <summary>"line 1, column 33": where the parser stopped, counted from 1; null when it does not say.</summary>
    public static string? Position(JsonException e) =>
        e.LineNumber is { } line ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}" : null;

    private static string Expected(string type) => type switch
    {
        _ when type.StartsWith("System.Nullable`1[[", StringComparison.Ordinal) => Expected(type[18..type.IndexOf(',', StringComparison.Ordinal)]),
        "System.String" => "a string",
        "System.Int32" or "System.Int64" or "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        _ when type.Contains("Dictionary", StringComparison.Ordinal) => "an object",
        _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
        _ => "an object",
    };

    [GeneratedRegex(@"^The JSON property '([^']*)' could not be mapped to any \.NET member")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex(@"^JSON deserialization for type '[^']*' was missing required properties including: (.*?)\.?$")]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"^The JSON value could not be converted to ([^.\s]+(?:\.[^.\s]+)*)\.?$")]
    private static partial Regex NotConvertible();
}
