namespace Audiences.Samples.Worker.Tests;

/// <summary>Configuration the worker cannot use stops the start before anything is stored, naming each problem by its path.</summary>
public sealed class InvalidConfigurationTests : IDisposable
{
    private readonly WorkerWorkspace _workspace = new WorkerWorkspace().WithContactsSync();

    public void Dispose() => _workspace.Dispose();

    public static TheoryData<string, string?, string> Cases => new()
    {
        { "Audiences:Syncs:0:Name", null, "Audiences:Syncs:0:Name is missing" },
        { "Audiences:Syncs:0:IdField", " ", "Audiences:Syncs:0:IdField is missing" },
        { "Audiences:Syncs:0:SourceType", null, "Audiences:Syncs:0:SourceType is missing" },
        { "Audiences:Syncs:0:SourceType", "ftp", "Audiences:Syncs:0:SourceType is 'ftp', which is no source type this worker registers; use one of sql, csv" },
        { "Audiences:Syncs:0:Kind", "robot", "Audiences:Syncs:0:Kind is 'robot', which is no kind; use person or company" },
        { "Audiences:Syncs:0:SourceKind", "spreadsheet", "Audiences:Syncs:0:SourceKind is 'spreadsheet', which is no source kind" },
        { "Audiences:Syncs:0:Settings:provider", "oracle", "Audiences:Syncs:0:Settings:provider is 'oracle', which is not registered (registered: postgres, sqlite)" },
        { "Audiences:Syncs:0:Settings:query", "", "Audiences:Syncs:0:Settings:query is missing; the sql source needs it" },
        { "Audiences:SqlProviders:0", "oracle", "Audiences:SqlProviders:0 is 'oracle', which is no provider this worker ships" },
        { "Audiences:PollInterval", "often", "Audiences:PollInterval is 'often', which is no duration" },
        { "Audiences:Syncs:0:Schedule:Every", "soon", "Audiences:Syncs:0:Schedule:Every is 'soon', which is no duration" },
        { "Audiences:Syncs:0:Schedule:FullEvery", "-1d", "Audiences:Syncs:0:Schedule:FullEvery is '-1d', which is no duration" },
        { "Audiences:Syncs:0:Schedule:Cron", "every day", "Audiences:Syncs:0:Schedule:Cron is 'every day', which does not parse" },
        { "Audiences:Syncs:0:Mappings:0", "job_title=Job Title", "Audiences:Syncs:0:Mappings:0 maps 'job_title' to 'Job Title', which is no field key" },
        { "Audiences:Syncs:0:Mappings:0", "job_title", "Audiences:Syncs:0:Mappings:0 is 'job_title', which is no mapping" },
        { "Audiences:Syncs:0:Mappings:0", "job_title=title:money", "Audiences:Syncs:0:Mappings:0 gives the type 'money' for 'job_title', which is no field type" },
        { "Audiences:Syncs:0:MatchOn:0", "E-mail", "Audiences:Syncs:0:MatchOn:0 is 'E-mail', which is no field key" },
        { "Audiences:Syncs:0:Object", "people", "Audiences:Syncs:0:Object is 'people' but Audiences:Syncs:0:Settings:object is 'contacts'; keep one" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_invalid_setting_fails_the_start_with_its_path_and_no_database_is_created(string path, string? value, string message)
    {
        _workspace.Settings[path] = value;
        if (path == "Audiences:Syncs:0:Object")
        {
            _workspace.Settings["Audiences:Syncs:0:Settings:object"] = "contacts";
        }

        var run = await ExitCodeRun.RunAsync(_workspace);

        run.Code.Should().Be(1);
        run.Error.Should().StartWith("error: the configuration was refused:").And.Contain(message);
        File.Exists(_workspace.DatabasePath).Should().BeFalse("nothing is stored before the configuration is accepted");
    }

    [Fact]
    public async Task Both_every_and_cron_fail_the_start()
    {
        _workspace.Settings["Audiences:Syncs:0:Schedule:Every"] = "15m";
        _workspace.Settings["Audiences:Syncs:0:Schedule:Cron"] = "*/15 * * * *";

        var run = await ExitCodeRun.RunAsync(_workspace);

        run.Code.Should().Be(1);
        run.Error.Should().Contain("Audiences:Syncs:0:Schedule has both Every and Cron for its incremental runs; keep one");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task Duplicate_names_fail_the_start()
    {
        _workspace.WithContactsSync(1, "Contacts");

        var run = await ExitCodeRun.RunAsync(_workspace);

        run.Code.Should().Be(1);
        run.Error.Should().Contain("Audiences:Syncs:1:Name is 'Contacts', which Audiences:Syncs:0 already names; give each sync its own name");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task Every_problem_is_named_at_once_one_per_line()
    {
        _workspace.Settings["Audiences:Syncs:0:Schedule:Every"] = "soon";
        _workspace.Settings["Audiences:Syncs:0:Kind"] = "robot";
        _workspace.Settings["Audiences:Syncs:1:SourceType"] = "csv";

        var run = await ExitCodeRun.RunAsync(_workspace);

        var lines = run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        lines.Should().HaveCount(6).And.Contain(
        [
            "Audiences:Syncs:0:Schedule:Every is 'soon', which is no duration; write e.g. '90s', '15m', '12h', '7d' or '00:15:00'",
            "Audiences:Syncs:0:Kind is 'robot', which is no kind; use person or company",
            "Audiences:Syncs:1:Name is missing; name the sync, e.g. 'warehouse-contacts'",
            "Audiences:Syncs:1:Settings:path is missing; the csv source needs it",
            "Audiences:Syncs:1:IdField is missing; name the field that identifies a record, e.g. 'id'",
        ]);
        run.Logs.Events(Hosting.WorkerEvents.Started).Should().BeEmpty();
    }
}
