using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.LocalTool;

internal static class TokenCommand
{
    public static int Run(string[] args)
    {
        var a = new Arguments(args);
        var role = a["role"];
        if (role is null || !SpbeRoles.All.Contains(role))
        {
            Console.Error.WriteLine($"--role is required, one of: {string.Join(", ", SpbeRoles.All)}");
            return 2;
        }
        if (role == SpbeRoles.OpdOperator && a["opd"] is null)
        {
            Console.Error.WriteLine("--opd CODE is required for an opd-operator (the perangkat daerah it works for).");
            return 2;
        }
        var hours = int.TryParse(a["hours"], out var h) ? h : 8;
        Console.WriteLine(DevelopmentTokens.Create(
            Arguments.SigningKey(), role, a["instansi"] ?? "kota-pangkalpinang", a["opd"], lifetime: TimeSpan.FromHours(hours)));
        return 0;
    }
}
