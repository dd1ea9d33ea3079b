using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterOperatorsTests
{
    [Theory]
    [InlineData(FilterOperator.LessThan, "<")]
    [InlineData(FilterOperator.NotContains, "not_contains")]
    [InlineData(FilterOperator.WithinLast, "within_last")]
    [InlineData(FilterOperator.IsNotEmpty, "is_not_empty")]
    public void ToJsonName_IsTheJsonFormsOp(FilterOperator op, string expected) =>
        op.ToJsonName().Should().Be(expected);

    [Fact]
    public void ToJsonName_EveryOperator_IsWhatTheJsonFormWrites()
    {
        foreach (var op in Enum.GetValues<FilterOperator>().Where(o => o != 0))
        {
            var condition = op.GetOperandShape() switch
            {
                OperandShape.None => Condition.IsEmpty("x", op.IsNegative()),
                OperandShape.Duration => Condition.WithinLast("x", new RelativeDuration(1, DurationUnit.Day), op.IsNegative()),
                OperandShape.Range => Condition.Between("x", FieldValue.FromNumber(1), FieldValue.FromNumber(2)),
                OperandShape.List => Condition.In("x", [FieldValue.FromNumber(1)], op.IsNegative()),
                _ => Condition.Compare("x", op, FieldValue.FromNumber(1)),
            };

            FilterJson.Serialize(condition).Should().Contain($"\"op\":\"{op.ToJsonName()}\"");
        }
    }
}
