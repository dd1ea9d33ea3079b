using System.Text;
using Spectre.Console;

namespace Audiences.Cli.Cli;

/// <summary>
/// Standard output when it is a terminal: text goes straight to the console's writer, and the table
/// writers, seeing this writer, draw their tables with the console instead of aligning plain text.
/// </summary>
internal sealed class TerminalWriter(IAnsiConsole console) : TextWriter
{
    /// <summary>The console that draws on the terminal.</summary>
    public IAnsiConsole Console { get; } = console;

    public override Encoding Encoding => Console.Profile.Encoding;

    private TextWriter Writer => Console.Profile.Out.Writer;

    public override void Write(char value) => Writer.Write(value);

    public override void Write(string? value) => Writer.Write(value);

    public override void WriteLine(string? value) => Writer.WriteLine(value);

    public override void Flush() => Writer.Flush();
}
