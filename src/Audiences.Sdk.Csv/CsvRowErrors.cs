using Audiences.Sdk.Profiles;
using CsvHelper;

namespace Audiences.Sdk.Csv;

/// <summary>The messages of rejected rows: what is wrong with the row and what to do about it.</summary>
internal static class CsvRowErrors
{
    public static string Describe(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote =>
            "a quoted value is never closed, so everything up to the end of the file was read as part of it.",
        CsvMalformedReason.TextAfterClosingQuote =>
            "a quoted value has text after its closing quote.",
        _ => $"the quoting is malformed ({reason}).",
    };

    public static string Malformed(CsvMalformedReason reason) =>
        $"{Describe(reason)} Quote the whole value, close every quote, and write a quote inside a quoted value as two quotes (e.g. \"Acme \"\"West\"\", Inc\").";

    public static string ColumnCount(int values, int columns) =>
        $"the row has {values} value{(values == 1 ? "" : "s")} but the header has {columns} columns. " +
        "Give every row one value per column, and quote values that contain commas (e.g. \"Acme, Inc\").";

    public static string BlankId(CsvColumn id) =>
        $"the id in {id} is empty. Give every row an id, or leave IdColumn unset to key rows by their row number.";

    public static string DuplicateId(CsvColumn id, string value, long firstLine) =>
        $"the id '{Shorten(value)}' in {id} is already used by the row on line {firstLine}. " +
        "Ids must be unique within a file: fix or remove one of the rows.";

    public static string Value(CsvColumn column, string? error)
    {
        var type = column.Type!.Value.ToName();
        var fix = column.Inferred
            ? $"the type was inferred from the column's values. Fix the value, or map the column with a type (e.g. '{column.Header}={column.Field}:text')."
            : $"fix the value, or map the column to another field.";
        return $"{error} The field '{column.Field}' ({column}) holds {type} values; {fix}";
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : string.Concat(s.AsSpan(0, 37), "...");
}
