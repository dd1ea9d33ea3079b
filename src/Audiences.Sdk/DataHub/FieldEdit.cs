using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.DataHub;

/// <summary>
/// Changes to a field's descriptive settings. A property left null keeps the field's setting; use
/// <see cref="ClearDescription"/> and <see cref="ClearCost"/> to remove a description or a cost.
/// </summary>
public sealed record FieldEdit
{
    /// <summary>The new display name; null keeps it. Must not be blank.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The new description; null keeps it.</summary>
    public string? Description { get; init; }

    /// <summary>Removes the description; cannot be combined with <see cref="Description"/>.</summary>
    public bool ClearDescription { get; init; }

    /// <summary>The new price of one value in credits; null keeps it. Must not be negative.</summary>
    public decimal? CostPerRecord { get; init; }

    /// <summary>Removes the cost (the field is free); cannot be combined with <see cref="CostPerRecord"/>.</summary>
    public bool ClearCost { get; init; }

    /// <summary>The new export status; null keeps it.</summary>
    public FieldExportStatus? ExportStatus { get; init; }
}
