using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Import;

/// <summary>
/// The settings an import runs with, taken from the SDK's options by the service that starts it, so the
/// pipeline depends on what it reads rather than on the options type above it.
/// </summary>
/// <param name="BatchSize">Records per atomic batch unless the import says otherwise.</param>
/// <param name="MaxReportedErrors">The most rejections and warnings a result lists.</param>
/// <param name="GuardRails">Which identifiers never match, and how widely one may be shared.</param>
/// <param name="Survivorship">Per-field overrides of the survivorship order, or null.</param>
internal sealed record ImportSettings(int BatchSize, int MaxReportedErrors, MatchingGuardRails GuardRails, SurvivorshipRules? Survivorship);
