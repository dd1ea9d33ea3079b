using Audiences.Sdk.Sync;

namespace Audiences.Samples.Worker.Configuration;

/// <summary>The syncs of <c>Audiences:Syncs</c>, read into definitions, with every problem of the section by configuration path.</summary>
internal sealed class ConfiguredSyncs
{
    private ConfiguredSyncs(IReadOnlyList<SyncDefinition> definitions, IReadOnlyList<string> problems)
    {
        Definitions = definitions;
        Problems = problems;
    }

    /// <summary>The usable definitions, in configuration order.</summary>
    public IReadOnlyList<SyncDefinition> Definitions { get; }

    /// <summary>Everything wrong, each starting with the setting's path; empty when the configuration is usable.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>Reads the options' syncs, with file paths relative to <paramref name="contentRoot"/>.</summary>
    public static ConfiguredSyncs Read(SyncWorkerOptions options, string contentRoot)
    {
        var problems = new List<string>();
        var section = SyncWorkerOptions.SectionName;
        if (!Blank(options.PollInterval) && !Durations.TryParse(options.PollInterval, out _))
        {
            problems.Add($"{section}:PollInterval is '{options.PollInterval}', which is no duration; {Durations.Forms}");
        }

        for (var i = 0; i < options.SqlProviders.Count; i++)
        {
            if (!SqlProviders.Known.ContainsKey(options.SqlProviders[i]?.Trim() ?? ""))
            {
                problems.Add($"{section}:SqlProviders:{i} is '{options.SqlProviders[i]}', which is no provider this worker ships; use {string.Join(" or ", SqlProviders.Known.Keys.Order(StringComparer.Ordinal))}");
            }
        }

        var reader = new SyncSettingsReader(contentRoot, SqlProviders.Enabled(options.SqlProviders));
        var definitions = new List<SyncDefinition>();
        var firstByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Syncs.Count; i++)
        {
            var reading = reader.Read(options.Syncs[i], i);
            problems.AddRange(reading.Problems);
            var name = options.Syncs[i].Name?.Trim();
            if (!Blank(name) && !firstByName.TryAdd(name!, i))
            {
                problems.Add($"{section}:Syncs:{i}:Name is '{name}', which {section}:Syncs:{firstByName[name!]} already names; give each sync its own name");
            }
            else if (reading.Definition is { } definition)
            {
                definitions.Add(definition);
            }
        }

        return new ConfiguredSyncs(definitions, problems);
    }

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);
}
