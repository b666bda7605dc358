using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace SpbeOps.Indicators.Tests.Functional;

public sealed class IndicatorsApiFactory(InfrastructureFixture infrastructure, TimeProvider? clock = null)
    : ServiceFactory<Program>(infrastructure, new Dictionary<string, string?>
    {
        ["Live:KeepAlive"] = "00:00:01",
        // Tests run the periodic recalculation themselves, when their clock says so.
        ["Maturity:Recalculation:FirstRunAfter"] = "01:00:00",
    })
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (clock is not null) builder.ConfigureTestServices(s => s.AddSingleton(clock));
    }

    /// <summary>Publishes an integration event on the real broker, as another service's forwarder would.</summary>
    public Task Publish<T>(T message, Guid? messageId = null) where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, ctx => ctx.MessageId = messageId ?? NewId.NextGuid());
}

/// <summary>
/// An Indicators test, on a host of its own. A class that moves time gives it an <see cref="AdjustableClock"/>;
/// the others run on the system clock.
/// </summary>
public abstract class IndicatorsApiTest(InfrastructureFixture infrastructure, AdjustableClock? clock = null)
    : ServiceTest<IndicatorsApiFactory>(new IndicatorsApiFactory(infrastructure, clock))
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);
    private readonly AdjustableClock? _clock = clock;

    protected AdjustableClock Clock => _clock ?? throw new InvalidOperationException($"{GetType().Name} runs on the system clock.");

    /// <summary>The organisation list (perangkat daerah) of an instansi; <c>diskominfo</c>, when listed, is its ICT unit.</summary>
    internal static object Organisation(params string[] codes) => new
    {
        name = "Pemerintah Kota Uji",
        ictUnitOpd = codes.Contains("diskominfo") ? "diskominfo" : null,
        perangkatDaerah = codes.Select(c => new { code = c, name = c.ToUpperInvariant() }).ToArray(),
    };

    /// <summary>An indicator's detail as Diskominfo reads it, for the instansi or one OPD.</summary>
    protected async Task<JsonElement> Indicator(int number, string? opd = null) =>
        await Ok(Admin().GetAsync($"/api/maturity/indicators/{number}" + (opd is null ? "" : $"?opd={opd}")));

    /// <summary>Polls until the indicator's level is <paramref name="level"/>, and returns that detail.</summary>
    protected async Task<JsonElement> IndicatorReaches(int number, int level, string? opd = null) =>
        (await HttpAssertions.Eventually<JsonElement?>(async () =>
        {
            var detail = await Indicator(number, opd);
            return detail.GetProperty("level").GetInt32() == level ? detail : null;
        }, Wait, $"indicator {number} ({opd ?? "instansi"}) to reach level {level}"))!.Value;
}
