using Microsoft.Extensions.Logging;

namespace Audiences.Samples.Worker.Tests;

/// <summary>One message a host logged, with its structured values.</summary>
public sealed record LogEntry(string Category, LogLevel Level, EventId EventId, string Message, IReadOnlyDictionary<string, object?> Values, Exception? Exception)
{
    /// <summary>A structured value as text, e.g. <c>entry["Sync"]</c>.</summary>
    public string? this[string name] => Values.TryGetValue(name, out var value) ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) : null;
}
