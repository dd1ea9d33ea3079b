using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>Checks a definition against the registered providers, the audiences and the filter language, before it is stored.</summary>
internal static class EnrichmentDefinitionRules
{
    public static async Task CheckAsync(EnrichmentDefinition definition, EnrichmentEnvironment environment, CancellationToken cancellationToken)
    {
        Require(!string.IsNullOrWhiteSpace(definition.Name), "An enrichment needs a name.");
        Require(definition.Providers.Count > 0, $"Enrichment '{definition.Name}' names no provider; name one, or several to try in order.");
        Require(definition.Audiences.Count > 0, $"Enrichment '{definition.Name}' serves no audience; name the audiences whose members it enriches.");
        Require(definition.Mappings.Count > 0 || definition.Action is not null,
            $"Enrichment '{definition.Name}' maps no output and names no action; map each output it should write (OUTPUT=FIELD), or name a record action to trigger.");
        if (definition.Action is { } action)
        {
            Require(environment.Actions.Any(a => string.Equals(a.Name, action, StringComparison.OrdinalIgnoreCase)),
                $"Enrichment '{definition.Name}' names the action '{action}', which is not registered; registered: "
                + (environment.Actions.Count == 0 ? "none (add one with AddRecordAction)." : string.Join(", ", environment.Actions.Select(a => $"'{a.Name}'")) + "."));
        }

        var provider = Provider(definition, environment);
        Require(provider.Kind == definition.Kind,
            $"Enrichment '{definition.Name}' is for {EntityKindText.Word(definition.Kind)} profiles, but '{provider.Name}' enriches {EntityKindText.Word(provider.Kind)} profiles.");
        foreach (var mapping in definition.Mappings)
        {
            Require(provider.Outputs.Any(o => o.Field == mapping.Output),
                $"Enrichment '{definition.Name}' maps the output '{mapping.Output}', which '{provider.Name}' does not give; it gives {string.Join(", ", provider.Outputs.Select(o => $"'{o.Field}'"))}.");
            Require(FieldKey.IsValid(mapping.Field),
                $"Enrichment '{definition.Name}' maps '{mapping.Output}' onto '{mapping.Field}', which is not a field key; use snake_case such as work_email.");
        }

        foreach (var audienceId in definition.Audiences)
        {
            var audience = await environment.Audiences.GetAsync(audienceId, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"Enrichment '{definition.Name}' serves audience {audienceId}, which does not exist.", nameof(definition));
            Require(audience.Kind == definition.Kind,
                $"Enrichment '{definition.Name}' is for {EntityKindText.Word(definition.Kind)} profiles, but audience '{audience.Name}' holds {EntityKindText.Word(audience.Kind)} profiles.");
        }

        if (definition.Gate is { } gate)
        {
            // Binding throws a FilterException naming the position; as an argument error it names the setting too.
            try
            {
                await QualityGate.BindAsync(definition, gate, provider, environment.Profiles, cancellationToken).ConfigureAwait(false);
            }
            catch (Filtering.FilterException e)
            {
                throw new ArgumentException($"Enrichment '{definition.Name}' has a quality gate that is not a usable filter: {e.Message}", nameof(definition), e);
            }
        }

        if (definition.Schedule is { } schedule)
        {
            Require(schedule.Every is null || schedule.Every > TimeSpan.Zero, $"Enrichment '{definition.Name}' runs every {schedule.Every}; give a positive interval.");
            Require(schedule.Every is null || schedule.Cron is null, $"Enrichment '{definition.Name}' has both an interval and a cron expression; keep one.");
            if (schedule.Cron is { } cron && Sync.SyncCalendar.CheckCron(cron) is { } problem)
            {
                throw new ArgumentException($"Enrichment '{definition.Name}' has the cron expression '{cron}', which is not usable: {problem}");
            }
        }
    }

    /// <summary>The provider a definition runs: its one provider, or a waterfall over several, as the pipeline hands them out.</summary>
    public static IEnrichmentProvider Provider(EnrichmentDefinition definition, EnrichmentEnvironment environment) =>
        definition.Providers.Count == 1
            ? environment.Providers.GetEnrichmentProvider(definition.Providers[0])
            : environment.Providers.GetWaterfall(definition.Name, definition.Providers);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
