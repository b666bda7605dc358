using SpbeOps.LocalTool;

return args switch
{
    ["token", .. var rest] => TokenCommand.Run(rest),
    ["seed", .. var rest] => await SeedCommand.RunAsync(rest),
    ["bench", .. var rest] => await SpbeOps.LocalTool.Bench.BenchCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        SpbeOps local tool (used by ./spbe)
          token --role ROLE [--opd CODE] [--instansi ID] [--hours N] [--subject S] [--integration]
                                                                        print a development JWT (key: Auth__SigningKey);
                                                                        --integration: an integration client (client_type claim)
          seed --gateway URL --file FILE [--force]                      seed a demo instansi through the gateway: every step sends only
                                                                        what is missing or differs (--force: the same; kept for scripts)
          bench --gateway URL --assets URL --rabbit-api URL --schemas S,.. --run-dir DIR [--pgbench PATH] [--quick] [--keep] [--clean]
                                                                        measure the running suite (./spbe bench; docs/benchmarks.md)
        """);
    return 2;
}
