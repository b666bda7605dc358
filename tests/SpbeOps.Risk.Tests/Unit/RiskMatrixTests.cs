using SpbeOps.Risk.Api.Contexts;

namespace SpbeOps.Risk.Tests.Unit;

public sealed class RiskMatrixTests
{
    private static readonly int[][] Official = RiskMatrix.Official();

    // Every cell of the official 5×5 lookup of PermenPANRB 5/2020 (rows likelihood, columns impact).
    [Theory]
    [InlineData(1, 1, 1)] [InlineData(1, 2, 3)] [InlineData(1, 3, 5)] [InlineData(1, 4, 8)] [InlineData(1, 5, 20)]
    [InlineData(2, 1, 2)] [InlineData(2, 2, 7)] [InlineData(2, 3, 11)] [InlineData(2, 4, 13)] [InlineData(2, 5, 21)]
    [InlineData(3, 1, 4)] [InlineData(3, 2, 10)] [InlineData(3, 3, 14)] [InlineData(3, 4, 17)] [InlineData(3, 5, 22)]
    [InlineData(4, 1, 6)] [InlineData(4, 2, 12)] [InlineData(4, 3, 16)] [InlineData(4, 4, 19)] [InlineData(4, 5, 24)]
    [InlineData(5, 1, 9)] [InlineData(5, 2, 15)] [InlineData(5, 3, 18)] [InlineData(5, 4, 23)] [InlineData(5, 5, 25)]
    public void Official_matrix_gives_the_regulations_besaran(int likelihood, int impact, int besaran)
    {
        Assert.Equal(besaran, RiskMatrix.Besaran(Official, likelihood, impact));
        // The same lookup through a context built from the defaults.
        Assert.Equal(besaran, Builders.Context().BesaranOf(likelihood, impact));
    }

    [Fact]
    public void Lookup_is_not_multiplicative_impact_weighs_more()
    {
        Assert.Equal(9, RiskMatrix.Besaran(Official, 5, 1));
        Assert.Equal(20, RiskMatrix.Besaran(Official, 1, 5));
    }

    [Theory]
    [InlineData(0, 1)] [InlineData(6, 1)] [InlineData(1, 0)] [InlineData(1, 6)]
    public void Levels_outside_the_matrix_have_no_besaran(int likelihood, int impact) =>
        Assert.Null(RiskMatrix.Besaran(Official, likelihood, impact));

    [Fact]
    public void Official_matrix_passes_its_own_check() => Assert.Null(RiskMatrix.Check(Official, 5, 5));

    [Fact]
    public void A_multiplicative_matrix_is_refused_because_besaran_repeat()
    {
        var product = Enumerable.Range(1, 5).Select(l => Enumerable.Range(1, 5).Select(i => l * i).ToArray()).ToArray();
        Assert.Contains("each once", RiskMatrix.Check(product, 5, 5));
    }

    [Fact]
    public void A_matrix_that_shrinks_with_impact_is_refused()
    {
        var m = RiskMatrix.Official();
        (m[0][0], m[0][1]) = (m[0][1], m[0][0]);
        Assert.Contains("grow with impact", RiskMatrix.Check(m, 5, 5));
    }

    [Fact]
    public void A_matrix_of_the_wrong_size_is_refused()
    {
        Assert.Contains("3 rows", RiskMatrix.Check(Official, 3, 5));
        Assert.Contains("3 columns", RiskMatrix.Check(Official, 5, 3));
    }

    [Fact]
    public void A_three_level_matrix_is_accepted() =>
        Assert.Null(RiskMatrix.Check([[1, 3, 6], [2, 5, 8], [4, 7, 9]], 3, 3));

    [Theory]
    [InlineData(1, 1, "Sangat Rendah", "biru")]
    [InlineData(5, 1, "Sangat Rendah", "biru")]
    [InlineData(6, 2, "Rendah", "hijau")]
    [InlineData(10, 2, "Rendah", "hijau")]
    [InlineData(11, 3, "Sedang", "kuning")]
    [InlineData(15, 3, "Sedang", "kuning")]
    [InlineData(16, 4, "Tinggi", "jingga")]
    [InlineData(20, 4, "Tinggi", "jingga")]
    [InlineData(21, 5, "Sangat Tinggi", "merah")]
    [InlineData(25, 5, "Sangat Tinggi", "merah")]
    public void Level_bands_follow_formulir_2_9_B(int besaran, int level, string name, string colour)
    {
        var band = RiskMatrix.Band(RiskMatrix.OfficialBands(), besaran);
        Assert.NotNull(band);
        Assert.Equal((level, name, colour), (band.Level, band.Name, band.Colour));
    }

    [Fact]
    public void Official_bands_cover_1_to_25_without_gaps() => Assert.Null(RiskMatrix.CheckBands(RiskMatrix.OfficialBands(), 25));

    [Fact]
    public void Bands_with_a_gap_or_short_of_the_maximum_are_refused()
    {
        var gap = RiskMatrix.OfficialBands();
        gap[1] = gap[1] with { Min = 7 };
        Assert.Contains("must start at besaran 6", RiskMatrix.CheckBands(gap, 25));
        Assert.Contains("end at besaran 25", RiskMatrix.CheckBands(RiskMatrix.OfficialBands().Take(4).ToList(), 25));
        Assert.Contains("3 to 5", RiskMatrix.CheckBands(RiskMatrix.OfficialBands().Take(2).ToList(), 10));
    }
}
