using System.Security.Cryptography;
using System.Text;

namespace Audiences.Sdk.Ads;

/// <summary>The SHA-256 digests the platforms take: of the UTF-8 bytes of a normalized value, as lowercase hex.</summary>
internal static class AdHashing
{
    public static string Sha256Hex(string normalized) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)));

    /// <summary>Whether <paramref name="text"/> has the shape of a hex SHA-256 digest: 64 lowercase hex characters.</summary>
    public static bool IsSha256Hex(string text) =>
        text.Length == 64 && text.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
