using SpbeOps.Records;
using SpbeOps.Risk.Api.Contexts;
using static SpbeOps.Risk.Tests.Unit.Builders;

namespace SpbeOps.Risk.Tests.Unit;

public sealed class ContextDeciderTests
{
    [Fact]
    public void A_new_context_starts_from_the_regulations_defaults()
    {
        var ctx = Context(new RiskContextRequest("dinkes", 2026));
        Assert.Equal(16, ctx.Categories.Count);
        Assert.Equal("Bencana Alam", ctx.Categories[^1].Name);
        Assert.Equal(7, ctx.ImpactAreas.Count);
        Assert.Equal(5, ctx.LikelihoodCriteria.Count);
        Assert.Equal("Hampir Pasti Terjadi", ctx.LikelihoodCriteria[4].Name);
        Assert.Equal("Sangat Signifikan", ctx.ImpactCriteria[4].Name);
        Assert.Equal(RiskMatrix.Official().Select(r => r.ToList()), ctx.Matrix);
        Assert.Equal(5, ctx.Levels.Count);
        Assert.Equal([("rencana-dan-anggaran", 16, 6), ("pengadaan-barang-dan-jasa", 18, 11), ("sdm-spbe", 20, 14)],
            ctx.Appetite.Select(a => (a.Category, a.Positive, a.Negative)));
        Assert.False(ctx.Complete);
        Assert.Equal(["informasi-umum", "sasaran", "struktur", "selera-risiko"], ctx.Missing);
        Assert.Equal("draft", ctx.ApprovalStatus);
    }

    [Fact]
    public void A_context_with_every_section_is_complete_and_default_appetite_fills_every_category()
    {
        var ctx = Context();
        Assert.True(ctx.Complete);
        Assert.Empty(ctx.Missing);
        Assert.Equal(16, ctx.Appetite.Count);
        Assert.Equal(6, ctx.AppetiteFor("rencana-dan-anggaran", "negatif")); // listed example kept
        Assert.Equal(11, ctx.AppetiteFor("keamanan-spbe", "negatif"));
        Assert.Equal(16, ctx.AppetiteFor("keamanan-spbe", "positif"));
    }

    [Fact]
    public void A_three_level_scale_needs_its_own_matrix_and_bands()
    {
        var three = new RiskContextRequest("dinkes", 2026,
            LikelihoodCriteria: [new(1, "Jarang", null, null), new(2, "Mungkin", null, null), new(3, "Sering", null, null)],
            ImpactCriteria: [new(1, "Kecil", null), new(2, "Sedang", null), new(3, "Besar", null)]);
        var refused = Rejected<Rejection.Invalid, RiskContext>(ContextDecider.Decide(Guid.NewGuid(), three, null, Now));
        Assert.Contains("matrix", refused.Errors.ToDictionary().Keys);

        var complete = three with
        {
            Matrix = [[1, 3, 6], [2, 5, 8], [4, 7, 9]],
            Levels = [new(1, "Rendah", 1, 3, "hijau", "#43A047"), new(2, "Sedang", 4, 6, "kuning", null), new(3, "Tinggi", 7, 9, "merah", null)],
        };
        var ctx = Context(complete);
        Assert.Equal(9, ctx.BesaranOf(3, 3));
        Assert.Equal("Tinggi", ctx.BandOf(8)!.Name);
    }

    [Fact]
    public void Bad_sections_name_each_field()
    {
        var request = new RiskContextRequest("Dinas Kesehatan", 1999,
            Categories: [new("keamanan-spbe", "Keamanan"), new("keamanan-spbe", "Lagi"), new("X", "")],
            Levels: [new(1, "Rendah", 1, 10, "hijau", "green")],
            Appetite: [new("cuaca", 5, 5), new("keamanan-spbe", 0, 30)]);
        var invalid = Rejected<Rejection.Invalid, RiskContext>(ContextDecider.Decide(Guid.NewGuid(), request, null, Now));
        Assert.Equivalent(new[] { "opd", "periodYear", "categories[1].code", "categories[2].code", "categories[2].name", "levels[0].hex" },
            invalid.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Appetite_must_name_a_category_of_the_context_and_stay_within_the_scale()
    {
        var request = CompleteContextRequest() with { Appetite = [new("cuaca", 5, 5), new("keamanan-spbe", 0, 30)] };
        var invalid = Rejected<Rejection.Invalid, RiskContext>(ContextDecider.Decide(Guid.NewGuid(), request, null, Now));
        Assert.Equivalent(new[] { "appetite[0].category", "appetite[1].positive", "appetite[1].negative" }, invalid.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void A_revision_keeps_the_sections_it_leaves_out_and_cannot_move_the_context()
    {
        var ctx = Context();
        var revised = Accepted(ContextDecider.Decide(ctx.Id, new RiskContextRequest(null, null, Tasks: "Tugas baru"), ctx, Now));
        Assert.Equal("Tugas baru", revised.Tasks);
        Assert.Equal(ctx.UprName, revised.UprName);
        Assert.Equal(16, revised.Appetite.Count);

        var moved = Rejected<Rejection.Invalid, RiskContext>(ContextDecider.Decide(ctx.Id, new RiskContextRequest("dinkes", 2025), ctx, Now));
        Assert.Equivalent(new[] { "opd", "periodYear" }, moved.Errors.ToDictionary().Keys, strict: true);
    }

    [Fact]
    public void Removing_a_category_drops_its_appetite()
    {
        var ctx = Context();
        var request = new RiskContextRequest(null, null, Categories: [new("keamanan-spbe", "Keamanan SPBE"), new("layanan-spbe", "Layanan SPBE")]);
        var revised = Accepted(ContextDecider.Decide(ctx.Id, request, ctx, Now));
        Assert.Equal(["keamanan-spbe", "layanan-spbe"], revised.Appetite.Select(a => a.Category));
        Assert.True(revised.Complete);
    }
}
