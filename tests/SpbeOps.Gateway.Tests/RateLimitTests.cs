using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.Testing;

namespace SpbeOps.Gateway.Tests;

/// <summary>
/// Issue 8, the rate-limit row: buckets per caller and instansi (every local admin token has <c>sub</c> =
/// <c>diskominfo-admin</c>), limits per role (the highest of a token's roles), integration clients with their own
/// higher limit, and <c>Retry-After</c> on every 429.
/// </summary>
public sealed class RateLimitTests() : GatewayHost(new Dictionary<string, string>
{
    ["Gateway:RequestsPerMinute"] = "4",
    ["Gateway:RateLimits:walidata"] = "10",
    ["Gateway:RateLimits:integration"] = "20",
    ["Gateway:IntegrationClients:0"] = "simda-bpkad",
})
{
    [Fact]
    public async Task The_same_subject_in_two_instansi_has_two_buckets()
    {
        var first = Gateway.CreateClient().WithToken(SpbeRoles.DiskominfoAdmin, "kota-pangkalpinang");
        var second = Gateway.CreateClient().WithToken(SpbeRoles.DiskominfoAdmin, "kabupaten-bangka");

        var statuses = await Send(first, 6);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 4), statuses.Take(4));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
        // Same sub, another instansi: its own, full bucket.
        Assert.All(await Send(second, 4), s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task A_role_with_its_own_limit_gets_it_and_a_token_with_several_roles_gets_the_highest()
    {
        Assert.Equal(10, (await Send(Gateway.CreateClient().WithToken(SpbeRoles.Walidata, "kota-pangkalpinang"), 12))
            .Count(s => s == HttpStatusCode.OK));
        Assert.Equal(4, (await Send(Gateway.CreateClient().WithToken(SpbeRoles.Auditor, "kota-pangkalpinang"), 6))
            .Count(s => s == HttpStatusCode.OK));
        var both = Client(Token("auditor-walidata", "kota-pangkalpinang", [new(SpbeClaims.Role, SpbeRoles.Auditor), new(SpbeClaims.Role, SpbeRoles.Walidata)]));
        Assert.Equal(10, (await Send(both, 12)).Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task An_integration_client_by_claim_or_by_configured_id_has_its_own_higher_limit()
    {
        var byClaim = Client(Token("sipd-dinkes", "kota-pangkalpinang",
            [new(SpbeClaims.Role, SpbeRoles.OpdOperator), new(SpbeClaims.Opd, "dinkes"), new(RateLimits.ClientTypeClaim, RateLimits.ClientTypeIntegration)]));
        Assert.Equal(20, (await Send(byClaim, 22)).Count(s => s == HttpStatusCode.OK));

        var byList = Gateway.CreateClient();
        byList.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            DevelopmentTokens.Create(TestAuth.SigningKey, SpbeRoles.OpdOperator, "kota-pangkalpinang", "bpkad", subject: "simda-bpkad"));
        Assert.Equal(20, (await Send(byList, 22)).Count(s => s == HttpStatusCode.OK));

        // The same operator without the claim, and not listed: the role's limit.
        var person = Gateway.CreateClient().WithToken(SpbeRoles.OpdOperator, "kota-pangkalpinang", "dinkes");
        Assert.Equal(4, (await Send(person, 6)).Count(s => s == HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_refused_request_says_when_to_come_back()
    {
        var client = Gateway.CreateClient().WithToken(SpbeRoles.Auditor, "kota-pangkalpinang");
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 6 && refused is null; i++)
        {
            var response = await client.GetAsync("/api/assets");
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
        }
        Assert.NotNull(refused);
        Assert.InRange(refused.Headers.RetryAfter?.Delta ?? TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void Limits_are_read_from_configuration_and_the_highest_applies()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Gateway:RateLimits:diskominfo-admin"] = "1200",
            ["Gateway:IntegrationClients"] = "simda-bpkad, sipd",
        }).Build();
        var limits = RateLimits.From(configuration);
        Assert.Equal(RateLimits.DefaultIntegrationPerMinute, limits.IntegrationPerMinute);

        var admin = limits.For(Principal(("sub", "diskominfo-admin"), ("instansi", "kota-a"), ("role", "diskominfo-admin")), "10.0.0.1");
        var otherTenant = limits.For(Principal(("sub", "diskominfo-admin"), ("instansi", "kota-b"), ("role", "diskominfo-admin")), "10.0.0.1");
        Assert.Equal(1200, admin.PerMinute);
        Assert.NotEqual(admin.Partition, otherTenant.Partition);
        Assert.Equal(RateLimits.DefaultPerMinute, limits.For(Principal(("sub", "a"), ("instansi", "kota-a"), ("role", "auditor")), null).PerMinute);
        Assert.Equal(1200, limits.For(Principal(("sub", "a"), ("instansi", "kota-a"), ("role", "auditor"), ("role", "diskominfo-admin")), null).PerMinute);
        Assert.Equal(RateLimits.DefaultIntegrationPerMinute,
            limits.For(Principal(("sub", "x"), ("instansi", "kota-a"), ("role", "opd-operator"), ("client_id", "sipd")), null).PerMinute);
        Assert.Equal(RateLimits.DefaultPerMinute, limits.For(new ClaimsPrincipal(new ClaimsIdentity()), "10.0.0.1").PerMinute);

        var broken = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Gateway:RateLimits:walidata"] = "many" }).Build();
        Assert.Throws<InvalidOperationException>(() => RateLimits.From(broken));
    }

    private static ClaimsPrincipal Principal(params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), "test"));

    private static async Task<List<HttpStatusCode>> Send(HttpClient client, int count)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++) statuses.Add((await client.GetAsync("/api/assets")).StatusCode);
        return statuses;
    }

    private HttpClient Client(string token)
    {
        var client = Gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A token like <see cref="DevelopmentTokens"/> makes, with claims of the test's choosing.</summary>
    private static string Token(string subject, string instansi, IEnumerable<Claim> claims)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Subject = new ClaimsIdentity([new Claim(SpbeClaims.Subject, subject), new Claim(SpbeClaims.Instansi, instansi), .. claims]),
            Issuer = "spbeops-local",
            Audience = "spbeops",
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(DevelopmentTokens.KeyFrom(TestAuth.SigningKey), SecurityAlgorithms.HmacSha256),
        });
    }
}
