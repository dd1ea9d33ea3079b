using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Signals.Engine;

/// <summary>Checks a signal definition against the registered providers, the audiences, the field catalog and the other signals, before it is stored.</summary>
internal static class SignalDefinitionRules
{
    public static async Task CheckAsync(SignalDefinition definition, SignalEnvironment environment, CancellationToken cancellationToken)
    {
        Require(SignalFields.IsValidName(definition.Name),
            $"'{definition.Name}' cannot name a signal: use letters, digits, '-' and '_', start with a letter, keep it within {SignalFields.MaxNameLength} characters "
            + "(and not 'summary', whose field holds every signal of a record).");
        Require(Enum.IsDefined(definition.LookBack), $"Signal '{definition.Name}' looks back {(int)definition.LookBack} months; choose 3, 6 or 12.");
        Require(definition.Every is null || definition.Every > TimeSpan.Zero, $"Signal '{definition.Name}' runs every {definition.Every}; give a positive interval, or none to run it by hand.");
        Require(definition.Budget is null || !string.IsNullOrWhiteSpace(definition.Budget), $"Signal '{definition.Name}' names a blank budget; name one, or none for its own.");
        Require(definition.Audiences.Count > 0, $"Signal '{definition.Name}' watches no audience; name the audiences whose members it checks.");

        var provider = environment.Providers.GetSignalProvider(definition.Provider);
        Require(provider.Kind == definition.Kind,
            $"Signal '{definition.Name}' is for {EntityKindText.Word(definition.Kind)} profiles, but '{provider.Name}' watches {EntityKindText.Word(provider.Kind)} profiles.");
        Require(provider.Type == definition.Type,
            $"Signal '{definition.Name}' watches for {SignalTypeText.Word(definition.Type)} events, but '{provider.Name}' detects {SignalTypeText.Word(provider.Type)} events.");

        foreach (var audienceId in definition.Audiences.Distinct())
        {
            var audience = await environment.Audiences.GetAsync(audienceId, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"Signal '{definition.Name}' watches audience {audienceId}, which does not exist.", nameof(definition));
            Require(audience.Kind == definition.Kind,
                $"Signal '{definition.Name}' is for {EntityKindText.Word(definition.Kind)} profiles, but audience {audience.Id} '{audience.Name}' holds {EntityKindText.Word(audience.Kind)} profiles.");
        }

        // Two signals writing one field would overwrite each other's events: names differing only by case or '-'/'_' clash.
        var fields = new[] { definition.Field, definition.DetailsField };
        foreach (var other in await environment.Definitions.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(other.Name, definition.Name, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var clash = fields.FirstOrDefault(f => f == other.Field || f == other.DetailsField);
            Require(clash is null, $"Signal '{definition.Name}' would write the field '{clash}', which signal '{other.Name}' writes; choose another name.");
        }

        var catalog = await environment.Fields.GetFieldsAsync(definition.Kind, cancellationToken).ConfigureAwait(false);
        foreach (var wanted in Fields(definition))
        {
            var held = catalog.FirstOrDefault(f => f.Key == wanted.Key);
            Require(held is null || held.Type == wanted.Type,
                $"Signal '{definition.Name}' writes the field '{wanted.Key}' as {wanted.Type}, but the catalog holds it as {held?.Type}; choose another name, or rename that field.");
        }
    }

    /// <summary>The fields a signal writes: when its latest event happened, what it was, and the summary of every signal.</summary>
    public static IReadOnlyList<FieldDefinition> Fields(SignalDefinition definition)
    {
        var origin = $"signal:{definition.Name}";
        return
        [
            new FieldDefinition(definition.Field, definition.Kind, FieldType.DateTime, origin)
            {
                Description = $"When the latest event of signal '{definition.Name}' ({SignalTypeText.Word(definition.Type)}) happened.",
            },
            new FieldDefinition(definition.DetailsField, definition.Kind, FieldType.Text, origin)
            {
                Description = $"What the latest event of signal '{definition.Name}' was.",
            },
            new FieldDefinition(SignalFields.Summary, definition.Kind, FieldType.Text, "signal")
            {
                Description = "Every signal that fired for the record, newest first: date, signal and what happened.",
            },
        ];
    }

    /// <summary>Adds the signal's fields the catalog does not hold yet, so filters (its companions' among them) can name them before any event lands.</summary>
    public static async Task RegisterFieldsAsync(SignalDefinition definition, SignalEnvironment environment, CancellationToken cancellationToken)
    {
        var held = (await environment.Fields.GetFieldsAsync(definition.Kind, cancellationToken).ConfigureAwait(false)).Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var missing = Fields(definition).Where(f => !held.Contains(f.Key)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var session = await environment.Store.BeginWriteAsync(cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            foreach (var field in missing)
            {
                await environment.Fields.UpsertFieldAsync(session, field, cancellationToken).ConfigureAwait(false);
            }

            await session.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
