using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>Checks an export definition against its destination, the field catalog and the audiences, before it is stored.</summary>
internal static class ExportDefinitionRules
{
    public static async Task CheckAsync(ExportDefinition definition, ExportEnvironment environment, CancellationToken cancellationToken)
    {
        CheckShape(definition);
        var description = await DescribeAsync(definition, environment, cancellationToken).ConfigureAwait(false);
        CheckAgainst(definition, description);
        await CheckFieldsAsync(definition, environment, cancellationToken).ConfigureAwait(false);
        await CheckAudiencesAsync(definition, environment, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>What the definition asks of its destination: the fields it writes exist, and it can create, remove and read when asked to.</summary>
    /// <exception cref="ArgumentException">The destination cannot take the definition; the message says why.</exception>
    public static void CheckAgainst(ExportDefinition definition, DestinationDescription description)
    {
        var fields = description.Fields.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var listed = string.Join(", ", description.Fields.Select(f => f.Name));
        foreach (var field in definition.Mappings.Select(m => m.DestinationField).Concat(definition.Membership.Select(m => m.DestinationField)))
        {
            Require(fields.Contains(field),
                $"Export '{definition.Name}' writes the field '{field}', which {description.ObjectName} in the {definition.Destination.Type} destination does not have; its fields are {listed}.");
        }

        Require(!definition.CreateNew || description.CanCreate,
            $"Export '{definition.Name}' creates records, but the {definition.Destination.Type} destination cannot create records in {description.ObjectName}; turn creating off.");
        Require(!definition.RemoveOnExit || description.CanRemove,
            $"Export '{definition.Name}' removes records that leave its audience, but the {definition.Destination.Type} destination cannot remove records from {description.ObjectName}; turn removing off.");
        var ifEmpty = definition.Mappings.FirstOrDefault(m => m.Rule == WriteRule.IfEmpty);
        Require(ifEmpty is null || description.CanRead,
            $"Export '{definition.Name}' writes '{ifEmpty?.DestinationField}' only while it is empty, but the {definition.Destination.Type} destination cannot read its current values; write it always or never.");
    }

    /// <summary>Creates the destination and asks what it holds.</summary>
    /// <exception cref="ArgumentException">The type is unknown, a setting is invalid, or the destination could not be reached.</exception>
    public static async Task<DestinationDescription> DescribeAsync(ExportDefinition definition, ExportEnvironment environment, CancellationToken cancellationToken)
    {
        var destination = environment.Destinations.Create(definition.Destination);
        try
        {
            return await destination.DescribeAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DestinationUnavailableException e)
        {
            throw new ArgumentException(
                $"Export '{definition.Name}': the {definition.Destination.Type} destination could not be reached to check the definition: {e.Message}", nameof(definition), e);
        }
    }

    private static void CheckShape(ExportDefinition definition)
    {
        Require(ExportNames.IsValid(definition.Name),
            $"'{definition.Name}' cannot name an export: use letters, digits, '-', '_' and '.', start with a letter or digit, and keep it within {ExportNames.MaxLength} characters.");
        Require(Enum.IsDefined(definition.Kind), $"Export '{definition.Name}' is for an unknown kind ({(int)definition.Kind}); choose people or companies.");
        Require(definition.MaxAttempts >= 1, $"Export '{definition.Name}' tries each record {definition.MaxAttempts} times; give 1 or more.");
        Require(definition.Every is null || definition.Every > TimeSpan.Zero,
            $"Export '{definition.Name}' runs every {definition.Every}; give a positive interval, or none to run it by hand.");
        Require(definition.Mappings.Count + definition.Membership.Count > 0,
            $"Export '{definition.Name}' maps nothing; map at least one profile field or audience membership to a destination field.");
        Require(definition.KeySource is null || !string.IsNullOrWhiteSpace(definition.KeySource),
            $"Export '{definition.Name}' names a blank key source; name the source whose record ids are the keys, or none to key by a field.");
        Require(definition.KeySource is not null || !string.IsNullOrWhiteSpace(definition.KeyField),
            $"Export '{definition.Name}' names a blank key field; name the profile field holding the destination's key (email unless named).");
        Require(!definition.RemoveOnExit || definition.Audience is not null,
            $"Export '{definition.Name}' removes records that leave its audience, but exports every profile rather than an audience; name an audience, or turn removing off.");
        Require(definition.Mappings.All(m => Enum.IsDefined(m.Rule)), $"Export '{definition.Name}' has a mapping with an unknown rule; choose never, if empty or always.");

        var twice = definition.Mappings.Select(m => m.DestinationField).Concat(definition.Membership.Select(m => m.DestinationField))
            .GroupBy(f => f, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        Require(twice is null, $"Export '{definition.Name}' writes the field '{twice?.Key}' more than once; map each destination field once.");
    }

    private static async Task CheckFieldsAsync(ExportDefinition definition, ExportEnvironment environment, CancellationToken cancellationToken)
    {
        var catalog = (await environment.Fields.GetFieldsAsync(definition.Kind, cancellationToken).ConfigureAwait(false))
            .Select(f => f.Key).ToHashSet(StringComparer.Ordinal);
        var wanted = definition.Mappings.Select(m => m.Field);
        if (definition.KeySource is null)
        {
            wanted = wanted.Append(definition.KeyField);
        }

        var unknown = wanted.Where(f => !catalog.Contains(f)).Distinct(StringComparer.Ordinal).ToList();
        Require(unknown.Count == 0,
            $"Export '{definition.Name}' reads {(unknown.Count == 1 ? "the field" : "the fields")} {string.Join(", ", unknown.Select(f => $"'{f}'"))}, "
            + $"which {EntityKindText.Word(definition.Kind)} profiles do not have; import {(unknown.Count == 1 ? "it" : "them")} first, or map fields the catalog holds.");
    }

    private static async Task CheckAudiencesAsync(ExportDefinition definition, ExportEnvironment environment, CancellationToken cancellationToken)
    {
        var audiences = definition.Membership.Select(m => m.Audience);
        if (definition.Audience is { } exported)
        {
            audiences = audiences.Prepend(exported);
        }

        foreach (var id in audiences.Distinct())
        {
            var audience = await environment.Audiences.GetAsync(id, cancellationToken).ConfigureAwait(false)
                ?? throw new ArgumentException($"Export '{definition.Name}' reads audience {id}, which does not exist.", nameof(definition));
            Require(audience.Kind == definition.Kind,
                $"Export '{definition.Name}' is for {EntityKindText.Word(definition.Kind)} profiles, but audience {audience.Id} '{audience.Name}' holds {EntityKindText.Word(audience.Kind)} profiles.");
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
