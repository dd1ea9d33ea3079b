using Audiences.Sdk.Filtering;

namespace Audiences.Sdk.Tests.Filtering;

public class FilterParserErrorTests
{
    [Theory]
    [InlineData("", 0, "Empty filter at line 1, column 1: expected a field name, 'not' or '(', found end of text.")]
    [InlineData("title = #", 8, "Unexpected character at line 1, column 9: expected a field, value, operator or parenthesis, found '#'.")]
    [InlineData("title = \"abc", 8, "Unterminated text at line 1, column 9: expected a closing \", found end of text.")]
    [InlineData("title = \"a\\qb\"", 10, "Invalid escape in text at line 1, column 11: *found '\\q'.")]
    [InlineData("x > 2026-13-01", 4, "Invalid date at line 1, column 5: expected a date such as 2026-01-31 or 2026-01-31T09:30:00Z, found '2026-13-01'.")]
    [InlineData("x within last 0d", 14, "Invalid duration at line 1, column 15: expected a whole number from 1 to 36600 followed by d, w, m or y, found '0d'.")]
    [InlineData("x = 12abc", 4, "Invalid number at line 1, column 5: expected a number such as 500 or 2.5, or a duration such as 90d, found '12abc'.")]
    [InlineData("a is empty)", 10, "Unbalanced parenthesis at line 1, column 11: expected 'and', 'or' or end of text, found ')'. No '(' was opened before this ')'.")]
    [InlineData("a is empty b is empty", 11, "Unexpected text after a complete condition at line 1, column 12: expected 'and', 'or' or end of text, found 'b'.")]
    [InlineData("(a is empty", 11, "Unclosed parenthesis at line 1, column 12: expected ')', found end of text. The '(' at line 1, column 1 is not closed.")]
    [InlineData("a is empty and or", 15, "Expected a condition at line 1, column 16: expected a field name, 'not' or '(', found 'or'.")]
    [InlineData("a is empty and 5", 15, "Expected a condition at line 1, column 16: expected a field name, 'not' or '(', found '5'.")]
    [InlineData("company. = 5", 9, "Incomplete field path at line 1, column 10: expected a name after '.', found '='.")]
    [InlineData("a.b.any(x = 1)", 0, "Quantifier on a nested path at line 1, column 1: expected a related collection such as opportunities.any(...), found 'a.b'.")]
    [InlineData("a.b.c = 1", 0, "Field path too long at line 1, column 1: expected a field or entity.field such as company.employee_count, found 'a.b.c'.")]
    [InlineData("opportunities.any()", 18, "Empty quantifier at line 1, column 19: expected a condition on the related records inside the parentheses, found ')'.")]
    [InlineData("opportunities.any(amount > 1", 28, "Unclosed quantifier at line 1, column 29: expected ')', found end of text. The '(' at line 1, column 18 is not closed.")]
    [InlineData("title contians \"x\"", 6, "Expected an operator at line 1, column 7: expected an operator (=, *found 'contians'. Did you mean 'contains'?")]
    [InlineData("title starts \"x\"", 13, "Unexpected word at line 1, column 14: expected 'with' after 'starts', found text \"x\".")]
    [InlineData("x within 5d", 9, "Unexpected word at line 1, column 10: expected 'last' after 'within', found '5d'.")]
    [InlineData("title is \"x\"", 9, "Unexpected word at line 1, column 10: expected 'empty' or 'not empty' after 'is', found text \"x\". To compare with a value, use '=' or '!='.")]
    [InlineData("title not equals \"x\"", 10, "Unexpected word at line 1, column 11: expected 'contains', 'in' or 'within last' after 'not', found 'equals'.")]
    [InlineData("x within last 90", 14, "Expected a duration at line 1, column 15: expected a duration such as 90d, 2w, 6m or 1y, found '90'.")]
    [InlineData("title = \"\"", 8, "Blank text is not a value at line 1, column 9: expected non-blank text, found text \"\". To test for no value, use 'is empty'.")]
    [InlineData("title = [\"a\"]", 8, "A list is not a value for '=' at line 1, column 9: expected a single value, found '['. Lists go after 'in' or 'not in'.")]
    [InlineData("title = CTO", 8, "Expected a value at line 1, column 9: expected a value (\"text\", number, true, false or a date such as 2026-01-31), found 'CTO'. Put text in quotes.")]
    [InlineData("title =", 7, "Expected a value at line 1, column 8: *found end of text.")]
    [InlineData("industry in \"x\"", 12, "Expected a list after 'in' at line 1, column 13: expected '[' starting a list such as [\"SaaS\", \"Fintech\"], found text \"x\".")]
    [InlineData("industry in []", 13, "Empty list at line 1, column 14: expected at least one value, found ']'.")]
    [InlineData("industry in [\"a\" \"b\"]", 17, "Unclosed list at line 1, column 18: expected ',' or ']', found text \"b\".")]
    [InlineData("x between 1 2", 12, "Unexpected word at line 1, column 13: expected 'and' between the two bounds, found '2'.")]
    [InlineData("x is", 4, "Unexpected end of text at line 1, column 5: expected 'empty' or 'not empty' after 'is', found end of text. To compare with a value, use '=' or '!='.")]
    public void Parse_BadText_ThrowsWithPositionExpectedAndFound(string text, int offset, string message)
    {
        var act = () => FilterParser.Parse(text);
        var error = act.Should().Throw<FilterSyntaxException>().WithMessage(message).Which;
        error.Position.Should().NotBeNull();
        error.Position!.Value.Offset.Should().Be(offset);
        error.Expected.Should().NotBeNullOrEmpty();
        error.Found.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public void Parse_ErrorOnSecondLine_ReportsLineAndColumn()
    {
        var act = () => FilterParser.Parse("title = \"x\"\nand score > #");
        var error = act.Should().Throw<FilterSyntaxException>().Which;
        error.Position!.Value.Line.Should().Be(2);
        error.Position!.Value.Column.Should().Be(13);
        error.Message.Should().StartWith("Unexpected character at line 2, column 13");
    }
}
