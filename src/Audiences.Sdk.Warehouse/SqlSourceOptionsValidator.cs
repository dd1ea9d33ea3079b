using Microsoft.Extensions.Options;

namespace Audiences.Sdk.Warehouse;

/// <summary>Checks <see cref="SqlSourceOptions"/> when the host starts, and says what to change.</summary>
internal sealed class SqlSourceOptionsValidator : IValidateOptions<SqlSourceOptions>
{
    public ValidateOptionsResult Validate(string? name, SqlSourceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Providers.Count == 0)
        {
            return ValidateOptionsResult.Fail(
                "SqlSourceOptions.Providers is empty; register each ADO.NET provider SQL sources may use under a name, e.g. AddSqlSource(o => o.Providers[\"sqlite\"] = SqliteFactory.Instance).");
        }

        var failures = new List<string>();
        foreach (var (provider, factory) in options.Providers)
        {
            if (string.IsNullOrWhiteSpace(provider))
            {
                failures.Add("SqlSourceOptions.Providers has a blank name; name each provider as the 'provider' setting of a source names it, e.g. \"postgres\".");
            }
            else if (factory is null)
            {
                failures.Add($"SqlSourceOptions.Providers[\"{provider}\"] is null; set it to the provider's DbProviderFactory, e.g. NpgsqlFactory.Instance.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
