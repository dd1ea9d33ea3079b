using Audiences.Cli.Cli;
using Audiences.Cli.Signals;
using Audiences.Sdk.Credits;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's signal: job moves among the audience's people, found by <c>sample-job-change</c> where a person's source
/// records disagree on title or company — Priya Raman's search result, committed today, lists a newer title than the
/// CRM export — its cost previewed, then run on a budget; the people it fired for, as its companion audience holds them.
/// </summary>
internal sealed record DemoSignal(
    SignalDefinition Definition,
    IReadOnlyDictionary<long, string?> AudienceNames,
    SignalCostPreview Preview,
    SignalRun Run,
    CreditBudget Budget,
    Audience? Companion,
    long CompanionCount,
    IReadOnlyList<Profile> Fired)
{
    public const string Name = "job-moves";
    public const string Provider = "sample-job-change";
    public const SignalLookBack LookBack = SignalLookBack.SixMonths;
    public const decimal Cap = 10;

    public static async Task<DemoSignal> RunAsync(CommandContext context, AudiencesSession session, Audience people, CancellationToken cancellationToken)
    {
        var signals = session.Signals;
        var definition = await SignalCalls.GuardAsync(() => signals.SaveAsync(
            new SignalDefinition(Name, EntityKind.Person, SignalType.JobChange, Provider, [people.Id]) { LookBack = LookBack },
            cancellationToken));
        await signals.SetBudgetAsync(Name, Cap, cancellationToken);
        var preview = await signals.PreviewCostAsync(Name, cancellationToken);
        var run = await context.WithStatusAsync("Watching for job moves", () => signals.RunAsync(Name, cancellationToken));
        var budget = await signals.GetBudgetAsync(Name, cancellationToken);
        var names = await SignalCalls.AudienceNamesAsync(session, [definition], cancellationToken);

        Audience? companion = null;
        long count = 0;
        var fired = new List<Profile>();
        if (definition.Companions.Count > 0)
        {
            companion = await session.Audiences.GetAsync(definition.Companions[0].Companion, cancellationToken);
            if (companion is not null)
            {
                count = await session.Audiences.CountAsync(companion.Id, cancellationToken);
                fired.AddRange((await session.Audiences.ListMembersAsync(companion.Id, cancellationToken: cancellationToken)).Profiles);
            }
        }

        return new DemoSignal(definition, names, preview, run, budget, companion, count, fired);
    }
}
