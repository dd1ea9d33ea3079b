using Audiences.Sdk.Import;

namespace Audiences.Cli.Demo;

/// <summary>What importing one sample file did.</summary>
internal sealed record DemoImport(DemoFile File, ImportResult Result);
