namespace Audiences.Sdk.IntegrationTests;

/// <summary>Tests that redirect the process's <see cref="Console"/> run alone: the console is shared by every test.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedConsole
{
    public const string Name = "Console";
}
