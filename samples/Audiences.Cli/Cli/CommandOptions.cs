namespace Audiences.Cli.Cli;

/// <summary>The options given to one command, checked against what the command accepts.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values;
    private readonly Dictionary<string, string> _arguments;

    private CommandOptions(Dictionary<string, List<string>> values, Dictionary<string, string> arguments)
    {
        _values = values;
        _arguments = arguments;
    }

    /// <summary>Checks the options against the command's specs.</summary>
    /// <param name="command">The command's name, for messages.</param>
    /// <param name="specs">What the command accepts.</param>
    /// <param name="given">The options given (global ones already removed).</param>
    /// <exception cref="UsageException">An option is unknown, repeated without being repeatable, or required and missing.</exception>
    public static CommandOptions Bind(string command, IReadOnlyList<OptionSpec> specs, IEnumerable<KeyValuePair<string, string?>> given) =>
        Bind(command, specs, given, [], []);

    /// <summary>Checks the positional arguments and the options against the command's specs.</summary>
    /// <param name="command">The command's name, for messages.</param>
    /// <param name="specs">The options the command accepts.</param>
    /// <param name="given">The options given (global ones already removed).</param>
    /// <param name="argumentSpecs">The positional arguments the command takes.</param>
    /// <param name="arguments">The words given after the command's name.</param>
    /// <exception cref="UsageException">
    /// A required argument is missing or one too many is given; an option is unknown, repeated without
    /// being repeatable, or required and missing.
    /// </exception>
    public static CommandOptions Bind(
        string command,
        IReadOnlyList<OptionSpec> specs,
        IEnumerable<KeyValuePair<string, string?>> given,
        IReadOnlyList<ArgumentSpec> argumentSpecs,
        IReadOnlyList<string> arguments)
    {
        if (arguments.Count > argumentSpecs.Count)
        {
            throw new UsageException($"unexpected argument '{arguments[argumentSpecs.Count]}' after '{command}'.");
        }

        var absent = argumentSpecs.Skip(arguments.Count).Where(a => !a.Optional).Select(a => a.Name).ToList();
        if (absent.Count > 0)
        {
            throw new UsageException($"'{command}' needs {string.Join(" and ", absent)}.");
        }

        var positional = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Count; i++)
        {
            positional[argumentSpecs[i].Name] = arguments[i];
        }

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, value) in given)
        {
            var spec = specs.FirstOrDefault(s => s.Name == name)
                ?? throw new UsageException($"unknown option {name} for '{command}'.");
            if (spec.IsFlag != (value is null))
            {
                throw new UsageException(spec.IsFlag ? $"option {name} takes no value." : $"option {name} needs a value.");
            }

            if (!values.TryGetValue(name, out var list))
            {
                values[name] = list = [];
            }
            else if (!spec.Repeatable)
            {
                throw new UsageException($"option {name} is given more than once.");
            }

            list.Add(value ?? string.Empty);
        }

        var missing = specs.Where(s => s.Required && !values.ContainsKey(s.Name)).Select(s => s.Name).ToList();
        if (missing.Count > 0)
        {
            throw new UsageException($"'{command}' needs {string.Join(" and ", missing)}.");
        }

        return new CommandOptions(values, positional);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The value of a single-valued option, or null when it is not given.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>The value of a required option.</summary>
    public string GetRequired(string name) =>
        Get(name) ?? throw new InvalidOperationException($"The required option {name} was not bound.");

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var list) ? list : [];

    /// <summary>The value of a positional argument, or null when an optional one is left out.</summary>
    public string? Argument(string name) => _arguments.GetValueOrDefault(name);

    /// <summary>The value of a required positional argument.</summary>
    public string GetRequiredArgument(string name) =>
        Argument(name) ?? throw new InvalidOperationException($"The required argument {name} was not bound.");
}
