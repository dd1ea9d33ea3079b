namespace Audiences.Cli.Cli;

/// <summary>An option a command accepts.</summary>
/// <param name="Name">The option with its dashes, e.g. <c>--kind</c>.</param>
/// <param name="ValueName">How usage shows the value (e.g. <c>person|company</c>); null for a flag.</param>
/// <param name="Help">One line for the usage text.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Help)
{
    /// <summary>The command fails with a usage error when the option is missing.</summary>
    public bool Required { get; init; }

    /// <summary>The option may be given more than once (each value is kept, in order).</summary>
    public bool Repeatable { get; init; }

    public bool IsFlag => ValueName is null;

    /// <summary>The option as usage lines show it, e.g. <c>[--map COLUMN=FIELD[:TYPE] ...]</c>.</summary>
    public string Synopsis()
    {
        var text = IsFlag ? Name : $"{Name} {ValueName}";
        if (Repeatable)
        {
            text += " ...";
        }

        return Required ? text : $"[{text}]";
    }
}
