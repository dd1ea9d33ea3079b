namespace Audiences.Cli.Tests;

/// <summary>
/// Three small sources about the same four people, with emails and LinkedIn URLs written
/// differently, and one person (Alan) whose first two records share nothing until the third
/// record links them.
/// </summary>
public static class PeopleFiles
{
    public const int DistinctPeople = 4;

    public static string Crm(CliWorkspace workspace) => workspace.WriteCsv(
        "crm.csv",
        "id,email,linkedin_url,name,score,vip,tags,joined",
        "1,Ada@Example.com,,Ada Lovelace,91,true,math;poetry,2025-12-10",
        "2,grace@example.com,https://www.linkedin.com/in/gracehopper/,Grace Hopper,88,false,navy,2026-01-05T09:30:00Z",
        "3,alan@example.com,,Alan Turing,95,true,,");

    public static string Webinar(CliWorkspace workspace) => workspace.WriteCsv(
        "webinar.csv",
        "email,linkedin_url,name",
        "\" ada@example.COM \",https://uk.linkedin.com/in/ada-l,Ada L.",
        "g.hopper@navy.example,http://linkedin.com/in/GraceHopper,Grace",
        "alan.t@home.example,https://www.linkedin.com/in/alanturing,A. Turing",
        "linus@example.com,,Linus");

    public static string Enrichment(CliWorkspace workspace) => workspace.WriteCsv(
        "enrichment.csv",
        "email,linkedin_url,seniority",
        "ALAN@example.com,https://de.linkedin.com/in/AlanTuring/,principal",
        "LINUS@EXAMPLE.COM,,senior");

    public static string[] CrmImport(string path) =>
        ["import", "csv", "--kind", "person", "--file", path, "--id-column", "id",
         "--map", "score=score:number", "--map", "vip=vip:boolean", "--map", "tags=tags:list", "--map", "joined=joined:datetime"];

    public static string[] Import(string path) => ["import", "csv", "--kind", "person", "--file", path];
}
