namespace Audiences.Sdk.Scale;

/// <summary>A read of the generated CSV file beside the plain split reference of the same file.</summary>
internal sealed record CsvFigure(Measurement Read, Measurement Reference, long FileBytes)
{
    public double MegabytesPerSecond => FileBytes / 1e6 / Read.Elapsed.TotalSeconds;
}
