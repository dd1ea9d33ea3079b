namespace Audiences.Sdk.Warehouse.Tests;

/// <summary>Text timestamps compare as text, so a bound is written in the layout of the column's own values.</summary>
public sealed class TextTimestampTests
{
    private static readonly DateTimeOffset Instant = new DateTimeOffset(2026, 1, 15, 8, 55, 30, 123, TimeSpan.Zero).AddTicks(4567);

    [Theory]
    [InlineData("2026-01-15 09:00:00", "2026-01-15 08:55:30")]
    [InlineData("2026-01-15T09:00:00", "2026-01-15T08:55:30")]
    [InlineData("2026-01-15T09:00:00.5Z", "2026-01-15T08:55:30.1Z")]
    [InlineData("2026-01-15T09:00:00.000Z", "2026-01-15T08:55:30.123Z")]
    [InlineData("2026-01-15 09:00:00.0000000", "2026-01-15 08:55:30.1234567")]
    [InlineData("2026-01-15 09:00", "2026-01-15 08:55")]
    [InlineData("2026-01-15", "2026-01-15")]
    [InlineData("2026-01-15T11:00:00+02:00", "2026-01-15T10:55:30+02:00")]
    public void A_bound_is_written_in_the_layout_of_a_sample_cut_never_rounded(string sample, string written)
    {
        TextTimestamp.TryParse(sample, out var layout).Should().BeTrue();

        layout.Format(Instant).Should().Be(written);
    }

    [Theory]
    [InlineData("2026-01-15 09:00:00", "2026-01-15T09:00:00Z")]
    [InlineData("2026-01-15T11:00:00+02:00", "2026-01-15T09:00:00Z")]
    [InlineData("2026-01-15", "2026-01-15T00:00:00Z")]
    public void Text_without_an_offset_is_utc(string text, string instant)
    {
        TextTimestamp.TryParse(text, out var timestamp).Should().BeTrue();

        timestamp.Instant.Should().Be(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("15/01/2026")]
    [InlineData("2026-01-15T09:00:00+0200")]
    [InlineData("2026-13-45 09:00:00")]
    [InlineData(null)]
    public void Other_text_has_no_layout(string? text) => TextTimestamp.TryParse(text, out _).Should().BeFalse();
}
