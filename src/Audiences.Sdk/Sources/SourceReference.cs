namespace Audiences.Sdk.Sources;

/// <summary>
/// A record of another object of the same source, named by the object and its external id (a Salesforce lead's
/// converted contact, a contact's account); the sync engine keys it under the sync's source name.
/// </summary>
/// <param name="ObjectName">The object the record belongs to, e.g. <c>Contact</c>.</param>
/// <param name="ExternalId">The record's external id.</param>
public sealed record SourceReference(string ObjectName, string ExternalId);
