using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Sdk.Csv;
using Audiences.Sdk.Import;
using Audiences.Sdk.Matching.Probabilistic;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>The options of <c>import csv</c> besides --kind and --file: how the rows become records, and how they are matched.</summary>
internal sealed class ImportCsvOptions
{
    private readonly Option<string?> _source = Named("--source", "NAME", "the source name in each record's key (default: the file name without extension; stdin for -)");
    private readonly Option<string?> _object = Named("--object", "NAME", "the object name in each record's key (default: people or companies; rows updates files imported before it was the kind)");
    private readonly Option<IReadOnlyList<string>?> _match = new("--match")
    {
        Description = "alias fields to match on, comma-separated (default: email,linkedin_url for people, domain for companies)",
        HelpName = "FIELDS",
        CustomParser = Parsers.One(ImportArguments.Match),
    };

    private readonly Option<ProbabilisticMatchingOptions?> _fuzzy = new("--fuzzy")
    {
        Description = "also match probabilistically over these fields, comma-separated (e.g. first_name,surname,dob,city); uncertain pairs go to 'review list'",
        HelpName = "FIELDS",
        CustomParser = Parsers.One(ImportArguments.Fuzzy),
    };

    private readonly Option<string?> _idColumn = Named("--id-column", "COLUMN", "the column with each row's external id (default: the row number)");
    private readonly Option<IReadOnlyList<CsvColumnMapping>> _map = new("--map")
    {
        Description = "maps a column to a field, optionally typed: text, number, boolean, datetime or list (repeat for more)",
        HelpName = "COLUMN=FIELD[:TYPE]",
        Arity = ArgumentArity.OneOrMore,
        CustomParser = Parsers.Each(ImportArguments.Mapping),
    };

    private readonly Option<int?> _batchSize = new("--batch-size")
    {
        Description = "rows per atomic batch (default 5,000)",
        HelpName = "N",
        CustomParser = Parsers.One<int?>(value => ImportArguments.BatchSize(value)),
    };

    private readonly Option<SourceKind> _sourceKind = new("--source-kind")
    {
        Description = "how the file's values rank in survivorship: csv (default), crm, crm-lead, warehouse, upsert, enrichment, search",
        HelpName = "KIND",
        DefaultValueFactory = _ => SourceKind.Csv,
        CustomParser = Parsers.One(ImportArguments.SourceKind),
    };

    public void AddTo(Command command)
    {
        _sourceKind.CompletingWith("csv", "crm", "crm-lead", "warehouse", "upsert", "enrichment", "search");
        foreach (var option in new Option[] { _source, _object, _match, _fuzzy, _idColumn, _map, _batchSize, _sourceKind })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>How the rows of <paramref name="path"/> become source records.</summary>
    public CsvSourceOptions Source(ParseResult parse, string path, EntityKind kind)
    {
        var source = new CsvSourceOptions(path, kind)
        {
            SourceName = parse.GetValue(_source),
            IdColumn = parse.GetValue(_idColumn),
            Mappings = parse.GetValue(_map) ?? [],
            SourceKind = parse.GetValue(_sourceKind),
        };
        return parse.GetValue(_object) is { } objectName ? source with { ObjectName = objectName } : source;
    }

    /// <summary>How the records are matched and written.</summary>
    public ImportOptions Import(ParseResult parse, EntityKind kind) => new(kind)
    {
        MatchOn = parse.GetValue(_match),
        BatchSize = parse.GetValue(_batchSize),
        Fuzzy = parse.GetValue(_fuzzy),
    };

    private static Option<string?> Named(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = Parsers.One(ImportArguments.Name(name)),
    };
}
