namespace SpbeOps.Competency.Tests.Functional;

/// <summary>HR plans per OPD and year, and the requirements per jabatan Diskominfo sets.</summary>
public sealed class PlansAndRequirementsApiTests(InfrastructureFixture infrastructure, CompetencyHost host) : CompetencyApiTest(infrastructure, host)
{
    [Fact]
    public async Task One_plan_per_opd_and_year_revised_in_place_and_scoped_to_the_opd()
    {
        var client = Operator("dinkes");
        var id = Id(await Created(client, Plans, PlanBody("dinkes")));
        AssertRule(await Problem(client.PostAsJsonAsync(Plans, PlanBody("dinkes")), HttpStatusCode.Conflict), "unique");
        var revised = await Ok(client.PutAsJsonAsync($"{Plans}/{id}", PlanBody("dinkes", headcount: 2)));
        Assert.Equal(2, revised.GetProperty("needs")[0].GetProperty("headcount").GetInt32());
        var moved = await client.PutAsJsonAsync($"{Plans}/{id}", PlanBody("dinkes", year: DateTime.UtcNow.Year + 1)).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(["year"], await moved.FieldErrors());

        await Operator("dishub").GetAsync($"{Plans}/{id}").ShouldBe(HttpStatusCode.NotFound);
        await Operator("dishub").PostAsJsonAsync(Plans, PlanBody("dinkes", year: 2025)).ShouldBe(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await Ok(Operator("dishub").GetAsync(Plans))).GetArrayLength());
        Assert.Equal(1, (await Ok(SecurityOfficer().GetAsync($"{Plans}?year={DateTime.UtcNow.Year}"))).GetArrayLength());
        await Auditor().PostAsJsonAsync($"{Plans}/{id}/withdrawal", new { reason = "uji" }).ShouldBe(HttpStatusCode.Forbidden);
        await client.PostAsJsonAsync($"{Plans}/{id}/withdrawal", new { reason = "diganti" }).ShouldBe(HttpStatusCode.OK);
        AssertRule(await Problem(client.PostAsJsonAsync($"{Plans}/{id}/withdrawal", new { reason = "lagi" }), HttpStatusCode.Conflict), "withdrawn-is-final");
    }

    [Fact]
    public async Task Bad_plans_name_each_field()
    {
        var response = await Admin().PostAsJsonAsync(Plans, new { opd = "X", year = 1900, needs = new object?[] { new { area = "astronomi", headcount = 0, proficiency = 5 }, null } })
            .ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "opd", "year", "needs[0].area", "needs[0].headcount", "needs[0].proficiency", "needs[1]" }, await response.FieldErrors(), strict: true);
        await Admin().GetAsync($"{Plans}?year=abc").ShouldBe(HttpStatusCode.BadRequest);
        await Admin().GetAsync($"{Plans}/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Diskominfo_sets_requirements_every_role_reads_them()
    {
        var body = new { jabatan = "Pranata Komputer Ahli Muda", levels = new Dictionary<string, int> { ["aplikasi-spbe"] = 3, ["keamanan-spbe"] = 2 } };
        await Operator("dinkes").PostAsJsonAsync(Requirements, body).ShouldBe(HttpStatusCode.Forbidden);
        await Auditor().PostAsJsonAsync(Requirements, body).ShouldBe(HttpStatusCode.Forbidden);
        var id = Id(await Created(Admin(), Requirements, body));
        AssertRule(await Problem(Admin().PostAsJsonAsync(Requirements, body), HttpStatusCode.Conflict), "unique");
        Assert.Equal(1, (await Ok(Operator("dishub").GetAsync(Requirements))).GetArrayLength());
        await Operator("dinkes").PutAsJsonAsync($"{Requirements}/{id}", body).ShouldBe(HttpStatusCode.Forbidden);
        var bad = await Admin().PutAsJsonAsync($"{Requirements}/{id}", new { jabatan = "", levels = new Dictionary<string, int> { ["x"] = 1 } }).ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equivalent(new[] { "jabatan", "levels.x" }, await bad.FieldErrors(), strict: true);
    }
}
