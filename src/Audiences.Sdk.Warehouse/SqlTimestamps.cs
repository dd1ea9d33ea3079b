namespace Audiences.Sdk.Warehouse;

/// <summary>The instant a value of a date-time column names, whatever form the provider gave it in.</summary>
internal static class SqlTimestamps
{
    /// <summary>
    /// The UTC instant of a date-time value: a <see cref="DateTime"/> without a kind is UTC (databases keep no zone
    /// with it), a date is midnight UTC, text is ISO 8601; null for anything else.
    /// </summary>
    public static DateTimeOffset? Instant(object? value) => value switch
    {
        DateTime { Kind: DateTimeKind.Local } time => new DateTimeOffset(time.ToUniversalTime(), TimeSpan.Zero),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc), TimeSpan.Zero),
        DateTimeOffset time => time.ToUniversalTime(),
        DateOnly date => new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc), TimeSpan.Zero),
        string text when TextTimestamp.TryParse(text, out var timestamp) => timestamp.Instant,
        _ => null,
    };
}
