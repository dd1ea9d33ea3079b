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
}
