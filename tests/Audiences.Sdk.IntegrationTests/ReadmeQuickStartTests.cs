using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.IntegrationTests;

public sealed class ReadmeQuickStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _previousDirectory = Environment.CurrentDirectory;

    public ReadmeQuickStartTests() => Environment.CurrentDirectory = _dir.Path;

    public void Dispose()
    {
        Environment.CurrentDirectory = _previousDirectory;
        _dir.Dispose();
    }

    [Fact]
    public async Task QuickStart_RunsAndMergesTheUpsertIntoTheImportedPerson()
    {
        await System.IO.File.WriteAllTextAsync(_dir.File("people.csv"),
            "email,first_name,title\nAda@Example.com,Ada,CTO\nbob@example.com,Bob,Engineer\n");
        using var console = new StringWriter();

        var ada = await QuickStart.RunAsync(console);

        console.ToString().Should().Contain("2 created, 0 merged, 0 rejected");
        ada!.Sources.Should().HaveCount(2);
        ada["plan"].Should().Be(FieldValue.FromText("enterprise"));
        ada["title"].Should().Be(FieldValue.FromText("CTO"));
        System.IO.File.Exists(_dir.File("audiences.db")).Should().BeTrue();
    }

    [Fact]
    public void Readme_ShowsTheQuickStartExactlyAsCompiled()
    {
        var source = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Audiences.Sdk.IntegrationTests", "QuickStart.cs"));
        var readme = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var compiled = Dedent(Between(source, "// quick-start:begin\n", "        // quick-start:end"));

        readme.Should().Contain(compiled, "README.md's quick start must be the code QuickStart.cs compiles; copy it over");
    }

    private static string Between(string text, string begin, string end)
    {
        var start = text.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        return text[start..text.IndexOf(end, start, StringComparison.Ordinal)];
    }

    private static string Dedent(string block) =>
        string.Join('\n', block.Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));
}
