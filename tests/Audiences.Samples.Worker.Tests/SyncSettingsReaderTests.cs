using Audiences.Samples.Worker.Configuration;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sources;
using Audiences.Sdk.Sync;

namespace Audiences.Samples.Worker.Tests;

/// <summary>How a configured sync becomes a definition: the values given, and the defaults for those left out.</summary>
public sealed class SyncSettingsReaderTests
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "worker-root");
    private readonly SyncSettingsReader _reader = new(Root, ["sqlite", "postgres"]);

    [Fact]
    public void A_fully_configured_sql_sync_becomes_the_definition_it_describes()
    {
        var sync = Sql("warehouse-contacts");
        sync.Object = "contacts";
        sync.TimestampField = "updated_at";
        sync.Kind = "person";
        sync.SourceName = "warehouse";
        sync.SourceKind = "crm";
        sync.Mappings.Add("job_title=title");
        sync.Mappings.Add("plan=plan:text");
        sync.Mappings.Add("notes=");
        sync.MatchOn.Add("email");
        sync.Schedule.Every = "15m";
        sync.Schedule.FullEvery = "7d";

        var definition = Read(sync);

        definition.Name.Should().Be("warehouse-contacts");
        definition.ObjectName.Should().Be("contacts");
        definition.IdField.Should().Be("id");
        definition.TimestampField.Should().Be("updated_at");
        definition.Kind.Should().Be(EntityKind.Person);
        definition.SourceName.Should().Be("warehouse");
        definition.SourceKind.Should().Be(SourceKind.Crm);
        definition.Mappings.Should().Equal(
            new FieldMapping("job_title", "title"), new FieldMapping("plan", "plan", FieldType.Text), new FieldMapping("notes", null));
        definition.MatchOn.Should().Equal("email");
        definition.Schedule.Should().Be(new SyncSchedule(TimeSpan.FromMinutes(15), TimeSpan.FromDays(7)));
        definition.Source.Type.Should().Be("sql");
        definition.Source["object"].Should().Be("contacts", "the source's object is the one the sync reads");
    }

    [Fact]
    public void Setting_names_are_stored_lower_cased_and_a_sqlite_file_as_a_full_path()
    {
        var sync = new SyncSettings { Name = "contacts", SourceType = "SQL", IdField = "id" };
        sync.Settings["Provider"] = "sqlite";
        sync.Settings["CONNECTION"] = "Data Source=warehouse.db;Mode=ReadOnly";
        sync.Settings["Query"] = "SELECT * FROM contacts";

        var definition = Read(sync);

        definition.Source.Type.Should().Be("sql");
        definition.Source.Values.Keys.Should().BeEquivalentTo("provider", "connection", "query", "object");
        definition.Source["connection"].Should().Contain(Path.Combine(Root, "warehouse.db")).And.Contain("Mode=ReadOnly");
    }

    [Fact]
    public void A_csv_path_is_stored_full_and_the_source_kind_defaults_to_csv()
    {
        var sync = new SyncSettings { Name = "newsletter", SourceType = "csv", IdField = "email" };
        sync.Settings["path"] = "SampleData/newsletter.csv";

        var definition = Read(sync);

        definition.Source["path"].Should().Be(Path.GetFullPath(Path.Combine(Root, "SampleData", "newsletter.csv")));
        definition.SourceKind.Should().Be(SourceKind.Csv);
    }

    [Fact]
    public void The_object_is_the_object_setting_else_the_sync_name()
    {
        var named = Sql("contacts");
        named.Settings["object"] = "people";
        var unnamed = Sql("contacts");

        Read(named).ObjectName.Should().Be("people");
        Read(unnamed).ObjectName.Should().Be("contacts");
        Read(unnamed).Source["object"].Should().Be("contacts");
    }

    [Fact]
    public void Defaults_are_a_person_from_a_warehouse_matched_on_the_kind_defaults()
    {
        var definition = Read(Sql("contacts"));

        definition.Kind.Should().Be(EntityKind.Person);
        definition.SourceKind.Should().Be(SourceKind.Warehouse);
        definition.SourceName.Should().BeNull("the sync's name is the source name");
        definition.MatchOn.Should().BeNull();
        definition.Mappings.Should().BeEmpty();
    }

    [Fact]
    public void The_default_schedule_is_every_15_minutes_with_a_timestamp_field_and_in_full_every_12_hours_without()
    {
        var incremental = Sql("contacts");
        incremental.TimestampField = "updated_at";

        Read(incremental).Schedule.Should().Be(SyncSchedule.WarehouseIncremental);
        Read(Sql("contacts")).Schedule.Should().Be(SyncSchedule.WarehouseFull);
    }

    [Fact]
    public void A_cron_schedule_is_kept()
    {
        var sync = Sql("contacts");
        sync.Schedule.Cron = "*/10 * * * *";
        sync.Schedule.FullEvery = "1d";

        Read(sync).Schedule.Should().Be(new SyncSchedule(null, TimeSpan.FromDays(1), "*/10 * * * *"));
    }

    [Fact]
    public void A_provider_not_enabled_is_refused()
    {
        var reader = new SyncSettingsReader(Root, ["postgres"]);

        var reading = reader.Read(Sql("contacts"), 3);

        reading.Definition.Should().BeNull();
        reading.Problems.Should().ContainSingle().Which.Should().StartWith("Audiences:Syncs:3:Settings:provider is 'sqlite', which is not registered (registered: postgres)");
    }

    [Fact]
    public void A_name_with_a_slash_is_refused()
    {
        _reader.Read(Sql("a/b"), 0).Problems.Should().ContainSingle().Which.Should().Contain("Audiences:Syncs:0:Name is 'a/b', which holds a '/'");
    }

    private SyncDefinition Read(SyncSettings sync)
    {
        var reading = _reader.Read(sync, 0);
        reading.Problems.Should().BeEmpty();
        return reading.Definition!;
    }

    private static SyncSettings Sql(string name)
    {
        var sync = new SyncSettings { Name = name, SourceType = "sql", IdField = "id" };
        sync.Settings["provider"] = "sqlite";
        sync.Settings["connection"] = "Data Source=:memory:";
        sync.Settings["query"] = "SELECT 1 AS id";
        return sync;
    }
}
