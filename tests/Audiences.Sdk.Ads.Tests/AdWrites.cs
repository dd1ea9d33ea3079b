using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Ads.Tests;

/// <summary>Builds destination writes of people.</summary>
internal static class AdWrites
{
    public static DestinationWrite Add(string key, params (string Field, string Value)[] values) => Write(key, DestinationWriteKind.Create, values);

    public static DestinationWrite Update(string key, params (string Field, string Value)[] values) => Write(key, DestinationWriteKind.Update, values);

    public static DestinationWrite Remove(string key, params (string Field, string Value)[] values) => Write(key, DestinationWriteKind.Remove, values);

    public static DestinationWrite Write(string key, DestinationWriteKind kind, params (string Field, string Value)[] values) =>
        new(key, kind, values.ToDictionary(v => v.Field, v => FieldValue.FromText(v.Value)));

    public static (string, string) Email(string value) => (AdFields.Email, value);

    public static (string, string) Phone(string value) => (AdFields.Phone, value);

    public static (string, string) First(string value) => (AdFields.FirstName, value);

    public static (string, string) Last(string value) => (AdFields.LastName, value);

    public static (string, string) Country(string value) => (AdFields.Country, value);

    public static (string, string) Zip(string value) => (AdFields.Zip, value);

    /// <summary>Adds of <paramref name="count"/> people with distinct emails.</summary>
    public static List<DestinationWrite> People(int count, DestinationWriteKind kind = DestinationWriteKind.Create, int from = 0) =>
        Enumerable.Range(from, count).Select(i => Write($"p{i}", kind, Email($"person{i}@example.com"))).ToList();
}
