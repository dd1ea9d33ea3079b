namespace Audiences.Sdk.Warehouse.Tests;

public sealed class SqlSettingsTextTests
{
    [Theory]
    [InlineData("00:05:00", 300)]
    [InlineData("5m", 300)]
    [InlineData("30s", 30)]
    [InlineData("1.5h", 5400)]
    [InlineData("1d", 86400)]
    [InlineData("250ms", 0.25)]
    [InlineData(" 2 M ", 120)]
    [InlineData("0s", 0)]
    public void A_duration_is_a_time_span_or_a_number_with_a_unit(string text, double seconds)
    {
        SqlSettingsText.TryParseDuration(text, out var duration).Should().BeTrue();

        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("five minutes")]
    [InlineData("-00:05:00")]
    [InlineData("5 weeks")]
    [InlineData("")]
    public void Anything_else_is_no_duration(string text) => SqlSettingsText.TryParseDuration(text, out _).Should().BeFalse();
}
