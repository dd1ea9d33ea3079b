namespace Audiences.Sdk.Profiles;

/// <summary>Enumerates a record's values without boxing an enumerator when they are a plain dictionary, as most are.</summary>
internal static class FieldValues
{
    /// <summary>Counts the non-empty values.</summary>
    public static int CountFilled(IReadOnlyDictionary<string, FieldValue> values)
    {
        var count = 0;
        if (values is Dictionary<string, FieldValue> dictionary)
        {
            foreach (var pair in dictionary)
            {
                count += pair.Value.IsEmpty ? 0 : 1;
            }

            return count;
        }

        foreach (var pair in values)
        {
            count += pair.Value.IsEmpty ? 0 : 1;
        }

        return count;
    }
}
