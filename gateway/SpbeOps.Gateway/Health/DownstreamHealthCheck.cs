using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;

namespace SpbeOps.Gateway.Health;

/// <summary>Asks each destination behind the gateway for its own <c>/health</c>.</summary>
internal sealed class DownstreamHealthCheck(IProxyStateLookup proxy, IHttpClientFactory clients) : IHealthCheck
{
    public const string ClientName = "downstream-health";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var client = clients.CreateClient(ClientName);
        client.Timeout = TimeSpan.FromSeconds(5);
        var results = await Task.WhenAll(proxy.GetClusters().SelectMany(c => c.Destinations.Values.Select(async d =>
        {
            var url = new Uri(new Uri(d.Model.Config.Address), "health");
            try
            {
                using var response = await client.GetAsync(url, ct);
                return (Cluster: c.ClusterId, Healthy: response.IsSuccessStatusCode, Detail: $"{(int)response.StatusCode}");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                return (Cluster: c.ClusterId, Healthy: false, Detail: e.Message);
            }
        })));

        var data = results.ToDictionary(r => r.Cluster, r => (object)(r.Healthy ? "healthy" : $"unhealthy: {r.Detail}"));
        var down = results.Where(r => !r.Healthy).Select(r => r.Cluster).ToList();
        return down.Count == 0
            ? HealthCheckResult.Healthy($"{results.Length} destinations healthy", data)
            : HealthCheckResult.Unhealthy($"not healthy: {string.Join(", ", down)}", data: data);
    }
}
