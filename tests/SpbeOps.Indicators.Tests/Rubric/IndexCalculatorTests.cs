using SpbeOps.Indicators.Rubric;

namespace SpbeOps.Indicators.Tests.Rubric;

public class IndexCalculatorTests
{
    private static readonly SpbeRubric Rubric = RubricLoader.LoadEmbedded();

    private static Dictionary<int, decimal> Levels(params (int From, int To, decimal Level)[] ranges)
    {
        var levels = new Dictionary<int, decimal>();
        foreach (var (from, to, level) in ranges)
        {
            for (var n = from; n <= to; n++) levels[n] = level;
        }

        return levels;
    }

    private static decimal Dec(string value) => decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void P59_example_aspect_2_with_levels_3_4_3_2_is_3_00()
    {
        var result = IndexCalculator.Compute(Rubric, new Dictionary<int, decimal> { [11] = 3, [12] = 4, [13] = 3, [14] = 2 });

        var aspect2 = result.Aspects.Single(a => a.Number == 2);
        Assert.Equal(3.00m, aspect2.Index);
        Assert.Equal(10m, aspect2.Weight);
        Assert.Equal("Perencanaan Strategis SPBE", aspect2.Name);
    }

    [Fact]
    public void P59_example_domain_2_with_aspects_3_00_4_00_3_00_is_3_40()
    {
        var levels = new Dictionary<int, decimal> { [11] = 3, [12] = 4, [13] = 3, [14] = 2 };
        foreach (var (n, l) in Levels((15, 18, 4), (19, 20, 3))) levels[n] = l;

        var result = IndexCalculator.Compute(Rubric, levels);

        Assert.Equal([3.00m, 4.00m, 3.00m], result.Aspects.Where(a => a.Number is 2 or 3 or 4).Select(a => a.Index));
        Assert.Equal(3.40m, result.Domains.Single(d => d.Number == 2).Index);
    }

    [Theory]
    [InlineData("3.70", "3.40", "3.00", "3.20", "3.28", "Baik", "Good")]   // PermenPANRB 59/2020's example
    [InlineData("3.00", "3.00", "1.00", "3.61", "2.95", "Baik", "Good")]   // LHE 2021, Kemenko Perekonomian
    [InlineData("2.21", "1.89", "1.23", "2.81", "2.24", "Cukup", "Fair")]  // LHE 2021, national average
    // The predicate comes from the index as reported: 2.596 is reported as 2.60, which is Baik; 2.594 as 2.59, Cukup.
    [InlineData("2.596", "2.596", "2.596", "2.596", "2.60", "Baik", "Good")]
    [InlineData("2.594", "2.594", "2.594", "2.594", "2.59", "Cukup", "Fair")]
    public void Index_from_the_four_domain_indices_and_its_predicate(string d1, string d2, string d3, string d4, string index, string predicate, string predicateEn)
    {
        var result = IndexCalculator.FromDomainIndices(Rubric, new Dictionary<int, decimal> { [1] = Dec(d1), [2] = Dec(d2), [3] = Dec(d3), [4] = Dec(d4) });

        Assert.Equal((Dec(index), predicate, predicateEn), (result.Index, result.Predicate, result.PredicateEn));
        Assert.Equal(4, result.Domains.Count);
        Assert.Empty(result.Aspects);
    }

    [Fact]
    public void Every_indicator_at_the_floor_gives_1_00_Kurang()
    {
        var explicitOnes = IndexCalculator.Compute(Rubric, Levels((1, 47, 1)));
        var nothingGiven = IndexCalculator.Compute(Rubric, new Dictionary<int, decimal>());

        foreach (var result in new[] { explicitOnes, nothingGiven })
        {
            Assert.Equal(1.00m, result.Index);
            Assert.Equal("Kurang", result.Predicate);
            Assert.Equal("Poor", result.PredicateEn);
            Assert.Equal(1.00m, result.Domains.Single(d => d.Number == 3).Index);
            Assert.All(result.Domains, d => Assert.Equal(1.00m, d.Index));
            Assert.All(result.Aspects, a => Assert.Equal(1.00m, a.Index));
            Assert.Equal(8, result.Aspects.Count);
        }
    }

    [Fact]
    public void Every_indicator_at_5_gives_5_00_Memuaskan()
    {
        var result = IndexCalculator.Compute(Rubric, Levels((1, 47, 5)));

        Assert.Equal(5.00m, result.Index);
        Assert.Equal("Memuaskan", result.Predicate);
    }

    [Fact]
    public void Index_equals_the_weighted_sum_of_levels()
    {
        var levels = new Dictionary<int, decimal>();
        for (var n = 1; n <= 47; n++) levels[n] = (n % 5) + 1;

        var result = IndexCalculator.Compute(Rubric, levels);

        var expected = Rubric.Indicators.Sum(i => levels[i.Number] * i.Weight) / 100m;
        Assert.Equal(IndexCalculator.Round(expected), result.Index);
    }

    [Fact]
    public void An_exact_band_edge_holds_even_when_aspect_and_domain_divisions_repeat()
    {
        // Σ NI×BI = 260 → index exactly 2.60, while Audit TIK (7.5/4.5) and Domain 3 (22.5/16.5) are repeating decimals.
        var levels = Levels((1, 10, 2), (11, 20, 3), (21, 22, 2), (29, 30, 2), (32, 47, 3));

        var result = IndexCalculator.Compute(Rubric, levels);

        Assert.Equal(2.60m, result.Index);
        Assert.Equal("Baik", result.Predicate);
        Assert.Equal(1.67m, result.Aspects.Single(a => a.Number == 6).Index);
        Assert.Equal(1.36m, result.Domains.Single(d => d.Number == 3).Index);
    }

    [Theory]
    [InlineData("1.00", "Kurang")]
    [InlineData("1.79", "Kurang")]
    [InlineData("1.7999", "Kurang")]
    [InlineData("1.8", "Cukup")]
    [InlineData("2.59", "Cukup")]
    [InlineData("2.6", "Baik")]
    [InlineData("3.49", "Baik")]
    [InlineData("3.5", "Sangat Baik")]
    [InlineData("4.19", "Sangat Baik")]
    [InlineData("4.2", "Memuaskan")]
    [InlineData("5.0", "Memuaskan")]
    public void Predicate_bands_are_half_open_with_a_closed_top(string index, string predicate)
    {
        Assert.Equal(predicate, IndexCalculator.Predicate(Dec(index)).Name.Id);
    }

    [Fact]
    public void Index_above_5_has_no_predicate()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => IndexCalculator.Predicate(5.01m));
    }

    [Theory]
    [InlineData(21, 0)]
    [InlineData(21, 6)]
    [InlineData(21, 2.5)]
    [InlineData(48, 3)]
    public void Invalid_levels_are_rejected(int indicator, double level)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            IndexCalculator.Compute(Rubric, new Dictionary<int, decimal> { [indicator] = (decimal)level }));
    }

    [Fact]
    public void FromDomainIndices_needs_every_domain()
    {
        Assert.Throws<ArgumentException>(() =>
            IndexCalculator.FromDomainIndices(Rubric, new Dictionary<int, decimal> { [1] = 3, [2] = 3, [3] = 3 }));
    }

    [Theory]
    [InlineData("2.945", "2.95")]
    [InlineData("2.944999", "2.94")]
    [InlineData("2.235", "2.24")]
    public void Presentation_rounding_is_half_away_from_zero(string value, string rounded)
    {
        Assert.Equal(Dec(rounded), IndexCalculator.Round(Dec(value)));
    }
}
