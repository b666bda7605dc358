using SpbeOps.ServiceManagement.Api.Catalogue;
using SpbeOps.ServiceManagement.Api.Sla;

namespace SpbeOps.ServiceManagement.Tests.Unit;

public class CatalogueDeciderTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static ServiceRequest Request(IReadOnlyList<SlaTarget?>? targets = null) => new(
        "diskominfo", "simpus", "SIMPUS", null, null, "Senin–Jumat 08.00–16.00 WIB", targets ?? [new SlaTarget("tinggi", 30, 240)]);

    [Fact]
    public void A_service_keeps_its_operational_records_until_it_is_retired()
    {
        var s = ServiceDecider.Register(Guid.NewGuid(), Request()).Next!;
        s = ServiceDecider.RecordOperation(s, new OperationRequest(ServiceDeskVocabulary.Pemeliharaan, Today.AddDays(3), "Pembaruan OS", 60), "a", Today).Next!;
        Assert.Equal(1, s.OperationCount);
        Assert.IsType<Rejection.Invalid>(ServiceDecider.RecordOperation(s, new OperationRequest(ServiceDeskVocabulary.InsidenKetersediaan, Today.AddDays(3), "x", null), "a", Today).Rejection);
        s = ServiceDecider.Retire(s, new RetireRequest("diganti")).Next!;
        Assert.Equal(ServiceDecider.RetiredRule, Assert.IsType<Rejection.Conflict>(ServiceDecider.Update(s, Request()).Rejection).Rule);
    }

    [Fact]
    public void Bad_targets_and_codes_name_their_fields()
    {
        var d = ServiceDecider.Register(Guid.NewGuid(), new ServiceRequest("diskominfo", "SIM PUS", " ", null, null, null,
            [new SlaTarget("segera", 0, 10), new SlaTarget("tinggi", 60, 30)]));
        Assert.Equivalent(new[] { "code", "name", "hoursOfService", "targets[0].priority", "targets[0].ttoMinutes", "targets[1].ttrMinutes" },
            Assert.IsType<Rejection.Invalid>(d.Rejection).Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Settings_keep_what_a_request_does_not_name()
    {
        var s = SettingsDecider.Save(null, new SettingsRequest(new CalendarRequest(7, null, null, null, [new DateOnly(2026, 12, 25)]), null, null, 14)).Next!;
        Assert.Equal([new DateOnly(2026, 12, 25)], s.Calendar.Holidays);
        Assert.Equal(9, s.PriorityMatrix.Count);
        Assert.Equal(14, s.ReopenWindowDays);
        var bad = SettingsDecider.Save(s, new SettingsRequest(new CalendarRequest(30, new TimeOnly(16, 0), new TimeOnly(8, 0), [], null), [new PriorityRule("x", "tinggi", "kritis")], null, 100));
        Assert.Equivalent(new[] { "calendar.utcOffsetHours", "calendar.closes", "calendar.workDays", "priorityMatrix[0].impact", "reopenWindowDays" },
            Assert.IsType<Rejection.Invalid>(bad.Rejection).Errors.ToDictionary().Keys, strict: true);
    }
}
