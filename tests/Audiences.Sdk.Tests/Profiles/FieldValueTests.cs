using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Profiles;

public class FieldValueTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void FromText_BlankText_IsEmpty(string? text) =>
        FieldValue.FromText(text).IsEmpty.Should().BeTrue();

    [Fact]
    public void Default_IsEmpty_AndEqualsEmpty()
    {
        default(FieldValue).IsEmpty.Should().BeTrue();
        default(FieldValue).Should().Be(FieldValue.Empty);
        FieldValue.Empty.ToString().Should().BeEmpty();
    }

    [Fact]
    public void FromList_BlankItems_AreDropped_AndEmptyListIsEmpty()
    {
        FieldValue.FromList(["a", " ", null, "b"]).AsList().Should().Equal("a", "b");
        FieldValue.FromList([" ", null]).IsEmpty.Should().BeTrue();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FromNumber_NonFinite_Throws(double value)
    {
        var act = () => FieldValue.FromNumber(value);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*finite*");
    }

    [Fact]
    public void FromNumber_NegativeZero_EqualsZero() =>
        FieldValue.FromNumber(-0d).Should().Be(FieldValue.FromNumber(0d));

    [Fact]
    public void FromDateTime_ConvertsToUtc()
    {
        var value = FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 31, 10, 0, 0, TimeSpan.FromHours(2)));
        value.AsDateTime().Should().Be(new DateTimeOffset(2026, 1, 31, 8, 0, 0, TimeSpan.Zero));
        value.AsDateTime().Offset.Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Accessor_OfWrongType_ThrowsNamingBothTypes()
    {
        var act = () => FieldValue.FromText("x").AsNumber();
        act.Should().Throw<InvalidOperationException>().WithMessage("*Text*Number*");
    }

    [Fact]
    public void Equality_ComparesTypeAndValue()
    {
        FieldValue.FromText("a").Should().Be(FieldValue.FromText("a"));
        FieldValue.FromText("a").Should().NotBe(FieldValue.FromText("A"));
        FieldValue.FromNumber(1).Should().NotBe(FieldValue.FromBoolean(true));
        FieldValue.FromList(["a", "b"]).Should().Be(FieldValue.FromList(["a", "b"]));
        FieldValue.FromList(["a", "b"]).GetHashCode().Should().Be(FieldValue.FromList(["a", "b"]).GetHashCode());
        (FieldValue.FromText("a") == FieldValue.FromText("a")).Should().BeTrue();
        (FieldValue.FromText("a") != FieldValue.FromText("b")).Should().BeTrue();
    }

    [Theory]
    [InlineData("0500", 500d)]
    [InlineData(" -1.5e3 ", -1500d)]
    [InlineData("3.14159", 3.14159)]
    public void TryParse_Number_ParsesInvariant(string text, double expected)
    {
        FieldValue.TryParse(text, FieldType.Number, out var value, out var error).Should().BeTrue(error);
        value.AsNumber().Should().Be(expected);
    }

    [Theory]
    [InlineData("abc", FieldType.Number, "not a number")]
    [InlineData("1,5", FieldType.Number, "not a number")]
    [InlineData("maybe", FieldType.Boolean, "not a boolean")]
    [InlineData("31/01/2026", FieldType.DateTime, "ISO 8601")]
    public void TryParse_Mismatch_ExplainsWhy(string text, FieldType type, string reason)
    {
        FieldValue.TryParse(text, type, out _, out var error).Should().BeFalse();
        error.Should().Contain(reason).And.Contain(text);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("y", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    public void TryParse_Boolean_AcceptsCommonSpellings(string text, bool expected)
    {
        FieldValue.TryParse(text, FieldType.Boolean, out var value, out _).Should().BeTrue();
        value.AsBoolean().Should().Be(expected);
    }

    [Theory]
    [InlineData("2026-01-31", "2026-01-31T00:00:00Z")]
    [InlineData("2026-01-31T09:30:00Z", "2026-01-31T09:30:00Z")]
    [InlineData("2026-01-31T09:30:00+02:00", "2026-01-31T07:30:00Z")]
    [InlineData("2026-01-31 09:30:00", "2026-01-31T09:30:00Z")]
    public void TryParse_DateTime_IsUtc_AndDateAloneIsMidnight(string text, string expectedUtc)
    {
        FieldValue.TryParse(text, FieldType.DateTime, out var value, out var error).Should().BeTrue(error);
        value.AsDateTime().Should().Be(DateTimeOffset.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TryParse_List_SplitsOnSemicolonOrPipe() =>
        (FieldValue.TryParse("a; b|c", FieldType.TextList, out var value, out _) ? value.AsList() : []).Should().Equal("a", "b", "c");

    [Fact]
    public void TryParse_Blank_IsEmptyForEveryType()
    {
        foreach (var type in Enum.GetValues<FieldType>())
        {
            FieldValue.TryParse("  ", type, out var value, out _).Should().BeTrue();
            value.IsEmpty.Should().BeTrue();
        }
    }

    [Theory]
    [InlineData(new[] { "1", "2.5", "" }, FieldType.Number)]
    [InlineData(new[] { "02134", "10001" }, FieldType.Text)]
    [InlineData(new[] { "true", "FALSE" }, FieldType.Boolean)]
    [InlineData(new[] { "1", "0" }, FieldType.Number)]
    [InlineData(new[] { "2026-01-01", "2026-02-01T10:00:00Z" }, FieldType.DateTime)]
    [InlineData(new[] { "2026-01-01", "soon" }, FieldType.Text)]
    [InlineData(new string[0], FieldType.Text)]
    public void InferType_PicksTheNarrowestTypeEverySampleFits(string[] samples, FieldType expected) =>
        FieldValue.InferType(samples).Should().Be(expected);

    [Fact]
    public void ToString_IsInvariant()
    {
        FieldValue.FromNumber(1234.5).ToString().Should().Be("1234.5");
        FieldValue.FromBoolean(true).ToString().Should().Be("true");
        FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 31, 0, 0, 0, TimeSpan.Zero)).ToString().Should().Be("2026-01-31");
        FieldValue.FromDateTime(new DateTimeOffset(2026, 1, 31, 9, 30, 0, TimeSpan.Zero)).ToString().Should().Be("2026-01-31T09:30:00Z");
        FieldValue.FromList(["a", "b"]).ToString().Should().Be("a; b");
    }
}
