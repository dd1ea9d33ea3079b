using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;
using Audiences.Sdk.Testing.Destinations;
using Audiences.Sdk.Testing.Specification;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>
/// An in-memory workspace on a fake clock with a memory destination named <c>crm</c> (contacts keyed by email, with
/// <c>name</c>, <c>score</c>, <c>status</c> and <c>owner</c>): people imported from a CRM source, audiences over them, and exports
/// to write them out.
/// </summary>
internal sealed class ExportFixture : IDisposable
{
    public ExportFixture(InMemoryDestinationOptions? destination = null, Action<AudiencesOptions>? options = null, Action<IAudiencesBuilder>? configure = null)
    {
        Destination = Destinations.Add("crm", new InMemoryDestination(destination ?? Contacts()));
        Workspace = StoreWorkspace.Create(
            b =>
            {
                b.UseInMemory().AddDestination(Destinations);
                configure?.Invoke(b);
            },
            Clock,
            options ?? (o => o.Exports.CallRetries = 0));
    }

    public static DateTimeOffset Start { get; } = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryDestinationFactory Destinations { get; } = new();

    public InMemoryDestination Destination { get; }

    public StoreWorkspace Workspace { get; }

    public IExportService Exports => Workspace.Services.GetRequiredService<IExportService>();

    public IAudienceService Audiences => Workspace.Services.GetRequiredService<IAudienceService>();

    public IExportRunStore Runs => Workspace.Services.GetRequiredService<IExportRunStore>();

    public IProfileService Profiles => Workspace.Service;

    public static DestinationSettings Crm { get; } = new("memory", new Dictionary<string, string> { ["name"] = "crm" });

    /// <summary>Contacts keyed by email, as a CRM holds them.</summary>
    public static InMemoryDestinationOptions Contacts(bool canRead = true, bool canCreate = true, bool canRemove = true, InMemoryDestinationFaults? faults = null) => new()
    {
        KeyField = "email",
        Fields =
        [
            new("name", FieldType.Text),
            new("score", FieldType.Number),
            new("status", FieldType.Text),
            new("owner", FieldType.Text),
        ],
        CanRead = canRead,
        CanCreate = canCreate,
        CanRemove = canRemove,
        Faults = faults,
    };

    /// <summary>An export of everyone to the CRM writing their name always and their score if empty.</summary>
    public static ExportDefinition Everyone(string name = "to-crm") => new(name, EntityKind.Person, Crm)
    {
        Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }, new ExportMapping("score", "score") { Rule = WriteRule.IfEmpty }],
    };

    public static string Email(string firstName) => $"{firstName.ToLowerInvariant()}@home.example";

    /// <summary>A person from the CRM source with a first name, an email and, when given, a score and an owner.</summary>
    public async Task<Profile> PersonAsync(string firstName, double? score = null, string? owner = null, string source = "crm", string? id = null)
    {
        var values = new Dictionary<string, FieldValue>
        {
            ["email"] = FieldValue.FromText(Email(firstName)),
            ["first_name"] = FieldValue.FromText(firstName),
        };
        if (score is { } s)
        {
            values["score"] = FieldValue.FromNumber(s);
        }

        if (owner is not null)
        {
            values["owner"] = FieldValue.FromText(owner);
        }

        var result = await Profiles.UpsertAsync(
            [new SourceRecord(new SourceRecordKey(source, "people", id ?? firstName), EntityKind.Person, SourceKind.Crm, values) { ObservedAt = Clock.GetUtcNow() }],
            new ImportOptions(EntityKind.Person));
        result.Rejected.Should().Be(0);
        Clock.Advance(TimeSpan.FromSeconds(1));
        return await GetAsync(firstName);
    }

    public async Task<Profile> GetAsync(string firstName) =>
        (await Profiles.FindProfileAsync(EntityKind.Person, "email", Email(firstName)))!;

    /// <summary>An active audience of the people matching <paramref name="criteria"/>, refreshed; returns its id.</summary>
    public async Task<long> AudienceAsync(string name, string criteria)
    {
        var audience = await Audiences.CreateAsync(new AudienceDefinition(name, EntityKind.Person, "ana") { Status = AudienceStatus.Active }, criteria);
        await Audiences.RefreshMembershipAsync();
        return audience.Id;
    }

    /// <summary>Holds a contact in the CRM under the person's email.</summary>
    public void Seed(string firstName, params (string Field, FieldValue Value)[] values) =>
        Destination.Seed(Email(firstName), values.ToDictionary(v => v.Field, v => v.Value));

    /// <summary>The CRM's value of a field of the person's contact; empty when the contact or the field is absent.</summary>
    public FieldValue Held(string firstName, string field) =>
        Destination.Records.TryGetValue(Email(firstName), out var record) && record.TryGetValue(field, out var value) ? value : FieldValue.Empty;

    /// <summary>Runs the export, moving the fake clock on while it waits (for a destination's Retry-After), until it ends.</summary>
    public async Task<ExportRun> RunPumpingAsync(string name)
    {
        var run = Exports.RunAsync(name);
        while (!run.IsCompleted)
        {
            Clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(1);
        }

        return await run;
    }

    public async Task<IReadOnlyList<ExportPlanRecord>> PlanAsync(string name)
    {
        var plan = new List<ExportPlanRecord>();
        await foreach (var record in Exports.PlanAsync(name))
        {
            plan.Add(record);
        }

        return plan;
    }

    public async Task<IReadOnlyList<ExportOutcome>> OutcomesAsync(string name, long run)
    {
        var outcomes = new List<ExportOutcome>();
        await foreach (var outcome in Exports.ListOutcomesAsync(name, run))
        {
            outcomes.Add(outcome);
        }

        return outcomes;
    }

    /// <summary>The keys written by write calls the destination applied, in order.</summary>
    public IReadOnlyList<DestinationWrite> AppliedWrites() =>
        [.. Destination.Calls.Where(c => c.Kind == InMemoryDestinationCallKind.Write && c.Applied).SelectMany(c => c.Writes)];

    public void Dispose() => Workspace.Dispose();
}
