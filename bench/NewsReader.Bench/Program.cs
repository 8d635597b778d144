using NewsReader.Bench.Extraction;

// NewsReader benchmarks: run on demand in Release, each prints its figures and a one-line summary.
return args.FirstOrDefault() switch
{
    "extraction" => ExtractionCommand.Run(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        usage: dotnet run --project bench/NewsReader.Bench -c Release -- COMMAND ...
          extraction DIR --out PRED.json [--gold GOLD.json]   extract every *.txt/*.html in DIR and score it
        """);
    return 2;
}
