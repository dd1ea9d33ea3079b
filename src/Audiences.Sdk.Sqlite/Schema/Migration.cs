using Microsoft.Data.Sqlite;

namespace Audiences.Sdk.Sqlite.Schema;

/// <summary>One forward step of the schema.</summary>
/// <param name="Version">The schema version the step leads to; steps run in version order.</param>
/// <param name="Description">What the step does, kept in <c>schema_version</c>.</param>
/// <param name="Sql">The statements of the step; they run in the same transaction as the version row.</param>
/// <param name="Backfill">
/// Work done in C# after <paramref name="Sql"/>, in the same transaction (data SQL alone cannot
/// derive, such as Unicode-folded text); null when the step is SQL only.
/// </param>
internal sealed record Migration(int Version, string Description, string Sql, Action<SqliteConnection, SqliteTransaction>? Backfill = null);
