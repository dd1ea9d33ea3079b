using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Cli.Output;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Commands;

/// <summary>Options several commands share, typed and checked by their parsers.</summary>
internal static class CommonOptions
{
    private const string KindHelpName = "person|company";

    /// <summary><c>--kind person|company</c>, required.</summary>
    public static Option<EntityKind> Kind(string description = "the kind of profile") => new Option<EntityKind>("--kind")
    {
        Description = description,
        HelpName = KindHelpName,
        Required = true,
        CustomParser = Parsers.One(Names.ParseKind),
    }.CompletingWith("person", "company");

    /// <summary><c>--kind person|company</c>, optional: null when not given.</summary>
    public static Option<EntityKind?> OptionalKind(string description) => new Option<EntityKind?>("--kind")
    {
        Description = description,
        HelpName = KindHelpName,
        CustomParser = Parsers.One<EntityKind?>(value => Names.ParseKind(value)),
    }.CompletingWith("person", "company");

    /// <summary><c>--limit N</c>: a page size of at least 1; null when not given.</summary>
    public static Option<int?> Limit(string description) => new("--limit")
    {
        Description = description,
        HelpName = "N",
        CustomParser = Parsers.One<int?>(value => CommandArguments.Limit("--limit", value)),
    };

    /// <summary><c>--after ID</c>: a profile id to read after; null when not given.</summary>
    public static Option<ProfileId?> After(string helpName, string description) => new("--after")
    {
        Description = description,
        HelpName = helpName,
        CustomParser = Parsers.One<ProfileId?>(value => CommandArguments.ProfileId("--after", value)),
    };

    /// <summary><c>--filter TEXT</c>: filter text (docs/filters.md), bound when the command runs.</summary>
    public static Option<string> Filter(string description, bool required = false) => new("--filter")
    {
        Description = description,
        HelpName = "TEXT",
        Required = required,
    };

    /// <summary>A flag such as <c>--draft</c>.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary>A profile id argument, e.g. the <c>PROFILE_ID</c> of <c>audience explain</c>.</summary>
    public static Argument<ProfileId> ProfileId(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = Parsers.One(CommandArguments.ProfileId),
    };
}
