using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Commands;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Cli.Syncs;

/// <summary>
/// The options that define what a sync reads — a CSV file (<c>--file</c>) or a SQL query (<c>--provider</c>,
/// <c>--connection</c>, <c>--query</c>) — and how its records land (kind, id, source name, mappings, matching).
/// <c>import sql</c>, <c>import preview</c> and <c>sync add</c> share them, so the same words mean the same everywhere.
/// </summary>
internal sealed class SyncSourceOptions
{
    private readonly SourceChoice _choice;

    private readonly Option<EntityKind> _kind = CommonOptions.Kind("the kind of profile the records describe");
    private readonly Option<string> _file = new("--file")
    {
        Description = "the CSV file (comma-separated, UTF-8, with a header row)",
        HelpName = "PATH",
    };

    private readonly Option<string> _provider = new Option<string>("--provider")
    {
        Description = "the database: sqlite or postgres",
        HelpName = "sqlite|postgres",
        CustomParser = Parsers.One(SqlConnections.Provider),
    }.CompletingWith(SqlConnections.Sqlite, SqlConnections.Postgres);

    private readonly Option<string> _connection = new("--connection")
    {
        Description = "the connection string, e.g. \"Data Source=warehouse.db\" or \"Host=db;Database=crm;Username=reader;Password=...\" (passwords print as ***)",
        HelpName = "CS",
    };

    private readonly Option<string> _query = new("--query")
    {
        Description = "one SELECT whose columns have names, e.g. \"SELECT id, email, updated_at FROM contacts\"",
        HelpName = "SQL",
    };

    private readonly Option<string?> _idColumn = Named("--id-column", "COLUMN", "the column with each record's external id (a CSV file without one is keyed by row number)");
    private readonly Option<string?> _timestampColumn = Named(
        "--timestamp-column", "COLUMN", "SQL only: the date-time column that changes with the row (updated_at); later runs read only rows changed since the last one");

    private readonly Option<string?> _source = Named("--source", "NAME", "the source name in each record's key (default: the file or database name)");
    private readonly Option<string?> _object = Named("--object", "NAME", "the object name in each record's key (default: people or companies)");
    private readonly Option<IReadOnlyList<string>?> _match = new("--match")
    {
        Description = "alias fields to match on, comma-separated (default: email,linkedin_url for people, domain for companies)",
        HelpName = "FIELDS",
        CustomParser = Parsers.One(ImportArguments.Match),
    };

    private readonly Option<IReadOnlyList<string>?> _fuzzy = new("--fuzzy")
    {
        Description = "also match probabilistically over these fields after each run, comma-separated (e.g. first_name,surname,dob,city); uncertain pairs go to 'review list'",
        HelpName = "FIELDS",
        CustomParser = Parsers.One<IReadOnlyList<string>?>(value => ImportArguments.FuzzyFields(value)),
    };

    private readonly Option<int?> _batchSize = new("--batch-size")
    {
        Description = "rows per read and per atomic batch, each stored with the cursor after it (default 5,000)",
        HelpName = "N",
        CustomParser = Parsers.One<int?>(value => ImportArguments.BatchSize(value)),
    };

    private readonly Option<IReadOnlyList<CsvColumnMapping>> _map = new("--map")
    {
        Description = "maps a column to a field, optionally typed: text, number, boolean, datetime or list (repeat for more)",
        HelpName = "COLUMN=FIELD[:TYPE]",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = Parsers.Each(ImportArguments.Mapping),
    };

    private readonly Option<string> _salesforce = ConnectorOptions.SalesforceObject("--salesforce", "reads this Salesforce object (with --instance-url and --token)");
    private readonly Option<string> _hubspot = ConnectorOptions.HubSpotObject("--hubspot", "reads this HubSpot object (with --token, and --base-url unless HubSpot's own)");
    private readonly Option<string> _instanceUrl = ConnectorOptions.InstanceUrl();
    private readonly Option<string?> _baseUrl = ConnectorOptions.BaseUrl();
    private readonly Option<string> _token = ConnectorOptions.Token();

    private readonly Option<SourceKind?> _sourceKind = new("--source-kind")
    {
        Description = "how the values rank in survivorship: csv, crm, crm-lead, warehouse, upsert, enrichment, search (default: csv for files, warehouse for SQL)",
        HelpName = "KIND",
        CustomParser = Parsers.One<SourceKind?>(value => ImportArguments.SourceKind(value)),
    };

    public SyncSourceOptions(SourceChoice choice)
    {
        _choice = choice;
        _file.Required = choice == SourceChoice.Csv;
        _provider.Required = _connection.Required = _query.Required = _idColumn.Required = choice == SourceChoice.Sql;
    }

