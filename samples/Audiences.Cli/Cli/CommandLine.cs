using System.Globalization;

namespace Audiences.Cli.Cli;

/// <summary>
/// The arguments split into words (the command) and options, in order. Options may come before or
/// after the command; <c>--name value</c> and <c>--name=value</c> are both accepted.
/// </summary>
internal sealed class CommandLine
{
    private CommandLine(List<string> words, List<KeyValuePair<string, string?>> options)
    {
        Words = words;
        Options = options;
    }

    /// <summary>The words that are not options, e.g. <c>import</c>, <c>csv</c>.</summary>
    public IReadOnlyList<string> Words { get; }

    /// <summary>Each option given with its value (null for a flag).</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> Options { get; }

    /// <summary>Splits the arguments.</summary>
    /// <param name="args">The process arguments.</param>
    /// <param name="flags">The options that take no value; every other option takes one.</param>
    /// <exception cref="UsageException">An option lacks its value, or a flag is given one.</exception>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags)
    {
        var words = new List<string>();
        var options = new List<KeyValuePair<string, string?>>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                words.AddRange(args.Skip(i + 1));
                break;
            }

            if (arg == "-h")
            {
                arg = "--help";
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                // A negative number is a value (profiles lock 7 score -3), not a mistyped option.
                if (arg.Length > 1 && arg[0] == '-' && !double.TryParse(arg, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new UsageException($"unknown option '{arg}'; options are written with two dashes, e.g. --kind.");
                }

                words.Add(arg);
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? arg : arg[..equals];
            if (flags.Contains(name))
            {
                if (equals >= 0)
                {
                    throw new UsageException($"option {name} takes no value (got '{arg}').");
                }

                options.Add(new(name, null));
            }
            else if (equals >= 0)
            {
                options.Add(new(name, arg[(equals + 1)..]));
            }
            else if (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options.Add(new(name, args[++i]));
            }
            else
            {
                throw new UsageException($"option {name} needs a value.");
            }
        }

        return new CommandLine(words, options);
    }
}
