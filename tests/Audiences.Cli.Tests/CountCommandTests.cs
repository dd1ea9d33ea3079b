namespace Audiences.Cli.Tests;

public sealed class CountCommandTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Three_sources_with_alias_variants_count_each_person_once()
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("count", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().Be(PeopleFiles.DistinctPeople + Environment.NewLine);
    }

    [Fact]
    public async Task Json_count_is_an_object()
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("--json", "count", "--kind", "person");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["count"]!).Should().Be(PeopleFiles.DistinctPeople);
    }

    [Fact]
    public async Task Companies_are_counted_apart_from_people()
    {
        await ImportAllAsync();

        var result = await _workspace.RunAsync("count", "--kind", "company");

        result.Stdout.Trim().Should().Be("0");
    }

    private async Task ImportAllAsync()
    {
        foreach (var args in new[]
        {
            PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)),
            PeopleFiles.Import(PeopleFiles.Webinar(_workspace)),
            PeopleFiles.Import(PeopleFiles.Enrichment(_workspace)),
        })
        {
            var result = await _workspace.RunAsync(args);
            result.ExitCode.Should().Be(0, result.ToString());
        }
    }
}
