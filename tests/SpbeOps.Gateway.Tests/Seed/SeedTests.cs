extern alias localtool;
using System.Text.Json.Nodes;
using localtool::SpbeOps.LocalTool;
using SpbeOps.Testing;

namespace SpbeOps.Gateway.Tests.Seed;

/// <summary>
/// The demo seed of <c>./spbe up</c> (deploy/seed/kota-pangkalpinang.yaml, sent by the LocalTool) against a fake of
/// the API: it converges to the same records however often it runs (issue 7, row 2) and rides out a clash or an
/// API that is not ready yet (issue 7, row 1).
/// </summary>
public sealed class SeedTests : IAsyncLifetime
{
    public static readonly string SeedFilePath = Path.Combine(FindRoot(), "deploy", "seed", "kota-pangkalpinang.yaml");
    private FakeSpbeApi _api = null!;
    private readonly StringWriter _output = new();
    private readonly StringWriter _errors = new();
    private readonly List<TimeSpan> _waits = [];

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return dir.FullName;
        throw new InvalidOperationException("SpbeOps.sln not found above the test binaries.");
    }

    public async Task InitializeAsync()
    {
        // The tool signs its tokens with the key ./spbe gives it (the fake only checks that one is sent).
        Environment.SetEnvironmentVariable("Auth__SigningKey", TestAuth.SigningKey);
        _api = await FakeSpbeApi.StartAsync();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    private async Task<int> Seed(params string[] extra)
    {
        _output.GetStringBuilder().Clear();
        _errors.GetStringBuilder().Clear();
        return await SeedCommand.RunAsync(["--gateway", _api.Address, "--file", SeedFilePath, .. extra], _output, _errors,
            delay: (wait, _) => { _waits.Add(wait); return Task.CompletedTask; });
    }

    /// <summary>Runs the seed and asserts its exit code, showing what it said when that is not the one expected.</summary>
    private async Task SeedExits(int expected, params string[] extra)
    {
        var code = await Seed(extra);
        Assert.True(code == expected, $"the seed exited {code}, not {expected}:\n{_output}\n{_errors}");
    }

    private static SeedFile Seeded => SeedFile.Load(SeedFilePath);

    /// <summary>What the seed file creates with POST: a record each, by its natural key.</summary>
    private static int Posts(string path) => Seeded.Steps.Count(s => s.Method == HttpMethod.Post && s.Path == path);

    /// <summary>The records the seed creates are there exactly once each.</summary>
    private void AssertSeededOnce()
    {
        Assert.Equal(Posts("/api/assets"), _api.Assets.Count);
        Assert.Equal(_api.Assets.Count, _api.Assets.Select(a => $"{a["opd"]}/{a["code"]}").Distinct().Count());
        Assert.Equal(Seeded.Steps.Count(s => s.Method == HttpMethod.Post && s.Path.Contains("/governance/")), _api.Governance.Count);
        Assert.Equal(new[] { "/api/security/implementations", "/api/security/incidents", "/api/security/audits", "/api/security/assessments", "/api/security/scope",
            "/api/security/programme", "/api/assets/audits" }.Sum(Posts), _api.Security.Count);
        Assert.Equal(_api.Security.Count, _api.Security.Select(r => $"{r["record"]}/{r["opd"]}/{r["controlCode"]}/{r["title"]}/{r["year"]}/{r["indicator"]}").Distinct().Count());
        Assert.True(_api.BaselineAdopted);
        Assert.Equal(_api.Governance.Count, _api.Governance.Select(g => $"{g["indicator"]}/{g["recordType"]}/{g["title"]}").Distinct().Count());
        Assert.Equal([2021, 2022], _api.Evaluations.Keys);
        Assert.Equal(Seeded.Steps.Count(s => s.Path.StartsWith("/api/maturity/self-assessment/")), _api.SelfAssessments.Count);
        Assert.NotNull(_api.Organisation);
        Assert.Equal(Posts("/api/data/datasets"), _api.Datasets.Count);
        Assert.Equal(Posts("/api/data/references"), _api.References.Count);
        Assert.Equal(Posts("/api/data/priorities"), _api.Priorities.Count);
        Assert.Equal((Posts("/api/services"), Posts("/api/tickets"), Posts("/api/changes")), (_api.CatalogueServices.Count, _api.Tickets.Count, _api.Changes.Count));
        Assert.Equal(Posts("/api/competency/plans"), _api.HrPlans.Count);
        Assert.Equal(Posts("/api/competency/staff"), _api.Staff.Count);
        Assert.Equal(Posts("/api/competency/certifications"), _api.Certifications.Count);
        Assert.All(_api.Certifications, c => Assert.Equal("diskominfo", (string?)c["opd"]));
        Assert.Equal(Posts("/api/knowledge/articles"), _api.Articles.Count);
        Assert.Equal(Posts("/api/knowledge/transfers"), _api.Transfers.Count);
    }

    private IReadOnlyList<string> Ids() =>
        [.. _api.Assets.Concat(_api.Governance).Select(r => (string)r["id"]!).Order()];

    [Fact]
    public async Task Seeding_twice_leaves_the_same_records_and_the_second_run_writes_nothing()
    {
        await SeedExits(0);
        AssertSeededOnce();
        var first = _api.Snapshot();
        var writes = _api.Writes.Count;
        Assert.Equal(Seeded.Steps.Count, writes);

        await SeedExits(0);
        Assert.Equal(first, _api.Snapshot());
        Assert.Equal(writes, _api.Writes.Count);
        Assert.Contains($"{Seeded.Steps.Count} already as seeded", _output.ToString());
    }

    [Fact]
    public async Task A_rerun_after_a_partial_seed_creates_only_what_is_missing()
    {
        // The first run stops at the third asset (say the Assets service was down): what came before is in place.
        _api.Fail("POST /api/assets", 500, skip: 2);
        await SeedExits(1);
        Assert.Equal(2, _api.Assets.Count);
        Assert.Contains("failed: POST /api/assets → 500", _errors.ToString());
        var before = _api.Assets.Concat(_api.Governance).Select(r => r.ToJsonString()).ToList();

        await SeedExits(0);
        AssertSeededOnce();
        Assert.All(before, r => Assert.Contains(r, _api.Assets.Concat(_api.Governance).Select(x => x.ToJsonString()))); // untouched
    }

    [Fact]
    public async Task Seeding_again_with_force_changes_nothing()
    {
        await SeedExits(0);
        var ids = Ids();

        await SeedExits(0, "--force");
        AssertSeededOnce();
        Assert.Equal(ids, Ids());
        Assert.All(_api.Assets.Concat(_api.Governance), r => Assert.Equal(1, (int)r["version"]!));
    }

    [Fact]
    public async Task A_seeded_record_changed_since_is_revised_back_and_only_it()
    {
        await SeedExits(0);
        var seeded = _api.Snapshot();
        var server = _api.Assets.Single(a => (string?)a["code"] == "DISKOMINFO-SRV-001");
        server["name"] = "Server (dipindah)";
        var programme = _api.Governance.Single(g => (int)g["indicator"]! == 24);
        ((JsonArray)programme["activities"]!).RemoveAt(0);
        _api.Organisation!["perangkatDaerah"]!.AsArray().RemoveAt(0);
        // Stage moves are transitions, not revisions: a different stage is no reason to revise.
        _api.Assets.Single(a => (string?)a["code"] == "DISKOMINFO-JAR-002")["stage"] = "pengadaan";
        var writes = _api.Writes.Count;

        await SeedExits(0);
        Assert.Equal(["PUT /api/maturity/organisation", $"PUT /api/assets/governance/{programme["id"]}", $"PUT /api/assets/{server["id"]}"],
            _api.Writes.Skip(writes));
        AssertSeededOnce();
        Assert.Equal("Server rak ruang data Diskominfo", (string?)server["name"]);
        Assert.Equal(2, (int)server["version"]!);
        Assert.Equal(3, programme["activities"]!.AsArray().Count);
        Assert.Contains("3 revised", _output.ToString());
        Assert.NotEqual(seeded, _api.Snapshot()); // versions moved on; the content is the seed's again
    }

    [Fact]
    public async Task A_concurrency_clash_or_an_api_not_ready_is_retried_with_back_off()
    {
        // The first ./spbe up: the organisation's PUT clashed with the Indicators consumer recalculating the same levels.
        _api.Fail("PUT /api/maturity/organisation", 409, times: 2, rule: "optimistic-concurrency");
        _api.Fail("POST /api/assets", 503, skip: 1);
        _api.Fail("PUT /api/maturity/self-assessment/1", 429, retryAfter: "7");

        await SeedExits(0);
        AssertSeededOnce();
        Assert.Equal([0.5, 1, 7, 0.5], _waits.Select(w => w.TotalSeconds));
        Assert.Contains("Daftar perangkat daerah Kota Pangkalpinang: PUT /api/maturity/organisation → 409 Conflict (optimistic-concurrency)", _output.ToString());
        Assert.Empty(_errors.ToString());
    }

    [Fact]
    public async Task A_clash_that_outlasts_the_retries_is_reported_clearly_and_a_refusal_is_not_retried()
    {
        _api.Fail("PUT /api/maturity/organisation", 409, times: 5);
        await SeedExits(1);
        Assert.Equal(4, _waits.Count);
        var error = _errors.ToString();
        Assert.Contains("step 1 'Daftar perangkat daerah Kota Pangkalpinang' failed after 5 attempts: PUT /api/maturity/organisation → 409 Conflict: injected by the test", error);
        Assert.Contains("run ./spbe seed again", error);

        // A 409 that names a broken rule is the same the next time: no retry, and the rule is named.
        _waits.Clear();
        _api.Fail("PUT /api/maturity/self-assessment/3", 409, rule: "computed-indicator");
        await SeedExits(1);
        Assert.Empty(_waits);
        Assert.Contains("step 6 'Penilaian mandiri indikator 3 (level 2)' failed: PUT /api/maturity/self-assessment/3 → 409 Conflict (computed-indicator)", _errors.ToString());
    }
}

