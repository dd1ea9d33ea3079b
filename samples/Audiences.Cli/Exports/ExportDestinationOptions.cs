using System.CommandLine;
using System.CommandLine.Parsing;
using Audiences.Cli.Cli;
using Audiences.Cli.Commands;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Destinations;

namespace Audiences.Cli.Exports;

/// <summary>
/// Where <c>export add</c> writes: <c>--to sql</c> with <c>--provider</c>, <c>--connection</c>, <c>--table</c>,
/// <c>--key-column</c> and <c>--key-field</c>; <c>--to csv</c> with <c>--file</c> (and optionally <c>--key-column</c>
/// and <c>--key-field</c>, both <c>email</c> unless given); <c>--to salesforce</c> with <c>--instance-url</c>,
/// <c>--token</c> and <c>--object</c>; or <c>--to hubspot</c> with <c>--token</c> and <c>--object</c> (and
/// <c>--base-url</c> unless HubSpot's own) — both CRMs optionally with <c>--key</c>, the field records are found by.
/// A missing or misplaced option is a usage error (exit 2).
/// </summary>
internal sealed class ExportDestinationOptions
{
    public const string DefaultKey = "email";

    private readonly Option<string> _to = new Option<string>("--to")
    {
        Description = "where to write: sql (a table of a SQLite or PostgreSQL database), csv (a file), salesforce or hubspot (a CRM object)",
        HelpName = "sql|csv|salesforce|hubspot",
        Required = true,
        CustomParser = Parsers.One(To),
    }.CompletingWith(DestinationNames.Sql, DestinationNames.Csv, DestinationNames.Salesforce, DestinationNames.HubSpot);

    private readonly Option<string> _instanceUrl = ConnectorOptions.InstanceUrl();
    private readonly Option<string?> _baseUrl = ConnectorOptions.BaseUrl();
    private readonly Option<string> _token = ConnectorOptions.Token();
    private readonly Option<string> _object = Named("--object", "OBJECT", "salesforce: the object's API name (Contact, Lead, Account, or a custom one); hubspot: contacts, companies or deals");
    private readonly Option<string> _key = Named(
        "--key", "FIELD", "salesforce and hubspot: the field records are found by (default: the record id, Id or id; an external id field, or email for HubSpot contacts, also creates)");

    private readonly Option<string> _provider = new Option<string>("--provider")
    {
        Description = "sql: the database, sqlite or postgres",
        HelpName = "sqlite|postgres",
        CustomParser = Parsers.One(SqlConnections.Provider),
    }.CompletingWith(SqlConnections.Sqlite, SqlConnections.Postgres);

    private readonly Option<string> _connection = new("--connection")
    {
        Description = "sql: the connection string, e.g. \"Data Source=app.db\" (a SQLite file must exist; passwords print as ***)",
        HelpName = "CS",
    };

    private readonly Option<string> _table = Named("--table", "TABLE", "sql: the table written to, which must exist");
    private readonly Option<string> _keyColumn = Named("--key-column", "COLUMN", $"the column records are found by (sql: required; csv: {DefaultKey} unless given)");
    private readonly Option<string> _file = new("--file")
    {
        Description = "csv: the file written (created, with the key column and the mapped columns, when missing)",
        HelpName = "PATH",
    };

