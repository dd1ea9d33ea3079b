using Audiences.Sdk.Filtering;
using Audiences.Sdk.Segments;

namespace Audiences.Sdk.Signals.Engine;

/// <summary>
/// Keeps the companion audience of each audience a signal watches: the audience's criteria AND "the signal fired"
/// (<c>signal_NAME is not empty</c>). Created when the signal is saved, recreated when someone deleted it, and brought
/// back in line when the watched audience's criteria changed.
/// </summary>
internal static class SignalCompanions
{
    /// <summary>The companions of <paramref name="definition"/>'s audiences, reusing those of <paramref name="previous"/> that still exist.</summary>
    public static async Task<IReadOnlyList<SignalCompanion>> KeepAsync(
        SignalDefinition definition, IReadOnlyList<SignalCompanion> previous, SignalEnvironment environment, CancellationToken cancellationToken)
    {
        var condition = IsFired(definition);
        var companions = new List<SignalCompanion>(definition.Audiences.Count);
        foreach (var audienceId in definition.Audiences.Distinct())
        {
            var parent = await environment.Audiences.GetAsync(audienceId, cancellationToken).ConfigureAwait(false);
            if (parent is null)
            {
                // The watched audience was deleted after the signal was saved: nothing to keep a companion of.
                continue;
            }

            var held = previous.FirstOrDefault(c => c.Audience == audienceId) is { } known
                ? await environment.Audiences.GetAsync(known.Companion, cancellationToken).ConfigureAwait(false)
                : null;
            var companion = held is null
                ? await CreateAsync(definition, parent, condition, environment, cancellationToken).ConfigureAwait(false)
                : await AlignAsync(definition, parent, held, condition, environment, cancellationToken).ConfigureAwait(false);
            companions.Add(new SignalCompanion(audienceId, companion.Id));
        }

        return companions;
    }

    private static Condition IsFired(SignalDefinition definition) => Condition.IsEmpty(new FieldPath(definition.Field), negated: true);

    private static async Task<Audience> CreateAsync(
        SignalDefinition definition, Audience parent, Filter condition, SignalEnvironment environment, CancellationToken cancellationToken)
    {
        var name = $"{parent.Name} + signal {definition.Name}";
        for (var attempt = 1; ; attempt++)
        {
            var companionDefinition = new AudienceDefinition(attempt == 1 ? name : $"{name} ({attempt})", parent.Kind, parent.CreatedBy)
            {
                Status = parent.Status,
                Visibility = parent.Visibility,
            };
            try
            {
                var created = await environment.Audiences.DeriveAsync(parent.Id, companionDefinition, condition, cancellationToken).ConfigureAwait(false);
                SignalLog.CompanionCreated(environment.Logger, definition.Name, created.Id, parent.Id);
                return created;
            }
            catch (InvalidOperationException) when (attempt < 20)
            {
                // The name is taken (by an audience someone made, or a companion of an earlier signal of this name): try the next.
            }
        }
    }

    private static async Task<Audience> AlignAsync(
        SignalDefinition definition, Audience parent, Audience companion, Filter condition, SignalEnvironment environment, CancellationToken cancellationToken)
    {
        var wanted = Filter.And(parent.GetFilter(), condition);
        if (FilterJson.Serialize(wanted) == FilterJson.Serialize(companion.GetFilter()))
        {
            return companion;
        }

        var changed = await environment.Audiences.ChangeCriteriaAsync(companion.Id, wanted, cancellationToken).ConfigureAwait(false);
        SignalLog.CompanionUpdated(environment.Logger, definition.Name, companion.Id, parent.Id);
        return changed;
    }
}
