using System.CommandLine;
using System.CommandLine.Help;
using Audiences.Cli.Commands;
using Audiences.Cli.Syncs;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Cli;

/// <summary>
/// Every command of the tool as a System.CommandLine tree, with the global options <c>--db</c> and
/// <c>--json</c> accepted anywhere on the line. Built for one run: each command's action opens its
/// <see cref="CommandContext"/> on that run's <see cref="CliEnvironment"/>.
/// </summary>
internal sealed class CommandTree
{
    public const string Program = "Audiences.Cli";

    private readonly CliEnvironment _environment;

    public CommandTree(CliEnvironment environment)
    {
        _environment = environment;
        Root = new RootCommand(
            "A sample host for Audiences.Sdk: imports CSV files and SQL queries of people and companies into a SQLite database, "
            + "keeps syncs and search drafts, shows profiles, merges, filters and the field catalog, keeps audiences and their members, enriches them and watches them for events with signals, and exports them to tables, files and ad platforms.")
        {
            HelpName = Program,
        };
        Root.Options.Add(Database);
        Root.Options.Add(Json);
        var fields = new FieldsCommand();
        fields.Subcommands.Add(new FieldsEditCommand());
        var merges = new MergesCommand();
        merges.Subcommands.Add(new MergesUndoCommand());
        foreach (var command in new Command[]
        {
            new DemoCommand(),
            Group("import", "imports a file, a SQL query, or a Salesforce or HubSpot object of people or companies, or previews a file or query", new ImportCsvCommand(),
                new ImportSqlCommand(),
                new ImportSalesforceCommand(),
                new ImportHubSpotCommand(),
                Group("preview", "shows how a file or query would be imported, storing nothing", new ImportPreviewCommand(SourceChoice.Csv), new ImportPreviewCommand(SourceChoice.Sql))),
            new CountCommand(),
            Group(
                "sync",
                "defines syncs over CSV files and SQL queries, runs them by hand and shows their runs",
                new SyncAddCommand(),
                new SyncListCommand(),
                new SyncRunCommand(),
                new SyncHistoryCommand(),
                new SyncRemoveCommand()),
            Group(
                "enrich",
                "defines enrichments over providers, sets their credit budgets, tries and runs them, and shows and exports their runs",
                new EnrichAddCommand(),
                new EnrichAddCommand(edit: true),
                new EnrichListCommand(),
                new EnrichBudgetCommand(),
                new EnrichTestCommand(),
                new EnrichRunCommand(),
                new EnrichRunsCommand(),
                new EnrichExportRunCommand()),
            Group(
                "signal",
                "defines signals that watch audiences' members for events, previews their cost, runs them and shows their runs",
                new SignalAddCommand(),
                new SignalListCommand(),
                new SignalPreviewCommand(),
                new SignalRunCommand(),
                new SignalRunsCommand(),
                new SignalBudgetCommand(),
                new SignalRemoveCommand()),
            Group(
                "export",
                "defines exports of audiences to SQL tables and CSV files with write rules, shows their write plans, runs them and shows their runs and failures",
                new ExportAddCommand(),
                new ExportListCommand(),
                new ExportPlanCommand(),
                new ExportRunCommand(),
                new ExportHistoryCommand(),
                new ExportFailuresCommand(),
                new ExportRemoveCommand()),
            Group(
                "ads",
                "keeps audiences' people in Meta, Google and LinkedIn ad audiences: defines them, syncs them and shows their status",
                new AdsAddCommand(),
                new AdsListCommand(),
                new AdsSyncCommand(),
                new AdsStatusCommand()),
            Group(
                "profiles",
                "lists, finds and upserts profiles, and locks their fields",
                new ProfilesListCommand(),
                new ProfilesFindCommand(),
                new ProfilesUpsertCommand(),
                new ProfilesLockCommand(),
                new ProfilesUnlockCommand()),
            Group(
                "draft",
                "searches people and companies outside the workspace into drafts, to commit or discard",
                new DraftSearchCommand(),
                new DraftListCommand(),
                new DraftShowCommand(),
                new DraftCommitCommand(),
                new DraftDiscardCommand()),
            fields,
            new HubCommand(),
            Group("filter", "checks filter text, and turns plain language into a filter", new FilterParseCommand(), new FilterAiCommand()),
            merges,
            Group("review", "decides the pairs probabilistic matching was unsure of", new ReviewListCommand(), new ReviewDecideCommand(accept: true), new ReviewDecideCommand(accept: false)),
            Group(
                "audience",
                "saves audiences and keeps their members",
                new AudienceCreateCommand(),
                new AudienceDeriveCommand(),
                new AudienceListCommand(),
                new AudienceMembersCommand(MemberState.Active),
                new AudienceMembersCommand(MemberState.Archived),
                new AudienceArchiveCommand(archive: true),
                new AudienceArchiveCommand(archive: false),
                new AudienceExplainCommand(),
                new AudienceRecordCommand(),
                new AudienceActivateCommand(),
                new AudienceDeleteCommand(),
                new AudienceRefreshCommand(),
                new AudienceChangesCommand()),
            HelpCommand(),
        })
        {
            Root.Subcommands.Add(command);
        }

        foreach (var command in Commands(Root))
        {
            command.SetAction((parse, cancellationToken) => command.RunAsync(Context(parse), parse, cancellationToken));
        }

        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new RootHelpAction((HelpAction)help.Action!);
    }

    public RootCommand Root { get; }

    /// <summary><c>--db PATH</c>: the SQLite database, <c>audiences.db</c> in the current folder by default.</summary>
    public Option<FileInfo> Database { get; } = new("--db")
    {
        Description = "the SQLite database file (the demo uses demo.db in the same folder)",
        HelpName = "PATH",
        Recursive = true,
        DefaultValueFactory = _ => new FileInfo("audiences.db"),
        CustomParser = Parsers.One(DatabaseFile),
    };

    /// <summary><c>--json</c>: exactly one JSON document on stdout.</summary>
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "print exactly one JSON document on stdout",
        Recursive = true,
    };

    /// <summary>Every command that runs, groups' subcommands included.</summary>
    public static IEnumerable<CliCommand> Commands(Command command) =>
        command.Subcommands.SelectMany(c => c is CliCommand cli ? [cli, .. Commands(c)] : Commands(c));

    private CommandContext Context(ParseResult parse) =>
        new(_environment, parse.GetValue(Json), parse.GetValue(Database)!.FullName);

    private static Command Group(string name, string description, params Command[] commands)
    {
        var group = new Command(name, description);
        foreach (var command in commands)
        {
            group.Subcommands.Add(command);
        }

        return group;
    }

    /// <summary><c>help [COMMAND...]</c>: the same help as <c>COMMAND --help</c>, for those who type it that way.</summary>
    private Command HelpCommand()
    {
        var words = new Argument<string[]>("COMMAND") { Arity = ArgumentArity.ZeroOrMore };
        var help = new Command("help", "shows the help of a command") { Hidden = true };
        help.Arguments.Add(words);
        help.SetAction(parse => Root.Parse([.. parse.GetValue(words) ?? [], "--help"]).Invoke(parse.InvocationConfiguration));
        return help;
    }

    /// <exception cref="InputException">The path is blank or not a usable path.</exception>
    private static FileInfo DatabaseFile(string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new InputException("--db is empty; name the database file, e.g. --db audiences.db.");
        }

        try
        {
            return new FileInfo(value);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InputException($"--db '{value}' is not a usable path: {e.Message}", e);
        }
    }
}
