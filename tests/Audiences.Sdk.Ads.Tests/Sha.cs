using System.Security.Cryptography;
using System.Text;

namespace Audiences.Sdk.Ads.Tests;

/// <summary>The digest the tests expect, computed apart from the code under test.</summary>
internal static class Sha
{
    public static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
