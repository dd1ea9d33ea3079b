namespace Audiences.Sdk.Ads;

/// <summary>A write ready to send: its key, whether it removes the person, and the person normalized for the platform.</summary>
internal sealed record AdMember<TPerson>(string Key, bool Remove, TPerson Person);
