using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Audiences.Sdk.Diagnostics;

/// <summary>The SDK's one <see cref="Meter"/> and one <see cref="System.Diagnostics.ActivitySource"/>, named after the package.</summary>
internal static class AudiencesTelemetry
{
    public const string Name = "Audiences.Sdk";

    private static readonly Meter Meter = new(Name);

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Counter<long> MergedProfiles =
        Meter.CreateCounter<long>("audiences.import.merges", "{merge}", "Profiles merged into older ones by imports.");

    public static readonly Counter<long> ImportedRecords =
        Meter.CreateCounter<long>("audiences.import.records", "{record}", "Rows read by imports, rejected ones included.");

    public static readonly Counter<long> EnrichmentRecords =
        Meter.CreateCounter<long>("audiences.enrichment.records", "{record}", "Records enrichment providers were asked to look up, by provider.");

    public static readonly Counter<long> EnrichmentFound =
        Meter.CreateCounter<long>("audiences.enrichment.found", "{record}", "Records enrichment providers found values for, by provider.");

    public static readonly Counter<long> EnrichmentFailed =
        Meter.CreateCounter<long>("audiences.enrichment.failed", "{record}", "Records whose look-up failed, by provider.");

    public static readonly Counter<double> EnrichmentCredits =
        Meter.CreateCounter<double>("audiences.enrichment.credits", "{credit}", "Credits enrichment providers charged, by provider.");

    public static readonly Counter<long> SignalRecords =
        Meter.CreateCounter<long>("audiences.signals.records", "{record}", "Records signal providers were asked to check, by provider.");

    public static readonly Counter<long> SignalEvents =
        Meter.CreateCounter<long>("audiences.signals.events", "{event}", "Events signal providers reported, by provider.");

    public static readonly Counter<long> SignalFailed =
        Meter.CreateCounter<long>("audiences.signals.failed", "{record}", "Records whose check failed, by provider.");

    public static readonly Counter<double> SignalCredits =
        Meter.CreateCounter<double>("audiences.signals.credits", "{credit}", "Credits signal providers charged, by provider.");
}
