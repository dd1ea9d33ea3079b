using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Writing;

namespace Audiences.Sdk.Sqlite.Storage;

/// <summary>
/// The key of an alias in the <c>aliases</c> table: a 64-bit hash of its kind, field and value.
/// An integer key keeps the table's entries a fifth of the size of the text they stand for, and
/// that table takes a random insert per alias of every new profile, so its size decides how many
/// pages a batch dirties. A hash may be shared by different aliases; lookups confirm each hit
/// against the alias list of the profile it names, which is the authority.
/// </summary>
/// <remarks>The hash is stored: it must never change (a change is a schema migration).</remarks>
internal static class AliasHash
{
    /// <summary>The stored key of an alias of a kind; the match filter hashes aliases the same way.</summary>
    public static long Of(EntityKind kind, AliasKey alias) =>
        unchecked((long)KeyFilter.Hash((long)kind, alias.Field, alias.Value, string.Empty));
}
