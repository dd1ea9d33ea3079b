namespace Audiences.Cli.Cli;

/// <summary>A positional argument a command takes after its words, e.g. the <c>ID</c> of <c>merges undo ID</c>.</summary>
/// <param name="Name">How usage shows the value and how the command reads it, e.g. <c>ID</c>.</param>
/// <param name="Help">One line for the usage text.</param>
internal sealed record ArgumentSpec(string Name, string Help)
{
    /// <summary>The argument may be left out; only the last arguments of a command may be optional.</summary>
    public bool Optional { get; init; }

    /// <summary>The argument as usage lines show it, e.g. <c>ID</c> or <c>[VALUE]</c>.</summary>
    public string Synopsis() => Optional ? $"[{Name}]" : Name;
}
