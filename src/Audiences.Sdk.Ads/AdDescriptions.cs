using Audiences.Sdk.Destinations;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.Ads;

/// <summary>The descriptions the ad destinations give: text identifier fields, keyed by email, write-only, adding and removing members.</summary>
internal static class AdDescriptions
{
    public static DestinationDescription Create(string objectName, int maxBatchSize, params string[] fields) =>
        new(objectName, AdFields.Email, fields.Select(f => new DestinationField(f, FieldType.Text)).ToList())
        {
            MaxBatchSize = maxBatchSize,
            CanRead = false,
            CanCreate = true,
            CanRemove = true,
        };
}
