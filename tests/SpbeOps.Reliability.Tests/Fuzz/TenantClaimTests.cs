using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SpbeOps.ServiceDefaults.Auth;

namespace SpbeOps.Reliability.Tests.Fuzz;

/// <summary>
/// Issue 7, row 9: a correctly signed token whose <c>instansi</c> is not exactly one tenant code (empty, an array,
/// upper case, a date…) or whose <c>opd</c> is not one OPD code is refused with 401 ProblemDetails by every service
/// and by the gateway, before a tenant session exists (an empty instansi used to write into Marten's default tenant).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TenantClaimTests(InfrastructureFixture infrastructure, TenantClaimTests.Hosts hosts) : IClassFixture<TenantClaimTests.Hosts>
{
    /// <summary>The hosts every case of the class asks, started once.</summary>
    public sealed class Hosts : IAsyncLifetime
    {
        private readonly Dictionary<string, FuzzHost> _hosts = [];

        public FuzzHost Get(string name, Func<FuzzHost> start) => _hosts.TryGetValue(name, out var host) ? host : _hosts[name] = start();

        public Task InitializeAsync() => Task.CompletedTask;

        public async Task DisposeAsync()
        {
            foreach (var host in _hosts.Values) await host.DisposeAsync();
        }
    }

    public static TheoryData<string, string> BadClaims => new()
    {
        { "instansi", "\"\"" },
        { "instansi", "[\"kota-a\",\"kota-b\"]" },
        { "instansi", "[\"kota-a\"]" },
        { "instansi", "\"Kota Pangkalpinang\"" },
        { "instansi", "\"9999-12-31\"" },
        { "instansi", "\"kota-a\\u0000\"" },
        { "instansi", "\"*DEFAULT*\"" },
        { "instansi", "42" },
        { "opd", "\"\"" },
        { "opd", "[\"dinkes\",\"dishub\"]" },
        { "opd", "\"9999-12-31\"" },
    };

    [Theory]
    [MemberData(nameof(BadClaims))]
    public async Task Every_service_and_the_gateway_refuse_a_token_with_a_malformed_tenant_or_opd(string claim, string json)
    {
        var token = Token(claim, JsonNode.Parse(json));
        foreach (var (name, start, path) in new (string, Func<FuzzHost>, string)[]
                 {
                     ("assets", () => FuzzHost.Assets(infrastructure), "api/assets"),
                     ("risk", () => FuzzHost.Risk(infrastructure), "api/risks"),
                     ("security", () => FuzzHost.Security(infrastructure), "api/security/incidents"),
                     ("indicators", () => FuzzHost.Indicators(infrastructure), "api/maturity/index"),
                     ("gateway", FuzzHost.Gateway, "api/assets"),
                 })
        {
            var host = hosts.Get(name, start);
            using var client = new HttpClient { BaseAddress = host.Address };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var response = await client.GetAsync(path).ShouldBe(HttpStatusCode.Unauthorized);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task A_token_with_one_valid_tenant_and_opd_is_still_accepted()
    {
        var host = hosts.Get("assets", () => FuzzHost.Assets(infrastructure));
        using var client = new HttpClient { BaseAddress = host.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token("opd", JsonValue.Create("kec-bukit-intan")));
        await client.GetAsync("api/assets").ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>An OPD operator's token of a fresh tenant whose <paramref name="claim"/> is replaced by <paramref name="value"/>.</summary>
    private static string Token(string claim, JsonNode? value)
    {
        var claims = new Dictionary<string, object>
        {
            [SpbeClaims.Subject] = "fuzz",
            [SpbeClaims.Role] = SpbeRoles.OpdOperator,
            [SpbeClaims.Instansi] = Tenants.New("fz"),
            [SpbeClaims.Opd] = "dinkes",
        };
        claims[claim] = value switch
        {
            JsonArray array => array.Select(v => (object)(string)v!).ToList(),
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Number => (int)v,
            _ => (string)value!,
        };
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            Issuer = "spbeops-local",
            Audience = "spbeops",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(DevelopmentTokens.KeyFrom(TestAuth.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
