using System.Diagnostics;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace SpbeOps.Reliability.Tests.Fuzz;

/// <summary>
/// Issue 7, rows 8–10: every operation of each service's OpenAPI document, fed bad input (<see cref="OpenApiFuzzer"/>)
/// with a Diskominfo token and an OPD operator's, never answers 5xx, and every 4xx is <c>application/problem+json</c>
/// (a 400 names at least one field). Each service runs on real Kestrel, PostgreSQL and RabbitMQ, in a tenant of its
/// own seeded with a few records, so updates reach the deciders' rules and not only 404. Fixed seeds: a failure
/// reproduces, and its label says how the input was made.
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class OpenApiFuzzTests(InfrastructureFixture infrastructure, ITestOutputHelper output)
{
    private static readonly string Today = DateTime.UtcNow.ToString("yyyy-MM-dd");
    private static readonly int Year = DateTime.UtcNow.Year;

    [Fact]
    public async Task Assets_answers_bad_input_with_problems_never_5xx()
    {
        await using var host = FuzzHost.Assets(infrastructure);
        await Run("assets", host, seed: 8101, async (admin, fuzzer) =>
        {
            var asset = Json($$"""
                {"opd":"dinkes","kind":"application","name":"SIMPUS","description":"Sistem informasi puskesmas","code":"02.06.01",
                 "manufacturer":"Diskominfo","model":"v2","serialNumber":"SN-1","location":"Ruang server","vendor":"PT Contoh",
                 "licenceSeats":5,"licenceExpiresOn":"{{Year + 2}}-01-01","provider":"PDD",
                 "application":{"type":"aplikasi-khusus","platform":"web","hosting":"pusat-data-daerah","url":"https://simpus.example.go.id",
                                "status":"aktif","legalBasis":"Perwako 1/2024","developer":"Diskominfo"},
                 "acquisitionCost":150000000,"acquiredOn":"2024-01-15","stage":"pemanfaatan","stageSince":"2024-01-15"}
                """);
            var id = await Create(admin, "api/assets", asset);
            var moving = await Create(admin, "api/assets", Json("""{"opd":"dinkes","kind":"hardware","name":"Laptop"}"""));
            fuzzer.Templates["POST /api/assets"] = asset;
            fuzzer.Templates["PUT /api/assets/{id}"] = asset;
            fuzzer.Templates["POST /api/assets/{id}/transitions"] = Json($$"""{"to":"pengadaan","on":"{{Today}}","note":"BAST"}""");
            Bind(fuzzer, p => p.StartsWith("/api/assets/{id}", StringComparison.Ordinal), ("id", id));
            Bind(fuzzer, p => p == "/api/assets/{id}/transitions", ("id", moving));
            await Governance(admin, fuzzer, "/api/assets/governance", 24, "perencanaan");
        });
    }

    [Fact]
    public async Task Risk_answers_bad_input_with_problems_never_5xx()
    {
        await using var host = FuzzHost.Risk(infrastructure);
        await Run("risk", host, seed: 8103, async (admin, fuzzer) =>
        {
            var context = Json($$$"""
                {"opd":"dinkes","periodYear":{{{Year}}},"uprName":"UPR SPBE Dinkes","tasks":"Urusan kesehatan",
                 "functions":["Perumusan kebijakan teknis"],
                 "objectives":[{"sasaranUpr":"Layanan digital","sasaranSpbe":"Layanan andal","indikator":"Ketersediaan","target":"99%"}],
                 "structure":{"pemilik":{"name":"Kepala Dinas","position":"Kepala Dinas","userId":"kadis"},
                              "koordinator":{"name":"Sekretaris","position":"Sekretaris Dinas"},
                              "pengelola":[{"name":"Kabid","position":"Kepala Bidang"}]},
                 "stakeholders":[{"name":"BSSN","relation":"eksternal","description":"Pembina keamanan"}],
                 "regulations":[{"title":"PermenPANRB 5/2020","mandate":"Pedoman"}],
                 "categories":[{"code":"infrastruktur-spbe","name":"Infrastruktur SPBE"},{"code":"rencana-dan-anggaran","name":"Rencana dan Anggaran"}],
                 "impactAreas":[{"code":"layanan-organisasi","name":"Layanan Organisasi"}],
                 "likelihoodCriteria":[{"level":1,"name":"Hampir tidak terjadi","percentage":"<5%","frequency":"<2"},{"level":2,"name":"Jarang","percentage":"5-10%","frequency":"2-5"},{"level":3,"name":"Kadang","percentage":"10-20%","frequency":"6-9"}],
                 "impactCriteria":[{"level":1,"name":"Tidak signifikan","descriptions":[{"area":"layanan-organisasi","positive":"+","negative":"-"}]},{"level":2,"name":"Kecil","descriptions":[]},{"level":3,"name":"Sedang","descriptions":[]}],
                 "matrix":[[1,3,5],[2,6,8],[4,7,9]],
                 "levels":[{"level":1,"name":"Rendah","min":1,"max":3,"colour":"hijau","hex":"#00FF00"},{"level":2,"name":"Sedang","min":4,"max":6,"colour":"kuning","hex":"#FFFF00"},{"level":3,"name":"Tinggi","min":7,"max":9,"colour":"merah","hex":"#FF0000"}],
                 "appetite":[{"category":"rencana-dan-anggaran","positive":5,"negative":3}],
                 "defaultAppetite":{"positive":6,"negative":4}}
                """);
            var contextId = await Create(admin, "api/risks/contexts", context);
            var risk = Json($$"""
                {"opd":"dinkes","periodYear":{{Year}},"riskType":"negatif","event":"Server tidak dapat diakses","category":"infrastruktur-spbe",
                 "impactArea":"layanan-organisasi","likelihoodLevel":3,"impactLevel":3,"objective":"Layanan andal","cause":"Catu daya",
                 "impact":"Layanan terhenti","existingControls":"UPS","likelihoodExplanation":"10 kali","impactExplanation":"60%","assetIds":[]}
                """);
            var riskId = await Create(admin, "api/risks", risk);
            var spare = await Create(admin, "api/risks", risk);
            var treatment = Json($$"""
                {"option":"mitigasi","actionPlan":"Genset","output":"Genset terpasang","scheduleStart":"{{Today}}","scheduleEnd":"{{Year + 1}}-06-30",
                 "personInCharge":"Kabid","residualLikelihoodLevel":1,"residualImpactLevel":1,"status":"direncanakan"}
                """);
            var treated = await (await admin.PostAsJsonAsync($"api/risks/{riskId}/treatments", treatment).ShouldBe(HttpStatusCode.Created)).ReadJson();
            var treatmentId = treated.GetProperty("treatments")[0].GetProperty("id").GetString()!;
            var monitoring = Json($$"""
                {"opd":"dinkes","periodYear":{{Year}},"kind":"insidental","reportedOn":"{{Today}}","notes":"Catatan",
                 "entries":[{"riskId":"{{riskId}}","likelihoodLevel":2,"impactLevel":2,"projectedLikelihoodLevel":1,"projectedImpactLevel":1,
                             "treatmentDone":"Genset","plan":"Uji","personInCharge":"Kabid","schedule":"Juni","recommendation":"Lanjut"}]}
                """);
            var monitoringId = await Create(admin, "api/risks/monitoring", monitoring);

            fuzzer.Templates["POST /api/risks/contexts"] = context;
            fuzzer.Templates["PUT /api/risks/contexts/{id}"] = context;
            fuzzer.Templates["POST /api/risks"] = risk;
            fuzzer.Templates["PUT /api/risks/{id}"] = risk;
            fuzzer.Templates["POST /api/risks/{id}/treatments"] = treatment;
            fuzzer.Templates["PUT /api/risks/{id}/treatments/{treatmentId}"] = treatment;
            fuzzer.Templates["POST /api/risks/monitoring"] = monitoring;
            fuzzer.Templates["PUT /api/risks/monitoring/{id}"] = monitoring;
            foreach (var approval in new[] { "/api/risks/{id}/approval", "/api/risks/contexts/{id}/approval", "/api/risks/monitoring/{id}/approval" })
                fuzzer.Templates[$"POST {approval}"] = Json("""{"action":"ajukan","comment":"Siap diverifikasi"}""");
            fuzzer.Templates["POST /api/risks/{id}/withdrawal"] = Json("""{"reason":"Duplikat"}""");

            Bind(fuzzer, p => p.StartsWith("/api/risks/{id}", StringComparison.Ordinal), ("id", riskId), ("treatmentId", treatmentId));
            Bind(fuzzer, p => p == "/api/risks/{id}/withdrawal", ("id", spare));
            Bind(fuzzer, p => p.StartsWith("/api/risks/contexts/{id}", StringComparison.Ordinal), ("id", contextId));
            Bind(fuzzer, p => p.StartsWith("/api/risks/monitoring/{id}", StringComparison.Ordinal) || p.StartsWith("/api/risks/export/monitoring/", StringComparison.Ordinal), ("id", monitoringId));
            await Governance(admin, fuzzer, "/api/risks/governance", 21, "penetapan-konteks");
        });
    }

    [Fact]
    public async Task Data_answers_bad_input_with_problems_never_5xx()
    {
        await using var host = FuzzHost.Data(infrastructure);
        await Run("data", host, seed: 8105, async (admin, fuzzer) =>
        {
            var reference = Json("""{"kind":"kode-referensi","code":"19.71","name":"Kode wilayah","ownerOpd":"bappeda","source":"Kemendagri","url":"https://example.go.id/kode"}""");
            var referenceId = await Create(admin, "api/data/references", reference);
            var dataset = Json($$"""
                {"opd":"dinkes","title":"Jumlah Puskesmas","topic":"kesehatan","description":"Per kecamatan","tags":["kesehatan"],
                 "standarData":{"konsep":"Puskesmas","definisi":"Fasilitas kesehatan","klasifikasi":"Kecamatan","ukuran":"Jumlah","satuan":"Unit"},
                 "metadata":{"periodicity":"tahunan","coverage":"Kota","sourceActivity":"Profil","contactName":"Seksi Data","contactEmail":"data@example.go.id","license":"cc-by","accessLevel":"terbuka"},
                 "references":["{{referenceId}}"],
                 "distributions":[{"name":"Tabel","url":"https://example.go.id/puskesmas.csv","format":"CSV"}],
                 "nextReleaseDue":"{{Year + 1}}-03-31"}
                """);
            var draftId = await Create(admin, "api/data/datasets", dataset);
            dataset["name"] = "jumlah-puskesmas-terbit";
            var publishedId = await Create(admin, "api/data/datasets", dataset);
            await admin.PostAsync($"api/data/datasets/{publishedId}/submission", null).ShouldBe(HttpStatusCode.OK);
            await admin.PostAsJsonAsync($"api/data/datasets/{publishedId}/verification",
                Json("""{"standarData":true,"metadata":true,"interoperabilitas":true,"kodeReferensi":true}""")).ShouldBe(HttpStatusCode.OK);
            var priority = Json($$"""{"year":{{Year}},"setOn":"{{Year}}-01-15","datasets":["{{publishedId}}"],"rencanaAksi":[{"action":"Lengkapi","opd":"dinkes","dueOn":"{{Year}}-06-30"}]}""");
            var priorityId = await Create(admin, "api/data/priorities", priority);
            dataset.AsObject().Remove("name");
            fuzzer.Templates["POST /api/data/datasets"] = dataset;
            fuzzer.Templates["PUT /api/data/datasets/{id}"] = dataset;
            fuzzer.Templates["POST /api/data/datasets/{id}/verification"] = Json("""{"standarData":true,"metadata":true,"interoperabilitas":true,"kodeReferensi":true,"note":"ok"}""");
            fuzzer.Templates["POST /api/data/datasets/{id}/return"] = Json("""{"reasons":["satuan"]}""");
            fuzzer.Templates["POST /api/data/datasets/{id}/releases"] = Json($$"""{"period":"2025","releasedOn":"{{Today}}"}""");
            fuzzer.Templates["POST /api/data/references"] = reference;
            fuzzer.Templates["PUT /api/data/references/{id}"] = reference;
            fuzzer.Templates["POST /api/data/priorities"] = priority;
            fuzzer.Templates["PUT /api/data/priorities/{id}"] = priority;
            Bind(fuzzer, p => p.StartsWith("/api/data/datasets/{id}", StringComparison.Ordinal), ("id", draftId));
            Bind(fuzzer, p => p is "/api/data/datasets/{id}/releases" or "/api/data/datasets/{id}/publication", ("id", publishedId));
            Bind(fuzzer, p => p.StartsWith("/api/data/references/{id}", StringComparison.Ordinal), ("id", referenceId));
            Bind(fuzzer, p => p.StartsWith("/api/data/priorities/{id}", StringComparison.Ordinal), ("id", priorityId));
            Bind(fuzzer, p => p.StartsWith("/api/data/ckan/{instansi}", StringComparison.Ordinal), ("instansi", "kota-pangkalpinang"), ("action", "package_search"));
            Bind(fuzzer, p => p == "/api/data/ckan/api/3/action/{action}", ("action", "package_show"));
            await Governance(admin, fuzzer, "/api/data/governance", 23, "arsitektur-data");
        });
    }

    [Fact]
    public async Task ServiceManagement_answers_bad_input_with_problems_never_5xx()
    {
        await using var host = FuzzHost.ServiceManagement(infrastructure);
        await Run("servicemanagement", host, seed: 8108, async (admin, fuzzer) =>
        {
            var service = Json("""{"opd":"dinkes","code":"simpus","name":"SIMPUS","hoursOfService":"08.00-16.00","targets":[{"priority":"tinggi","ttoMinutes":30,"ttrMinutes":240}]}""");
            var serviceId = await Create(admin, "api/services", service);
            var ticket = Json($$"""{"opd":"dinkes","kind":"gangguan","title":"SIMPUS galat","serviceId":"{{serviceId}}","impact":"tinggi","urgency":"sedang"}""");
            var ticketId = await Create(admin, "api/tickets", ticket);
            var change = Json($$"""{"opd":"dinkes","title":"Pembaruan","type":"normal","category":"aplikasi","services":["{{serviceId}}"],"implementationPlan":"Pasang","backoutPlan":"Pulihkan"}""");
            var changeId = await Create(admin, "api/changes", change);
            service.AsObject().Remove("code");
            fuzzer.Templates["POST /api/services"] = service;
            fuzzer.Templates["PUT /api/services/{id}"] = service;
            fuzzer.Templates["POST /api/services/{id}/operations"] = Json($$"""{"kind":"reviu-kapasitas","on":"{{Today}}","summary":"ok"}""");
            fuzzer.Templates["PUT /api/services/settings"] = Json("""{"calendar":{"utcOffsetHours":7,"opens":"08:00","closes":"16:00","workDays":[1,2,3,4,5],"holidays":["2026-12-25"]},"reopenWindowDays":7}""");
            fuzzer.Templates["POST /api/tickets"] = ticket;
            fuzzer.Templates["POST /api/tickets/{id}/assignment"] = Json("""{"opd":"diskominfo","team":"Tim"}""");
            fuzzer.Templates["POST /api/tickets/{id}/status"] = Json("""{"status":"dikerjakan","note":"x"}""");
            fuzzer.Templates["POST /api/tickets/{id}/comments"] = Json("""{"text":"x"}""");
            fuzzer.Templates["POST /api/tickets/{id}/reopen"] = Json("""{"reason":"x"}""");
            fuzzer.Templates["POST /api/changes"] = change;
            fuzzer.Templates["POST /api/changes/{id}/assessment"] = Json("""{"likelihood":2,"impact":3,"approvers":["diskominfo-admin"],"quorum":1}""");
            fuzzer.Templates["POST /api/changes/{id}/votes"] = Json("""{"approve":true,"reason":"ok"}""");
            fuzzer.Templates["POST /api/changes/{id}/review"] = Json("""{"success":true,"incidentsCaused":0,"lessons":"x"}""");
            Bind(fuzzer, p => p.StartsWith("/api/services/{id}", StringComparison.Ordinal), ("id", serviceId));
            Bind(fuzzer, p => p.StartsWith("/api/tickets/{id}", StringComparison.Ordinal), ("id", ticketId));
            Bind(fuzzer, p => p.StartsWith("/api/changes/{id}", StringComparison.Ordinal), ("id", changeId));
            await Governance(admin, fuzzer, "/api/services/governance", 28, "pelayanan-pengguna");
        });
    }

    [Fact]
    public async Task Competency_answers_bad_input_with_problems_never_5xx()
    {
        await using var host = FuzzHost.Competency(infrastructure);
        await Run("competency", host, seed: 8106, async (admin, fuzzer) =>
        {
            var staff = Json("""{"opd":"dinkes","nip":"198501012010011001","name":"Budi","jabatan":"Pranata Komputer","unit":"TI","activeFrom":"2020-01-02"}""");
            var staffId = await Create(admin, "api/competency/staff", staff);
            staff["nip"] = "198501012010011002";
            var plan = Json($$"""{"opd":"dinkes","year":{{Year}},"needs":[{"area":"keamanan-spbe","headcount":1,"proficiency":2}]}""");
            var planId = await Create(admin, "api/competency/plans", plan);
            plan["year"] = Year + 1;
            var requirement = Json("""{"jabatan":"Pranata Komputer","levels":{"aplikasi-spbe":2}}""");
            var requirementId = await Create(admin, "api/competency/requirements", requirement);
            requirement["jabatan"] = "Analis Sistem";
            var certification = Json($$"""{"staffId":"{{staffId}}","issuer":"BSSN","number":"K-1","area":"keamanan-spbe","proficiency":3,"validFrom":"{{Today}}","validUntil":"{{Year + 2}}-01-01"}""");
            var certificationId = await Create(admin, "api/competency/certifications", certification);
            var training = Json($$"""{"staffId":"{{staffId}}","title":"Bimtek","area":"arsitektur-spbe","hours":8,"provider":"PANRB","completedOn":"{{Today}}"}""");
            var trainingId = await Create(admin, "api/competency/trainings", training);
            var assessment = Json($$"""{"staffId":"{{staffId}}","assessedOn":"{{Today}}","assessor":"LSP","levels":{"data-informasi":2} }""");
            var assessmentId = await Create(admin, "api/competency/assessments", assessment);
            fuzzer.Templates["POST /api/competency/staff"] = staff;
            fuzzer.Templates["PUT /api/competency/staff/{id}"] = staff;
            fuzzer.Templates["POST /api/competency/plans"] = plan;
            fuzzer.Templates["PUT /api/competency/plans/{id}"] = plan;
            fuzzer.Templates["POST /api/competency/requirements"] = requirement;
            fuzzer.Templates["PUT /api/competency/requirements/{id}"] = requirement;
            fuzzer.Templates["POST /api/competency/certifications"] = certification;
            fuzzer.Templates["PUT /api/competency/certifications/{id}"] = certification;
            fuzzer.Templates["POST /api/competency/trainings"] = training;
            fuzzer.Templates["POST /api/competency/assessments"] = assessment;
            foreach (var route in new[] { "staff", "plans", "requirements", "certifications", "trainings", "assessments" })
                fuzzer.Templates[$"POST /api/competency/{route}/{{id}}/withdrawal"] = Json("""{"reason":"Duplikat"}""");
            Bind(fuzzer, p => p.StartsWith("/api/competency/staff/{id}", StringComparison.Ordinal), ("id", staffId));
            Bind(fuzzer, p => p.StartsWith("/api/competency/plans/{id}", StringComparison.Ordinal), ("id", planId));
            Bind(fuzzer, p => p.StartsWith("/api/competency/requirements/{id}", StringComparison.Ordinal), ("id", requirementId));
            Bind(fuzzer, p => p.StartsWith("/api/competency/certifications/{id}", StringComparison.Ordinal), ("id", certificationId));
            Bind(fuzzer, p => p.StartsWith("/api/competency/trainings/{id}", StringComparison.Ordinal), ("id", trainingId));
            Bind(fuzzer, p => p.StartsWith("/api/competency/assessments/{id}", StringComparison.Ordinal), ("id", assessmentId));
            await Governance(admin, fuzzer, "/api/competency/governance", 25, "keamanan-spbe");
        });
    }

    [Fact]
    public async Task Knowledge_answers_bad_input_with_problems_never_5xx()
    {
        await using var host = FuzzHost.Knowledge(infrastructure);
        await Run("knowledge", host, seed: 8107, async (admin, fuzzer) =>
        {
            var article = Json("""{"opd":"dinkes","title":"Reset kata sandi","body":"Langkah **reset**.","category":"panduan","tags":["akun"]}""");
            var draftId = await Create(admin, "api/knowledge/articles", article);
            var publishedId = await Create(admin, "api/knowledge/articles", article);
            await admin.PostAsync($"api/knowledge/articles/{publishedId}/submission", null).ShouldBe(HttpStatusCode.OK);
            var session = Json($$"""{"opd":"dinkes","title":"Coaching","kind":"coaching","heldOn":"{{Today}}","facilitator":"Tim TIK","participants":5,"articles":[]}""");
            var sessionId = await Create(admin, "api/knowledge/transfers", session);
            fuzzer.Templates["POST /api/knowledge/articles"] = article;
            fuzzer.Templates["PUT /api/knowledge/articles/{id}"] = article;
            fuzzer.Templates["POST /api/knowledge/articles/from-source"] =
                Json("""{"opd":"dinkes","sourceService":"security","sourceKind":"incident","sourceId":"INC-1","title":"Pelajaran","body":"Isi"}""");
            fuzzer.Templates["POST /api/knowledge/articles/{id}/publication"] = Json($$"""{"reviewBy":"{{Year + 1}}-06-30","note":"ok"}""");
            fuzzer.Templates["POST /api/knowledge/articles/{id}/review-confirmation"] = Json($$"""{"reviewBy":"{{Year + 1}}-06-30","note":"ok"}""");
            fuzzer.Templates["POST /api/knowledge/articles/{id}/return"] = Json("""{"reason":"lengkapi"}""");
            fuzzer.Templates["POST /api/knowledge/articles/{id}/archive"] = Json("""{"reason":"usang"}""");
            fuzzer.Templates["POST /api/knowledge/transfers"] = session;
            fuzzer.Templates["PUT /api/knowledge/transfers/{id}"] = session;
            fuzzer.Templates["POST /api/knowledge/transfers/{id}/cancellation"] = Json("""{"reason":"ditunda"}""");
            Bind(fuzzer, p => p.StartsWith("/api/knowledge/articles/{id}", StringComparison.Ordinal), ("id", draftId));
            Bind(fuzzer, p => p is "/api/knowledge/articles/{id}/publication" or "/api/knowledge/articles/{id}/return", ("id", publishedId));
            Bind(fuzzer, p => p.StartsWith("/api/knowledge/transfers/{id}", StringComparison.Ordinal), ("id", sessionId));
            await Governance(admin, fuzzer, "/api/knowledge/governance", 26, "pengumpulan");
        });
    }

    [Fact]
    public async Task Indicators_answers_bad_input_with_problems_never_5xx()
    {
        await using var host = FuzzHost.Indicators(infrastructure);
        await Run("indicators", host, seed: 8102, async (admin, fuzzer) =>
        {
            var organisation = Json("""
                {"name":"Pemerintah Kota Uji","ictUnitOpd":"diskominfo",
                 "perangkatDaerah":[{"code":"dinkes","name":"Dinas Kesehatan"},{"code":"diskominfo","name":"Dinas Kominfo"}]}
                """);
            await admin.PutAsJsonAsync("api/maturity/organisation", organisation).ShouldBe(HttpStatusCode.OK);
            fuzzer.Templates["PUT /api/maturity/organisation"] = organisation;
            fuzzer.Templates["PUT /api/maturity/self-assessment/{number}"] = Json("""{"level":3,"explanation":"Portal data terintegrasi"}""");
            fuzzer.Templates["PUT /api/maturity/evaluations/{year}"] = Json("""{"index":2.5,"managementDomain":2.1,"target":3.0,"source":"KepMenPANRB 2024"}""");
            Bind(fuzzer, p => p.StartsWith("/api/maturity/self-assessment/", StringComparison.Ordinal), ("number", "43"));
            Bind(fuzzer, p => p.StartsWith("/api/maturity/evaluations/", StringComparison.Ordinal), ("year", "2024"));
        });
    }

    private async Task Run(string service, FuzzHost host, int seed, Func<HttpClient, OpenApiFuzzer, Task> prepare)
    {
        var instansi = Tenants.New("fz");
        using var admin = host.Client("diskominfo-admin", instansi);
        using var operatorClient = host.Client("opd-operator", instansi, "dinkes");
        var document = JsonNode.Parse(await admin.GetStringAsync("openapi/v1.json"))!;
        // The fuzzer (and every client generator) reads types from the document: none may be left blank.
        Assert.Empty(Untyped(document));
        var fuzzer = new OpenApiFuzzer(document, new Random(seed));
        await prepare(admin, fuzzer);

        var watch = Stopwatch.StartNew();
        var statuses = new SortedDictionary<int, int>();
        var failures = new List<string>();
        var operations = 0;
        foreach (var (method, path, operation) in fuzzer.Operations())
        {
            operations++;
            foreach (var request in fuzzer.Requests(method, path, operation))
                foreach (var (who, client) in new[] { ("admin", admin), ("operator", operatorClient) })
                {
                    var (status, problem) = await Send(client, request);
                    statuses[status] = statuses.GetValueOrDefault(status) + 1;
                    if (problem is not null) failures.Add($"{status} {request.Method} /{Cut(request.Url, 120)} [{request.Label}] as {who}: {problem}");
                }
        }

        var total = statuses.Values.Sum();
        output.WriteLine($"{service}: {total} requests on {operations} operations in {watch.Elapsed.TotalSeconds:0.0} s " +
            $"({string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))})");
        Assert.True(failures.Count == 0, $"{service}: {failures.Count} of {total} requests broke the rule:\n{string.Join("\n", failures.Take(40))}");
    }

    /// <summary>The status, and what is wrong with the answer (null when it is fine).</summary>
    private static async Task<(int Status, string? Problem)> Send(HttpClient client, FuzzRequest request)
    {
        try
        {
            using var message = request.ToMessage();
            using var response = await client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type == "text/event-stream") return (status, null);
            var body = await response.Content.ReadAsStringAsync();
            if (status >= 500) return (status, Cut(body, 300));
            if (status < 400) return (status, null);
            // The Data service's CKAN Action API answers CKAN's own error envelope, as a harvester expects.
            if (request.Url.StartsWith("api/data/ckan/", StringComparison.Ordinal) && type == "application/json" && body.Contains("\"success\":false", StringComparison.Ordinal))
                return (status, null);
            if (type != "application/problem+json") return (status, $"{type ?? "no content type"}: '{Cut(body, 200)}'");
            if (status == 400 && !NamesAField(body)) return (status, $"400 naming no field: {Cut(body, 200)}");
            return (status, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (0, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Parameters, and properties or array items of request schemas, whose schema says nothing (<c>{}</c>).</summary>
    private static List<string> Untyped(JsonNode document)
    {
        static bool Blank(JsonNode? schema) => schema is JsonObject { Count: 0 };
        var untyped = new List<string>();
        foreach (var (name, schema) in (document["components"]?["schemas"]?.AsObject() ?? []).Where(s => s.Key.EndsWith("Request", StringComparison.Ordinal)))
            foreach (var (property, value) in schema?["properties"]?.AsObject() ?? [])
                if (Blank(value) || Blank(value?["items"])) untyped.Add($"{name}.{property}");
        foreach (var (path, operations) in document["paths"]!.AsObject())
            foreach (var (method, operation) in operations!.AsObject())
                foreach (var parameter in operation?["parameters"]?.AsArray() ?? [])
                    if (Blank(parameter?["schema"])) untyped.Add($"{method} {path} {parameter?["name"]}");
        return untyped;
    }

    private static bool NamesAField(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["errors"] is JsonObject { Count: > 0 } errors && errors.All(e => e.Key.Length > 0);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A review, a follow-up of it and a programme to withdraw, and templates for every governance write.</summary>
    private static async Task Governance(HttpClient admin, OpenApiFuzzer fuzzer, string prefix, int indicator, string cover)
    {
        var api = prefix.TrimStart('/');
        var review = Json($$"""
            {"indicator":{{indicator}},"title":"Reviu tahunan","description":"Reviu","allOpd":false,"scopeOpds":["dinkes"],
             "date":"{{Today}}","reviewer":"Inspektorat","findings":["Temuan 1"],"documentUrl":"https://example.go.id/reviu.pdf"}
            """);
        var reviewId = await Create(admin, $"{api}/reviews", review);
        var followUp = Json($$"""
            {"indicator":{{indicator}},"title":"Tindak lanjut","scopeOpds":["dinkes"],"reviewId":"{{reviewId}}","date":"{{Year + 1}}-03-31","status":"direncanakan"}
            """);
        var followUpId = await Create(admin, $"{api}/follow-ups", followUp);
        var programme = Json($$"""
            {"indicator":{{indicator}},"title":"Program kegiatan","scopeOpds":["dinkes"],"date":"{{Today}}","endDate":"{{Year + 1}}-12-31","activities":["Pelatihan"]}
            """);
        var programmeId = await Create(admin, $"{api}/programmes", programme);

        fuzzer.Templates[$"POST {prefix}/policies"] = Json($$"""
            {"indicator":{{indicator}},"title":"SOP","kind":"sop","number":"1/{{Year}}","issuer":"walikota","date":"{{Today}}",
             "validFrom":"{{Today}}","validUntil":"{{Year + 5}}-12-31","allOpd":false,"scopeOpds":["dinkes","diskominfo"],"covers":["{{cover}}"],
             "documentUrl":"https://example.go.id/sop.pdf"}
            """);
        fuzzer.Templates[$"POST {prefix}/programmes"] = programme;
        fuzzer.Templates[$"POST {prefix}/reviews"] = review;
        fuzzer.Templates[$"POST {prefix}/follow-ups"] = followUp;
        fuzzer.Templates[$"PUT {prefix}/{{id}}"] = review;
        fuzzer.Templates[$"POST {prefix}/follow-ups/{{id}}/completion"] = Json($$"""{"completedOn":"{{Today}}","outcome":"Selesai dilaksanakan"}""");
        fuzzer.Templates[$"POST {prefix}/{{id}}/withdrawal"] = Json("""{"reason":"Diganti"}""");
        Bind(fuzzer, p => p.StartsWith($"{prefix}/{{id}}", StringComparison.Ordinal), ("id", reviewId));
        Bind(fuzzer, p => p == $"{prefix}/follow-ups/{{id}}/completion", ("id", followUpId));
        Bind(fuzzer, p => p == $"{prefix}/{{id}}/withdrawal", ("id", programmeId));
    }

    private static void Bind(OpenApiFuzzer fuzzer, Func<string, bool> path, params (string Name, string Value)[] values)
    {
        foreach (var (method, p, _) in fuzzer.Operations().Where(o => path(o.Path)))
            fuzzer.PathValues[$"{method} {p}"] = values.ToDictionary(v => v.Name, v => v.Value);
    }

    private static async Task<string> Create(HttpClient client, string url, JsonNode body) =>
        (await (await client.PostAsJsonAsync(url, body).ShouldBe(HttpStatusCode.Created)).ReadJson()).GetProperty("id").GetString()!;

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;

    private static string Cut(string s, int max) => s.Length > max ? s[..max] + "…" : s;
}
