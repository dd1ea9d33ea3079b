using System.Security.Cryptography;
using System.Text;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Enrichment.Engine;

/// <summary>
/// A stable fingerprint of the inputs a provider is asked with: the same values, in any order, give the same hash in
/// any process, so a record already looked up with them is not bought again.
/// </summary>
internal static class InputsHash
{
    public static string Of(IReadOnlyDictionary<string, FieldValue> inputs)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in inputs.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            // Separators no field key or type name holds; the value's type keeps 1 (number) apart from "1" (text).
            text.Append(key).Append('\u001F').Append(value.Type).Append('\u001F').Append(value.ToString()).Append('\u001E');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
