using System.Text.Json.Nodes;

namespace Audiences.Sdk.Ads.Google;

/// <summary>
/// The Data Manager API destination: the operating account that owns the user list, the login account the token acts
/// through when it differs (a manager account), the user list, and the consent sent with adds, when set.
/// </summary>
internal sealed record GoogleTarget(string AccountType, string OperatingAccount, string? LoginAccountType, string? LoginAccount, string UserList, string? Consent)
{
    public JsonObject Destination()
    {
        var destination = new JsonObject
        {
            ["operatingAccount"] = new JsonObject { ["accountType"] = AccountType, ["accountId"] = OperatingAccount },
        };
        if (LoginAccount is not null)
        {
            destination["loginAccount"] = new JsonObject { ["accountType"] = LoginAccountType ?? AccountType, ["accountId"] = LoginAccount };
        }

        destination["productDestinationId"] = UserList;
        return destination;
    }
}
