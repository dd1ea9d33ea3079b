namespace Audiences.Sdk.Filtering;

/// <summary>How a <see cref="RelatedFilter"/> counts the related records that match its filter.</summary>
public enum Quantifier
{
    /// <summary>At least one related record matches; false when there are none.</summary>
    Any = 1,

    /// <summary>Every related record matches; true when there are none (the complement of any record not matching).</summary>
    All = 2,

    /// <summary>No related record matches; true when there are none (the complement of <see cref="Any"/>).</summary>
    None = 3,
}
