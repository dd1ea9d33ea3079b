using System.CommandLine;

namespace Audiences.Cli.Cli;

/// <summary>What shell completion (the [suggest] directive) offers for an option's value.</summary>
internal static class Completions
{
    /// <summary>Offers <paramref name="values"/> as typed on the command line, in place of an enum's member names.</summary>
    public static T CompletingWith<T>(this T option, params string[] values)
        where T : Option
    {
        option.CompletionSources.Clear();
        option.CompletionSources.Add(values);
        return option;
    }
}
