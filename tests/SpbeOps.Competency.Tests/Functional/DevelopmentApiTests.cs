namespace SpbeOps.Competency.Tests.Functional;

/// <summary>Certifications (with the BKPSDMD import and expiry), trainings and assessments over HTTP.</summary>
public sealed class DevelopmentApiTests(InfrastructureFixture infrastructure, CompetencyHost host) : CompetencyApiTest(infrastructure, host)
{
    [Fact]
    public async Task A_certification_belongs_to_its_staff_members_opd_and_names_no_personal_data()
    {
        var staff = await StaffAsync("dinkes");
        var cert = await Created(Operator("dinkes"), Certifications, CertificationBody(staff));
        Assert.Equal("dinkes", cert.GetProperty("opd").GetString());
        Assert.False(cert.TryGetProperty("name", out _));

        await SecurityOfficer().GetAsync($"{Certifications}/{Id(cert)}").ShouldBe(HttpStatusCode.OK);
        await Operator("dishub").GetAsync($"{Certifications}/{Id(cert)}").ShouldBe(HttpStatusCode.NotFound);
        AssertRule(await Problem(Operator("dishub").PostAsJsonAsync(Certifications, CertificationBody(staff)), HttpStatusCode.UnprocessableEntity), "unknown-staff", "staffId");
        AssertRule(await Problem(Admin().PostAsJsonAsync(Certifications, CertificationBody(Guid.NewGuid())), HttpStatusCode.UnprocessableEntity), "unknown-staff");
        await Auditor().PostAsJsonAsync(Certifications, CertificationBody(staff)).ShouldBe(HttpStatusCode.Forbidden);
        await SecurityOfficer().PostAsJsonAsync(Certifications, CertificationBody(staff)).ShouldBe(HttpStatusCode.Forbidden);

        var bad = await Admin().PostAsJsonAsync(Certifications, new { staffId = staff, area = "astronomi", proficiency = 9, validFrom = Day(10) })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "issuer", "number", "area", "proficiency", "validFrom" }, await bad.FieldErrors(), strict: true);

        var renewed = await Ok(Operator("dinkes").PutAsJsonAsync($"{Certifications}/{Id(cert)}", CertificationBody(staff, validForDays: 1000)));
        Assert.Equal(2, renewed.GetProperty("version").GetInt64());
        await Operator("dinkes").PostAsJsonAsync($"{Certifications}/{Id(cert)}/withdrawal", new { reason = "dicabut penerbit" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(Operator("dinkes").PutAsJsonAsync($"{Certifications}/{Id(cert)}", CertificationBody(staff)), HttpStatusCode.Conflict), "withdrawn-is-final");
    }

    [Fact]
    public async Task Certifications_expiring_within_90_days_are_listed()
    {
        var staff = await StaffAsync("dinkes");
        await Created(Admin(), Certifications, CertificationBody(staff, validForDays: 20));
        await Created(Admin(), Certifications, CertificationBody(staff, "aplikasi-spbe", validForDays: 400));
        var soon = await Ok(Auditor().GetAsync($"{Certifications}?expiringWithinDays=90"));
        Assert.Equal(1, soon.GetArrayLength());
        Assert.Equal(2, (await Ok(Operator("dinkes").GetAsync($"{Certifications}?staffId={staff}"))).GetArrayLength());
        Assert.Equal(["expiringWithinDays"], await (await Admin().GetAsync($"{Certifications}?expiringWithinDays=-1").ShouldBe(HttpStatusCode.BadRequest)).FieldErrors());
    }

    [Fact]
    public async Task The_certification_sheet_finds_holders_by_nip_all_rows_or_none()
    {
        var nip = NewNip();
        await Created(Operator("dinkes"), Staff, StaffBody("dinkes", nip));
        var good = new Dictionary<string, object?>
        {
            ["NIP"] = nip, ["Penerbit"] = "BSSN", ["Nomor Sertifikat"] = "K-1", ["Bidang"] = "keamanan-spbe", ["Tingkat"] = 3,
            ["Berlaku Sejak"] = Day(-10), ["Berlaku Sampai"] = Day(300),
        };
        var unknown = new Dictionary<string, object?>(good) { ["NIP"] = NewNip() };
        var badArea = new Dictionary<string, object?>(good) { ["Bidang"] = "astronomi", ["Berlaku Sampai"] = "kapan-kapan" };
        var refused = await Operator("dinkes").PostAsync($"{Certifications}/import", StaffApiTests.Upload([good, unknown, badArea], "Sertifikasi SPBE"))
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "baris 3, kolom NIP", "baris 4, kolom Bidang", "baris 4, kolom Berlaku Sampai" }, await refused.FieldErrors(), strict: true);
        Assert.Equal(0, (await Ok(Admin().GetAsync(Certifications))).GetArrayLength());

        var imported = await Ok(Operator("dinkes").PostAsync($"{Certifications}/import", StaffApiTests.Upload([good], "Sertifikasi SPBE")));
        Assert.Equal(1, imported.GetProperty("created").GetInt32());
        await Operator("dishub").PostAsync($"{Certifications}/import", StaffApiTests.Upload([good], "Sertifikasi SPBE")).ShouldBe(HttpStatusCode.BadRequest);
        await Walidata().PostAsync($"{Certifications}/import", StaffApiTests.Upload([good], "Sertifikasi SPBE")).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Trainings_and_assessments_are_recorded_listed_by_year_and_withdrawn_once()
    {
        var staff = await StaffAsync("dinkes");
        var client = Operator("dinkes");
        var training = await Created(client, Trainings, new { staffId = staff, title = "Bimtek Arsitektur SPBE", area = "arsitektur-spbe", hours = 24, provider = "Kementerian PANRB", completedOn = Day(-5) });
        var assessment = await Created(client, Assessments, new { staffId = staff, assessedOn = Day(-3), assessor = "LSP Informatika", levels = new Dictionary<string, int> { ["arsitektur-spbe"] = 2 } });
        Assert.Equal(1, (await Ok(Auditor().GetAsync($"{Trainings}?year={DateTime.UtcNow.AddDays(-5).Year}"))).GetArrayLength());
        Assert.Equal(0, (await Ok(Admin().GetAsync($"{Trainings}?year=2020"))).GetArrayLength());
        Assert.Equal(0, (await Ok(Operator("dishub").GetAsync(Assessments))).GetArrayLength());
        await Operator("dishub").GetAsync($"{Assessments}/{Id(assessment)}").ShouldBe(HttpStatusCode.NotFound);

        var bad = await client.PostAsJsonAsync(Trainings, new { staffId = staff, title = "", area = "x", hours = 0, completedOn = Day(5) }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "title", "area", "hours", "provider", "completedOn" }, await bad.FieldErrors(), strict: true);
        var badAssessment = await client.PostAsJsonAsync(Assessments, new { staffId = staff, assessedOn = Day(-1), assessor = "A", levels = new Dictionary<string, int>() })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["levels"], await badAssessment.FieldErrors());
        AssertRule(await Problem(client.PostAsJsonAsync(Assessments, new { staffId = Guid.NewGuid(), assessedOn = Day(-1), assessor = "A", levels = new Dictionary<string, int> { ["proses-bisnis"] = 1 } }),
            HttpStatusCode.UnprocessableEntity), "unknown-staff");

        await Auditor().PostAsJsonAsync($"{Trainings}/{Id(training)}/withdrawal", new { reason = "uji" }).ShouldBe(HttpStatusCode.Forbidden);
        await client.PostAsJsonAsync($"{Trainings}/{Id(training)}/withdrawal", new { reason = "salah input" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(client.PostAsJsonAsync($"{Trainings}/{Id(training)}/withdrawal", new { reason = "lagi" }), HttpStatusCode.Conflict), "withdrawn-is-final");
        await client.PostAsJsonAsync($"{Assessments}/{Id(assessment)}/withdrawal", new { reason = "" }).ShouldBe(HttpStatusCode.BadRequest);
    }
}
