using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Drafts;
using Audiences.Sdk.Drafts;
using Audiences.Sdk.Filtering;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>
/// <c>draft search --kind K --provider sample --where "FILTER" [--limit N]</c>: searches outside the workspace and keeps the
/// results in a new open draft, apart from every profile until it is committed. --json: the draft with its records
/// (<c>{...draft,"items":[...]}</c>). A filter the provider cannot read: exit 1.
/// </summary>
internal sealed class DraftSearchCommand : CliCommand
{
    private readonly Option<EntityKind> _kind = CommonOptions.Kind("the kind of profile to search for");
    private readonly Option<string> _provider = new Option<string>("--provider")
    {
        Description = "the search provider (sample: bundled people and companies)",
        HelpName = "NAME",
        Required = true,
    }.CompletingWith("sample");

    private readonly Option<string?> _where = new("--where")
    {
        Description = "a filter over the provider's fields, e.g. \"title contains 'VP'\" (people: title, seniority, department, company_size, company_industry; companies: industry, employees, technologies)",
        HelpName = "FILTER",
    };

    private readonly Option<int?> _limit = CommonOptions.Limit("keep at most N results (default 100)");

    public DraftSearchCommand()
        : base("search", "searches people or companies outside the workspace and keeps the results in a draft to review")
    {
        Options.Add(_kind);
        Options.Add(_provider);
        Options.Add(_where);
        Options.Add(_limit);
    }

    public override async Task<int> RunAsync(CommandContext context, ParseResult parse, CancellationToken cancellationToken)
    {
        var query = new SearchQuery(parse.GetValue(_kind), parse.GetValue(_where));
        if (parse.GetValue(_limit) is { } limit)
        {
            query = query with { Limit = limit };
        }

        await using var session = await context.OpenAsync(mustExist: false, cancellationToken);
        Draft draft;
        try
        {
            draft = await context.WithStatusAsync("Searching", () => session.Drafts.SearchAsync(parse.GetRequiredValue(_provider), query, cancellationToken));
        }
        catch (KeyNotFoundException e)
        {
            throw new InputException($"--provider: {e.Message}", e);
        }
        catch (FilterException e)
        {
            throw new InputException($"--where: {e.Message}", e);
        }

        var records = await session.Drafts.ListRecordsAsync(draft.Id, cancellationToken);
        if (context.Json)
        {
            context.WriteJson(DraftJson.WithRecords(draft, records));
        }
        else
        {
            context.Out.WriteLine($"Kept {DraftText.Line(draft)}.");
            DraftText.WriteRecords(context.Out, records);
            context.Out.WriteLine($"Review it, then 'draft commit {draft.Id}' to import it or 'draft discard {draft.Id}' to drop it.");
        }

        return ExitCodes.Success;
    }
}