    public void AddTo(Command command)
    {
        _sourceKind.CompletingWith("csv", "crm", "crm-lead", "warehouse", "upsert", "enrichment", "search");
        command.Options.Add(_kind);
        if (_choice != SourceChoice.Sql)
        {
            command.Options.Add(_file);
        }

        if (_choice != SourceChoice.Csv)
        {
            foreach (var option in new Option[] { _provider, _connection, _query })
            {
                command.Options.Add(option);
            }
        }

        if (_choice == SourceChoice.Either)
        {
            foreach (var option in new Option[] { _salesforce, _hubspot, _instanceUrl, _baseUrl, _token })
            {
                command.Options.Add(option);
            }
        }

        command.Options.Add(_idColumn);
        if (_choice != SourceChoice.Csv)
        {
            command.Options.Add(_timestampColumn);
        }

        foreach (var option in new Option[] { _source, _object, _match, _fuzzy, _map, _batchSize, _sourceKind })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(Validate);
    }

    /// <summary>Whether the options given define a SQL source rather than a file.</summary>
    public bool IsSql(ParseResult parse) => _choice == SourceChoice.Sql || (_choice == SourceChoice.Either && parse.GetResult(_provider) is not null);

    /// <summary>Whether the options given define a Salesforce or HubSpot source (only <c>sync add</c> takes them).</summary>
    public bool IsConnector(ParseResult parse) => _choice == SourceChoice.Either && (parse.GetResult(_salesforce) is not null || parse.GetResult(_hubspot) is not null);

    /// <summary>
    /// The definition of a sync over a Salesforce (<c>--salesforce OBJECT</c>) or HubSpot (<c>--hubspot OBJECT</c>)
    /// object, keyed by the CRM's object name and record id under the source name (salesforce or hubspot unless --source is given).
    /// </summary>
    public SyncDefinition Connector(ParseResult parse, string name)
    {
        var kind = Kind(parse);
        var source = parse.GetValue(_source);
        var token = parse.GetRequiredValue(_token);
        var definition = parse.GetResult(_salesforce) is not null
            ? ConnectorSources.SalesforceSync(name, parse.GetRequiredValue(_instanceUrl), token, parse.GetRequiredValue(_salesforce), kind, source)
            : ConnectorSources.HubSpotSync(name, parse.GetValue(_baseUrl), token, parse.GetRequiredValue(_hubspot), kind, source);
        return Landing(parse, definition) with
        {
            SourceKind = parse.GetValue(_sourceKind) ?? definition.SourceKind,
        };
    }

    /// <summary>The <c>--file</c> value as given (<c>-</c> for standard input), for a file source.</summary>
    public string File(ParseResult parse) => parse.GetRequiredValue(_file);

    /// <summary>The kind of profile the records describe.</summary>
    public EntityKind Kind(ParseResult parse) => parse.GetValue(_kind);

