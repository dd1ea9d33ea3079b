using System.CommandLine;
using Audiences.Cli.Cli;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Segments;

namespace Audiences.Cli.Commands;

/// <summary>What <c>audience create</c> and <c>audience derive</c> share: --draft, --private and --user, and the definition they make.</summary>
internal sealed class AudienceDefinitionOptions(string user, string draft)
{
    private readonly Option<bool> _draft = CommonOptions.Flag("--draft", $"{draft} (listed only to its creator, under --drafts) rather than active");
    private readonly Option<bool> _private = CommonOptions.Flag("--private", "list it only to its creator rather than to the whole workspace");
    private readonly Option<string?> _user = AudienceCommand.User(user);

    public void AddTo(Command command)
    {
        command.Options.Add(_draft);
        command.Options.Add(_private);
        command.Options.Add(_user);
    }

    /// <summary>The definition of an audience named <paramref name="name"/>.</summary>
    /// <exception cref="InputException">The name is blank.</exception>
    public AudienceDefinition Read(ParseResult parse, string command, string name, EntityKind kind)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new InputException($"{command}: NAME is empty; give the audience a name.");
        }

        return new AudienceDefinition(name, kind, AudienceCommand.ActingUser(parse.GetValue(_user)))
        {
            Status = parse.GetValue(_draft) ? AudienceStatus.Draft : AudienceStatus.Active,
            Visibility = parse.GetValue(_private) ? AudienceVisibility.Private : AudienceVisibility.Workspace,
        };
    }
}
