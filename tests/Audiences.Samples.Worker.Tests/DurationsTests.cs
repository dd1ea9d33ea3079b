using Audiences.Samples.Worker.Configuration;

namespace Audiences.Samples.Worker.Tests;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("15m", 15 * 60)]
    [InlineData("12h", 12 * 3600)]
    [InlineData("7d", 7 * 86400)]
    [InlineData(" 15M ", 15 * 60)]
    [InlineData("00:15:00", 15 * 60)]
    [InlineData("1.00:00:00", 86400)]
    public void A_duration_is_read_in_every_form(string text, int seconds)
    {
        Durations.TryParse(text, out var duration).Should().BeTrue();
        duration.Should().Be(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("15")]
    [InlineData("15 minutes")]
    [InlineData("0m")]
    [InlineData("-1d")]
    [InlineData("1.5h")]
    [InlineData("00:00:00")]
    [InlineData("25:00")]
    [InlineData("99999999999999d")]
    public void Anything_else_is_no_duration(string? text) =>
        Durations.TryParse(text, out _).Should().BeFalse();

    [Theory]
    [InlineData(90, "90s")]
    [InlineData(60, "1m")]
    [InlineData(900, "15m")]
    [InlineData(43200, "12h")]
    [InlineData(604800, "7d")]
    public void A_duration_is_written_as_configuration_writes_it(int seconds, string text) =>
        Durations.Format(TimeSpan.FromSeconds(seconds)).Should().Be(text);
}
