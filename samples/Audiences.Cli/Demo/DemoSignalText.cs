using System.Globalization;
using Audiences.Cli.Enrichments;
using Audiences.Cli.Output;
using Audiences.Cli.Signals;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Signals;

namespace Audiences.Cli.Demo;

/// <summary>The signal part of the demo's report: the signal defined, its cost previewed, its run, whom it fired for and its companion audience.</summary>
internal static class DemoSignalText
{
    public static void Write(TextWriter writer, DemoSignal demo)
    {
        var definition = demo.Definition;
        writer.WriteLine();
        writer.WriteLine(
            $"Signal: '{definition.Name}' watches {SignalText.Audience(definition.Audiences[0], demo.AudienceNames)} for job changes with {definition.Provider} "
            + $"(a title or company that differs between a person's sources), looking back {(int)definition.LookBack} months, on a budget of {CreditAmounts.Format(DemoSignal.Cap)} credits:");
        writer.WriteLine($"   signal preview: a run checks {SignalText.Preview(demo.Preview)}");
        writer.WriteLine($"   signal run:     {SignalText.Outcome(demo.Run)}");
        writer.WriteLine($"   budget:         {EnrichmentText.Budget(demo.Budget)}");
        writer.WriteLine($"   fired for ({definition.Field}, {definition.DetailsField}):");
        foreach (var person in demo.Fired)
        {
            var name = ProfileText.DisplayName(person);
            var at = person[definition.Field] is { Type: FieldType.DateTime } time
                ? time.AsDateTime().UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)
                : "-";
            writer.WriteLine($"     person {person.Id}{(name.Length > 0 ? $", {name}" : "")}: {at}, {Formats.OneLine(person[definition.DetailsField].ToString())}");
            writer.WriteLine($"       {SignalFields.Summary}: {Formats.OneLine(person[SignalFields.Summary].ToString())}");
        }

        if (demo.Companion is { } companion)
        {
            writer.WriteLine(
                $"   companion: {AudienceText.Name(companion)} ({SignalText.Audience(definition.Audiences[0], demo.AudienceNames)} and {definition.Field} is not empty) "
                + $"now has {AudienceText.Records(demo.CompanionCount, "active")}.");
        }
    }
}
