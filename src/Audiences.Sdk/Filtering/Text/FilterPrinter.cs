using System.Globalization;
using System.Text;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>Prints a filter in the text syntax with the fewest parentheses that parse back to the same tree.</summary>
internal static class FilterPrinter
{
    public static string Print(Filter filter)
    {
        var builder = new StringBuilder();
        Print(filter, builder);
        return builder.ToString();
    }

    /// <summary>Formats one value as a literal: quoted text, invariant number, true/false, ISO date.</summary>
    public static string FormatValue(FieldValue value)
    {
        var builder = new StringBuilder();
        AppendValue(value, builder);
        return builder.ToString();
    }

    private static void Print(Filter filter, StringBuilder builder)
    {
        switch (filter)
        {
            case Condition condition:
                PrintCondition(condition, builder);
                break;
            case FilterGroup group:
                var separator = group.Operator == LogicalOperator.And ? " and " : " or ";
                for (var i = 0; i < group.Filters.Count; i++)
                {
                    if (i > 0)
                    {
                        builder.Append(separator);
                    }

                    var child = group.Filters[i];

                    // Under AND every group needs parentheses; under OR only an OR group does,
                    // so that nested groups of the same operator keep their shape.
                    var wrap = child is FilterGroup inner && (group.Operator == LogicalOperator.And || inner.Operator == LogicalOperator.Or);
                    PrintWrapped(child, wrap, builder);
                }

                break;
            case NotFilter not:
                builder.Append("not ");
                PrintWrapped(not.Operand, not.Operand is FilterGroup, builder);
                break;
            case RelatedFilter related:
                builder.Append(related.Collection).Append('.').Append(related.Quantifier switch
                {
                    Quantifier.Any => "any",
                    Quantifier.All => "all",
                    _ => "none",
                }).Append('(');
                Print(related.Filter, builder);
                builder.Append(')');
                break;
            default:
                throw new ArgumentException($"Unknown filter node {filter.GetType().Name}.", nameof(filter));
        }
    }

    private static void PrintWrapped(Filter filter, bool wrap, StringBuilder builder)
    {
        if (wrap)
        {
            builder.Append('(');
        }

        Print(filter, builder);
        if (wrap)
        {
            builder.Append(')');
        }
    }

    private static void PrintCondition(Condition condition, StringBuilder builder)
    {
        builder.Append(condition.Field.Path).Append(' ').Append(condition.Operator.ToText());
        switch (condition.Operator.GetOperandShape())
        {
            case OperandShape.One:
                builder.Append(' ');
                AppendValue(condition.Values[0], builder);
                break;
            case OperandShape.Range:
                builder.Append(' ');
                AppendValue(condition.Values[0], builder);
                builder.Append(" and ");
                AppendValue(condition.Values[1], builder);
                break;
            case OperandShape.List:
                builder.Append(" [");
                for (var i = 0; i < condition.Values.Count; i++)
                {
                    builder.Append(i > 0 ? ", " : string.Empty);
                    AppendValue(condition.Values[i], builder);
                }

                builder.Append(']');
                break;
            case OperandShape.Duration:
                builder.Append(' ').Append(condition.Duration!.Value.ToString());
                break;
        }
    }

    private static void AppendValue(FieldValue value, StringBuilder builder)
    {
        switch (value.Type)
        {
            case FieldType.Text:
                AppendText(value.AsText(), builder);
                break;
            case FieldType.Number:
                builder.Append(value.AsNumber().ToString("R", CultureInfo.InvariantCulture));
                break;
            case FieldType.Boolean:
                builder.Append(value.AsBoolean() ? "true" : "false");
                break;
            case FieldType.DateTime:
                builder.Append(value.ToString());
                break;
            default:
                // Lists and empty values never reach a condition (its factories refuse them); print them readably anyway.
                builder.Append('[');
                builder.AppendJoin(", ", value.IsEmpty ? [] : value.AsList().Select(FormatText));
                builder.Append(']');
                break;
        }
    }

    private static string FormatText(string text)
    {
        var builder = new StringBuilder();
        AppendText(text, builder);
        return builder.ToString();
    }

    private static void AppendText(string text, StringBuilder builder)
    {
        builder.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    builder.Append("\\r");
                    break;
                case '\t':
                    builder.Append("\\t");
                    break;
                case < ' ':
                    builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        builder.Append('"');
    }
}
