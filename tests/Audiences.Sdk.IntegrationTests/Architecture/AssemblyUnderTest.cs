using System.Reflection;
using Audiences.Sdk.Ads;
using Audiences.Sdk.AI;
using Audiences.Sdk.Csv;
using Audiences.Sdk.DependencyInjection;
using Audiences.Sdk.HubSpot;
using Audiences.Sdk.Salesforce;
using Audiences.Sdk.Sqlite;
using Audiences.Sdk.Testing.Specification;
using Audiences.Sdk.Warehouse;

namespace Audiences.Sdk.IntegrationTests.Architecture;

/// <summary>
/// The compiled packages the architecture tests read, found through one type of each: the files are
/// the ones this test project was built and runs against.
/// </summary>
internal static class AssemblyUnderTest
{
    public const string CoreName = "Audiences.Sdk";

    // A top-level type of the root namespace: it stays there however the namespaces below move.
    public static Assembly Core { get; } = typeof(AudiencesOptions).Assembly;

    /// <summary>The packages built on the core, by assembly name.</summary>
    public static IReadOnlyDictionary<string, Assembly> Adapters { get; } = new[]
    {
        typeof(InMemoryAudiencesBuilderExtensions).Assembly,
        typeof(SqliteStoreOptions).Assembly,
        typeof(CsvSource).Assembly,
        typeof(ChatFilterInterpreter).Assembly,
        typeof(StoreSpecification).Assembly,
        typeof(SqlQuerySource).Assembly,
        typeof(AdPlatformOptions).Assembly,
        typeof(SalesforceSource).Assembly,
        typeof(HubSpotSource).Assembly,
    }.ToDictionary(assembly => assembly.GetName().Name!, StringComparer.Ordinal);

    /// <summary>This test assembly, which holds the cycle fixtures.</summary>
    public static Assembly Tests { get; } = typeof(AssemblyUnderTest).Assembly;
}
