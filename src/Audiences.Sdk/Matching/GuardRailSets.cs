using System.Collections.Frozen;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Matching;

/// <summary>A frozen copy of <see cref="MatchingGuardRails"/>, applied to normalized aliases.</summary>
internal sealed class GuardRailSets(MatchingGuardRails options)
{
    private readonly FrozenSet<string> _roles = options.RoleMailboxes.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private readonly FrozenSet<string> _placeholders = options.PlaceholderValues.ToFrozenSet(StringComparer.OrdinalIgnoreCase);
    private readonly FrozenSet<string> _freeMail = options.FreeMailDomains.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether a raw value is a placeholder such as <c>n/a</c>.</summary>
    public bool IsPlaceholder(string raw) => _placeholders.Contains(raw.Trim());

    /// <summary>Keeps a normalized alias, or turns it into the reason it identifies no one.</summary>
    public AliasNormalization Check(string field, string raw, AliasNormalization normalized)
    {
        var value = normalized.Value!;
        if (_placeholders.Contains(value))
        {
            return AliasNormalization.Invalid($"'{raw}' is a placeholder value, not an identifier");
        }

        if (field == AliasFields.Email)
        {
            var at = value.LastIndexOf('@');
            var mailbox = value.AsSpan(0, at);
            var plus = mailbox.IndexOf('+');
            var name = (plus >= 0 ? mailbox[..plus] : mailbox).ToString();
            if (_roles.Contains(name))
            {
                return AliasNormalization.Invalid($"'{raw}' is a role mailbox ({name}@): it reaches a team, not one person");
            }
        }
        else if (field is AliasFields.Domain or AliasFields.CompanyDomain && _freeMail.Contains(value))
        {
            return AliasNormalization.Invalid($"'{raw}' is a free-mail domain: it identifies no company");
        }

        return normalized;
    }
}
