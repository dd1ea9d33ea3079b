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
}
