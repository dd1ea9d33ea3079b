namespace Audiences.Sdk.Salesforce;

/// <summary>One page of a query job's results: the CSV header, the rows, and whether it is the last (its locator was <c>null</c>).</summary>
internal sealed record SalesforcePage(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, bool IsLast);
