using Audiences.Sdk.Credits;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Segments;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>What enrichment works with: its store contracts, the providers, the profiles and audiences, the clock.</summary>
internal sealed record EnrichmentEnvironment(
    IEnrichmentDefinitionStore Definitions,
    IEnrichmentRunStore Runs,
    IEnrichmentOutputStore Outputs,
    ICreditLedger Ledger,
    IProviderCatalog Providers,
    IProfileService Profiles,
    IAudienceService Audiences,
    IReadOnlyList<IRecordAction> Actions,
    TimeSpan ReservationHold,
    int MaxReportedErrors,
    TimeProvider Time,
    ILogger Logger);
