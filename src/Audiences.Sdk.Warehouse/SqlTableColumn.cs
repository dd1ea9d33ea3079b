using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Warehouse;

/// <summary>A column of a destination table: its name, its field type, and what the provider says of its type.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">Its field type.</param>
/// <param name="ClrType">The .NET type the provider reads it as (for SQLite without rows, a guess from the declared type).</param>
/// <param name="DataTypeName">The provider's name of its type, e.g. <c>timestamp with time zone</c> or a SQLite declared type.</param>
internal sealed record SqlTableColumn(string Name, FieldType Type, Type? ClrType, string DataTypeName);