/// <summary>The step planner and the seed file's rules, without any API.</summary>
public sealed class SeedPlannerTests
{
    private static JsonNode? Json(string json) => JsonNode.Parse(json);

    [Fact]
    public void A_record_holds_the_seeded_content_whatever_else_it_has()
    {
        Assert.True(SeedPlanner.Holds(Json("""{"id":"x","index":2.1,"source":"K","recordedAt":"2026-01-01"}"""), Json("""{"index":2.10,"source":"K"}""")));
        Assert.True(SeedPlanner.Holds(Json("""{"application":{"type":"a","url":null,"developer":"d"}}"""), Json("""{"application":{"type":"a","url":null}}""")));
        Assert.True(SeedPlanner.Holds(Json("""{"list":[{"code":"a","name":"A","extra":1}]}"""), Json("""{"list":[{"code":"a","name":"A"}]}""")));
        Assert.False(SeedPlanner.Holds(Json("""{"list":["b","a"]}"""), Json("""{"list":["a","b"]}""")));
        Assert.False(SeedPlanner.Holds(Json("""{"list":["a"]}"""), Json("""{"list":["a","b"]}""")));
        Assert.False(SeedPlanner.Holds(Json("""{"name":"a"}"""), Json("""{"name":"a","code":"c"}""")));
        Assert.False(SeedPlanner.Holds(Json("""{"level":"2"}"""), Json("""{"level":2}""")));
    }

