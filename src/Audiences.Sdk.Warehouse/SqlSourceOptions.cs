using System.Data.Common;

namespace Audiences.Sdk.Warehouse;

/// <summary>
/// The ADO.NET providers SQL sources opened from settings may use, by the name their <c>provider</c> setting
/// gives, e.g. <c>o.Providers["postgres"] = NpgsqlFactory.Instance</c>.
/// </summary>
public sealed class SqlSourceOptions
{
    /// <summary>The providers' factories by name; names compare without regard to case.</summary>
    public IDictionary<string, DbProviderFactory> Providers { get; } = new Dictionary<string, DbProviderFactory>(StringComparer.OrdinalIgnoreCase);
}
