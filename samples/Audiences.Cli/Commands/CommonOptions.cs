using Audiences.Cli.Cli;

namespace Audiences.Cli.Commands;

/// <summary>Options several commands share.</summary>
internal static class CommonOptions
{
    public static readonly OptionSpec Kind = new("--kind", "person|company", "the kind of profile") { Required = true };
}
