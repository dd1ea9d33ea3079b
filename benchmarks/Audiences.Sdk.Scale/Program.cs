using Audiences.Sdk.Scale;

ScaleOptions options;
try
{
    options = ScaleOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.FuzzyDedupeRows is { } people)
{
    FuzzyDedupeProbe.Run(people, options.Seed, Console.Out, Console.Error);
    return 0;
}

if (options.Bulk)
{
    try
    {
        // Progress goes to stderr so stdout carries only the Markdown.
        BulkMarkdown.Write(await new BulkRunner(options, Console.Error).RunAsync(), Console.Out);
        return 0;
    }
    catch (MissingToolException e)
    {
        Console.Error.WriteLine(e.Message);
        return 3;
    }
}

if (options.SalesforceRows is not null)
{
    await SalesforceProbe.RunAsync(options, Console.Out, Console.Error);
    return 0;
}

if (options.Sync)
{
    await SyncProbe.RunAsync(options, Console.Out, Console.Error);
    return 0;
}

// Progress goes to stderr so stdout carries only the Markdown that is pasted into docs/performance.md.
var report = await new ScaleRunner(options, Console.Error).RunAsync();
MarkdownReport.Write(report, Console.Out);
return 0;
