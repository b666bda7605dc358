using System.Net.Http.Headers;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Testing;

/// <summary>Real JWTs, validated by the real pipeline: tests exercise authorization, not a bypass of it.</summary>
public static class TestAuth
{
    public const string SigningKey = "spbeops-tests-signing-key-0123456789-abcdefghijklmnop";

    public static string Token(string role, string instansi, string? opd = null) =>
        DevelopmentTokens.Create(SigningKey, role, instansi, opd);

    public static HttpClient WithToken(this HttpClient client, string role, string instansi, string? opd = null)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, instansi, opd));
        return client;
    }
}

public static class Tenants
{
    /// <summary>A fresh instansi id: every test works in its own tenant, so tests never see each other's data.</summary>
    public static string New(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 40)];
}
