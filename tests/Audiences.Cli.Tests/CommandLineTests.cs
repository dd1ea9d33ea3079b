using Audiences.Cli.Cli;

namespace Audiences.Cli.Tests;

public sealed class CommandLineTests
{
    private static readonly HashSet<string> Flags = ["--json", "--help"];

    [Fact]
    public void Options_may_come_before_or_after_the_command_in_either_form()
    {
        var line = CommandLine.Parse(["--json", "import", "--kind=person", "csv", "--map", "a=b:number", "--map=c=d"], Flags);

        line.Words.Should().Equal("import", "csv");
        line.Options.Should().Equal(
            new KeyValuePair<string, string?>("--json", null),
            new KeyValuePair<string, string?>("--kind", "person"),
            new KeyValuePair<string, string?>("--map", "a=b:number"),
            new KeyValuePair<string, string?>("--map", "c=d"));
    }

    [Fact]
    public void A_value_that_looks_like_an_option_is_taken_as_a_missing_value()
    {
        var parse = () => CommandLine.Parse(["count", "--kind", "--json"], Flags);

        parse.Should().Throw<UsageException>().WithMessage("option --kind needs a value.");
    }

    [Fact]
    public void Double_dash_ends_the_options()
    {
        CommandLine.Parse(["count", "--", "--kind"], Flags).Words.Should().Equal("count", "--kind");
    }

    [Fact]
    public void Repeatable_options_keep_every_value_and_others_refuse_a_second()
    {
        var specs = new[] { new OptionSpec("--map", "M", "maps") { Repeatable = true }, new OptionSpec("--kind", "K", "kind") };

        var options = CommandOptions.Bind("import csv", specs, [new("--map", "a=b"), new("--map", "c=d")]);
        var twice = () => CommandOptions.Bind("import csv", specs, [new("--kind", "person"), new("--kind", "company")]);

        options.GetAll("--map").Should().Equal("a=b", "c=d");
        twice.Should().Throw<UsageException>().WithMessage("*more than once*");
    }

    [Fact]
    public void Positional_arguments_are_read_by_name_and_optional_ones_may_be_left_out()
    {
        var specs = new[] { new ArgumentSpec("ID", "the id"), new ArgumentSpec("FIELD", "the field"), new ArgumentSpec("VALUE", "the value") { Optional = true } };

        var all = CommandOptions.Bind("profiles lock", [], [], specs, ["7", "title", "CTO"]);
        var some = CommandOptions.Bind("profiles lock", [], [], specs, ["7", "title"]);

        all.GetRequiredArgument("ID").Should().Be("7");
        all.Argument("VALUE").Should().Be("CTO");
        some.GetRequiredArgument("FIELD").Should().Be("title");
        some.Argument("VALUE").Should().BeNull();
    }

    [Fact]
    public void Missing_or_extra_positional_arguments_are_usage_errors()
    {
        var specs = new[] { new ArgumentSpec("ID", "the id"), new ArgumentSpec("FIELD", "the field") };

        var none = () => CommandOptions.Bind("profiles unlock", [], [], specs, []);
        var extra = () => CommandOptions.Bind("profiles unlock", [], [], specs, ["7", "title", "now"]);

        none.Should().Throw<UsageException>().WithMessage("'profiles unlock' needs ID and FIELD.");
        extra.Should().Throw<UsageException>().WithMessage("unexpected argument 'now' after 'profiles unlock'.");
    }

    [Fact]
    public void A_negative_number_is_a_word_and_not_an_option()
    {
        CommandLine.Parse(["profiles", "lock", "7", "score", "-2.5"], Flags).Words.Should().Equal("profiles", "lock", "7", "score", "-2.5");
    }

    [Fact]
    public void An_option_name_is_a_flag_in_every_command_or_in_none()
    {
        // Flags are known before the command is, so one name cannot be a flag here and take a value there.
        var options = Usage.GlobalOptions.Concat(CommandRegistry.All.SelectMany(c => c.Options));

        options.GroupBy(o => o.Name).Where(g => g.Select(o => o.IsFlag).Distinct().Count() > 1).Select(g => g.Key).Should().BeEmpty();
    }

    [Fact]
    public async Task A_command_flag_may_come_anywhere_without_taking_the_next_word()
    {
        using var workspace = new CliWorkspace();
        await FilteredData.ImportPeopleAsync(workspace);

        var result = await workspace.RunAsync("audience", "create", "--draft", "Later", "--kind", "person", "--filter", "vip = true", "--user", "ana");

        result.ExitCode.Should().Be(0, result.ToString());
        result.Stdout.Should().StartWith("Created audience 1 'Later':").And.Contain("status:     draft");
    }
}
