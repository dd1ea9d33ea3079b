using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>One parse of one text: the grammar of DESIGN §5 as recursive descent over the tokens.</summary>
internal sealed class FilterParserState
{
    private const string ConditionStart = "a field name, 'not' or '('";
    private readonly string _text;
    private readonly SourceMap _map;
    private readonly List<FilterToken> _tokens;
    private int _index;

    public FilterParserState(string text, SourceMap map)
    {
        _text = text;
        _map = map;
        _tokens = FilterTokenizer.Tokenize(text);
    }

    private FilterToken Current => _tokens[_index];

    public Filter ParseAll()
    {
        if (Current.Kind == TokenKind.End)
        {
            throw Error("Empty filter", ConditionStart);
        }

        var filter = ParseOr();
        if (Current.Kind != TokenKind.End)
        {
            throw Current.Kind == TokenKind.CloseParen
                ? Error("Unbalanced parenthesis", "'and', 'or' or end of text", hint: "No '(' was opened before this ')'.")
                : Error("Unexpected text after a complete condition", "'and', 'or' or end of text");
        }

        return filter;
    }

    private Filter ParseOr() => ParseChain("or", LogicalOperator.Or, ParseAnd);

    private Filter ParseAnd() => ParseChain("and", LogicalOperator.And, ParseUnary);

    private Filter ParseChain(string keyword, LogicalOperator op, Func<Filter> operand)
    {
        var first = operand();
        if (!Current.IsKeyword(keyword))
        {
            return first;
        }

        var filters = new List<Filter> { first };
        while (Current.IsKeyword(keyword))
        {
            _index++;
            filters.Add(operand());
        }

        return new FilterGroup(op, filters);
    }

    private Filter ParseUnary()
    {
        if (Current.IsKeyword("not"))
        {
            _index++;
            return new NotFilter(ParseUnary());
        }

        if (Current.Kind == TokenKind.OpenParen)
        {
            var open = Current;
            _index++;
            var inner = ParseOr();
            if (Current.Kind != TokenKind.CloseParen)
            {
                throw Error("Unclosed parenthesis", "')'", hint: $"The '(' at {_map.At(open.Offset, 1)} is not closed.");
            }

            _index++;
            return inner;
        }

        return ParseCondition();
    }

    private Filter ParseCondition()
    {
        var start = Current;
        if (start.Kind != TokenKind.Identifier || start.IsKeyword("and") || start.IsKeyword("or"))
        {
            throw Error("Expected a condition", ConditionStart);
        }

        _index++;
        var names = new List<string> { start.Raw };
        var end = start.Offset + start.Length;
        while (Current.Kind == TokenKind.Dot)
        {
            _index++;
            if (Current.Kind != TokenKind.Identifier)
            {
                throw Error("Incomplete field path", "a name after '.'");
            }

            var name = Current;
            _index++;
            if (_tokens[_index].Kind == TokenKind.OpenParen && TryQuantifier(name.Raw, out var quantifier))
            {
                if (names.Count != 1)
                {
                    throw new FilterSyntaxException(
                        "Quantifier on a nested path", _map.At(start.Offset, name.Offset - start.Offset),
                        "a related collection such as opportunities.any(...)", $"'{string.Join('.', names)}'");
                }

                return ParseRelated(start, quantifier);
            }

            names.Add(name.Raw);
            end = name.Offset + name.Length;
        }

        var fieldSpan = _map.At(start.Offset, end - start.Offset);
        if (names.Count > 2)
        {
            throw new FilterSyntaxException(
                "Field path too long", fieldSpan, "a field or entity.field such as company.employee_count", $"'{string.Join('.', names)}'");
        }

        return ParseOperator(new FieldPath(string.Join('.', names)), fieldSpan);
    }

    private RelatedFilter ParseRelated(FilterToken collection, Quantifier quantifier)
    {
        var open = Current;
        _index++;
        if (Current.Kind == TokenKind.CloseParen)
        {
            throw Error("Empty quantifier", "a condition on the related records inside the parentheses");
        }

        var inner = ParseOr();
        if (Current.Kind != TokenKind.CloseParen)
        {
            throw Error("Unclosed quantifier", "')'", hint: $"The '(' at {_map.At(open.Offset, 1)} is not closed.");
        }

        _index++;
        var related = new RelatedFilter(collection.Raw, quantifier, inner);
        _map.Add(related, new SourceSpans(_map.At(collection.Offset, collection.Length), null, []));
        return related;
    }

    private static bool TryQuantifier(string word, out Quantifier quantifier)
    {
        quantifier = word.ToLowerInvariant() switch
        {
            "any" => Quantifier.Any,
            "all" => Quantifier.All,
            "none" => Quantifier.None,
            _ => 0,
        };
        return quantifier != 0;
    }

    private Condition ParseOperator(FieldPath field, FilterPosition fieldSpan)
    {
        var opToken = Current;
        var op = ReadOperator();
        var opSpan = _map.At(opToken.Offset, _tokens[_index - 1].Offset + _tokens[_index - 1].Length - opToken.Offset);
        var values = new List<(FieldValue Value, FilterPosition Span)>();
        RelativeDuration? duration = null;
        switch (op.GetOperandShape())
        {
            case OperandShape.One:
                values.Add(ReadValue(op));
                break;
            case OperandShape.Range:
                values.Add(ReadValue(op));
                Expect("and", "'and' between the two bounds");
                values.Add(ReadValue(op));
                break;
            case OperandShape.List:
                ReadList(op, values);
                break;
            case OperandShape.Duration:
                if (Current.Kind != TokenKind.Duration)
                {
                    throw Error("Expected a duration", "a duration such as 90d, 2w, 6m or 1y");
                }

                duration = RelativeDuration.TryParse(Current.Raw, out var parsed) ? parsed : throw Error("Invalid duration", "a duration such as 90d");
                _index++;
                break;
        }

        var condition = Condition.Create(field, op, values.Select(v => v.Value).ToArray(), duration);
        _map.Add(condition, new SourceSpans(fieldSpan, opSpan, values.Select(v => v.Span).ToArray()));
        return condition;
    }

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

    private void Expect(string keyword, string expected, string? hint = null)
    {
        if (!Current.IsKeyword(keyword))
        {
            throw Error("Unexpected " + (Current.Kind == TokenKind.End ? "end of text" : "word"), expected, hint: hint);
        }

        _index++;
    }

    private FilterSyntaxException Error(string problem, string expected, string? found = null, string? hint = null) =>
        new(problem, _map.At(Current.Offset, Current.Length), expected, found ?? Current.Describe(), hint);
}
