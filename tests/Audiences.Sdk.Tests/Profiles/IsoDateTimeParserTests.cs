using Audiences.Sdk.Profiles;
using CsCheck;

namespace Audiences.Sdk.Tests.Profiles;

public class IsoDateTimeParserTests
{
    // Pieces that make valid and nearly valid date-times: out-of-range parts, missing digits, other separators and offsets.
    private static readonly Gen<string> Text = Gen.Select(
        Any("2026", "0001", "9999", "0000", "1999", "2024", "202", "20261"),
        Any("-01", "-02", "-12", "-13", "-00", "-1", "/01"),
        Any("-01", "-28", "-29", "-30", "-31", "-00", "-32", "-3"),
        Any("", "T", " ", "t", "TT"),
        Any("", "00:00", "09:30", "23:59", "24:00", "12:60", "9:30", "12:3"),
        Any("", ":00", ":59", ":60", ":5", ":07"),
        Any("", ".", ".1", ".25", ".1234567", ".12345678", ".0000000"),
        Any("", "Z", "z", "+01:00", "-05:30", "+14:00", "+15:00", "+0100", " ", "ZZ", "x"),
        (a, b, c, d, e, f, g, h) => a + b + c + d + e + f + g + h);

    private static Gen<string> Any(params string[] pieces) => Gen.Int[0, pieces.Length - 1].Select(i => pieces[i]);

    [Fact]
    public void AcceptsAndRejectsAsTheExactFormats_WithTheSameInstant() =>
        Text.Sample(text =>
        {
            // TryParse trims the text before it parses it.
            var exact = FieldValueParser.TryParseDateTimeExact(text.Trim(), out var expected);
            FieldValue.TryParse(text, FieldType.DateTime, out var value, out _).Should().Be(exact, "'{0}' parses as the formats say", text);
            if (exact)
            {
                value.AsDateTime().UtcTicks.Should().Be(expected.UtcTicks, "'{0}' is the same instant", text);
            }
        }, iter: 20_000);

    [Theory]
    [InlineData("2026-01-31")]
    [InlineData("2026-01-31T09:30")]
    [InlineData("2026-01-31T09:30Z")]
    [InlineData("2026-01-31T09:30:15")]
    [InlineData("2026-01-31T09:30:15Z")]
    [InlineData("2026-01-31T09:30:15.1234567Z")]
    [InlineData("2024-02-29 23:59:59")]
    [InlineData("2024-02-29 23:59:59Z")]
    [InlineData("2024-02-29 23:59")]
    public void CommonShapes_AreDecidedWithoutTheFormats(string text)
    {
        IsoDateTimeParser.TryParseCommon(text, out var ticks).Should().BeTrue();
        FieldValueParser.TryParseDateTimeExact(text, out var expected).Should().BeTrue();
        ticks.Should().Be(expected.UtcTicks);
    }

    [Theory]
    [InlineData("2026-01-31T09:30:15+02:00")]
    [InlineData("2026-02-30")]
    [InlineData("2026-01-31 09:30Z")]
    [InlineData("2026-01-31 09:30:15.5")]
    public void OtherShapes_AreLeftToTheFormats(string text) =>
        IsoDateTimeParser.TryParseCommon(text, out _).Should().BeFalse();
}
