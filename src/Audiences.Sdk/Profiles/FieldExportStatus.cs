namespace Audiences.Sdk.Profiles;

/// <summary>Whether a field may be written to destinations (CRMs, ad platforms).</summary>
public enum FieldExportStatus
{
    /// <summary>The field is never written to a destination. The default.</summary>
    NotExported = 0,

    /// <summary>The field may be mapped into destinations.</summary>
    Exported = 1,
}
