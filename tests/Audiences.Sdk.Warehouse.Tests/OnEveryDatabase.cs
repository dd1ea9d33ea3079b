using Audiences.Sdk.Warehouse.Tests.Databases;

namespace Audiences.Sdk.Warehouse.Tests;

public sealed class SqliteQuerySourceTests() : SqlQuerySourceTests(new SqliteTestDatabase());

public sealed class PostgresQuerySourceTests() : SqlQuerySourceTests(new PostgresTestDatabase());

public sealed class SqliteIncrementalReadTests() : IncrementalReadTests(new SqliteTestDatabase());

/// <summary>ISO 8601 text with a 'T', fractions and a 'Z', as many loaders write it: bounds are written in that layout.</summary>
public sealed class SqliteIsoTextIncrementalReadTests() : IncrementalReadTests(new SqliteTestDatabase("yyyy-MM-dd'T'HH:mm:ss.fff'Z'"));

public sealed class PostgresIncrementalReadTests() : IncrementalReadTests(new PostgresTestDatabase());
