using System.Text;

namespace SpbeOps.Indicators.Tests.Functional;

/// <summary>Issue 7, rows 8 and 10 on the Indicators service: 400 ProblemDetails naming the field, never 500.</summary>
public sealed class BadInputTests(InfrastructureFixture infrastructure) : IndicatorsApiTest(infrastructure)
{
    [Fact]
    public async Task A_null_unit_in_the_organisation_list_is_a_400_naming_it()
    {
        var json = """{"name":"Kota Uji","perangkatDaerah":[{"code":"dinkes","name":"Dinas Kesehatan"},null]}""";
        var response = await Admin().PutAsync("/api/maturity/organisation", new StringContent(json, Encoding.UTF8, "application/json"))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["perangkatDaerah[1]"], await response.FieldErrors());
    }

    [Theory]
    [InlineData("9999-12-31", "perangkatDaerah[0].code")]
    [InlineData("2026", "perangkatDaerah[0].code")]
    public async Task A_date_looking_opd_code_is_not_a_perangkat_daerah(string code, string field)
    {
        var response = await Admin().PutAsJsonAsync("/api/maturity/organisation",
            new { name = "Kota Uji", perangkatDaerah = new[] { new { code, name = "Dinas" } } }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal([field], await response.FieldErrors());
    }

    [Theory]
    [InlineData("/api/maturity/index?asOf=0001-01-01", "asOf")]
    [InlineData("/api/maturity/index?asOf=kemarin", "asOf")]
    [InlineData("/api/maturity/indicators?opd=9999-12-31", "opd")]
    [InlineData("/api/maturity/indicators/24?opd=%00", "opd")]
    public async Task A_bad_query_value_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await Admin().GetAsync(url).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal([parameter], await response.FieldErrors());
    }

    [Fact]
    public async Task A_nul_in_a_self_assessment_is_a_400_naming_the_field()
    {
        var json = """{"level":3,"explanation":"Portal\u0000data"}""";
        var response = await Admin().PutAsync("/api/maturity/self-assessment/43", new StringContent(json, Encoding.UTF8, "application/json"))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["explanation"], await response.FieldErrors());
    }
}
