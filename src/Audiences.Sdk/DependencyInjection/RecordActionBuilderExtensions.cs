using Audiences.Sdk.Enrichment;
using Microsoft.Extensions.DependencyInjection;

namespace Audiences.Sdk.DependencyInjection;

/// <summary>Registers record actions, which enrichments trigger for the records they found.</summary>
public static class RecordActionBuilderExtensions
{
    /// <summary>Adds a record action built by the container.</summary>
    /// <typeparam name="TAction">The action.</typeparam>
    /// <param name="builder">The SDK's builder.</param>
    /// <returns>The builder.</returns>
    public static IAudiencesBuilder AddRecordAction<TAction>(this IAudiencesBuilder builder)
        where TAction : class, IRecordAction
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<IRecordAction, TAction>();
        return builder;
    }

    /// <summary>Adds a record action instance.</summary>
    /// <param name="builder">The SDK's builder.</param>
    /// <param name="action">The action.</param>
    /// <returns>The builder.</returns>
    public static IAudiencesBuilder AddRecordAction(this IAudiencesBuilder builder, IRecordAction action)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(action);
        builder.Services.AddSingleton(action);
        return builder;
    }
}
