using Audiences.Cli.Output;

namespace Audiences.Cli.Demo;

/// <summary>The audience part of the demo's report: the audience and its members, why one is in, and a change that moves someone in.</summary>
internal static class DemoAudienceText
{
    public static void Write(TextWriter writer, DemoAudience demo)
    {
        var name = AudienceText.Name(demo.Audience);
        writer.WriteLine();
        writer.WriteLine($"Audience: created {name}, people with a high lead score at a company of fewer than 500 employees.");
        AudienceText.WriteDefinition(writer, demo.Audience, demo.Count);
        if (demo.Members.Count > 0)
        {
            ProfileText.WriteTable(writer, demo.Members);
        }

        if (demo.Explanation is { } explanation)
        {
            writer.WriteLine();
            writer.WriteLine("Why the first member is in: each condition, the person's own or their company's, with the value it was checked against.");
            AudienceText.WriteExplanation(writer, demo.Audience, demo.Explained, explanation);
        }

        var update = demo.Update;
        writer.WriteLine();
        writer.WriteLine(
            $"A changed row: {update.ContactId} of {DemoData.Files[0].FileName} with {update.Column} {update.After} (was {update.Before}), re-imported from '{update.Path}':");
        ImportText.Write(writer, demo.UpdateResult);
        writer.WriteLine($"  audience membership brought up to date: {AudienceText.Refresh(demo.Refresh)}.");
        writer.WriteLine();
        if (demo.Changes.Count == 0)
        {
            writer.WriteLine("The change feed recorded no entry or exit.");
        }
        else
        {
            writer.WriteLine("The change feed records what moved ('audience changes' reads it):");
            foreach (var change in demo.Changes)
            {
                writer.WriteLine($"  {AudienceText.Profile(change.ProfileId, demo.Changed.GetValueOrDefault(change.ProfileId))} {Names.Change(change.Kind)} {name}.");
            }
        }

        writer.WriteLine($"{AudienceText.Capital(name)} now has {AudienceText.Records(demo.CountAfter, "active")}.");
    }
}
