using System.Globalization;
using Audiences.Sdk.Profiles;

namespace Audiences.Sdk.DataHub;

/// <summary>Checks a <see cref="FieldEdit"/> and applies it to a field.</summary>
internal static class FieldEditRules
{
    public static void Check(FieldEdit edit)
    {
        if (edit.DisplayName is { } name && string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("The display name (DisplayName) is blank; give a name or leave it null to keep the current one.", nameof(edit));
        }

        if (edit.CostPerRecord is < 0)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The cost (CostPerRecord) is {edit.CostPerRecord}; a cost is 0 or more credits per record (use ClearCost to make the field free)."),
                nameof(edit));
        }

        if (edit.Description is not null && edit.ClearDescription)
        {
            throw new ArgumentException("The edit both sets and clears the description (Description, ClearDescription); choose one.", nameof(edit));
        }

        if (edit.CostPerRecord is not null && edit.ClearCost)
        {
            throw new ArgumentException("The edit both sets and clears the cost (CostPerRecord, ClearCost); choose one.", nameof(edit));
        }
    }

    public static FieldDefinition Apply(FieldDefinition field, FieldEdit edit) => field with
    {
        DisplayName = edit.DisplayName?.Trim() ?? field.DisplayName,
        Description = edit.ClearDescription ? null : edit.Description ?? field.Description,
        CostPerRecord = edit.ClearCost ? null : edit.CostPerRecord ?? field.CostPerRecord,
        ExportStatus = edit.ExportStatus ?? field.ExportStatus,
    };
}
