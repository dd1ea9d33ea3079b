using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Profiles;

public class FieldKeyTests
{
    [Theory]
    [InlineData("Email", "email")]
    [InlineData(" Work E-mail ", "work_e_mail")]
    [InlineData("LinkedIn URL", "linkedin_url")]
    [InlineData("Employee  Count", "employee_count")]
    [InlineData("Société", "societe")]
    [InlineData("2nd phone", "f_2nd_phone")]
    [InlineData("a.b/c", "a_b_c")]
    [InlineData("Score__c", "score_c")]
    [InlineData("score__c", "score__c")]
    [InlineData(" work_email ", "work_email")]
    public void FromHeader_NormalizesToSnakeCase(string header, string expected) =>
        FieldKey.FromHeader(header).Should().Be(expected);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    [InlineData("###")]
    public void FromHeader_NothingUsable_ReturnsNull(string? header) =>
        FieldKey.FromHeader(header).Should().BeNull();

    [Fact]
    public void FromHeader_LongHeader_IsCutToMaxLength() =>
        FieldKey.FromHeader(new string('a', 100))!.Length.Should().Be(FieldKey.MaxLength);

    [Theory]
    [InlineData("email", true)]
    [InlineData("work_email_2", true)]
    [InlineData("Email", false)]
    [InlineData("2email", false)]
    [InlineData("e-mail", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_AcceptsOnlySnakeCaseAscii(string? key, bool expected) =>
        FieldKey.IsValid(key).Should().Be(expected);

    [Fact]
    public void EnsureValid_Invalid_ThrowsWithExample()
    {
        var act = () => FieldKey.EnsureValid("Work Email", "key");
        act.Should().Throw<ArgumentException>().WithMessage("*'Work Email'*snake_case*work_email*");
    }
}
