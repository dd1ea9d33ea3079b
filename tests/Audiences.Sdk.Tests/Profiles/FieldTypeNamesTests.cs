using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Profiles;

public sealed class FieldTypeNamesTests
{
    [Theory]
    [InlineData(FieldType.Text, "text")]
    [InlineData(FieldType.Number, "number")]
    [InlineData(FieldType.Boolean, "boolean")]
    [InlineData(FieldType.DateTime, "datetime")]
    [InlineData(FieldType.TextList, "list")]
    public void ToName_EveryType_IsTheWordUsersTypeAndParsesBack(FieldType type, string name)
    {
        type.ToName().Should().Be(name);
        FieldTypeNames.TryParse($" {name.ToUpperInvariant()} ", out var parsed).Should().BeTrue();
        parsed.Should().Be(type);
    }

    [Theory]
    [InlineData("TextList")]
    [InlineData("int")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_IsFalse(string? name) =>
        FieldTypeNames.TryParse(name, out _).Should().BeFalse();

    [Fact]
    public void All_NamesEveryTypeInOrder() =>
        FieldTypeNames.All.Should().Equal(Enum.GetValues<FieldType>().Select(t => t.ToName()));
}
