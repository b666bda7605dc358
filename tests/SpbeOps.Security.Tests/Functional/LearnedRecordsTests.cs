using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.Assets;
using SpbeOps.Contracts.Audits;
using SpbeOps.Contracts.Risk;
using SpbeOps.Contracts.Security;

namespace SpbeOps.Security.Tests.Functional;

/// <summary>
/// The assets and risks this service learns from the Assets and Risk services' events (decision 15): a risk id
/// becomes usable once its event arrives, a withdrawn one is refused again, an older copy changes nothing.
/// </summary>
public sealed class LearnedRecordsTests(InfrastructureFixture infrastructure, SecurityHost host) : SecurityApiTest(infrastructure, host)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_risk_and_an_asset_become_usable_when_their_events_arrive_and_a_withdrawn_risk_is_refused()
    {
        var bus = Factory.Services.GetRequiredService<IBus>();
        var control = await Control();
        var (risk, asset) = (Guid.NewGuid(), Guid.NewGuid());
        var v1 = new RiskChangedIntegrationEvent(Instansi, risk, 1, "dinkes", 2026, "negatif", "keamanan-spbe", 15, null, true, true, true, "draft", false, DateTimeOffset.UtcNow);
        await bus.Publish(new AssetChangedIntegrationEvent(Instansi, asset, 1, "dinkes", "application", "SIMPUS", "pemanfaatan", "aplikasi-khusus", DateTimeOffset.UtcNow));
        await bus.Publish(v1);

        var officer = Officer();
        var id = await HttpAssertions.Eventually<string?>(async () =>
        {
            var response = await officer.PostAsJsonAsync("/api/security/implementations", new { opd = "dinkes", controlId = control, status = "penuh", riskIds = new[] { risk } });
            return response.StatusCode == HttpStatusCode.Created ? (await response.ReadJson()).GetProperty("id").GetString() : null;
        }, Wait, "the risk to be learned");
        await HttpAssertions.Eventually<string?>(async () =>
            (await officer.PostAsJsonAsync("/api/security/incidents", new
            {
                opd = "dinkes", title = "Malware di server SIMPUS", category = "malware-ransomware", severity = "tinggi",
                detectedAt = DateTimeOffset.UtcNow.AddHours(-1), affectedAssetIds = new[] { asset },
            })).StatusCode == HttpStatusCode.Created ? "ok" : null, Wait, "the asset to be learned");

        // The risk is withdrawn in the Risk service; a repeated older copy does not bring it back.
        await bus.Publish(v1 with { Version = 2, Withdrawn = true });
        await bus.Publish(v1);
        await HttpAssertions.Eventually<string?>(async () =>
            (await officer.PutAsJsonAsync($"/api/security/implementations/{id}", new { status = "penuh", riskIds = new[] { risk } })).StatusCode
                == (HttpStatusCode)422 ? "refused" : null, Wait, "the withdrawal to be learned");
        await Task.Delay(1000);
        await officer.PutAsJsonAsync($"/api/security/implementations/{id}", new { status = "penuh", riskIds = new[] { risk } }).ShouldBe((HttpStatusCode)422);
    }

    [Fact]
    public async Task Implementations_audits_and_incidents_are_published_as_their_state_through_the_forwarder()
    {
        var rabbit = Factory.Infrastructure.RabbitMqUri;
        await using var implementations = await BrokerProbe.StartAsync<ControlImplementationChangedIntegrationEvent>(rabbit);
        await using var audits = await BrokerProbe.StartAsync<AuditEngagementChangedIntegrationEvent>(rabbit);
        await using var incidents = await BrokerProbe.StartAsync<SecurityIncidentChangedIntegrationEvent>(rabbit);

        var officer = Officer();
        var implementation = Id(await Created(officer, "/api/security/implementations", new { opd = "dinkes", controlId = await Control(), status = "sebagian" }));
        var audit = Id(await Created(officer, "/api/security/audits", new
        {
            title = "Audit keamanan internal", auditorType = "internal", auditor = "Inspektorat", plannedStart = DateTime.UtcNow.AddDays(-5).ToString("yyyy-MM-dd"),
            covers = new[] { "keamanan-aplikasi" },
        }));
        var incident = Id(await Created(Operator("dinkes"), "/api/security/incidents", new
        {
            opd = "dinkes", title = "Phishing", category = "phishing", severity = "sedang", detectedAt = DateTimeOffset.UtcNow.AddHours(-1), reporter = "Pegawai A",
        }));

        var i = (await implementations.WaitFor(m => m.GetProperty("implementationId").GetGuid() == implementation, Wait)).GetProperty("message");
        Assert.Equal(("dinkes", "APL-01", "sebagian", 1L), (i.GetProperty("opd").GetString(), i.GetProperty("controlCode").GetString(), i.GetProperty("status").GetString(),
            i.GetProperty("version").GetInt64()));
        var a = (await audits.WaitFor(m => m.GetProperty("auditId").GetGuid() == audit, Wait)).GetProperty("message");
        Assert.Equal((31, "perencanaan"), (a.GetProperty("indicator").GetInt32(), a.GetProperty("stage").GetString()));
        var e = (await incidents.WaitFor(m => m.GetProperty("incidentId").GetGuid() == incident, Wait)).GetProperty("message");
        Assert.Equal(("dinkes", "dilaporkan"), (e.GetProperty("opd").GetString(), e.GetProperty("status").GetString()));
        Assert.False(e.TryGetProperty("reporter", out _)); // personal details stay in the service
    }
}
