using Audiences.Sdk.Matching.Probabilistic;
using System.Globalization;
using Audiences.Cli.Cli;
using Audiences.Sdk;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>Reads the values of the import options, naming the option at fault when one is wrong.</summary>
internal static class ImportArguments
{
    /// <exception cref="InputException">The mapping is not <c>column=field[:type]</c>.</exception>
    public static CsvColumnMapping Mapping(string value)
    {
        try
        {
            return CsvColumnMapping.Parse(value);
        }
        catch (FormatException e)
        {
            throw new InputException($"--map '{value}': {e.Message}", e);
        }
    }

    /// <summary>Reads <c>--match email,linkedin_url</c>.</summary>
    /// <exception cref="InputException">The list is empty or names something that is not a field key.</exception>
    public static IReadOnlyList<string> Match(string value)
    {
        var fields = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            throw new InputException($"--match '{value}' names no field; give alias fields separated by commas, e.g. email,linkedin_url or domain.");
        }

        foreach (var field in fields)
        {
            if (!FieldKey.IsValid(field))
            {
                throw new InputException(
                    $"--match '{value}': '{field}' is not a field key; give snake_case field keys separated by commas, e.g. email,linkedin_url or domain.");
            }
        }

        return fields.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Reads <c>--fuzzy first_name,surname,dob,city</c>: probabilistic matching over those fields,
    /// each compared the way its name suggests (dates, emails, else Jaro–Winkler).
    /// </summary>
    /// <exception cref="InputException">The list is empty or names something that is not a field key.</exception>
    public static ProbabilisticMatchingOptions Fuzzy(string value) => ProbabilisticMatchingOptions.ForFields(FuzzyFields(value));

    /// <summary>Reads <c>--fuzzy</c> as its field list, for a sync definition that stores the fields.</summary>
    /// <exception cref="InputException">The list is empty or names something that is not a field key.</exception>
    public static IReadOnlyList<string> FuzzyFields(string value)
    {
        var fields = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length == 0)
        {
            throw new InputException($"--fuzzy '{value}' names no field; give the fields to compare separated by commas, e.g. first_name,surname,dob,city.");
        }

        foreach (var field in fields)
        {
            if (!FieldKey.IsValid(field))
            {
                throw new InputException(
                    $"--fuzzy '{value}': '{field}' is not a field key; give snake_case field keys separated by commas, e.g. first_name,surname,dob,city.");
            }
        }

        return [.. fields.Distinct(StringComparer.Ordinal)];
    }

    /// <exception cref="InputException">The value is not a whole number in range.</exception>
    public static int BatchSize(string value)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > AudiencesOptions.MaxImportBatchSize)
        {
            throw new InputException($"--batch-size '{value}' is not a number of rows from 1 to {AudiencesOptions.MaxImportBatchSize.ToString("N0", CultureInfo.InvariantCulture)}.");
        }

        return size;
    }

    /// <summary>Reads <c>--source-kind</c>: how the file's values rank in survivorship (default csv).</summary>
    /// <exception cref="InputException">The value is not a source kind.</exception>
    public static SourceKind SourceKind(string value) => value.Trim().ToLowerInvariant() switch
    {
        "csv" => Sdk.Profiles.SourceKind.Csv,
        "crm" => Sdk.Profiles.SourceKind.Crm,
        "crm-lead" or "crm_lead" => Sdk.Profiles.SourceKind.CrmLead,
        "warehouse" => Sdk.Profiles.SourceKind.Warehouse,
        "upsert" => Sdk.Profiles.SourceKind.Upsert,
        "enrichment" => Sdk.Profiles.SourceKind.Enrichment,
        "search" => Sdk.Profiles.SourceKind.Search,
        _ => throw new InputException(
            $"--source-kind '{value}' is not a source kind; use csv, crm, crm-lead, warehouse, upsert, enrichment or search."),
    };

    /// <summary>Reads an option that names something (a source, an object, a column); blank is an error.</summary>
    public static Func<string, string> Name(string option) => value =>
        string.IsNullOrWhiteSpace(value) ? throw new InputException($"{option} is empty; give a name or leave the option out.") : value.Trim();
}
