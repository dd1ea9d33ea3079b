namespace Audiences.Sdk.Destinations;

/// <summary>What a write does to its record.</summary>
public enum DestinationWriteKind
{
    /// <summary>Sets fields of a record the destination holds.</summary>
    Update = 1,

    /// <summary>Creates the record with the fields given (or sets them, should it exist by now).</summary>
    Create = 2,

    /// <summary>Removes the record (or does nothing, should it be gone already).</summary>
    Remove = 3,
}
