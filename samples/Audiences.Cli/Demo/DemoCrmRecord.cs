namespace Audiences.Cli.Demo;

/// <summary>A record as a CRM stand-in holds it: its object, id, and every field with a value.</summary>
internal sealed record DemoCrmRecord(string Object, string Id, IReadOnlyDictionary<string, string> Fields);
