using SpbeOps.LocalTool;

return args switch
{
    ["token", .. var rest] => TokenCommand.Run(rest),
    ["seed", .. var rest] => await SeedCommand.RunAsync(rest),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("""
        SpbeOps local tool (used by ./spbe)
          token --role ROLE [--opd CODE] [--instansi ID] [--hours N]   print a development JWT (key: Auth__SigningKey)
          seed --gateway URL --file FILE [--force]                      seed a demo instansi through the gateway: every step sends only
                                                                        what is missing or differs (--force: the same; kept for scripts)
        """);
    return 2;
}
