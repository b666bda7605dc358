using SpbeOps.Data.Api.Priorities;
using SpbeOps.Data.Api.References;

namespace SpbeOps.Data.Tests.Unit;

public sealed class ListDecidersTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    [Fact]
    public void A_reference_entry_is_validated_updated_and_withdrawn_for_good()
    {
        var bad = Assert.IsType<Rejection.Invalid>(ReferenceDecider.Enter(Guid.NewGuid(), new ReferenceRequest("kode-pos", "", null, "Disdukcapil", Url: "ftp://x")).Rejection);
        Assert.Equivalent(new[] { "kind", "code", "name", "ownerOpd", "url" }, bad.Errors.ToDictionary().Keys, strict: true);

        var entry = ReferenceDecider.Enter(Guid.NewGuid(), new ReferenceRequest("kode-referensi", " 19.71 ", "Kode wilayah Kota Pangkalpinang", "bappeda", Source: "Kemendagri")).Next!;
        Assert.Equal("19.71", entry.Code);
        var renamed = ReferenceDecider.Update(entry, new ReferenceRequest("kode-referensi", "19.71", "Kode wilayah", "bappeda")).Next!;
        Assert.Equal("Kode wilayah", renamed.Name);
        Assert.Equal("Kode wilayah Kota Pangkalpinang", entry.Name);
        var withdrawn = ReferenceDecider.Withdraw(renamed, new ReferenceWithdrawal("diganti")).Next!;
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(ReferenceDecider.WithdrawnIsFinal, Assert.IsType<Rejection.Conflict>(ReferenceDecider.Withdraw(withdrawn, new ReferenceWithdrawal("lagi")).Rejection).Rule);
        Assert.IsType<Rejection.Conflict>(ReferenceDecider.Update(withdrawn, new ReferenceRequest("kode-referensi", "19.71", "x", "bappeda")).Rejection);
    }

    [Fact]
    public void Data_prioritas_says_whether_it_was_set_in_the_first_month()
    {
        var request = new DataPriorityRequest(2026, new DateOnly(2026, 1, 20), [Guid.NewGuid()], [new ActionPlanRequest("Lengkapi metadata", "dinkes", new DateOnly(2026, 6, 30))]);
        var priority = DataPriorityDecider.Set(Guid.NewGuid(), request, Today).Next!;
        Assert.True(priority.SetInTime);
        Assert.Single(priority.RencanaAksi);
        var late = DataPriorityDecider.Revise(priority, request with { SetOn = new DateOnly(2026, 3, 2) }, Today).Next!;
        Assert.False(late.SetInTime);
        var otherYear = Assert.IsType<Rejection.Invalid>(DataPriorityDecider.Revise(priority, request with { Year = 2025, SetOn = new DateOnly(2025, 1, 10) }, Today).Rejection);
        Assert.Contains("year", otherYear.Errors.ToDictionary().Keys);
    }

    [Fact]
    public void Data_prioritas_bad_input_names_each_field()
    {
        var bad = new DataPriorityRequest(1999, new DateOnly(2030, 1, 1), [], [new ActionPlanRequest("", "X Y", null), null]);
        var errors = Assert.IsType<Rejection.Invalid>(DataPriorityDecider.Set(Guid.NewGuid(), bad, Today).Rejection).Errors.ToDictionary().Keys;
        Assert.Equivalent(new[] { "year", "setOn", "datasets", "rencanaAksi[0].action", "rencanaAksi[0].opd", "rencanaAksi[0].dueOn", "rencanaAksi[1]" }, errors, strict: true);
    }
}
