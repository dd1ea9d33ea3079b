namespace Audiences.Sdk.IntegrationTests;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The built command-line host (built by this project's reference to it).</summary>
    public static string CliDll => Path.Combine(Root, "samples", "Audiences.Cli", "bin", Configuration, "net10.0", "Audiences.Cli.dll");

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
