namespace Audiences.Cli.Cli;

/// <summary>The options given to one command, checked against what the command accepts.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, List<string>> _values;

    private CommandOptions(Dictionary<string, List<string>> values) => _values = values;

    /// <summary>Checks the options against the command's specs.</summary>
    /// <param name="command">The command's name, for messages.</param>
    /// <param name="specs">What the command accepts.</param>
    /// <param name="given">The options given (global ones already removed).</param>
    /// <exception cref="UsageException">An option is unknown, repeated without being repeatable, or required and missing.</exception>
    public static CommandOptions Bind(string command, IReadOnlyList<OptionSpec> specs, IEnumerable<KeyValuePair<string, string?>> given)
    {
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

        return new CommandOptions(values);
    }

    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The value of a single-valued option, or null when it is not given.</summary>
    public string? Get(string name) => _values.TryGetValue(name, out var list) ? list[^1] : null;

    /// <summary>The value of a required option.</summary>
    public string GetRequired(string name) =>
        Get(name) ?? throw new InvalidOperationException($"The required option {name} was not bound.");

    /// <summary>Every value of a repeatable option, in the order given.</summary>
    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var list) ? list : [];
}
