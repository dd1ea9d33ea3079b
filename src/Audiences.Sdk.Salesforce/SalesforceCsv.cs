using System.Text;

namespace Audiences.Sdk.Salesforce;

/// <summary>The CSV Bulk API 2.0 jobs exchange: comma-delimited, LF line endings, every value quoted as Salesforce's examples show.</summary>
internal static class SalesforceCsv
{
    public static string Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows)
    {
        var text = new StringBuilder();
        Line(text, header);
        foreach (var row in rows)
        {
            Line(text, row);
        }

        return text.ToString();
    }

    public static List<List<string>> Read(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var value = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    value.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    row.Add(value.ToString());
                    value.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(value.ToString());
                    rows.Add(row);
                    row = [];
                    value.Clear();
                    any = false;
                    break;
                default:
                    value.Append(c);
                    any = true;
                    break;
            }
        }

        if (any)
        {
            row.Add(value.ToString());
            rows.Add(row);
        }

        return rows;
    }

    private static void Line(StringBuilder text, IEnumerable<string?> values)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            text.Append('"').Append((value ?? string.Empty).Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        }

        text.Append('\n');
    }
}
