using Audiences.Sdk.Sync;

namespace Audiences.Cli.Demo;

/// <summary>One import from a CRM stand-in: the sync <c>import salesforce</c> or <c>import hubspot</c> saves, its run, and the API calls it spent.</summary>
internal sealed record DemoCrmRun(SyncDefinition Definition, SyncRun Run, int Calls);
