using Marten;
using Microsoft.Extensions.DependencyInjection;
using SpbeOps.Contracts.ServiceManagement;
using SpbeOps.Indicators.Api.Facts;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>
/// The ServiceManagement service's tickets and changes as facts of indicators 28 and 27: kept per OPD in a summary,
/// whatever the order of the versions, with samples reloaded when one leaves its set.
/// </summary>
public sealed class ServiceManagementFactTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    public override async Task InitializeAsync() =>
        await Admin().PutAsJsonAsync("/api/maturity/organisation", Organisation("dinkes", "dishub")).ShouldBe(HttpStatusCode.OK);

    private TicketChangedIntegrationEvent Ticket(Guid id, long version, bool handled, bool breached = false) =>
        new(Instansi, id, version, "dinkes", "diskominfo", "gangguan", "tinggi", handled ? "ditutup" : "dikerjakan", $"Tiket {id:N}",
            handled, 60, 480, false, breached, handled ? 4 : null, DateTimeOffset.UtcNow);

    private ChangeRequestChangedIntegrationEvent Change(Guid id, long version, bool implemented, bool outside) =>
        new(Instansi, id, version, "dishub", "Perubahan", "normal", "aplikasi", implemented ? "diimplementasikan" : "diajukan",
            true, true, implemented, outside, false, DateTimeOffset.UtcNow);

    [Fact]
    public async Task Tickets_and_changes_end_in_their_opds_summary_and_a_reopened_ticket_is_resampled()
    {
        var tickets = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        await Task.WhenAll(tickets.Select(id => Factory.Publish(Ticket(id, 1, handled: true, breached: id == tickets[6]))));
        var store = Factory.Services.GetRequiredService<IDocumentStore>();
        async Task<ServiceManagementSummary?> Summary(string opd)
        {
            await using var session = store.QuerySession(Instansi);
            return await session.LoadAsync<ServiceManagementSummary>(opd);
        }
        await HttpAssertions.Eventually(async () => (await Summary("dinkes"))?.TicketsHandled == 7 ? "ok" : null, TimeSpan.FromSeconds(30), "7 handled tickets");
        var sampled = (await Summary("dinkes"))!.HandledSamples.Select(s => s.Id).ToList();
        Assert.Equal(5, sampled.Count);

        // A sampled ticket is reopened (and an older copy of it arrives late): the samples are reloaded from the others.
        var reopened = sampled.First(id => id != tickets[6]);
        await Factory.Publish(Ticket(reopened, 3, handled: false));
        await Factory.Publish(Ticket(reopened, 2, handled: true));
        var change = Guid.NewGuid();
        await Factory.Publish(Change(change, 2, implemented: true, outside: true));
        await Factory.Publish(Change(change, 1, implemented: false, outside: false));
        await HttpAssertions.Eventually(async () =>
            (await Summary("dinkes"))?.TicketsHandled == 6 && (await Summary("dishub"))?.ChangesImplemented == 1 ? "ok" : null,
            TimeSpan.FromSeconds(30), "the reopened ticket and the change to be applied");
        var dinkes = (await Summary("dinkes"))!;
        Assert.Equal(5, dinkes.HandledSamples.Count);
        Assert.DoesNotContain(dinkes.HandledSamples, s => s.Id == reopened);
        Assert.Equal((7, 5, 1), (dinkes.Tickets, dinkes.HandledTtrMet, dinkes.TicketsBreached));
        var dishub = (await Summary("dishub"))!;
        Assert.Equal((1, 1, 0), (dishub.Changes, dishub.ChangesImplemented, dishub.ChangesThroughProcess));
        Assert.Equal(change, Assert.Single(dishub.OutsideProcessSamples).Id);
    }
}
