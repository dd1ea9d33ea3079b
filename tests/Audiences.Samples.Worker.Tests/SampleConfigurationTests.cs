using Audiences.Samples.Worker.Hosting;
using Audiences.Sdk;
using Audiences.Sdk.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Samples.Worker.Tests;

/// <summary>The appsettings.json the sample ships works as it is: its demo warehouse is created and both syncs run.</summary>
public sealed class SampleConfigurationTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task The_shipped_configuration_runs_both_sample_syncs_over_the_seeded_demo_warehouse()
    {
        // The build copies the sample's appsettings.json and SampleData beside the tests; the content root gets its own copy.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(_workspace.Folder, "appsettings.json"));
        Directory.CreateDirectory(Path.Combine(_workspace.Folder, "SampleData"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "SampleData", "newsletter.csv"), Path.Combine(_workspace.Folder, "SampleData", "newsletter.csv"));
        _workspace.JsonFile = Path.Combine(_workspace.Folder, "appsettings.json");
        _workspace.Settings["Audiences:SeedDemoWarehouse"] = "true";

        await using var worker = await RunningWorker.StartAsync(_workspace);
        var newsletter = await worker.Logs.WaitForAsync(e => e.EventId.Id is WorkerEvents.RunSucceeded or WorkerEvents.RunFailed && e["Sync"] == "newsletter");
        var warehouse = await worker.Logs.WaitForAsync(e => e.EventId.Id is WorkerEvents.RunSucceeded or WorkerEvents.RunFailed && e["Sync"] == "warehouse-contacts");

        worker.Logs.Events(WorkerEvents.DemoWarehouseCreated).Should().ContainSingle();
        File.Exists(Path.Combine(_workspace.Folder, "warehouse.db")).Should().BeTrue();
        newsletter.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, newsletter.Message);
        newsletter["Created"].Should().Be("3");
        warehouse.EventId.Id.Should().Be(WorkerEvents.RunSucceeded, warehouse.Message);
        warehouse["Read"].Should().Be("5");
        var ada = await worker.Services.GetRequiredService<IProfileService>().FindProfileAsync(EntityKind.Person, "email", "ada@example.com");
        ada!["title"].Should().Be(FieldValue.FromText("CTO"), "job_title is mapped to title");
        ada.Values.Keys.Should().NotContain("notes", "the notes column is left out");
    }

    [Fact]
    public async Task An_existing_demo_warehouse_is_left_as_it_is()
    {
        await _workspace.Warehouse.CreateAsync();
        _workspace.Settings["Audiences:SeedDemoWarehouse"] = "true";

        await using var worker = await RunningWorker.StartAsync(_workspace);
        var kept = await worker.Logs.WaitForAsync(WorkerMatches.Event(WorkerEvents.DemoWarehouseKept));

        kept["Path"].Should().Be(_workspace.Warehouse.Path);
        worker.Logs.Events(WorkerEvents.DemoWarehouseCreated).Should().BeEmpty();
    }

    [Fact]
    public void The_seed_demo_switch_is_taken_out_of_the_host_arguments_and_turns_the_setting_on()
    {
        string[] args = ["--seed-demo", "--Audiences:PollInterval=30s"];
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();

        WorkerArguments.Apply(args, configuration);

        WorkerArguments.ForHost(args).Should().Equal("--Audiences:PollInterval=30s");
        configuration["Audiences:SeedDemoWarehouse"].Should().Be("true");
    }
}
