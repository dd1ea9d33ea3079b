using Audiences.Sdk.Matching;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Sqlite.Serialization;
using Audiences.Sdk.Storage;

namespace Audiences.Sdk.Sqlite.Writing;

/// <summary>
/// Applies profile writes and retirements to the session's statements. The profile row keeps the
/// profile's alias list, so the alias table needs no second index: a retirement deletes exactly the
/// rows the list names.
/// </summary>
internal sealed class ProfileWriter(ProfileStatements statements, MatchFilters filters)
{
    public void Write(ProfileWrite write)
    {
        var id = write.Id.Value;
        var values = ProfileValueCodec.Encode(write.Values);

        // The common cases take one statement: a new profile is inserted, and an existing one
        // whose aliases do not change is updated in place.
        if (write.IsNew && InsertNew(write, values))
        {
            WriteSources(write);
            return;
        }

        var aliasesChange = write.AddedAliases.Count > 0 || write.RemovedAliases.Count > 0;
        if (!aliasesChange && statements.UpdateProfile(write, write.Kind, null, values))
        {
            WriteSources(write);
            return;
        }

        var head = statements.ReadHead(id)
            ?? throw new InvalidOperationException($"Profile {write.Id} is not live; it cannot be updated.");

        var aliases = new List<AliasKey>(head.Aliases);
        aliases.RemoveAll(write.RemovedAliases.Contains);
        foreach (var alias in write.AddedAliases)
        {
            if (!aliases.Contains(alias))
            {
                aliases.Add(alias);
            }
        }

        statements.UpdateProfile(write, head.Kind, ValueCodec.EncodeAliases(aliases), values);
        if (head.Kind != write.Kind)
        {
            // The alias rows are keyed by kind: move them all.
            foreach (var alias in head.Aliases)
            {
                statements.DeleteAlias(head.Kind, alias, id);
            }

            AddAliases(write.Kind, aliases, id);
        }
        else
        {
            foreach (var alias in write.RemovedAliases)
            {
                statements.DeleteAlias(write.Kind, alias, id);
            }

            AddAliases(write.Kind, aliases.FindAll(a => !head.Aliases.Contains(a) || write.RemovedAliases.Contains(a)), id);
        }

        WriteSources(write);
    }

    public void Retire(ProfileId merged, ProfileId survivor)
    {
        var head = statements.ReadHead(merged.Value)
            ?? throw new InvalidOperationException($"Profile {merged} is not live; it cannot be merged.");
        foreach (var alias in head.Aliases)
        {
            statements.DeleteAlias(head.Kind, alias, merged.Value);
        }

        statements.DeleteProfile(merged.Value);
        statements.Redirect(merged.Value, survivor.Value);
    }

    private bool InsertNew(ProfileWrite write, byte[] values)
    {
        var aliases = new List<AliasKey>(write.AddedAliases.Count);
        foreach (var alias in write.AddedAliases)
        {
            if (!aliases.Contains(alias))
            {
                aliases.Add(alias);
            }
        }

        if (!statements.InsertProfile(write, ValueCodec.EncodeAliases(aliases), values))
        {
            return false;
        }

        AddAliases(write.Kind, aliases, write.Id.Value);
        return true;
    }

    private void AddAliases(EntityKind kind, List<AliasKey> aliases, long id)
    {
        statements.InsertAliases(kind, aliases, id);
        foreach (var alias in aliases)
        {
            filters.AddAlias(kind, alias);
        }
    }

    private void WriteSources(ProfileWrite write)
    {
        foreach (var source in write.UpsertedSources)
        {
            statements.UpsertSource(source, write.Id.Value);
            filters.AddSource(source.Key);
        }
    }
}
