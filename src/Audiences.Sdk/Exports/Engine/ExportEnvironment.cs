using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Exports.Engine;

/// <summary>What exports work with: their store contracts, the destinations, the profiles, fields and audiences, the options and the clock.</summary>
internal sealed record ExportEnvironment(
    IExportDefinitionStore Definitions,
    IExportRunStore Runs,
    IExportOutcomeStore Outcomes,
    DestinationCatalog Destinations,
    IProfileStore Profiles,
    IChangeFeed Changes,
    IFieldCatalog Fields,
    IAudienceService Audiences,
    IAudienceStore Memberships,
    ExportOptions Options,
    TimeProvider Time,
    ILogger Logger);
