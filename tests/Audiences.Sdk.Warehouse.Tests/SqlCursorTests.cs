namespace Audiences.Sdk.Warehouse.Tests;

public sealed class SqlCursorTests
{
    private static readonly DateTimeOffset UpTo = new(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

    // The values as providers read them: the timestamp, then the id.
    public static TheoryData<object, object?> Watermarks() => new()
    {
        { "2026-01-15 08:59:00", 42L },
        { new DateTime(2026, 1, 15, 8, 59, 0, DateTimeKind.Utc), Guid.Parse("a7875550-8be8-443b-adf3-09f57c7644ea") },
        { new DateTime(2026, 1, 15, 8, 59, 0, DateTimeKind.Unspecified), "ada@example.com" },
        { new DateTimeOffset(2026, 1, 15, 10, 59, 0, TimeSpan.FromHours(2)), 7 },
        { new DateOnly(2026, 1, 14), 1.5m },
        { "2026-01-15T08:59:00.123Z", null },
    };

    [Theory]
    [MemberData(nameof(Watermarks))]
    public void A_cursor_reads_back_as_written(object timestampValue, object? idValue)
    {
        var timestamp = SqlTypedValue.From(timestampValue)!.Value;
        var id = SqlTypedValue.From(idValue);
        var cursor = new SqlCursor("query", "updated_at", timestamp, id, UpTo);

        var read = SqlCursor.Read(cursor.Write(), "query", "updated_at");

        read.Should().Be(cursor);
        read.Timestamp!.Value.ToParameter().Should().Be(timestampValue);
        read.Id?.ToParameter().Should().Be(idValue);
    }

    [Fact]
    public void A_cursor_is_a_small_json_object()
    {
        var cursor = new SqlCursor("query", "updated_at", SqlTypedValue.From("2026-01-15 08:59:00"), SqlTypedValue.From(42L), UpTo);

        cursor.Write().Should().Be(
            "{\"v\":1,\"object\":\"query\",\"field\":\"updated_at\",\"ts\":\"2026-01-15 08:59:00\",\"tsType\":\"String\"," +
            "\"id\":\"42\",\"idType\":\"Int64\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}");
    }

    [Fact]
    public void A_cursor_without_a_watermark_reads_back()
    {
        var cursor = new SqlCursor("query", null, null, null, UpTo);

        SqlCursor.Read(cursor.Write(), "query", "updated_at").Should().Be(cursor);
    }

    [Fact]
    public void A_cursor_of_another_timestamp_field_is_refused()
    {
        var cursor = new SqlCursor("query", "created_at", SqlTypedValue.From("2026-01-15"), null, UpTo).Write();

        var read = () => SqlCursor.Read(cursor, "query", "updated_at");

        read.Should().Throw<ArgumentException>().WithMessage("*written for the timestamp field 'created_at', not 'updated_at'*");
    }

    [Theory]
    [InlineData("{\"v\":1,\"object\":\"query\",\"field\":\"updated_at\",\"ts\":\"2026-01-15\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("{\"v\":1,\"object\":\"query\",\"field\":\"updated_at\",\"ts\":\"2026-01-15\",\"tsType\":\"String\",\"id\":\"x\",\"idType\":\"Int64\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("{\"v\":1,\"object\":\"query\",\"id\":\"1\",\"idType\":\"Int64\",\"upTo\":\"2026-01-15T09:00:00.0000000+00:00\"}")]
    [InlineData("{\"v\":1,\"object\":\"query\",\"upTo\":\"tomorrow\"}")]
    [InlineData("[1]")]
    [InlineData("")]
    public void A_cursor_that_does_not_hold_together_is_refused(string text)
    {
        var read = () => SqlCursor.Read(text, "query", "updated_at");

        read.Should().Throw<ArgumentException>().WithMessage("*not written by the SQL source 'query'*");
    }
}
