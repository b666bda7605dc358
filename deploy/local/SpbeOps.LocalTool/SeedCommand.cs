using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.LocalTool;

/// <summary>
/// Seeds a demo instansi by sending the requests of a seed file (<see cref="SeedFile"/>) through the gateway, each as
/// the role a real user would have: the demo data goes through the same validation and events as everything else.
/// Every run walks every step and sends only what is missing or differs (<see cref="Seeder"/>), so <c>./spbe up</c>
/// can seed on every start, a partial seed is finished by the next run, and nothing is ever created twice.
/// </summary>
public static class SeedCommand
{
    public const string Usage = "usage: seed --gateway URL --file FILE [--force]   (every run converges to the file: it creates what is missing and revises what differs; --force is accepted and means the same)";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, SeedRetry? retry = null,
        Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        var a = new Arguments(args);
        if (a["gateway"] is not { } gateway || a["file"] is not { } path)
        {
            errors.WriteLine(Usage);
            return 2;
        }

        SeedFile file;
        try
        {
            file = SeedFile.Load(path);
        }
        catch (Exception e) when (e is FormatException or IOException or YamlDotNet.Core.YamlException)
        {
            errors.WriteLine($"cannot seed from {path}: {e.Message}");
            return 2;
        }

        var key = Arguments.SigningKey();
        using var http = new HttpClient { BaseAddress = new Uri(gateway.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        var seeder = new Seeder(http, (role, opd) => DevelopmentTokens.Create(key, role, file.Instansi, opd), output, errors, retry)
        {
            Delay = delay ?? Task.Delay,
        };
        return await seeder.RunAsync(file, DateOnly.FromDateTime(DateTime.UtcNow));
    }
}