    public Option<string> KeyField { get; } = Named("--key-field", "FIELD", $"the profile field holding the key the column holds ({DefaultKey} unless given)");

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _to, _provider, _connection, _table, _keyColumn, KeyField, _file, _instanceUrl, _baseUrl, _token, _object, _key })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(Validate);
    }

    /// <summary>The destination's type and settings, checked here (provider, connection, SQLite file) before anything is opened.</summary>
    /// <exception cref="InputException">The connection or the file is not usable.</exception>
    public DestinationSettings Settings(ParseResult parse)
    {
        var to = parse.GetRequiredValue(_to);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (to == DestinationNames.Sql)
        {
            var provider = parse.GetRequiredValue(_provider);
            settings[DestinationNames.Provider] = provider;
            settings[DestinationNames.Connection] = SqlConnections.Resolve(provider, parse.GetRequiredValue(_connection), readOnly: false);
            settings[DestinationNames.Table] = parse.GetRequiredValue(_table);
            settings[DestinationNames.KeyColumn] = parse.GetRequiredValue(_keyColumn);
        }
        else if (to is DestinationNames.Salesforce or DestinationNames.HubSpot)
        {
            if (to == DestinationNames.Salesforce)
            {
                settings[DestinationNames.InstanceUrl] = parse.GetRequiredValue(_instanceUrl);
            }
            else if (parse.GetValue(_baseUrl) is { } baseUrl)
            {
                settings[DestinationNames.BaseUrl] = baseUrl;
            }

            settings[DestinationNames.Token] = parse.GetRequiredValue(_token);
            settings[DestinationNames.Object] = parse.GetRequiredValue(_object);
            if (parse.GetValue(_key) is { } key)
            {
                settings[DestinationNames.Key] = key;
            }
        }
        else
        {
            var file = parse.GetRequiredValue(_file).Trim();
            if (file.Length == 0 || file == "-")
            {
                throw new InputException("--file: name the CSV file to write; an export writes it again at every run, which standard output cannot take.");
            }

            var path = System.IO.Path.GetFullPath(file);
            if (Directory.Exists(path))
            {
                throw new InputException($"--file '{file}' is a folder; name a file in it, e.g. {System.IO.Path.Combine(file, "export.csv")}.");
            }

            if (System.IO.Path.GetDirectoryName(path) is { } folder && !Directory.Exists(folder))
            {
                throw new InputException($"--file: the folder '{folder}' does not exist; create it or choose another path.");
            }

            settings[DestinationNames.Path] = path;
            settings[DestinationNames.KeyColumn] = parse.GetValue(_keyColumn) ?? DefaultKey;
        }

        return new DestinationSettings(to, settings);
    }

    private static string To(string value) => value.Trim().ToLowerInvariant() switch
    {
        DestinationNames.Sql => DestinationNames.Sql,
        DestinationNames.Csv => DestinationNames.Csv,
        DestinationNames.Salesforce => DestinationNames.Salesforce,
        DestinationNames.HubSpot => DestinationNames.HubSpot,
        DestinationNames.Meta or DestinationNames.Google or DestinationNames.LinkedIn =>
            throw new InputException($"--to '{value}' is an ad platform; add an ad audience with 'ads add NAME --platform {value.Trim().ToLowerInvariant()} ...'."),
        _ => throw new InputException($"--to '{value}' is not a destination this tool writes; use sql, csv, salesforce or hubspot (ad platforms: 'ads add')."),
    };

    // What each destination needs, and nothing of the other's: usage errors (exit 2), as sync add reports its sources.
    private void Validate(CommandResult result)
    {
        if (result.GetResult(_to) is not { } to || to.Tokens.Count == 0)
        {
            return;
        }

        // A --to the parser refused has its own error already.
        var type = to.Tokens[^1].Value.Trim().ToLowerInvariant();
        if (type is not (DestinationNames.Sql or DestinationNames.Csv or DestinationNames.Salesforce or DestinationNames.HubSpot))
        {
            return;
        }

        var crmOnly = new Option[] { _instanceUrl, _baseUrl, _token, _object, _key };
        if (type is DestinationNames.Salesforce or DestinationNames.HubSpot)
        {
            ValidateCrm(result, type);
            return;
        }

        if (crmOnly.Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList() is { Count: > 0 } crm)
        {
            result.AddError($"{string.Join(", ", crm)} {(crm.Count == 1 ? "belongs" : "belong")} to --to salesforce or hubspot; --to {type} does not take {(crm.Count == 1 ? "it" : "them")}.");
            return;
        }

        var sqlOnly = new Option[] { _provider, _connection, _table };
        if (type == DestinationNames.Sql)
        {
            var missing = sqlOnly.Append(_keyColumn).Where(o => result.GetResult(o) is null).Select(o => o.Name).ToList();
            if (result.GetResult(_file) is not null)
            {
                result.AddError("--file names a CSV file, but --to sql writes a table; give --provider, --connection, --table and --key-column instead.");
            }
            else if (missing.Count > 0)
            {
                result.AddError($"--to sql also needs {string.Join(", ", missing)}.");
            }
        }
        else
        {
            var given = sqlOnly.Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
            if (given.Count > 0)
            {
                result.AddError($"{string.Join(", ", given)} {(given.Count == 1 ? "belongs" : "belong")} to --to sql; --to csv writes the file named by --file.");
            }
            else if (result.GetResult(_file) is null)
            {
                result.AddError("--to csv also needs --file PATH.");
            }
        }
    }

    // A CRM is reached by its address and token; the SQL and file options, and the other CRM's address, do not apply.
    private void ValidateCrm(CommandResult result, string type)
    {
        var others = new Option[] { _provider, _connection, _table, _keyColumn, _file, type == DestinationNames.Salesforce ? (Option)_baseUrl : _instanceUrl };
        var misplaced = others.Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
        var needed = type == DestinationNames.Salesforce ? new Option[] { _instanceUrl, _token, _object } : [_token, _object];
        var missing = needed.Where(o => result.GetResult(o) is null).Select(o => o.Name).ToList();
        if (misplaced.Count > 0)
        {
            result.AddError($"--to {type} does not take {string.Join(", ", misplaced)}; it writes the CRM object named by --object{(type == DestinationNames.Salesforce ? " at --instance-url" : string.Empty)}.");
        }
        else if (missing.Count > 0)
        {
            result.AddError($"--to {type} also needs {string.Join(", ", missing)}.");
        }
    }

    private static Option<string> Named(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = Parsers.One(ImportArguments.Name(name)),
    };
}
