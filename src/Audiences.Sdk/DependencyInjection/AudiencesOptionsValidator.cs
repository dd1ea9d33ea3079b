using Microsoft.Extensions.Options;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Checks <see cref="AudiencesOptions"/> and says what to change.</summary>
internal sealed class AudiencesOptionsValidator : IValidateOptions<AudiencesOptions>
{
    public ValidateOptionsResult Validate(string? name, AudiencesOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.StoreName))
        {
            failures.Add("No profile store is configured. Call UseSqlite(\"Data Source=audiences.db\") or UseInMemory() on the builder passed to AddAudiences(...).");
        }

        if (options.ImportBatchSize is < 1 or > AudiencesOptions.MaxImportBatchSize)
        {
            failures.Add($"AudiencesOptions.ImportBatchSize is {options.ImportBatchSize}; set it between 1 and {AudiencesOptions.MaxImportBatchSize:N0}.");
        }

        if (options.DefaultPhoneRegion is { } region && !Matching.PhoneNormalizer.IsSupportedRegion(region))
        {
            failures.Add($"AudiencesOptions.DefaultPhoneRegion is '{region}'; use a two-letter ISO 3166 region code such as US or GB, or leave it null.");
        }

        if (options.GuardRails.MaxRecordsPerIdentifier < 2)
        {
            failures.Add($"AudiencesOptions.GuardRails.MaxRecordsPerIdentifier is {options.GuardRails.MaxRecordsPerIdentifier}; set it to 2 or more (or set GuardRails.Enabled = false).");
        }

        foreach (var (field, sources) in options.Survivorship.FieldSourcePriority)
        {
            if (!Profiles.FieldKey.IsValid(field) || sources is null || sources.Count == 0)
            {
                failures.Add($"AudiencesOptions.Survivorship.FieldSourcePriority['{field}'] needs a snake_case field key and at least one source name.");
            }
        }

        ValidateRelatedRecordTypes(options, failures);

        ValidateSync(options.Sync, failures);

        ValidateProviders(options.Providers, failures);

        ValidateExports(options.Exports, failures);

        if (options.MaxReportedErrors < 0)
        {
            failures.Add($"AudiencesOptions.MaxReportedErrors is {options.MaxReportedErrors}; set it to 0 or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateSync(Sync.SyncOptions sync, List<string> failures)
    {
        if (sync.MaxRetries is < 0 or > 20)
        {
            failures.Add($"AudiencesOptions.Sync.MaxRetries is {sync.MaxRetries}; set it between 0 and 20.");
        }

        foreach (var (name, value) in new[] { ("RetryDelay", sync.RetryDelay), ("BatchTimeout", sync.BatchTimeout), ("StaleRunAfter", sync.StaleRunAfter), ("PollInterval", sync.PollInterval) })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"AudiencesOptions.Sync.{name} is {value}; set a positive duration.");
            }
        }
    }

    private static void ValidateProviders(Providers.ProviderPipelineOptions providers, List<string> failures)
    {
        if (providers.CallTimeout <= TimeSpan.Zero)
        {
            failures.Add($"AudiencesOptions.Providers.CallTimeout is {providers.CallTimeout}; set a positive duration.");
        }

        if (providers.MaxRetries is < 0 or > Providers.ProviderPipelineOptions.MaxRetriesLimit)
        {
            failures.Add($"AudiencesOptions.Providers.MaxRetries is {providers.MaxRetries}; set it between 0 and {Providers.ProviderPipelineOptions.MaxRetriesLimit}.");
        }

        if (providers.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"AudiencesOptions.Providers.RetryDelay is {providers.RetryDelay}; set a positive duration.");
        }

        if (providers.RequestsPerSecond is < 1)
        {
            failures.Add($"AudiencesOptions.Providers.RequestsPerSecond is {providers.RequestsPerSecond}; set it to 1 or more, or leave it null for no limit.");
        }
    }

    private static void ValidateExports(Exports.ExportOptions exports, List<string> failures)
    {
        foreach (var (name, value) in new[] { ("StaleAfter", exports.StaleAfter), ("RetryDelay", exports.RetryDelay), ("MaxRetryDelay", exports.MaxRetryDelay) })
        {
            if (value <= TimeSpan.Zero)
            {
                failures.Add($"AudiencesOptions.Exports.{name} is {value}; set a positive duration.");
            }
        }

        if (exports.MaxRetryDelay > TimeSpan.Zero && exports.MaxRetryDelay < exports.RetryDelay)
        {
            failures.Add($"AudiencesOptions.Exports.MaxRetryDelay is {exports.MaxRetryDelay}, shorter than RetryDelay ({exports.RetryDelay}); set it to RetryDelay or more.");
        }

        if (exports.CallRetries is < 0 or > Exports.ExportOptions.MaxCallRetriesLimit)
        {
            failures.Add($"AudiencesOptions.Exports.CallRetries is {exports.CallRetries}; set it between 0 and {Exports.ExportOptions.MaxCallRetriesLimit}.");
        }

        if (exports.CallRetryDelay < TimeSpan.Zero)
        {
            failures.Add($"AudiencesOptions.Exports.CallRetryDelay is {exports.CallRetryDelay}; set a duration of 0 or more.");
        }

        if (exports.BatchSize < 1)
        {
            failures.Add($"AudiencesOptions.Exports.BatchSize is {exports.BatchSize}; set it to 1 or more.");
        }
    }

    private static void ValidateRelatedRecordTypes(AudiencesOptions options, List<string> failures)
    {
        var seen = new HashSet<(Profiles.EntityKind, string)>();
        foreach (var type in options.RelatedRecordTypes)
        {
            if (type is null || !Profiles.FieldKey.IsValid(type.Name))
            {
                failures.Add($"AudiencesOptions.RelatedRecordTypes has '{type?.Name}'; name each collection with a snake_case key such as 'opportunities'.");
                continue;
            }

            if (!seen.Add((type.OwnerKind, type.Name.ToLowerInvariant())))
            {
                failures.Add($"AudiencesOptions.RelatedRecordTypes declares '{type.Name}' twice for {type.OwnerKind.ToString().ToLowerInvariant()} profiles; declare each collection once.");
            }

            if (type.Fields is null || type.Fields.Count == 0
                || type.Fields.GroupBy(f => f.Key, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1))
            {
                failures.Add($"AudiencesOptions.RelatedRecordTypes['{type.Name}'] needs at least one field, each key given once.");
            }
        }
    }
}
