using Audiences.Sdk.Credits;
using Audiences.Sdk.Providers;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Storage;
using Microsoft.Extensions.Logging;

namespace Audiences.Sdk.Signals.Engine;

/// <summary>What signals work with: their store contracts, the providers, the profiles, fields and audiences, the clock.</summary>
internal sealed record SignalEnvironment(
    ISignalDefinitionStore Definitions,
    ISignalRunStore Runs,
    ICreditLedger Ledger,
    IProviderCatalog Providers,
    IProfileService Profiles,
    IProfileStore Store,
    IFieldCatalog Fields,
    IAudienceService Audiences,
    TimeSpan ReservationHold,
    int MaxReportedErrors,
    TimeProvider Time,
    ILogger Logger);
