using System.CommandLine;
using System.Globalization;
using Depesche.Cli.Infrastructure;
using Depesche.Knowledge;

namespace Depesche.Cli.Commands;

/// <summary>
/// <c>depesche kb build|lookup|stats</c>: thin verbs over <see cref="KnowledgeBase"/>. Without <c>--kb</c> the curated KB
/// embedded in Depesche.Knowledge is used; <c>kb build</c> writes a KB folder that <c>--kb</c> reads.
/// </summary>
public static class KbCommand
{
    public static Command Create(CliConsole console)
    {
        var cmd = new Command("kb", "The knowledge base for entity linking: build it from the curated files and imports, look names up, count.");
        cmd.Add(Build(console));
        cmd.Add(Lookup(console));
        cmd.Add(Stats(console));
        return cmd;
    }

    private static Option<string?> KbOption() => new("--kb") { Description = "A KB folder written by 'kb build' (default: the curated KB built in)." };

    private static KnowledgeBase Open(string? dir)
    {
        if (dir is null) return KnowledgeBase.LoadDefault();
        if (!Directory.Exists(dir)) throw new CliException($"KB folder '{dir}' does not exist", ExitCodes.IoError);
        try { return KnowledgeBase.Load(dir); }
        catch (FormatException ex) { throw new CliException(ex.Message, ExitCodes.IoError); }
    }

    private static Command Build(CliConsole console)
    {
        var geonames = new Option<string?>("--geonames") { Description = "GeoNames cities file (cities15000.txt[.gz]); CC BY 4.0: never commit the output." };
        var curated = new Option<string?>("--curated") { Description = "A folder of curated TSV files instead of the built-in ones." };
        var noIso = new Option<bool>("--no-iso-codes") { Description = "Do not read Debian iso-codes even when installed." };
        var minPop = new Option<int>("--min-population") { Description = "Smallest GeoNames city to import.", DefaultValueFactory = _ => 15000 };
        var output = new Option<string>("--out", "-o") { Description = "Folder to write the KB to.", DefaultValueFactory = _ => Path.Combine("depesche-data", "kb") };
        var c = new Command("build", "Build the KB from the curated files plus imports and write it as a folder of TSV files.") { geonames, curated, noIso, minPop, output };
        c.SetAction(parse =>
        {
            var options = new KbBuildOptions
            {
                CuratedDirectory = parse.GetValue(curated),
                GeoNamesCities = parse.GetValue(geonames),
                MinPopulation = parse.GetValue(minPop),
            };
            if (!parse.GetValue(noIso)) options = KbBuildOptions.WithInstalledIsoCodes(options);
            if (options.GeoNamesCities is { } g && !File.Exists(g)) throw new CliException($"GeoNames file '{g}' does not exist", ExitCodes.IoError);
            KnowledgeBase kb;
            try { kb = KnowledgeBase.Build(options); }
            catch (FormatException ex) { throw new CliException(ex.Message, ExitCodes.IoError); }
            var dir = parse.GetValue(output)!;
            kb.Save(dir);
            WriteStats(console, kb.Stats());
            console.Out.WriteLine($"kb build: written to {dir}");
            return ExitCodes.Ok;
        });
        return c;
    }

    private static Command Lookup(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "A name as written in text: Selenskyjs, Kyiv, ukrainischen, Kremlchef." };
        var date = new Option<string?>("--date") { Description = "The date for titles and offices (yyyy-MM-dd; default: today's office holders)." };
        var kbDir = KbOption();
        var c = new Command("lookup", "List the entities a name may denote, best first.") { name, date, kbDir };
        c.SetAction(parse =>
        {
            DateOnly? d = null;
            if (parse.GetValue(date) is { } ds)
            {
                if (!DateOnly.TryParseExact(ds, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                    throw new CliException($"--date '{ds}' is not yyyy-MM-dd");
                d = parsed;
            }
            var kb = Open(parse.GetValue(kbDir));
            var matches = kb.Lookup(parse.GetValue(name)!, d);
            if (matches.Count == 0) { console.Out.WriteLine("no match"); return ExitCodes.Ok; }
            foreach (var m in matches)
            {
                var e = m.Entity;
                var geo = e.Geo is { } g ? string.Create(CultureInfo.InvariantCulture, $" @{g.Lat:0.####},{g.Lon:0.####} {g.Country}") : "";
                console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{e.Id,-22} {e.Name,-32} {KbEntity.KindName(e.Kind),-10} {m.Form.ToString().ToLowerInvariant(),-8} {m.Score,5:0.00}{geo}"));
                foreach (var term in e.Offices)
                    if (term.Covers(d) && kb.Office(term.OfficeId) is { } o) console.Out.WriteLine($"{"",22}   {o.Label}");
            }
            return ExitCodes.Ok;
        });
        return c;
    }

    private static Command Stats(CliConsole console)
    {
        var kbDir = KbOption();
        var c = new Command("stats", "Count entities, aliases, offices and titles, by kind and source.") { kbDir };
        c.SetAction(parse =>
        {
            WriteStats(console, Open(parse.GetValue(kbDir)).Stats());
            return ExitCodes.Ok;
        });
        return c;
    }

    private static void WriteStats(CliConsole console, KbStats s)
    {
        console.Out.WriteLine($"version      {s.Version}");
        console.Out.WriteLine($"entities     {s.Entities} ({s.WithWikidata} with Wikidata id, {s.WithGeo} with coordinates)");
        console.Out.WriteLine($"aliases      {s.Aliases} ({s.Keys} lookup keys)");
        console.Out.WriteLine($"offices      {s.Offices}");
        console.Out.WriteLine($"titles       {s.Titles}");
        console.Out.WriteLine("by kind      " + string.Join(", ", s.ByKind.Select(p => $"{p.Key} {p.Value}")));
        console.Out.WriteLine("by source    " + string.Join(", ", s.BySource.Select(p => $"{p.Key} {p.Value}")));
    }
}