    [Fact]
    public void A_step_creates_what_is_missing_revises_what_differs_and_leaves_the_rest()
    {
        var body = Json("""{"code":"c","name":"n","stage":"pemanfaatan"}""");
        Assert.Equal(SeedAction.Create, SeedPlanner.Plan(body, null, [], canRevise: true));
        Assert.Equal(SeedAction.Unchanged, SeedPlanner.Plan(body, Json("""{"id":"1","code":"c","name":"n","stage":"penghapusan"}"""), ["stage"], true));
        Assert.Equal(SeedAction.Revise, SeedPlanner.Plan(body, Json("""{"id":"1","code":"c","name":"m","stage":"pemanfaatan"}"""), [], true));
        Assert.Equal(SeedAction.Keep, SeedPlanner.Plan(body, Json("""{"id":"1","code":"c","name":"m","stage":"pemanfaatan"}"""), [], false));
    }

    [Fact]
    public void A_lookup_answer_is_a_record_a_list_or_a_page_and_the_key_picks_the_record()
    {
        var page = Json("""{"items":[{"opd":"a","code":"1"},{"opd":"b","code":"1"}],"page":1,"pageSize":50,"total":2}""");
        var key = new Dictionary<string, JsonNode?> { ["opd"] = "b", ["code"] = "1" };
        Assert.Equal("b", (string?)Assert.Single(SeedPlanner.Matching(SeedPlanner.Candidates(page), key))["opd"]);
        Assert.Equal(2021, (int)Assert.Single(SeedPlanner.Matching(SeedPlanner.Candidates(Json("""[{"id":2021},{"id":2022}]""")),
            new Dictionary<string, JsonNode?> { ["id"] = 2021 }))["id"]!);
        Assert.Single(SeedPlanner.Candidates(Json("""{"name":"Pemerintah Kota"}""")));
        Assert.Empty(SeedPlanner.Candidates(null));
    }

    [Fact]
    public void A_seed_file_with_a_post_that_cannot_be_found_again_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => SeedFile.Parse("""
            instansi: x
            steps:
              - title: "Aset tanpa kunci"
                path: /api/assets
                body: { opd: a, name: b }
            """));
        Assert.Contains("step 1 'Aset tanpa kunci': a POST creates a record, so it needs 'lookup' with a 'key'", error.Message);

        error = Assert.Throws<FormatException>(() => SeedFile.Parse("""
            instansi: x
            steps:
              - title: "Kunci yang tidak ada di body"
                path: /api/assets
                lookup: { find: /api/assets, key: [opd, code] }
                body: { opd: a, name: b }
            """));
        Assert.Contains("key field 'code' is not in the body", error.Message);
    }

    [Fact]
    public void The_demo_seed_file_says_how_every_step_finds_its_record()
    {
        var file = SeedFile.Load(SeedTests.SeedFilePath);
        Assert.All(file.Steps, s => Assert.True(s.Lookup is not null, $"{s} has no lookup: a rerun would send it again"));
        Assert.Equal("/api/maturity/organisation", file.Steps[0].Path); // before anything makes Indicators recalculate
    }

    [Fact]
    public void A_placeholder_tagged_int_is_sent_as_a_number()
    {
        var file = SeedFile.Parse("""
            instansi: x
            steps:
              - title: "Tahun"
                method: PUT
                path: /a
                body: { year: !!int "{{year}}", name: "{{year}}" }
            """);
        var json = SeedFile.ToJson(file.Steps[0].Body, v => SeedFile.Substitute(v, new DateOnly(2026, 5, 1), new Dictionary<string, string>()));
        Assert.Equal("""{"year":2026,"name":"2026"}""", json!.ToJsonString());
    }
}
