using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>One parse of one text: the grammar of DESIGN §5 as recursive descent over the tokens.</summary>
internal sealed partial class FilterParserState
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
