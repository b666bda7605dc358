using System.Security.Claims;
using SpbeOps.ServiceDefaults;
using SpbeOps.ServiceDefaults.Auth;
using SpbeOps.ServiceDefaults.Problems;

namespace SpbeOps.Reliability.Tests.Fuzz;

/// <summary>The shared input rules of issue 7 (rows 8–10), each defined once in SpbeOps.ServiceDefaults.</summary>
public sealed class InputRulesTests
{
    [Theory]
    [InlineData("dinkes", true)]
    [InlineData("kec-bukit-intan", true)]
    [InlineData("kota-pangkalpinang", true)]
    [InlineData("e2e-0a1b2c3d4e5f", true)]
    [InlineData("rsud2", true)]
    [InlineData("9999-12-31", false)]   // a date in the wrong field
    [InlineData("2026", false)]
    [InlineData("123", false)]
    [InlineData("x", false)]
    [InlineData("", false)]
    [InlineData("Dinkes", false)]
    [InlineData("dinas kesehatan", false)]
    [InlineData("dinkes-", false)]
    [InlineData("-dinkes", false)]
    [InlineData("din--kes", false)]
    [InlineData("din\0kes", false)]
    public void Opd_and_tenant_codes_share_one_spelling(string code, bool valid)
    {
        Assert.Equal(valid, PerangkatDaerahCode.IsValid(code));
        Assert.Equal(valid, InstansiCode.IsValid(code));
    }

    [Fact]
    public void Codes_are_at_most_64_characters() =>
        Assert.Equal((true, false), (KebabCode.IsValid("a" + new string('b', 63)), KebabCode.IsValid("a" + new string('b', 64))));

    [Theory]
    [InlineData("Laporan\r\n\tbaris dua", true)]
    [InlineData("Perwako 1/2024 — ✓ 😀", true)]
    [InlineData("a\0b", false)]
    [InlineData("a\u0001b", false)]
    [InlineData("a\u001Fb", false)]
    [InlineData("a\uFFFFb", false)]
    public void Text_refuses_control_characters_and_invalid_unicode(string text, bool safe) =>
        Assert.Equal(safe, SafeText.IsSafe(text));

    [Fact]
    public void Text_refuses_unpaired_surrogates()
    {
        // In code, not in an attribute: an attribute's string blob is UTF-8, where a lone surrogate cannot exist.
        Assert.False(SafeText.IsSafe("a" + (char)0xD800 + "b"));
        Assert.False(SafeText.IsSafe("a" + (char)0xDC00));
        Assert.False(SafeText.IsSafe("a" + (char)0xD800));
        Assert.True(SafeText.IsSafe("a" + (char)0xD83D + (char)0xDE00));
    }

    [Fact]
    public void Dates_are_plausible_with_the_horizon_each_field_needs()
    {
        var today = new DateOnly(2026, 11, 29);
        string[] Errors(Func<FieldErrors, FieldErrors> check) => [.. check(new FieldErrors()).ToDictionary().Keys];

        Assert.Equal(["d"], Errors(e => e.PastDate("d", new DateOnly(1, 1, 1), today)));
        Assert.Equal(["d"], Errors(e => e.PastDate("d", new DateOnly(1989, 12, 31), today)));
        Assert.Empty(Errors(e => e.PastDate("d", new DateOnly(1990, 1, 1), today)));
        Assert.Equal(["d"], Errors(e => e.PastDate("d", today.AddDays(1), today)));
        Assert.Empty(Errors(e => e.PlannedDate("d", today.AddYears(20), today)));
        Assert.Equal(["d"], Errors(e => e.PlannedDate("d", new DateOnly(9999, 12, 31), today)));
        Assert.Empty(Errors(e => e.PlannedDate("d", null, today)));
    }

    [Fact]
    public void Every_text_check_applies_the_length_and_the_text_rule()
    {
        var errors = new FieldErrors()
            .Required("a", "x\0", 10).MaxLength("b", new string('x', 11), 10).MaxLength("c", null, 10)
            .Texts("d", ["ok", "", "x\u0002"], 10).Texts("e", Enumerable.Repeat("x", 201).ToList(), 10)
            .Opd("f", "9999-12-31").Opd("g", null, required: false).Url("h", "https://" + new string('x', 3000));
        Assert.Equivalent(new[] { "a", "b", "d[1]", "d[2]", "e", "f", "h" }, errors.ToDictionary().Keys, strict: true);
    }

    [Theory]
    [InlineData(new[] { "kota-a" }, new string[0], null)]
    [InlineData(new[] { "kota-a" }, new[] { "dinkes" }, null)]
    [InlineData(new string[0], new string[0], "instansi")]
    [InlineData(new[] { "" }, new string[0], "instansi")]
    [InlineData(new[] { "kota-a", "kota-b" }, new string[0], "instansi")]
    [InlineData(new[] { "Kota A" }, new string[0], "instansi")]
    [InlineData(new[] { "kota-a" }, new[] { "" }, "opd")]
    [InlineData(new[] { "kota-a" }, new[] { "dinkes", "dishub" }, "opd")]
    public void A_token_carries_exactly_one_tenant_code_and_at_most_one_opd_code(string[] instansi, string[] opd, string? refused)
    {
        var claims = instansi.Select(i => new Claim(SpbeClaims.Instansi, i)).Concat(opd.Select(o => new Claim(SpbeClaims.Opd, o)));
        var problem = TokenClaims.Problem(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        if (refused is null) Assert.Null(problem);
        else Assert.Contains($"'{refused}'", problem);
    }
}
