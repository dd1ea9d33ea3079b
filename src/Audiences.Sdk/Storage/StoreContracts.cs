using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.Storage;

/// <summary>The focused contracts of one store, as the services and operations of the core use them together.</summary>
internal sealed record StoreContracts(
    IProfileStore Profiles,
    IProfileQueryStore Queries,
    IMergeLedger Ledger,
    IReviewQueue Reviews,
    IFieldCatalog Catalog,
    IRelatedRecordStore Related,
    IChangeFeed Changes)
{
    /// <summary>Resolves every contract the configured store registered, naming all that are missing at once.</summary>
    /// <exception cref="InvalidOperationException">The store did not register one or more contracts.</exception>
    public static StoreContracts From(IServiceProvider services)
    {
        var missing = new List<string>();
        var contracts = new StoreContracts(
            Get<IProfileStore>(services, missing),
            Get<IProfileQueryStore>(services, missing),
            Get<IMergeLedger>(services, missing),
            Get<IReviewQueue>(services, missing),
            Get<IFieldCatalog>(services, missing),
            Get<IRelatedRecordStore>(services, missing),
            Get<IChangeFeed>(services, missing));
        return missing.Count == 0
            ? contracts
            : throw new InvalidOperationException(
                $"The configured store registers no {string.Join(", ", missing)}. A store registers every contract of Audiences.Sdk.Storage "
                + "in its UseXxx() method; call UseSqlite(...) or UseInMemory(), or see docs/stores.md for writing a store.");
    }

    private static T Get<T>(IServiceProvider services, List<string> missing)
        where T : class
    {
        var contract = services.GetService<T>();
        if (contract is null)
        {
            missing.Add(typeof(T).Name);
        }

        return contract!;
    }
}
