namespace Audiences.Cli.Tests;

public sealed class ProfilesUpsertFindTests : IDisposable
{
    private readonly CliWorkspace _workspace = new();

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Upsert_creates_a_profile_and_prints_it()
    {
        var result = await UpsertAsync("--json", "--id", "u1", "--set", "email=ada@example.com", "--set", "title=CTO", "--set", "score:number=42", "--set", "vip:boolean=true");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["import"]!["created"]!).Should().Be(1);
        var profile = result.Json["profile"]!;
        ((string)profile["fields"]!["title"]!).Should().Be("CTO");
        ((double)profile["fields"]!["score"]!).Should().Be(42);
        ((bool)profile["fields"]!["vip"]!).Should().BeTrue();
        ((string)profile["sources"]![0]!["source"]!).Should().Be("app");
        ((string)profile["sources"]![0]!["id"]!).Should().Be("u1");
    }

    [Fact]
    public async Task Upsert_joins_the_profile_holding_its_alias()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var result = await UpsertAsync("--json", "--id", "u7", "--set", "email=GRACE@example.com", "--set", "newsletter:boolean=true");

        result.ExitCode.Should().Be(0, result.ToString());
        ((long)result.Json["import"]!["created"]!).Should().Be(0);
        ((long)result.Json["import"]!["updated"]!).Should().Be(1);
        var profile = result.Json["profile"]!;
        ((string)profile["fields"]!["name"]!).Should().Be("Grace Hopper");
        profile["sources"]!.AsArray().Select(s => (string)s!["source"]!).Should().Equal("crm", "app");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("3");
    }

    [Fact]
    public async Task Upserting_the_same_record_again_replaces_its_earlier_values()
    {
        (await UpsertAsync("--id", "u1", "--set", "email=ada@example.com", "--set", "title=CTO", "--set", "city=London")).ExitCode.Should().Be(0);

        var result = await UpsertAsync("--json", "--id", "u1", "--set", "email=ada@example.com", "--set", "title=CEO");

        result.ExitCode.Should().Be(0, result.ToString());
        var fields = result.Json["profile"]!["fields"]!.AsObject();
        ((string)fields["title"]!).Should().Be("CEO");
        fields.ContainsKey("city").Should().BeFalse("the record no longer holds it");
        (await _workspace.RunAsync("count", "--kind", "person")).Stdout.Trim().Should().Be("1");
    }

    [Fact]
    public async Task A_value_takes_the_type_of_its_field_in_the_catalog()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var result = await UpsertAsync("--json", "--id", "u1", "--set", "email=ada@example.com", "--set", "score=99");
        var bad = await UpsertAsync("--id", "u2", "--set", "email=alan@example.com", "--set", "score=high");

        ((double)result.Json["profile"]!["fields"]!["score"]!).Should().Be(99);
        bad.ExitCode.Should().Be(1, bad.ToString());
        bad.Stderr.Should().Contain("--set score").And.Contain("'high'").And.Contain("number");
    }

    [Fact]
    public async Task Upsert_refreshes_audience_membership()
    {
        (await UpsertAsync("--id", "u1", "--set", "email=ada@example.com", "--set", "plan=free")).ExitCode.Should().Be(0);
        (await _workspace.RunAsync("audience", "create", "Pro", "--kind", "person", "--filter", "plan = 'pro'")).ExitCode.Should().Be(0);

        var result = await UpsertAsync("--json", "--id", "u1", "--set", "email=ada@example.com", "--set", "plan=pro");

        ((long)result.Json["membership"]!["entered"]!).Should().Be(1);
    }

    [Theory]
    [InlineData("--set", "title")]
    [InlineData("--set", "Job Title=CTO")]
    [InlineData("--set", "score:money=4")]
    public async Task Bad_values_are_refused(string option, string value)
    {
        var result = await UpsertAsync("--id", "u1", option, value);

        result.ExitCode.Should().Be(1, result.ToString());
        result.Stderr.Should().Contain("--set");
        File.Exists(_workspace.DatabasePath).Should().BeFalse();
    }

    [Fact]
    public async Task Upsert_needs_a_source_an_id_and_values()
    {
        var noId = await _workspace.RunAsync("profiles", "upsert", "--kind", "person", "--source", "app", "--set", "email=a@example.com");
        var noSet = await _workspace.RunAsync("profiles", "upsert", "--kind", "person", "--source", "app", "--id", "1");

        noId.ExitCode.Should().Be(2, noId.ToString());
        noSet.ExitCode.Should().Be(2, noSet.ToString());
    }

    [Fact]
    public async Task Find_json_is_exactly_the_profiles_list_form()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);
        var listed = (await _workspace.RunAsync("--json", "profiles", "list", "--kind", "person")).Json.AsArray()
            .Single(p => (string)p!["fields"]!["name"]! == "Grace Hopper")!;

        var byAlias = await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--alias", "linkedin_url=linkedin.com/in/GraceHopper");
        var byId = await _workspace.RunAsync("--json", "profiles", "find", "--kind", "person", "--id", (string)listed["id"]!);

        byAlias.ExitCode.Should().Be(0, byAlias.ToString());
        byAlias.Json.ToJsonString().Should().Be(listed.ToJsonString());
        byId.Json.ToJsonString().Should().Be(listed.ToJsonString());
    }

    [Fact]
    public async Task Find_shows_a_readable_profile()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var result = await _workspace.RunAsync("profiles", "find", "--kind", "person", "--alias", "email= Ada@Example.com ");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().StartWith("person 1: Ada Lovelace").And.Contain("aliases: email ada@example.com").And.Contain("sources: crm/people/1")
            .And.Contain("FIELD").And.Contain("score");
    }

    [Fact]
    public async Task Nothing_found_exits_1_with_a_hint()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var noAlias = await FindAsync("--alias", "email=nobody@example.com");
        var notAlias = await FindAsync("--alias", "name=Ada Lovelace");
        var noId = await FindAsync("--id", "999");
        var wrongKind = await _workspace.RunAsync("profiles", "find", "--kind", "company", "--id", "1");
        var badId = await FindAsync("--id", "abc");

        noAlias.ExitCode.Should().Be(1, noAlias.ToString());
        noAlias.Stderr.Should().Contain("no person has email 'nobody@example.com'");
        noAlias.Stdout.Should().BeEmpty();
        notAlias.ExitCode.Should().Be(1, notAlias.ToString());
        notAlias.Stderr.Should().Contain("'name' is not an alias").And.Contain("profiles list --kind person --filter");
        noId.ExitCode.Should().Be(1, noId.ToString());
        noId.Stderr.Should().Contain("there is no profile 999");
        wrongKind.ExitCode.Should().Be(1, wrongKind.ToString());
        wrongKind.Stderr.Should().Contain("is a person, not a company");
        badId.ExitCode.Should().Be(1, badId.ToString());
    }

    [Fact]
    public async Task Find_takes_exactly_one_of_id_and_alias()
    {
        (await _workspace.RunAsync(PeopleFiles.CrmImport(PeopleFiles.Crm(_workspace)))).ExitCode.Should().Be(0);

        var neither = await FindAsync();
        var both = await FindAsync("--id", "1", "--alias", "email=ada@example.com");
        var badAlias = await FindAsync("--alias", "ada@example.com");

        neither.ExitCode.Should().Be(2, neither.ToString());
        neither.Stderr.Should().Contain("exactly one of --id N or --alias");
        both.ExitCode.Should().Be(2, both.ToString());
        badAlias.ExitCode.Should().Be(1, badAlias.ToString());
        badAlias.Stderr.Should().Contain("--alias 'ada@example.com' is not field=value");
    }

    private Task<CliResult> UpsertAsync(params string[] extra) => _workspace.RunAsync(
    [
        .. extra.Where(e => e == "--json"),
        "profiles", "upsert", "--kind", "person", "--source", "app",
        .. extra.Where(e => e != "--json"),
    ]);

    private Task<CliResult> FindAsync(params string[] extra) => _workspace.RunAsync(["profiles", "find", "--kind", "person", .. extra]);
}
