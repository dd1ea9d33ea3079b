namespace Audiences.Sdk.Scale;

/// <summary>What the in-memory store keeps per profile.</summary>
/// <param name="Profiles">Profiles imported into an empty store.</param>
/// <param name="StoreBytes">Live managed heap growth from the empty store to the filled one, after full collections.</param>
/// <param name="InputBytes">Live managed heap growth from generating the same records into an array: the records as a source hands them over.</param>
internal sealed record MemoryFigure(long Profiles, long StoreBytes, long InputBytes)
{
    public double StoreBytesPerProfile => (double)StoreBytes / Profiles;

    public double InputBytesPerRecord => (double)InputBytes / Profiles;
}
