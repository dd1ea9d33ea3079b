using Audiences.Sdk.Matching.Probabilistic;

namespace Audiences.Sdk.Tests.Matching.Probabilistic;

public class FuzzyComparisonTests
{
    [Theory]
    [InlineData("dob", FuzzyComparisonKind.Date)]
    [InlineData("date_of_birth", FuzzyComparisonKind.Date)]
    [InlineData("BirthDay", FuzzyComparisonKind.Date)]
    [InlineData("email", FuzzyComparisonKind.Email)]
    [InlineData("work_email", FuzzyComparisonKind.Email)]
    [InlineData("first_name", FuzzyComparisonKind.JaroWinkler)]
    [InlineData("city", FuzzyComparisonKind.JaroWinkler)]
    public void ForField_FieldName_InfersTheKind(string field, FuzzyComparisonKind kind) =>
        FuzzyComparison.ForField(field).Kind.Should().Be(kind);

    [Fact]
    public void Text_DefaultLevels_HaveHumanLabels() =>
        FuzzyComparison.Text("surname").Levels.Should().Equal("null", "exact", "jaro-winkler ≥ 0.92", "jaro-winkler ≥ 0.88", "jaro-winkler ≥ 0.7", "else");

    [Theory]
    [InlineData(null, "smith", "null")]
    [InlineData("  ", "smith", "null")]
    [InlineData(" Smith ", "smith", "exact")]
    [InlineData("martha", "marhta", "jaro-winkler ≥ 0.92")]
    [InlineData("dwayne", "duane", "jaro-winkler ≥ 0.7")]
    [InlineData("smith", "jones", "else")]
    public void Text_Compare_GradesByJaroWinkler(string? left, string? right, string label)
    {
        var comparison = FuzzyComparison.Text("surname");

        comparison.Levels[comparison.Compare(left, right)].Should().Be(label);
    }

    [Theory]
    [InlineData("ACME", "acme", "exact")]
    [InlineData("acme", "acmee", "else")]
    [InlineData("acme", null, "null")]
    public void Exact_Compare_OnlyEqualValuesAgree(string? left, string? right, string label)
    {
        var comparison = FuzzyComparison.Exact("company");

        comparison.Levels[comparison.Compare(left, right)].Should().Be(label);
    }

    [Theory]
    [InlineData("1971-06-24", "19710624", "exact")]
    [InlineData("1971-06-24", "1971-05-24", "one-character typo or day-month swap")]
    [InlineData("1971-06-24", "1917-06-24", "one-character typo or day-month swap")]
    [InlineData("1971-06-04", "1971-04-06", "one-character typo or day-month swap")]
    [InlineData("1971-06-24", "1971-06-02", "same year and month")]
    [InlineData("1971-06-24", "1972-03-01", "within 1 year")]
    [InlineData("1971-06-24", "1979-01-30", "within 10 years")]
    [InlineData("1971-06-24", "1990-01-30", "else")]
    [InlineData("1971-06-24", "", "null")]
    public void Date_Compare_GradesTyposSwapsAndDistance(string left, string right, string label)
    {
        var comparison = FuzzyComparison.Date("dob");

        comparison.Levels[comparison.Compare(left, right)].Should().Be(label);
    }

    [Theory]
    [InlineData("Ada@Example.com", "ada@example.com", "exact")]
    [InlineData("ada@example.com", "ada@other.org", "same local part")]
    [InlineData("roberta25@smith.net", "robert255@smith.net", "local part and domain jaro-winkler ≥ 0.88")]
    [InlineData("ada.smith12@kyndgy.com", "adasmith7@gren.org", "else")]
    [InlineData("ada@example.com", "grace@navy.mil", "else")]
    public void Email_Compare_GradesLocalPartAndSimilarity(string left, string right, string label)
    {
        var comparison = FuzzyComparison.Email("email");

        comparison.Levels[comparison.Compare(left, right)].Should().Be(label);
    }

    [Fact]
    public void Text_WithSwapField_AddsTheSwappedLevelAfterExact()
    {
        var comparison = FuzzyComparison.Text("first_name", swapField: "surname");

        comparison.Levels[FuzzyComparison.SwappedLevel].Should().Be("swapped with surname");
        comparison.Levels[comparison.Compare("martha", "marhta")].Should().Be("jaro-winkler ≥ 0.92");
    }

    [Fact]
    public void Text_IncreasingThresholds_AreRejected()
    {
        var act = () => FuzzyComparison.Text("name", [0.8, 0.9]);

        act.Should().Throw<ArgumentException>().WithMessage("*strictly decreasing*");
    }

    [Fact]
    public void Date_YearsNotIncreasing_AreRejected()
    {
        var act = () => FuzzyComparison.Date("dob", [5, 2]);

        act.Should().Throw<ArgumentException>().WithMessage("*strictly increasing*");
    }
}
