using System.Net.Http.Headers;
using System.Text;

namespace SpbeOps.Assets.Tests.Functional;

/// <summary>
/// Issue 7, rows 8–10 on the Assets service: unreadable or implausible input is a 400 ProblemDetails naming the field
/// or parameter, never a 500 (PostgreSQL refused NUL with 22P05) and never a silent acceptance.
/// </summary>
public sealed class BadInputTests(InfrastructureFixture infrastructure) : AssetsApiTest(infrastructure)
{
    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    [Theory]
    [InlineData("""{"opd":"dinkes","kind":"hardware","name":"PC\u0000"}""", "name")]
    [InlineData("""{"opd":"dinkes","kind":"hardware","name":"PC","manufacturer":"Le\u0000novo"}""", "manufacturer")]
    [InlineData("""{"opd":"dinkes","kind":"application","name":"SIMPUS","application":{"type":"aplikasi-khusus","platform":"web","hosting":"cloud","status":"aktif","legalBasis":"\u0000"}}""", "application.legalBasis")]
    [InlineData("""{"opd":"dinkes","kind":"hardware","name":"PC\u0001"}""", "name")]
    [InlineData("""{"opd":"dinkes","kind":"hardware","name":"PC\ud800"}""", "name")]
    public async Task A_nul_or_control_character_in_any_json_string_is_a_400_naming_the_field(string json, string field)
    {
        var response = await Admin().PostAsync("/api/assets", JsonBody(json)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], await response.FieldErrors());
    }

    [Fact]
    public async Task A_nul_in_a_governance_list_names_the_item()
    {
        var response = await Admin().PostAsync("/api/assets/governance/reviews", JsonBody(
            """{"indicator":24,"title":"Reviu","scopeOpds":["dinkes"],"date":"2026-01-05","reviewer":"Inspektorat","findings":["x","tem\u0000uan"]}"""))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["findings[1]"], await response.FieldErrors());
    }

    [Theory]
    [InlineData("q=%00", "q")]
    [InlineData("opd=din%00kes", "opd")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=1.5", "pageSize")]
    [InlineData("page=2147483647", "page")]
    [InlineData("opd=9999-12-31", "opd")]
    [InlineData("opd=DINKES", "opd")]
    public async Task A_bad_query_value_is_a_400_naming_the_parameter(string query, string parameter)
    {
        var response = await Admin().GetAsync($"/api/assets?{query}").ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([parameter], await response.FieldErrors());
    }

    [Fact]
    public async Task A_body_of_the_wrong_media_type_is_a_415_naming_the_content_type()
    {
        var response = await Admin().PostAsync("/api/assets", new StringContent("""{"opd":"dinkes"}""", Encoding.UTF8, "text/plain"))
            .ShouldBe(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(["Content-Type"], await response.FieldErrors());
    }

    [Theory]
    [InlineData("manufacturer")]
    [InlineData("model")]
    [InlineData("vendor")]
    [InlineData("provider")]
    public async Task Every_text_field_has_a_maximum_length(string field)
    {
        var body = new Dictionary<string, object?> { ["opd"] = "dinkes", ["kind"] = "hardware", ["name"] = "PC", [field] = new string('x', 100_000) };
        var response = await Admin().PostAsJsonAsync("/api/assets", body).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal([field], await response.FieldErrors());
    }

    [Theory]
    [InlineData("acquiredOn", "0001-01-01")]
    [InlineData("acquiredOn", "1989-12-31")]
    [InlineData("stageSince", "0001-01-01")]
    [InlineData("licenceExpiresOn", "9999-12-31")]
    [InlineData("licenceExpiresOn", "0001-01-01")]
    public async Task Implausible_dates_are_refused(string field, string date)
    {
        var body = new Dictionary<string, object?> { ["opd"] = "dinkes", ["kind"] = "software", ["name"] = "Office", [field] = date };
        var response = await Admin().PostAsJsonAsync("/api/assets", body).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal([field], await response.FieldErrors());
    }

    [Fact]
    public async Task A_planned_date_within_the_horizon_is_accepted()
    {
        var expires = DateTime.UtcNow.AddYears(5).ToString("yyyy-MM-dd");
        await Register(Admin(), new { opd = "dinkes", kind = "software", name = "Office", licenceExpiresOn = expires, acquiredOn = "1995-06-01" });
    }

    [Theory]
    [InlineData("9999-12-31")]
    [InlineData("2026")]
    [InlineData("dinkes-")]
    [InlineData("din--kes")]
    [InlineData("-dinkes")]
    public async Task A_date_looking_or_malformed_opd_code_is_refused(string opd)
    {
        var response = await Admin().PostAsJsonAsync("/api/assets", new { opd, kind = "hardware", name = "PC" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["opd"], await response.FieldErrors());
    }

    [Theory]
    [InlineData("multipart/form-data", "--x\r\n\r\nabc")]                                                        // no boundary
    [InlineData("multipart/form-data; boundary=b", "this is not multipart")]
    [InlineData("multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.xlsx\"\r\n\r\nPK")] // cut short
    public async Task A_malformed_multipart_upload_is_a_400_naming_file(string contentType, string body)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var response = await Admin().PostAsync("/api/assets/import", content).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["file"], await response.FieldErrors());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Kota Pangkalpinang")]
    [InlineData("x")]
    public async Task A_token_whose_instansi_is_not_a_tenant_code_is_401(string instansi)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestAuth.Token("diskominfo-admin", instansi));
        var response = await client.PostAsJsonAsync("/api/assets", AssetRequests.Laptop("dinkes")).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
