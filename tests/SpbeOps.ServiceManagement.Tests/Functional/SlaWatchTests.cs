using Microsoft.Extensions.DependencyInjection;
using SpbeOps.ServiceManagement.Api.Sla;

namespace SpbeOps.ServiceManagement.Tests.Functional;

/// <summary>The breach job on a clock the test moves: a breach is flagged at the exact minute, in the ticket's history.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class SlaWatchTests(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    /// <summary>Monday 30 November 2026, 08:00 WIB.</summary>
    private readonly AdjustableClock _clock = new(new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(7)));
    private ServiceManagementApiFactory _factory = null!;
    private readonly string _instansi = Tenants.New();

    public Task InitializeAsync()
    {
        _factory = new ServiceManagementApiFactory(infrastructure, _clock);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_tto_breach_is_flagged_at_the_exact_minute_and_a_pause_holds_the_ttr_clock()
    {
        var admin = _factory.CreateClientFor("diskominfo-admin", _instansi);
        var watch = _factory.Services.GetRequiredService<SlaWatch>();
        var late = (await (await admin.PostAsJsonAsync("/api/tickets", new
        {
            opd = "dinkes", kind = "gangguan", title = "Jaringan putus", impact = "tinggi", urgency = "sedang",
        }).ShouldBe(HttpStatusCode.Created)).ReadJson()).GetProperty("id").GetGuid();
        var paused = (await (await admin.PostAsJsonAsync("/api/tickets", new
        {
            opd = "dinkes", kind = "permintaan", title = "Akun baru", impact = "rendah", urgency = "rendah",
        }).ShouldBe(HttpStatusCode.Created)).ReadJson()).GetProperty("id").GetGuid();
        await admin.PostAsJsonAsync($"/api/tickets/{paused}/assignment", new { opd = "diskominfo" }).ShouldBe(HttpStatusCode.OK);
        await admin.PostAsJsonAsync($"/api/tickets/{paused}/status", new { status = "dikerjakan" }).ShouldBe(HttpStatusCode.OK);
        await admin.PostAsJsonAsync($"/api/tickets/{paused}/status", new { status = "menunggu-pengguna" }).ShouldBe(HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, await watch.RunOnceAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, await watch.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await watch.RunOnceAsync(CancellationToken.None));

        var ticket = await (await admin.GetAsync($"/api/tickets/{late}").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.True(ticket.GetProperty("ttoBreached").GetBoolean());
        var history = await (await admin.GetAsync($"/api/tickets/{late}/history").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.StartsWith("SLA TTO terlampaui", history[1].GetProperty("change").GetString());
        Assert.Equal(SlaWatch.Actor, history[1].GetProperty("actor").GetString());

        // A week later (past every TTR target): the waiting ticket is not breached; the other one is.
        _clock.Advance(TimeSpan.FromDays(7));
        Assert.Equal(1, await watch.RunOnceAsync(CancellationToken.None));
        var waiting = await (await admin.GetAsync($"/api/tickets/{paused}/sla").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.False(waiting.GetProperty("ttrBreached").GetBoolean());
        Assert.True(waiting.GetProperty("paused").GetBoolean());
        var breached = await (await admin.GetAsync("/api/tickets?breached=true").ShouldBe(HttpStatusCode.OK)).ReadJson();
        Assert.Equal(1, breached.GetProperty("items").GetArrayLength());
    }
}
