using Audiences.Sdk.Filtering;

namespace Audiences.Cli.Output;

/// <summary>Writes a filter error: the one-line message, then the text's line with a caret under the place.</summary>
internal static class FilterErrorText
{
    /// <summary>
    /// <c>error: Unknown field 'titel' … Did you mean 'title'?</c>, then — when the error has a
    /// position — the line of <paramref name="text"/> it is on and <c>^^^^^</c> under the offending part.
    /// </summary>
    public static void Write(TextWriter writer, FilterException exception, string text)
    {
        writer.WriteLine($"error: {Formats.OneLine(exception.Message)}");
        if (exception.Position is not { } position)
        {
            return;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        if (position.Line > lines.Length)
        {
            return;
        }

        var line = lines[position.Line - 1];
        var start = Math.Min(position.Column - 1, line.Length);

        // Tabs stay tabs under the text, so the caret lines up whatever the terminal's tab width.
        var indent = new string([.. line[..start].Select(c => c == '\t' ? '\t' : ' ')]);
        var width = Math.Max(1, Math.Min(position.Length, line.Length - start));
        writer.WriteLine($"  {line}");
        writer.WriteLine($"  {indent}{new string('^', width)}");
    }
}
