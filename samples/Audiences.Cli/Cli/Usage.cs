namespace Audiences.Cli.Cli;

/// <summary>The usage text: short after a usage error, full for --help.</summary>
internal static class Usage
{
    public const string Program = "Audiences.Cli";

    public static readonly IReadOnlyList<OptionSpec> GlobalOptions =
    [
        new("--db", "PATH", "the SQLite database file (default audiences.db; the demo uses demo.db in the same folder)"),
        new("--json", null, "print exactly one JSON document on stdout"),
        new("--help", null, "show help (also -h)"),
    ];

    public static string Synopsis(ICliCommand command) =>
        string.Join(' ', command.Path.Concat(command.Arguments.Select(a => a.Synopsis())).Concat(command.Options.Select(o => o.Synopsis())));

    /// <summary>Written to stderr after a usage error.</summary>
    public static void WriteShort(TextWriter writer, ICliCommand? command)
    {
        if (command is not null)
        {
            writer.WriteLine($"usage: {Program} [--db PATH] [--json] {Synopsis(command)}");
        }
        else
        {
            writer.WriteLine($"usage: {Program} [--db PATH] [--json] <command> [options]");
            writer.WriteLine($"commands: {string.Join(", ", CommandRegistry.All.Select(CommandRegistry.NameOf))}");
        }

        writer.WriteLine($"Run '{Program} --help' for details.");
    }

    public static void WriteFull(TextWriter writer)
    {
        writer.WriteLine($"usage: {Program} [--db PATH] [--json] <command> [options]");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        foreach (var command in CommandRegistry.All)
        {
            writer.WriteLine($"  {Synopsis(command)}");
            writer.WriteLine($"      {command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("Global options:");
        WriteOptions(writer, GlobalOptions);
        writer.WriteLine();
        writer.WriteLine("Exit codes: 0 success, 1 bad input (a value, file or database that cannot be used),");
        writer.WriteLine("2 usage error (unknown command or option, missing option), 3 unexpected failure, 130 cancelled (Ctrl+C).");
        writer.WriteLine($"Run '{Program} <command> --help' for a command's options.");
    }

    public static void WriteCommand(TextWriter writer, ICliCommand command)
    {
        writer.WriteLine($"usage: {Program} [--db PATH] [--json] {Synopsis(command)}");
        writer.WriteLine();
        writer.WriteLine($"{char.ToUpperInvariant(command.Summary[0])}{command.Summary[1..]}.");
        if (command.Arguments.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Arguments:");
            WriteLabelled(writer, command.Arguments.Select(a => (a.Name, a.Help)).ToList());
        }

        if (command.Options.Count > 0)
        {
            writer.WriteLine();
            writer.WriteLine("Options:");
            WriteOptions(writer, command.Options);
        }

        writer.WriteLine();
        writer.WriteLine("Global options:");
        WriteOptions(writer, GlobalOptions);
    }

    private static void WriteOptions(TextWriter writer, IReadOnlyList<OptionSpec> options) =>
        WriteLabelled(writer, options.Select(o => (o.IsFlag ? o.Name : $"{o.Name} {o.ValueName}", o.Help)).ToList());

    private static void WriteLabelled(TextWriter writer, IReadOnlyList<(string Label, string Help)> lines)
    {
        var width = lines.Max(l => l.Label.Length);
        foreach (var (label, help) in lines)
        {
            writer.WriteLine($"  {label.PadRight(width)}  {help}");
        }
    }
}
