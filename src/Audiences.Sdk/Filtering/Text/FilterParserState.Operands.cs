using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>The operator and operand half of the parser: operators, values and lists.</summary>
internal sealed partial class FilterParserState
{
    private FilterOperator ReadOperator()
    {
        var token = Current;
        if (token.Kind == TokenKind.Comparison)
        {
            _index++;
            return token.Raw switch
            {
                "=" => FilterOperator.Equal,
                "!=" => FilterOperator.NotEqual,
                "<" => FilterOperator.LessThan,
                "<=" => FilterOperator.LessThanOrEqual,
                ">" => FilterOperator.GreaterThan,
                _ => FilterOperator.GreaterThanOrEqual,
            };
        }

        if (token.Kind == TokenKind.Identifier)
        {
            switch (token.Raw.ToLowerInvariant())
            {
                case "contains":
                    _index++;
                    return FilterOperator.Contains;
                case "in":
                    _index++;
                    return FilterOperator.In;
                case "before":
                    _index++;
                    return FilterOperator.Before;
                case "after":
                    _index++;
                    return FilterOperator.After;
                case "between":
                    _index++;
                    return FilterOperator.Between;
                case "starts":
                    _index++;
                    Expect("with", "'with' after 'starts'");
                    return FilterOperator.StartsWith;
                case "ends":
                    _index++;
                    Expect("with", "'with' after 'ends'");
                    return FilterOperator.EndsWith;
                case "within":
                    _index++;
                    Expect("last", "'last' after 'within'");
                    return FilterOperator.WithinLast;
                case "is":
                    _index++;
                    if (Current.IsKeyword("empty"))
                    {
                        _index++;
                        return FilterOperator.IsEmpty;
                    }

                    Expect("not", "'empty' or 'not empty' after 'is'", "To compare with a value, use '=' or '!='.");
                    Expect("empty", "'empty' after 'is not'", "To compare with a value, use '!='.");
                    return FilterOperator.IsNotEmpty;
                case "not":
                    _index++;
                    return ReadNegatedOperator();
            }
        }

        var suggestion = token.Kind == TokenKind.Identifier ? DidYouMean.Closest(token.Raw, OperatorWords) : null;
        throw Error(
            "Expected an operator", "an operator (=, !=, <, <=, >, >=, contains, starts with, ends with, in, before, after, between, is empty, within last, or their 'not' forms)",
            hint: suggestion is null ? null : $"Did you mean '{suggestion}'?");
    }

    private static readonly string[] OperatorWords = ["contains", "in", "before", "after", "between", "starts", "ends", "within", "is", "not"];

    private FilterOperator ReadNegatedOperator()
    {
        if (Current.IsKeyword("contains"))
        {
            _index++;
            return FilterOperator.NotContains;
        }

        if (Current.IsKeyword("in"))
        {
            _index++;
            return FilterOperator.NotIn;
        }

        Expect("within", "'contains', 'in' or 'within last' after 'not'");
        Expect("last", "'last' after 'not within'");
        return FilterOperator.NotWithinLast;
    }

    private (FieldValue Value, FilterPosition Span) ReadValue(FilterOperator op)
    {
        var token = Current;
        var span = _map.At(token.Offset, token.Length);
        FieldValue value;
        switch (token.Kind)
        {
            case TokenKind.Text when string.IsNullOrWhiteSpace(token.Value):
                throw Error("Blank text is not a value", "non-blank text", hint: "To test for no value, use 'is empty'.");
            case TokenKind.Text:
                value = FieldValue.FromText(token.Value);
                break;
            case TokenKind.Number:
                FieldValue.TryParse(token.Raw, FieldType.Number, out value, out _);
                break;
            case TokenKind.Date:
                FieldValue.TryParse(token.Raw, FieldType.DateTime, out value, out _);
                break;
            case TokenKind.Identifier when token.IsKeyword("true") || token.IsKeyword("false"):
                value = FieldValue.FromBoolean(token.IsKeyword("true"));
                break;
            case TokenKind.OpenBracket:
                throw Error($"A list is not a value for '{op.ToText()}'", "a single value", hint: "Lists go after 'in' or 'not in'.");
            case TokenKind.Identifier:
                throw Error("Expected a value", "a value (\"text\", number, true, false or a date such as 2026-01-31)", hint: "Put text in quotes.");
            default:
                throw Error("Expected a value", "a value (\"text\", number, true, false or a date such as 2026-01-31)");
        }

        _index++;
        return (value, span);
    }

    private void ReadList(FilterOperator op, List<(FieldValue, FilterPosition)> values)
    {
        if (Current.Kind != TokenKind.OpenBracket)
        {
            throw Error($"Expected a list after '{op.ToText()}'", "'[' starting a list such as [\"SaaS\", \"Fintech\"]");
        }

        _index++;
        if (Current.Kind == TokenKind.CloseBracket)
        {
            throw Error("Empty list", "at least one value");
        }

        while (true)
        {
            values.Add(ReadValue(op));
            if (Current.Kind == TokenKind.CloseBracket)
            {
                _index++;
                return;
            }

            if (Current.Kind != TokenKind.Comma)
            {
                throw Error("Unclosed list", "',' or ']'");
            }

            _index++;
        }
    }
}
