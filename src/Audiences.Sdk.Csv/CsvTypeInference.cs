using Audiences.Sdk.Profiles;
using CsvHelper;

namespace Audiences.Sdk.Csv;

/// <summary>
/// Infers the type of the columns that create new fields, in one pass over the file before the
/// rows are read. The pass stops early once every such column has proved to be text.
/// </summary>
internal static class CsvTypeInference
{
    /// <exception cref="CsvSourceException">The file cannot be read again.</exception>
    public static async Task InferAsync(string path, string readFrom, CsvLayout layout, int? sampleRows, CancellationToken cancellationToken)
    {
        var pending = layout.Fields.Where(c => c.Type is null).ToArray();
        if (pending.Length == 0)
        {
            return;
        }

        // The type each column's values agree on so far: null before the first value, Text once they disagree.
        var types = new FieldType?[pending.Length];
        var undecided = pending.Length;
        var one = new string?[1];

        var file = await CsvFile.OpenAsync(path, readFrom, cancellationToken).ConfigureAwait(false);
        await using (file.ConfigureAwait(false))
        {
            long rows = 0;
            while (undecided > 0 && rows < (sampleRows ?? long.MaxValue) && await file.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                var reader = file.Reader;

                // Rows the read will reject do not vote.
                if (file.TakeMalformed() is { Reason: not CsvMalformedReason.StrayQuote } || reader.FieldCount != layout.Columns.Count)
                {
                    continue;
                }

                for (var k = 0; k < pending.Length; k++)
                {
                    if (types[k] == FieldType.Text)
                    {
                        continue;
                    }

                    // A value fits at most one of number, boolean and date-time, so a column's type is the
                    // type all its values infer to on their own, and text as soon as two disagree.
                    var value = reader.GetString(pending[k].Index);
                    if (string.IsNullOrWhiteSpace(value) || (types[k] is { } current && Confirms(current, value)))
                    {
                        continue;
                    }

                    one[0] = value;
                    var type = FieldValue.InferType(one);
                    types[k] = types[k] is null || types[k] == type ? type : FieldType.Text;
                    if (types[k] == FieldType.Text)
                    {
                        undecided--;
                    }
                }
            }
        }

        for (var k = 0; k < pending.Length; k++)
        {
            pending[k].Type = types[k] ?? FieldType.Text;
            pending[k].Inferred = true;
        }
    }

    /// <summary>
    /// Whether a value infers to the column's current type, by the rules <see cref="FieldValue.InferType"/>
    /// documents but without trying every type: most values of a column agree with it, and trying the
    /// date formats on every number would make the pass several times slower. A false answer only sends
    /// the value to <see cref="FieldValue.InferType"/>.
    /// </summary>
    private static bool Confirms(FieldType type, string value)
    {
        var s = value.Trim();
        return type switch
        {
            // Leading zeros keep codes such as zip codes text.
            FieldType.Number => !(s.Length > 1 && s[0] == '0' && char.IsAsciiDigit(s[1])) && FieldValue.TryParse(s, FieldType.Number, out _, out _),
            FieldType.Boolean => s.Equals("true", StringComparison.OrdinalIgnoreCase) || s.Equals("false", StringComparison.OrdinalIgnoreCase),
            FieldType.DateTime => FieldValue.TryParse(s, FieldType.DateTime, out _, out _),
            _ => false,
        };
    }
}
