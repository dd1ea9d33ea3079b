namespace Audiences.Sdk.Scale;

/// <summary>The written workload file of the bulk run.</summary>
/// <param name="Path">Where it is.</param>
/// <param name="Bytes">Its size.</param>
/// <param name="Rows">Its data rows.</param>
/// <param name="Repeats">Rows that repeat an earlier row's email and merge into its profile.</param>
internal sealed record BulkWorkloadFile(string Path, long Bytes, int Rows, int Repeats)
{
    /// <summary>The distinct people, hence the profiles an import leaves: every repeat joins an earlier person.</summary>
    public int People => Rows - Repeats;
}
