using Audiences.Cli.Cli;
using Audiences.Cli.Exports;
using Audiences.Sdk.Exports;

namespace Audiences.Cli.Commands;

/// <summary>Reads an ad audience by name: an export to an ad platform.</summary>
internal static class AdsNames
{
    /// <exception cref="InputException">There is no export with the name, or it writes to no ad platform.</exception>
    public static async Task<ExportDefinition> RequireAsync(AudiencesSession session, string name, CancellationToken cancellationToken)
    {
        var definition = await session.Exports.GetAsync(name, cancellationToken)
            ?? throw new InputException($"there is no ad audience '{name}'; 'ads list' shows the ad audiences there are.");
        return DestinationNames.IsAd(definition.Destination.Type)
            ? definition
            : throw new InputException($"'{definition.Name}' is an export to {definition.Destination.Type}, not an ad audience; use 'export run {definition.Name}' and 'export history {definition.Name}'.");
    }
}
