using System.Security.Claims;
using SpbeOps.Assets.Api.Assets;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Assets.Tests.Unit;

public sealed class AssetImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    private static Caller As(string role, string? opd = null) => new(new ClaimsPrincipal(new ClaimsIdentity(
        new[] { new Claim(SpbeClaims.Role, role), new Claim(SpbeClaims.Instansi, "kota-uji"), new Claim(SpbeClaims.Name, role) }
            .Concat(opd is null ? [] : [new Claim(SpbeClaims.Opd, opd)]),
        "test", SpbeClaims.Name, SpbeClaims.Role)));

    private static AssetWorkbook.Row Row(int number, params (string Field, string? Value)[] cells) =>
        new(number, cells.ToDictionary(c => c.Field, c => c.Value));

    private static Asset Existing(string opd = "dinkes") =>
        AssetDecider.Register(Guid.NewGuid(), new AssetRequest(opd, "hardware", "PC", Location: "Lt 1", Stage: "pemanfaatan", StageSince: new(2025, 1, 1)), "seed", Now).Next!;

    private static AssetImport.Outcome Accepted(AssetImport.Outcome outcome)
    {
        Assert.False(outcome.Errors.Any, string.Join(" ", outcome.Errors.ToDictionary().Keys));
        return outcome;
    }

    private static FieldErrors Rejected(AssetImport.Outcome outcome)
    {
        Assert.True(outcome.Errors.Any);
        Assert.Empty(outcome.Changes);
        return outcome.Errors;
    }

    [Fact]
    public void New_rows_register_and_rows_with_an_id_revise_or_stay_unchanged()
    {
        var kept = Existing();
        var revised = Existing();
        var existing = new Dictionary<Guid, Asset> { [kept.Id] = kept, [revised.Id] = revised };
        var rows = new[]
        {
            Row(2, ("id", kept.Id.ToString()), ("opd", "dinkes"), ("kind", "hardware"), ("name", "PC"), ("location", "Lt 1")),
            Row(3, ("id", revised.Id.ToString()), ("opd", "dinkes"), ("kind", "hardware"), ("name", "PC"), ("location", "Lt 2")),
            Row(4, ("opd", "dinkes"), ("kind", "software"), ("name", "Office"), ("licenceSeats", "25")),
        };

        var accepted = Accepted(AssetImport.Decide(rows, existing, As("opd-operator", "dinkes"), Now));
        Assert.Equal((1, 1, 1), (accepted.Result!.Created, accepted.Result.Updated, accepted.Result.Unchanged));
        Assert.Equal(["unchanged", "updated", "created"], accepted.Result.Rows.Select(r => r.Outcome));
        Assert.Equal(2, accepted.Changes.Count);     // an unchanged row writes nothing
        Assert.IsType<AssetDetailsUpdated>(accepted.Changes[0].Decision.Change);
        var created = accepted.Changes.Single(c => c.Decision.Change is AssetRegistered).Decision.Next!;
        Assert.Equal(25, created.LicenceSeats);
        Assert.Equal("perencanaan", created.Stage);
    }

    [Fact]
    public void Every_bad_cell_is_named_by_row_and_column_and_nothing_is_accepted()
    {
        var disposed = AssetDecider.Transition(Existing(), new TransitionRequest("penghapusan", new(2026, 3, 1), null), "seed", Now).Next!;
        var rows = new[]
        {
            Row(2, ("opd", "dinkes"), ("kind", "hardware"), ("name", "PC"), ("licenceSeats", "dua")),
            Row(3, ("id", Guid.NewGuid().ToString()), ("opd", "dinkes"), ("kind", "hardware"), ("name", "PC")),
            Row(4, ("id", disposed.Id.ToString()), ("opd", "dinkes"), ("kind", "hardware"), ("name", "PC")),
            Row(5, ("id", disposed.Id.ToString()), ("opd", "dinkes"), ("kind", "network"), ("name", "PC")),
            Row(6, ("opd", "dinkes"), ("kind", "application"), ("name", "SIMPUS"), ("application.type", "aplikasi-umum")),
        };

        var fields = Rejected(AssetImport.Decide(rows, new Dictionary<Guid, Asset> { [disposed.Id] = disposed }, As("diskominfo-admin"), Now))
            .ToDictionary().Keys;
        Assert.Contains("baris 2, kolom Jumlah Lisensi", fields);
        Assert.Contains("baris 3, kolom ID", fields);
        Assert.Contains("baris 4, kolom ID", fields);          // disposed assets are final
        Assert.Contains("baris 5, kolom ID", fields);          // the same ID twice
        Assert.Contains("baris 6, kolom Platform", fields);    // an application needs its register fields
    }

    [Fact]
    public void An_operator_imports_only_its_own_opd_and_cannot_move_assets()
    {
        var own = Existing("dinkes");
        var rows = new[]
        {
            Row(2, ("opd", "dishub"), ("kind", "hardware"), ("name", "PC")),
            Row(3, ("id", own.Id.ToString()), ("opd", "dishub"), ("kind", "hardware"), ("name", "PC")),
        };
        var rejected = Rejected(AssetImport.Decide(rows, new Dictionary<Guid, Asset> { [own.Id] = own }, As("opd-operator", "dinkes"), Now));
        Assert.Equivalent(new[] { "baris 2, kolom Perangkat Daerah", "baris 3, kolom Perangkat Daerah" }, rejected.ToDictionary().Keys, strict: true);

        Rejected(AssetImport.Decide([], new Dictionary<Guid, Asset>(), As("diskominfo-admin"), Now));
    }

    [Fact]
    public void A_row_exported_before_the_asset_changed_is_refused_at_its_version_cell()
    {
        var asset = Existing();
        asset.Version = 3;
        var existing = new Dictionary<Guid, Asset> { [asset.Id] = asset };
        AssetWorkbook.Row Edit(string version) => Row(2, ("id", asset.Id.ToString()), ("version", version), ("opd", "dinkes"), ("kind", "hardware"), ("name", "PC"), ("location", "Lt 3"));

        var stale = Rejected(AssetImport.Decide([Edit("2")], existing, As("opd-operator", "dinkes"), Now));
        Assert.Equal(["baris 2, kolom Versi"], stale.ToDictionary().Keys);
        Assert.Equal("updated", Accepted(AssetImport.Decide([Edit("3")], existing, As("opd-operator", "dinkes"), Now)).Result!.Rows[0].Outcome);
        Assert.Equal(["baris 2, kolom Versi"], Rejected(AssetImport.Decide([Edit("tiga")], existing, As("opd-operator", "dinkes"), Now)).ToDictionary().Keys);
    }
}
