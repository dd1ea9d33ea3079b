using System.Text.RegularExpressions;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Filtering;

/// <summary>One reading of a phrase around one field mention: the words before it and after it decide the condition.</summary>
internal sealed class PhraseAttempt(string original, string lowered, FieldMention mention)
{
    private FieldPath Path => mention.Phrase.Path;

    private FieldType Type => mention.Phrase.Field.Type;

    /// <summary>The condition, or null with a reason when the words around the field make no known form (null reason: not a reading at all).</summary>
    public Condition? Build(out string? reason)
    {
        reason = null;
        var before = PhraseForms.Subject.Replace(lowered[..mention.Start].Trim(), string.Empty).Trim();
        var afterStart = mention.End;
        var after = lowered[afterStart..].Trim();
        var afterOffset = afterStart + (lowered.Length - afterStart - lowered[afterStart..].TrimStart().Length);

        if (after.Length == 0)
        {
            return BuildFromBefore(before, out reason);
        }

        if (!PhraseForms.Lead.IsMatch(before))
        {
            return null;
        }

        // A form whose value does not fit ("> 3" read as "more than" with value "= 3") gives way to later forms;
        // the first such reason is kept for the error message.
        string? firstReason = null;
        foreach (var form in PhraseForms.After)
        {
            var match = form.Pattern.Match(after);
            if (match.Success)
            {
                var condition = FromForm(form, match, afterOffset, out var formReason);
                if (condition is not null)
                {
                    return condition;
                }

                firstReason ??= formReason;
            }
        }

        reason = firstReason ?? $"'{original[afterOffset..]}' is not a condition I know";
        return null;
    }

    private Condition? BuildFromBefore(string before, out string? reason)
    {
        reason = null;
        if (PhraseForms.HasNo.IsMatch(before))
        {
            return Condition.IsEmpty(Path);
        }

        if (PhraseForms.HasA.IsMatch(before))
        {
            return Condition.IsEmpty(Path, negated: true);
        }

        var comparison = PhraseForms.ComparisonBefore.Match(before);
        if (comparison.Success)
        {
            var op = PhraseForms.ComparisonOperator(comparison.Groups["c"].Value);
            var value = PhraseValues.Parse(comparison.Groups["v"].Value, Type, out reason);
            return value is null ? null : Condition.Compare(Path, op, value.Value);
        }

        if (Type == FieldType.Boolean && PhraseForms.IsTrue.IsMatch(before))
        {
            return Condition.Compare(Path, FilterOperator.Equal, FieldValue.FromBoolean(true));
        }

        if (Type == FieldType.Boolean && PhraseForms.IsFalse.IsMatch(before))
        {
            return Condition.Compare(Path, FilterOperator.Equal, FieldValue.FromBoolean(false));
        }

        return null;
    }

    private Condition? FromForm(PhraseForm form, Match match, int offset, out string? reason)
    {
        reason = null;
        switch (form.Operator.GetOperandShape())
        {
            case OperandShape.None:
                return Condition.IsEmpty(Path, form.Operator == FilterOperator.IsNotEmpty);
            case OperandShape.Duration:
                var count = PhraseValues.Count(match.Groups["n"].Success ? match.Groups["n"].Value : null);
                if (count is null)
                {
                    reason = $"'{match.Groups["n"].Value}' is not a number of {match.Groups["u"].Value}s";
                    return null;
                }

                var unit = match.Groups["u"].Value switch
                {
                    "day" => DurationUnit.Day,
                    "week" => DurationUnit.Week,
                    "month" => DurationUnit.Month,
                    _ => DurationUnit.Year,
                };
                return Condition.WithinLast(Path, new RelativeDuration(count.Value, unit), form.Operator == FilterOperator.NotWithinLast);
            case OperandShape.Range:
                var low = Value(match.Groups["v"], offset, out reason);
                var high = low is null ? null : Value(match.Groups["w"], offset, out reason);
                return high is null ? null : Condition.Between(Path, low!.Value, high.Value);
            case OperandShape.List:
                var text = original.Substring(offset + match.Groups["v"].Index, match.Groups["v"].Length);
                var items = new List<FieldValue>();
                foreach (var item in PhraseValues.SplitList(text))
                {
                    var parsed = PhraseValues.Parse(item, Type == FieldType.TextList ? FieldType.Text : Type, out reason);
                    if (parsed is null)
                    {
                        return null;
                    }

                    items.Add(parsed.Value);
                }

                var negated = form.Operator == FilterOperator.NotIn;
                return items.Count == 1
                    ? Condition.Compare(Path, negated ? FilterOperator.NotEqual : FilterOperator.Equal, items[0])
                    : Condition.In(Path, items, negated);
            default:
                var value = Value(match.Groups["v"], offset, out reason);
                return value is null ? null : Condition.Compare(Path, form.Operator, value.Value);
        }
    }

    private FieldValue? Value(Group group, int offset, out string? reason)
    {
        var text = original.Substring(offset + group.Index, group.Length);
        var type = Type == FieldType.TextList ? FieldType.Text : Type;
        var value = PhraseValues.Parse(text, type, out reason);
        reason ??= value is null ? $"no value in '{text}'" : null;
        return value;
    }
}
