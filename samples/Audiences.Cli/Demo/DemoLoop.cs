namespace Audiences.Cli.Demo;

/// <summary>What the demo does after the files: the draft committed, the sync run twice, the record pushed.</summary>
internal sealed record DemoLoop(DemoDraft Draft, DemoSync Sync, DemoUpsert Upsert);
