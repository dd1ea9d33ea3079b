namespace Audiences.Sdk.Salesforce;

/// <summary>A CSV document as Bulk API 2.0 answers it: the header (the field API names, or the <c>sf__</c> result columns first) and the rows.</summary>
internal sealed record SalesforceCsvTable(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static SalesforceCsvTable Empty { get; } = new([], []);
}
