namespace Audiences.Samples.Providers.Tests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The command-line demo's bundled data, which the company table is meant to cover.</summary>
    public static string CliSampleData => Path.Combine(Root, "samples", "Audiences.Cli", "SampleData");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Audiences.Sdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Audiences.Sdk.sln above {AppContext.BaseDirectory}.");
    }
}
