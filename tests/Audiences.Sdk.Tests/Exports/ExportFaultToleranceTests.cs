using Audiences.Sdk.Destinations;
using Audiences.Sdk.Exports;
using Audiences.Sdk.Profiles;
using Audiences.Sdk.Testing.Destinations;

namespace Audiences.Sdk.Tests.Exports;

/// <summary>
/// A destination failing about one call in five (rate limits with Retry-After, server errors), losing answers and
/// failing records now and then: after enough runs every record is delivered, once in effect.
/// </summary>
public sealed class ExportFaultToleranceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task AfterEnoughRuns_TheDestinationHoldsExactlyWhatTheExportMeansToWrite(int seed)
    {
        var faults = new InMemoryDestinationFaults { Seed = seed, UnavailableRate = 0.2, RateLimitedShare = 0.5, RetryAfter = TimeSpan.FromSeconds(30), LostAnswerRate = 0.1 };
        using var fx = new ExportFixture(
            ExportFixture.Contacts(faults: faults),
            o =>
            {
                o.Exports.CallRetries = 2;
                o.Exports.CallRetryDelay = TimeSpan.FromSeconds(1);
                o.Exports.RetryDelay = TimeSpan.FromMinutes(1);
                o.Exports.MaxRetryDelay = TimeSpan.FromMinutes(4);
                o.Exports.BatchSize = 7;
            });
        var names = Enumerable.Range(1, 40).Select(i => $"P{i:00}").ToList();
        foreach (var name in names)
        {
            await fx.PersonAsync(name, score: names.IndexOf(name));
        }

        var random = new Random(seed);
        foreach (var name in names.Where(_ => random.NextDouble() < 0.2))
        {
            fx.Destination.FailKey(ExportFixture.Email(name), "record locked", retryable: true, times: 1 + random.Next(2));
        }

        await fx.Exports.SaveAsync(new ExportDefinition("all", EntityKind.Person, ExportFixture.Crm)
        {
            CreateNew = true,
            MaxAttempts = 20,
            Mappings = [new ExportMapping("first_name", "name") { Rule = WriteRule.Always }, new ExportMapping("score", "score") { Rule = WriteRule.Always }],
        });

        // Runs until one completes with nothing left to send or retry; a run the destination failed as a whole is run again.
        for (var i = 0; i < 60; i++)
        {
            try
            {
                var run = await fx.RunPumpingAsync("all");
                if (run.Sent == 0 && (await fx.Exports.ListFailuresAsync("all")).Count == 0 && i > 0)
                {
                    break;
                }
            }
            catch (DestinationUnavailableException)
            {
                // The description failed after its retries: the run failed whole, and the next one starts over.
            }

            fx.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        (await fx.Exports.ListFailuresAsync("all")).Should().BeEmpty();
        fx.Destination.Records.Should().HaveCount(names.Count);
        foreach (var name in names)
        {
            fx.Destination.Records[ExportFixture.Email(name)].Should().BeEquivalentTo(new Dictionary<string, FieldValue>
            {
                ["email"] = FieldValue.FromText(ExportFixture.Email(name)),
                ["name"] = FieldValue.FromText(name),
                ["score"] = FieldValue.FromNumber(names.IndexOf(name)),
            });
        }

        // Idempotent in effect: once a record's create was applied and answered, it is never sent again.
        var answered = fx.Destination.Calls
            .Where(c => c.Kind == InMemoryDestinationCallKind.Write && c.Exception is null)
            .SelectMany(c => c.Results.Where(r => r.Succeeded))
            .GroupBy(r => r.Key);
        answered.Should().OnlyContain(g => g.Count() == 1, "a record the destination confirmed is not created again");
        fx.Destination.Calls.Select(c => c.Exception).OfType<DestinationUnavailableException>().Should().Contain(e => e.RetryAfter != null, "rate limits were injected");
    }
}
