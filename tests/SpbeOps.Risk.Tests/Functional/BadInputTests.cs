using System.Net.Http.Headers;
using System.Text;

namespace SpbeOps.Risk.Tests.Functional;

/// <summary>Issue 7, rows 8 and 10 on the Risk service: 400 ProblemDetails naming the field, never 500.</summary>
public sealed class BadInputTests(InfrastructureFixture infrastructure, RiskHost host) : RiskApiTestBase(infrastructure, host)
{
    [Theory]
    [InlineData("/api/risks/contexts?opd=9999-12-31", "opd")]
    [InlineData("/api/risks/monitoring?opd=2026", "opd")]
    [InlineData("/api/risks?opd=din%00kes", "opd")]
    [InlineData("/api/risks?category=%00", "category")]
    [InlineData("/api/risks?periodYear=dua-ribu", "periodYear")]
    [InlineData("/api/risks/governance?type=a%00", "type")]
    public async Task A_bad_query_value_is_a_400_naming_the_parameter(string url, string parameter)
    {
        var response = await Admin().GetAsync(url).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal([parameter], await response.FieldErrors());
    }

    [Fact]
    public async Task A_nul_in_a_nested_context_field_names_its_path()
    {
        var json = """{"opd":"dinkes","periodYear":2026,"structure":{"pemilik":{"name":"Kepala\u0000","position":"Kepala Dinas"}}}""";
        var response = await Admin().PostAsync("/api/risks/contexts", new StringContent(json, Encoding.UTF8, "application/json"))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["structure.pemilik.name"], await response.FieldErrors());
    }

    [Fact]
    public async Task A_malformed_multipart_import_is_a_400_naming_file()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes("--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r.xlsx\"\r\n\r\nPK"));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        var response = await Admin().PostAsync("/api/risks/import?opd=dinkes&periodYear=2026", content).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], await response.FieldErrors());
    }
}
