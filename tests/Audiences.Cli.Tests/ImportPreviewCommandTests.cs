using System.Text;

namespace Audiences.Cli.Tests;

public sealed class ImportPreviewCommandTests : IDisposable
{
    // A HubSpot contacts export as it comes: display headers, a record id, and one id exported twice.
    private static readonly string[] HubSpotExport =
    [
        "Record ID,First Name,Last Name,Email,Job Title,Company Name,LinkedIn URL,Phone Number,Lifecycle Stage,Create Date",
        "5101,Ada,Lovelace,ada@example.com,CTO,Analytical Engines,https://www.linkedin.com/in/ada,+44 20 7946 0001,customer,2025-01-02",
        "5102,Grace,Hopper,grace@example.com,Rear Admiral,US Navy,,,lead,2025-01-03",
        "5101,Ada,Lovelace,ada.l@example.org,CTO,Analytical Engines,,,customer,2025-01-04",
        "5103,Alan,Turing,alan@example.com,Researcher,Bletchley,,,opportunity,2025-01-05",
    ];

    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Shows_the_mapping_the_records_and_the_duplicate_id_once_without_creating_a_database()
    {
        var file = _workspace.WriteCsv("hubspot-contacts.csv", HubSpotExport);

        var result = await PreviewCsvAsync(file, "--json", "--id-column", "Record ID");

        result.ExitCode.Should().Be(0, result.ToString());
        File.Exists(_workspace.DatabasePath).Should().BeFalse("a preview creates nothing");
        var mapping = result.Json["mapping"]!.AsArray();
        var email = mapping.Single(m => (string)m!["sourceField"]! == "Email")!;
        ((string)email["field"]!).Should().Be("email");
        ((bool)email["alias"]!).Should().BeTrue();
        mapping.Single(m => (string)m!["sourceField"]! == "Job Title")!["field"]!.GetValue<string>().Should().Be("title");
        ((string)mapping.Single(m => (string)m!["sourceField"]! == "Record ID")!["reason"]!).Should().Be("id");
        mapping.Select(m => (string)m!["sourceField"]!).Should().Contain("#row");
        mapping.Single(m => (string)m!["sourceField"]! == "#row")!["field"].Should().BeNull("the generated row number is never mapped");
        mapping.Should().OnlyContain(m => m!.AsObject().Select(p => p.Key).SequenceEqual(new[] { "sourceField", "field", "type", "reason", "alias" }));

        var records = result.Json["records"]!.AsArray();
        records.Select(r => (string)r!["key"]!["id"]!).Should().Equal("5101", "5102", "5103");
        ((string)records[0]!["key"]!["source"]!).Should().Be("hubspot-contacts");
        ((string)records[0]!["fields"]!["title"]!).Should().Be("CTO");
        result.Json["warnings"]!.AsArray().Select(w => (string)w!).Where(w => w.Contains("5101", StringComparison.Ordinal))
            .Should().ContainSingle("the duplicate id is warned about once");
        result.Json["csvMap"]!.AsArray().Select(m => (string)m!).Should().Contain("Job Title=title");
    }

    [Fact]
    public async Task The_text_view_prints_the_map_options_that_make_import_csv_land_columns_the_same_way()
    {
        var file = _workspace.WriteCsv("hubspot-contacts.csv", HubSpotExport);

        var preview = await PreviewCsvAsync(file, "--id-column", "Record ID", "--rows", "1");

        preview.ExitCode.Should().Be(0, preview.ToString());
        preview.Stdout.Should().Contain("Mapping:").And.Contain("SOURCE FIELD").And.Contain("synonym")
            .And.Contain("The first 1 record(s)").And.Contain("hubspot-contacts/people/5101").And.Contain("No warnings.")
            .And.Contain("--map \"Job Title=title\"");
        preview.Stdout.Should().NotContain("hubspot-contacts/people/5102", "--rows 1 shows one record");
    }

