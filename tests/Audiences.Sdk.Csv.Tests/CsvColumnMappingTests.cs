using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Csv.Tests;

public sealed class CsvColumnMappingTests
{
    [Fact]
    public void Parse_ColumnAndField_GivesMappingWithoutType()
    {
        var mapping = CsvColumnMapping.Parse(" E-mail Address = email ");

        mapping.Column.Should().Be("E-mail Address");
        mapping.Field.Should().Be("email");
        mapping.Type.Should().BeNull();
    }

    [Theory]
    [InlineData("text", FieldType.Text)]
    [InlineData("number", FieldType.Number)]
    [InlineData("Boolean", FieldType.Boolean)]
    [InlineData("DATETIME", FieldType.DateTime)]
    [InlineData("list", FieldType.TextList)]
    public void Parse_WithType_GivesType(string typeName, FieldType expected)
    {
        var mapping = CsvColumnMapping.Parse($"Column=field_key:{typeName}");

        mapping.Field.Should().Be("field_key");
        mapping.Type.Should().Be(expected);
    }

    [Fact]
    public void Parse_ColumnContainingEquals_SplitsAtLastEquals()
    {
        var mapping = CsvColumnMapping.Parse("a=b=score");

        mapping.Column.Should().Be("a=b");
        mapping.Field.Should().Be("score");
    }

    [Theory]
    [InlineData("email", "has no '='")]
    [InlineData("=email", "names no column")]
    [InlineData("Email=", "names no field")]
    [InlineData("Email=:text", "names no field")]
    [InlineData("Email=Work Email", "'Work Email', which is not a valid field key")]
    [InlineData("Email=email:int", "the type 'int', which is not one of text, number, boolean, datetime or list")]
    [InlineData("Email=email:", "the type ''")]
    public void Parse_BadText_ThrowsFormatExceptionSayingWhatIsWrong(string text, string expected)
    {
        var act = () => CsvColumnMapping.Parse(text);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain(expected).And.Contain(text);
    }

    [Fact]
    public void Parse_InvalidFieldKey_SuggestsNormalizedKey()
    {
        var act = () => CsvColumnMapping.Parse("Email=Work Email");

        act.Should().Throw<FormatException>().WithMessage("*'work_email'*");
    }

    [Theory]
    [InlineData("Email=email")]
    [InlineData("Employees=employee_count:number")]
    [InlineData("Tags=tags:list")]
    public void ToString_ParsedMapping_GivesTextThatParsesBack(string text)
    {
        var mapping = CsvColumnMapping.Parse(text);

        mapping.ToString().Should().Be(text);
        CsvColumnMapping.Parse(mapping.ToString()).Should().Be(mapping);
    }

    [Fact]
    public void Constructor_InvalidFieldKey_ThrowsArgumentException()
    {
        var act = () => new CsvColumnMapping("Email", "Email");

        act.Should().Throw<ArgumentException>().WithMessage("*not a valid field key*");
    }

    [Fact]
    public void Constructor_BlankColumn_ThrowsArgumentException()
    {
        var act = () => new CsvColumnMapping(" ", "email");

        act.Should().Throw<ArgumentException>();
    }
}
