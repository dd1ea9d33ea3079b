namespace Audiences.Cli.Tests;

/// <summary><c>export add --to csv</c>: a file created with the mapped columns, written, planned against, and refused when unusable.</summary>
public sealed class ExportCsvCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    private string FilePath => Path.Combine(_workspace.Folder, "out", "paid.csv");

    [Fact]
    public async Task A_new_file_is_created_with_the_key_and_mapped_columns_and_the_members_rows()
    {
        await ExportData.ImportAsync(_workspace);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);

        var add = await AddAsync("--json", "--create", "--map", "first_name=first_name:always", "--map", "title=title:always", "--membership", $"{ExportData.EveryoneAudience}=segment:everyone");
        var plan = await EnrichData.SucceedAsync(_workspace, "--json", "export", "plan", "paid");
        var run = await EnrichData.SucceedAsync(_workspace, "--json", "export", "run", "paid");

        add.ExitCode.Should().Be(0, add.ToString());
        ((string)add.Json["destination"]!["settings"]!["path"]!).Should().Be(FilePath);
        ((string)add.Json["destination"]!["settings"]!["key-column"]!).Should().Be("email", "the key column is email unless given");
        ((string)add.Json["destination"]!["settings"]!["columns"]!).Should().Be("email,first_name,title,segment");
        ((int)plan.Json["actions"]!["create"]!).Should().Be(2);
        ((long)run.Json["created"]!).Should().Be(2);
        ((long)run.Json["failed"]!).Should().Be(0);
        File.ReadAllLines(FilePath).Should().Equal(
            "email,first_name,title,segment",
            "ada@home.example,Ada,CTO,everyone",
            "grace@home.example,Grace,Admiral,everyone");
    }

    [Fact]
    public async Task An_existing_file_keeps_its_values_under_never_and_if_empty_and_takes_always()
    {
        await ExportData.ImportAsync(_workspace);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllLines(FilePath, ["contact,first_name,title,note", "ada@home.example,Augusta,Engineer,keep me", "grace@home.example,,Rear Admiral,"]);

        (await AddAsync("--key-column", "contact", "--map", "first_name=first_name:if-empty", "--map", "title=title", "--map", "last_name=note:always")).ExitCode.Should().Be(0);
        var plan = await EnrichData.SucceedAsync(_workspace, "export", "plan", "paid");
        await EnrichData.SucceedAsync(_workspace, "export", "run", "paid");

        plan.Stdout.Should().Contain("skipped by rule (never)").And.Contain("skipped by rule (if-empty)").And.Contain("will write");
        File.ReadAllLines(FilePath).Should().Equal(
            "contact,first_name,title,note",
            "ada@home.example,Augusta,Engineer,Lovelace",
            "grace@home.example,Grace,Rear Admiral,Hopper");
    }

    [Fact]
    public async Task A_csv_export_refuses_a_missing_folder_a_folder_and_standard_output()
    {
        var folder = await AddAsync("--map", "email=email:always");
        var isFolder = await _workspace.RunAsync("export", "add", "paid", "--to", "csv", "--file", _workspace.Folder, "--kind", "person", "--map", "email=email:always");
        var stdout = await _workspace.RunAsync("export", "add", "paid", "--to", "csv", "--file", "-", "--kind", "person", "--map", "email=email:always");

        folder.ExitCode.Should().Be(1);
        folder.Stderr.Should().Contain("--file: the folder").And.Contain("does not exist");
        isFolder.ExitCode.Should().Be(1);
        isFolder.Stderr.Should().Contain("is a folder");
        stdout.ExitCode.Should().Be(1);
        stdout.Stderr.Should().Contain("standard output");
    }

    [Fact]
    public async Task A_file_without_the_key_column_is_refused_with_the_destinations_reason()
    {
        await ExportData.ImportAsync(_workspace);
        Directory.CreateDirectory(Path.GetDirectoryName(FilePath)!);
        File.WriteAllLines(FilePath, ["id,name", "1,x"]);

        var add = await AddAsync("--map", "first_name=name:always");

        add.ExitCode.Should().Be(1, add.ToString());
        add.Stderr.Should().Contain("'paid'").And.Contain("no key column 'email'");
    }

    private Task<CliResult> AddAsync(params string[] more) =>
        _workspace.RunAsync(["export", "add", "paid", "--to", "csv", "--file", FilePath, "--kind", "person", "--audience", ExportData.PaidAudience, .. more]);
}
