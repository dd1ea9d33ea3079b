using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.IntegrationTests;

/// <summary>The README's quick start runs as written. It writes to <see cref="Console"/>, so no other test may run beside it.</summary>
[Collection(SharedConsole.Name)]
public sealed class ReadmeQuickStartTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly string _previousDirectory = Environment.CurrentDirectory;
    private readonly TextWriter _previousOut = Console.Out;
    private readonly StringWriter _console = new();

    public ReadmeQuickStartTests()
    {
        Environment.CurrentDirectory = _dir.Path;
        Console.SetOut(_console);
    }

    public void Dispose()
    {
        Console.SetOut(_previousOut);
        Environment.CurrentDirectory = _previousDirectory;
        _console.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public async Task QuickStart_RunsMergesTheUpsertAndMovesItIntoTheAudience()
    {
        await System.IO.File.WriteAllTextAsync(_dir.File("people.csv"), QuickStartData.PeopleCsv);

        var (bob, leaders) = await QuickStart.RunAsync();

        var output = _console.ToString();
        output.Should().Contain("3 created, 0 merged, 0 rejected").And.Contain("Leaders: 1 members");
        output.Should().Contain("bob@example.com Entered Leaders");
        bob!.Sources.Should().HaveCount(2, "the upsert joined Bob's CSV row by email");
        bob["title"].Should().Be(FieldValue.FromText("CEO"), "the application's upsert outranks the file");
        leaders.Should().Be(2);
        System.IO.File.Exists(_dir.File("audiences.db")).Should().BeTrue();
    }

    [Fact]
    public void Readme_ShowsTheQuickStartExactlyAsCompiled()
    {
        var source = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Audiences.Sdk.IntegrationTests", "QuickStart.cs"));
        var readme = System.IO.File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

        var compiled = Dedent(Between(source, "// quick-start:begin\n", "        // quick-start:end"));

        readme.Should().Contain(compiled, "README.md's quick start must be the code QuickStart.cs compiles; copy it over");
        readme.Should().Contain(QuickStartData.PeopleCsv, "README.md shows the people.csv the quick start reads");
    }

    private static string Between(string text, string begin, string end)
    {
        var start = text.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        return text[start..text.IndexOf(end, start, StringComparison.Ordinal)];
    }

    private static string Dedent(string block) =>
        string.Join('\n', block.Split('\n').Select(line => line.Length >= 8 ? line[8..] : line.TrimStart()));
}
