using System.Security.Claims;
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
        // --integration: an OPD system registering in bulk, which the gateway gives its own, higher rate limit.
        Claim[] extra = a.Has("integration") ? [new Claim("client_type", "integration")] : [];
        Console.WriteLine(DevelopmentTokens.Create(
            Arguments.SigningKey(), role, a["instansi"] ?? "kota-pangkalpinang", a["opd"], subject: a["subject"],
            lifetime: TimeSpan.FromHours(hours), extraClaims: extra));
        return 0;
    }
}
