using System.CommandLine;
using System.CommandLine.Parsing;
using Audiences.Cli.Cli;
using Audiences.Sdk.Ads;
using Audiences.Sdk.Destinations;

namespace Audiences.Cli.Exports;

/// <summary>
/// <c>--platform meta|google|linkedin</c>, <c>--token</c>, <c>--endpoint</c> and each platform's account options (Meta:
/// <c>--ad-account act_N --custom-audience-id N</c>; Google: <c>--operating-account N --user-list N</c>; LinkedIn:
/// <c>--ad-account N --segment N</c>), turned into the destination's settings. A missing or foreign option is a usage error.
/// </summary>
internal sealed class AdAudienceOptions
{
    private readonly Option<string> _platform = new Option<string>("--platform")
    {
        Description = "the ad platform: meta (a custom audience), google (a Customer Match user list) or linkedin (a DMP segment)",
        HelpName = "meta|google|linkedin",
        Required = true,
        CustomParser = Parsers.One(Platform),
    }.CompletingWith(DestinationNames.Meta, DestinationNames.Google, DestinationNames.LinkedIn);

    private readonly Option<string> _token = Setting("--token", "T", "the platform's access token (stored with the ad audience, printed as ***)");
    private readonly Option<string> _endpoint = Setting("--endpoint", "URL", "the platform's API base URL, for a proxy or a test server (default: the platform's own)");
    private readonly Option<string> _adAccount = Setting("--ad-account", "ID", "meta: the ad account, act_N; linkedin: the sponsored account id");
    private readonly Option<string> _customAudience = Setting("--custom-audience-id", "N", "meta: the custom audience's id");
    private readonly Option<string> _operatingAccount = Setting("--operating-account", "N", "google: the Google Ads customer id owning the list (dashes allowed)");
    private readonly Option<string> _userList = Setting("--user-list", "N", "google: the Customer Match user list's id");
    private readonly Option<string> _segment = Setting("--segment", "N", "linkedin: the DMP segment's id");

    public void AddTo(Command command)
    {
        _token.Required = true;
        foreach (var option in new Option[] { _platform, _token, _endpoint, _adAccount, _customAudience, _operatingAccount, _userList, _segment })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(Validate);
    }

    /// <summary>The platform given.</summary>
    public string Type(ParseResult parse) => parse.GetRequiredValue(_platform);

    /// <summary>The destination's settings: the token, the endpoint when given, and the platform's account settings.</summary>
    public DestinationSettings Settings(ParseResult parse)
    {
        var type = Type(parse);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal) { [DestinationNames.Token] = parse.GetRequiredValue(_token) };
        if (parse.GetValue(_endpoint) is { } endpoint)
        {
            settings[DestinationNames.Endpoint] = endpoint;
        }

        foreach (var (option, setting) in Account(type))
        {
            settings[setting] = parse.GetRequiredValue(option);
        }

        return new DestinationSettings(type, settings);
    }

    /// <summary>The destination fields the platform takes that the tool maps, each from the profile field of the same name.</summary>
    public static IReadOnlyList<string> Fields(string type) => type switch
    {
        DestinationNames.LinkedIn => [AdFields.Email, AdFields.FirstName, AdFields.LastName, AdFields.Country],
        _ => [AdFields.Email, AdFields.Phone, AdFields.FirstName, AdFields.LastName, AdFields.Country],
    };

    /// <summary>The account options a platform needs, with the setting each becomes.</summary>
    private IReadOnlyList<(Option<string> Option, string Setting)> Account(string type) => type switch
    {
        DestinationNames.Meta => [(_adAccount, "ad-account"), (_customAudience, "custom-audience-id")],
        DestinationNames.Google => [(_operatingAccount, "operating-account"), (_userList, "user-list")],
        _ => [(_adAccount, "ad-account"), (_segment, "segment")],
    };

    private static string Platform(string value) => value.Trim().ToLowerInvariant() switch
    {
        DestinationNames.Meta or "facebook" => DestinationNames.Meta,
        DestinationNames.Google or "google-ads" => DestinationNames.Google,
        DestinationNames.LinkedIn => DestinationNames.LinkedIn,
        _ => throw new InputException($"--platform '{value}' is not an ad platform this tool knows; use meta, google or linkedin."),
    };

    // Each platform's account options, and none of another's: usage errors (exit 2).
    private void Validate(CommandResult result)
    {
        if (result.GetResult(_platform) is not { Tokens.Count: > 0 } platform)
        {
            return;
        }

        string type;
        try
        {
            type = Platform(platform.Tokens[^1].Value);
        }
        catch (InputException)
        {
            // The parser reports it.
            return;
        }

        var needed = Account(type).Select(a => a.Option).ToList();
        var missing = needed.Where(o => result.GetResult(o) is null).Select(o => o.Name).ToList();
        var foreign = new Option[] { _adAccount, _customAudience, _operatingAccount, _userList, _segment }
            .Except(needed).Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
        if (foreign.Count > 0)
        {
            result.AddError($"{string.Join(", ", foreign)} {(foreign.Count == 1 ? "is not an option" : "are not options")} of --platform {type}; it takes {string.Join(" and ", needed.Select(o => o.Name))}.");
        }
        else if (missing.Count > 0)
        {
            result.AddError($"--platform {type} also needs {string.Join(" and ", missing)}.");
        }
    }

    private static Option<string> Setting(string name, string helpName, string description) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = Parsers.One(Commands.ImportArguments.Name(name)),
    };
}