    [Fact]
    public async Task Import_csv_with_the_printed_map_options_lands_the_columns_where_the_preview_showed_them()
    {
        var file = _workspace.WriteCsv("contacts.csv", "Email,Job Title", "ada@example.com,CTO");
        var preview = await PreviewCsvAsync(file, "--json");
        var map = preview.Json["csvMap"]!.AsArray().Select(m => (string)m!).ToList();

        var import = await _workspace.RunAsync(["import", "csv", "--kind", "person", "--file", file, .. map.SelectMany(m => new[] { "--map", m })]);

        map.Should().Equal("Job Title=title");
        import.ExitCode.Should().Be(0, import.ToString());
        var person = (await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "email=ada@example.com")).Json;
        ((string)person["fields"]!["title"]!).Should().Be((string)preview.Json["records"]![0]!["fields"]!["title"]!);
    }

    [Fact]
    public async Task Writes_no_profile_into_an_existing_workspace()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);
        var file = _workspace.WriteCsv("hubspot-contacts.csv", HubSpotExport);

        var result = await PreviewCsvAsync(file, "--json", "--id-column", "Record ID");

        result.ExitCode.Should().Be(0, result.ToString());
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("3");
        (await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "email=alan@example.com")).Json["sources"]!.AsArray()
            .Select(s => (string)s!["source"]!).Should().Equal("crm");
    }

    [Fact]
    public async Task Reads_standard_input()
    {
        var input = string.Join("\n", HubSpotExport) + "\n";

        var result = await _workspace.RunAsync(
            environment => environment with { OpenInput = () => new MemoryStream(Encoding.UTF8.GetBytes(input)) },
            "--json", "import", "preview", "csv", "--kind", "person", "--file", "-", "--id-column", "Record ID", "--source", "hubspot");

        result.ExitCode.Should().Be(0, result.ToString());
        var records = result.Json["records"]!.AsArray();
        records.Should().HaveCount(3);
        ((string)records[0]!["key"]!["source"]!).Should().Be("hubspot");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task Previews_a_sql_query()
    {
        var warehouse = new SqliteWarehouse(_workspace.Folder).WithPeople(12);

        var result = await _workspace.RunAsync(
            "--json", "import", "preview", "sql", "--provider", "sqlite", "--connection", warehouse.Connection, "--query", SqliteWarehouse.PeopleQuery,
            "--kind", "person", "--id-column", "id", "--timestamp-column", "updated_at");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["records"]!.AsArray().Should().HaveCount(10, "ten records by default");
        ((string)result.Json["records"]![0]!["key"]!["source"]!).Should().Be("warehouse");
        result.Json["csvMap"].Should().BeNull();
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
        (await _workspace.RunAsync("--json", "import", "preview", "sql", "--provider", "sqlite", "--connection", warehouse.Connection,
            "--query", SqliteWarehouse.PeopleQuery, "--kind", "person", "--id-column", "id")).Json["warnings"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Warns_when_no_field_maps_to_an_alias()
    {
        var file = _workspace.WriteCsv("names.csv", "Name,City", "Ada,London");

        var result = await PreviewCsvAsync(file, "--json");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Json["warnings"]!.AsArray().Select(w => (string)w!).Should().Contain(w => w.Contains("No field maps to an alias", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Errors_are_reported_like_the_imports()
    {
        var missing = await PreviewCsvAsync(Path.Combine(_workspace.Folder, "nope.csv"));
        var badRows = await PreviewCsvAsync(_workspace.WriteCsv("a.csv", "email", "ada@example.com"), "--rows", "0");
        var badColumn = await PreviewCsvAsync(_workspace.WriteCsv("b.csv", "email", "ada@example.com"), "--id-column", "id");
        var missingDb = await _workspace.RunAsync(
            "import", "preview", "sql", "--provider", "sqlite", "--connection", $"Data Source={Path.Combine(_workspace.Folder, "none.db")}",
            "--query", "SELECT 1 AS id", "--kind", "person", "--id-column", "id");
        var noFile = await _workspace.RunAsync("import", "preview", "csv", "--kind", "person");

        missing.ExitCode.Should().Be(1, missing.ToString());
        missing.Stderr.Should().Contain("was not found");
        badRows.ExitCode.Should().Be(1, badRows.ToString());
        badRows.Stderr.Should().Contain("--rows '0'");
        badColumn.ExitCode.Should().Be(1, badColumn.ToString());
        badColumn.Stderr.Should().Contain("'id'");
        missingDb.ExitCode.Should().Be(1, missingDb.ToString());
        File.Exists(Path.Combine(_workspace.Folder, "none.db")).Should().BeFalse();
        noFile.ExitCode.Should().Be(2, noFile.ToString());
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    private Task<CliResult> PreviewCsvAsync(string file, params string[] extra) => _workspace.RunAsync(
    [
        .. extra.Where(e => e == "--json"),
        "import", "preview", "csv", "--kind", "person", "--file", file,
        .. extra.Where(e => e != "--json"),
    ]);
}
