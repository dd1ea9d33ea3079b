using Audiences.Cli.Cli;
using Audiences.Sdk.Import;
using Audiences.Sdk.Profiles;

namespace Audiences.Cli.Demo;

/// <summary>
/// The demo's push: the product tells the workspace a person opted in to the newsletter (as <c>profiles upsert</c> does),
/// and the profile is found again by that email written another way (as <c>profiles find --alias</c> does).
/// </summary>
internal sealed record DemoUpsert(SourceRecordKey Key, ImportResult Result, string Lookup, Profile? Found)
{
    private const string Email = "sofia@quillsoft.dev";

    // Written as a person might type it: the alias is normalized before it is looked up.
    private const string LookupText = " Sofia@QuillSoft.dev ";

    public static async Task<DemoUpsert> RunAsync(AudiencesSession session, CancellationToken cancellationToken)
    {
        var key = new SourceRecordKey("app", "people", "user-2041");
        var record = new SourceRecord(key, EntityKind.Person, SourceKind.Upsert, new Dictionary<string, FieldValue>(StringComparer.Ordinal)
        {
            [AliasFields.Email] = FieldValue.FromText(Email),
            ["newsletter"] = FieldValue.FromBoolean(true),
        });
        var result = await session.Profiles.UpsertAsync([record], new ImportOptions(EntityKind.Person), cancellationToken);
        var found = await session.Profiles.FindProfileAsync(EntityKind.Person, AliasFields.Email, LookupText, cancellationToken);
        return new DemoUpsert(key, result, LookupText.Trim(), found);
    }
}