    /// <summary>
    /// The definition of a sync over a SQL query, checked here (provider, connection, SQLite file) before anything is
    /// opened. <paramref name="name"/> null names it <c>sql:SOURCE:OBJECT</c>, as <c>import sql</c> does.
    /// </summary>
    /// <exception cref="InputException">The connection is not usable.</exception>
    public SyncDefinition Sql(ParseResult parse, string? name)
    {
        var provider = parse.GetRequiredValue(_provider);
        var connection = SqlConnections.Resolve(provider, parse.GetRequiredValue(_connection));
        var kind = Kind(parse);
        var objectName = parse.GetValue(_object) ?? CsvSourceOptions.DefaultObjectName(kind);
        var sourceName = parse.GetValue(_source) ?? SqlConnections.DatabaseName(provider, connection);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["provider"] = provider,
            ["connection"] = connection,
            ["query"] = parse.GetRequiredValue(_query),
            ["object"] = objectName,
        };
        return Landing(parse, new SyncDefinition(name ?? ImportSqlName(sourceName, objectName), new SourceSettings("sql", settings), objectName, parse.GetRequiredValue(_idColumn)!))
            with
            {
                SourceName = sourceName,
                TimestampField = parse.GetValue(_timestampColumn),
                SourceKind = parse.GetValue(_sourceKind) ?? SourceKind.Warehouse,
            };
    }

    /// <summary>The definition of a sync over the CSV file at <paramref name="path"/>, keyed as <c>import csv</c> keys its rows.</summary>
    /// <param name="parse">The command line.</param>
    /// <param name="name">The sync's name.</param>
    /// <param name="path">The file: the --file value, or a copy of standard input.</param>
    /// <param name="defaultSourceName">The source name when --source is not given.</param>
    public SyncDefinition Csv(ParseResult parse, string name, string path, string defaultSourceName)
    {
        var kind = Kind(parse);
        var objectName = parse.GetValue(_object) ?? CsvSourceOptions.DefaultObjectName(kind);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["path"] = Path.GetFullPath(path),
            ["object"] = objectName,
        };
        return Landing(parse, new SyncDefinition(name, new SourceSettings(CsvSourceFactory.SourceType, settings), objectName, parse.GetValue(_idColumn) ?? CsvFileSource.RowNumberField))
            with
            {
                SourceName = parse.GetValue(_source) ?? defaultSourceName,
                SourceKind = parse.GetValue(_sourceKind) ?? SourceKind.Csv,
            };
    }

    /// <summary>The name <c>import sql</c> gives its sync: one per source and object, so people and companies keep separate cursors.</summary>
    public static string ImportSqlName(string sourceName, string objectName) => $"sql:{sourceName}:{objectName}";

    private SyncDefinition Landing(ParseResult parse, SyncDefinition definition) => definition with
    {
        Kind = Kind(parse),
        MatchOn = parse.GetValue(_match),
        FuzzyFields = parse.GetValue(_fuzzy),
        BatchSize = parse.GetValue(_batchSize),
        Mappings = (parse.GetValue(_map) ?? []).Select(m => new FieldMapping(m.Column, m.Field, m.Type)).ToList(),
    };

    // Only sync add defines either source; one of them, and all it needs, must be given. These are usage errors (exit 2).
    private void Validate(System.CommandLine.Parsing.CommandResult result)
    {
        if (_choice != SourceChoice.Either)
        {
            return;
        }

        var file = result.GetResult(_file) is not null;
        var sql = new Option[] { _provider, _connection, _query, _timestampColumn }.Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
        var crm = new Option[] { _salesforce, _hubspot }.Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
        if (crm.Count > 0 || new Option[] { _instanceUrl, _baseUrl, _token }.Any(o => result.GetResult(o) is not null))
        {
            ValidateConnector(result, crm, file ? ["--file", .. sql] : sql);
        }
        else if (file && sql.Count > 0)
        {
            result.AddError($"--file reads a CSV file and {string.Join(", ", sql)} define a SQL query; give one source: --file, or --provider, --connection and --query.");
        }
        else if (!file && sql.Count == 0)
        {
            result.AddError("Give the source to sync: --file PATH for a CSV file, --provider, --connection, --query and --id-column for a SQL query, "
                + "--salesforce OBJECT with --instance-url and --token, or --hubspot OBJECT with --token.");
        }
        else if (!file)
        {
            var missing = new Option[] { _provider, _connection, _query, _idColumn }.Where(o => result.GetResult(o) is null).Select(o => o.Name).ToList();
            if (missing.Count > 0)
            {
                result.AddError($"A SQL sync also needs {string.Join(", ", missing)}.");
            }
        }
    }

    // A CRM source names its object and token; its object names, record ids and cursor are its own (a converted lead
    // names its contact by the CRM's object), so --object, --id-column and the others do not apply.
    private void ValidateConnector(System.CommandLine.Parsing.CommandResult result, List<string> crm, List<string> others)
    {
        var fixedOnes = new Option[] { _object, _idColumn }.Where(o => result.GetResult(o) is not null).Select(o => o.Name);
        var misplaced = others.Concat(fixedOnes).ToList();
        if (crm.Count == 0)
        {
            result.AddError("--instance-url, --base-url and --token belong to a CRM source; give --salesforce OBJECT or --hubspot OBJECT.");
        }
        else if (crm.Count > 1)
        {
            result.AddError("--salesforce and --hubspot are two sources; a sync reads one.");
        }
        else if (misplaced.Count > 0)
        {
            result.AddError($"{crm[0]} reads a CRM object; {string.Join(", ", misplaced)} {(misplaced.Count == 1 ? "belongs" : "belong")} to a file or SQL source.");
        }
        else if (result.GetResult(_token) is null || (crm[0] == "--salesforce" && result.GetResult(_instanceUrl) is null))
        {
            result.AddError(crm[0] == "--salesforce" ? "A Salesforce sync also needs --instance-url and --token." : "A HubSpot sync also needs --token.");
        }
        else if (crm[0] == "--salesforce" && result.GetResult(_baseUrl) is not null)
        {
            result.AddError("--base-url belongs to --hubspot; a Salesforce sync names its org with --instance-url.");
        }
        else if (crm[0] == "--hubspot" && result.GetResult(_instanceUrl) is not null)
        {
            result.AddError("--instance-url belongs to --salesforce; a HubSpot sync takes --base-url.");
        }
    }

    private static Option<string?> Named(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = Parsers.One(ImportArguments.Name(name)),
    };
}
