namespace SpbeOps.Competency.Tests.Functional;

/// <summary>Coverage of the six areas, the gap matrix (XLSX), and governance for indicator 25.</summary>
public sealed class CoverageApiTests(InfrastructureFixture infrastructure, CompetencyHost host) : CompetencyApiTest(infrastructure, host)
{
    [Fact]
    public async Task Coverage_counts_qualified_staff_per_area_and_shows_no_personal_data_to_anyone()
    {
        await Created(Operator("dinkes"), Plans, PlanBody("dinkes", areas: ["keamanan-spbe", "aplikasi-spbe"], proficiency: 3));
        var staff = await StaffAsync("dinkes");
        await Created(Operator("dinkes"), Certifications, CertificationBody(staff, "keamanan-spbe", 3, validForDays: 45));
        await Created(Operator("dinkes"), Assessments, new { staffId = staff, assessedOn = Day(-1), assessor = "LSP", levels = new Dictionary<string, int> { ["aplikasi-spbe"] = 2 } });

        foreach (var reader in new[] { SecurityOfficer(), Operator("dinkes"), Auditor() })
        {
            var response = await reader.GetAsync(Coverage).ShouldBe(HttpStatusCode.OK);
            var text = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("Budi", text);
            var report = JsonDocument.Parse(text).RootElement;
            Assert.Equal(1, report.GetProperty("areasMet").GetInt32());
            var areas = report.GetProperty("opds")[0].GetProperty("areas").EnumerateArray().ToDictionary(a => a.GetProperty("area").GetString()!);
            Assert.True(areas["keamanan-spbe"].GetProperty("met").GetBoolean());
            Assert.Equal(1, areas["aplikasi-spbe"].GetProperty("gap").GetInt32());
            Assert.Equal(45, report.GetProperty("expiring")[0].GetProperty("daysLeft").GetInt32());
        }
        Assert.Empty((await Ok(Operator("dishub").GetAsync($"{Coverage}?opd=dinkes"))).GetProperty("opds").EnumerateArray());
        Assert.Equivalent(new[] { "opd", "year" }, await (await Admin().GetAsync($"{Coverage}?opd=X&year=1").ShouldBe(HttpStatusCode.BadRequest)).FieldErrors(), strict: true);
    }

    [Fact]
    public async Task The_gap_matrix_downloads_as_a_sheet_with_one_row_per_opd_and_area()
    {
        await Created(Admin(), Plans, PlanBody("dinkes"));
        var response = await Admin().GetAsync($"{Coverage}/gap.xlsx").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), useHeaderRow: true, sheetName: "Matriks Kesenjangan")
            .Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(6, rows.Count);
        Assert.Equal("dinkes", rows[0]["Perangkat Daerah"]);
        Assert.Equal("tidak", rows[0]["Terpenuhi"]);
        var empty = await Operator("dishub").GetAsync($"{Coverage}/gap.xlsx").ShouldBe(HttpStatusCode.OK);
        Assert.True((await empty.Content.ReadAsByteArrayAsync()).Length > 0);
    }

    [Fact]
    public async Task Governance_records_of_indicator_25_follow_the_shared_role_matrix()
    {
        var review = new { indicator = 25, title = "Reviu pemenuhan kompetensi SDM SPBE", date = Day(-2), reviewer = "Inspektorat", allOpd = true, findings = new[] { "Kesenjangan keamanan SPBE" } };
        await Auditor().PostAsJsonAsync("/api/competency/governance/reviews", review).ShouldBe(HttpStatusCode.Forbidden);
        await Created(Admin(), "/api/competency/governance/reviews", review);
        var bad = await Admin().PostAsJsonAsync("/api/competency/governance/reviews", new { indicator = 23, title = "" }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("indicator", await bad.FieldErrors());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_routes()
    {
        var document = await (await Anonymous().GetAsync("/openapi/v1.json").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        foreach (var route in new[] { Staff, Plans, Requirements, Certifications, Trainings, Assessments, Coverage, "/api/competency/coverage/gap.xlsx" })
            Assert.Contains($"\"{route}\"", document);
    }
}
