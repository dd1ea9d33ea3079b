using System.Diagnostics.Metrics;

namespace Audiences.Sdk.Diagnostics;

/// <summary>The SDK's one <see cref="Meter"/>, named after the package.</summary>
internal static class AudiencesTelemetry
{
    public const string Name = "Audiences.Sdk";

    private static readonly Meter Meter = new(Name);

    public static readonly Counter<long> ImportedRecords =
        Meter.CreateCounter<long>("audiences.import.records", "{record}", "Rows read by imports, rejected ones included.");
}
