namespace Audiences.Cli.Syncs;

/// <summary>Which source a command's options define: a CSV file, a SQL query, or either (chosen by the options given).</summary>
internal enum SourceChoice
{
    Csv,
    Sql,
    Either,
}
