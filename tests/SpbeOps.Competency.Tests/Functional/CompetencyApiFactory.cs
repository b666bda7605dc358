namespace SpbeOps.Competency.Tests.Functional;

public sealed class CompetencyApiFactory(InfrastructureFixture infrastructure) : ServiceFactory<Program>(infrastructure);

/// <summary>One Competency host per test class (its own schema and queues); each test works in a fresh instansi.</summary>
public sealed class CompetencyHost : SharedHost<CompetencyApiFactory>;

public abstract class CompetencyApiTest(InfrastructureFixture infrastructure, CompetencyHost host)
    : ServiceTest<CompetencyApiFactory>(host, () => new CompetencyApiFactory(infrastructure)), IClassFixture<CompetencyHost>
{
    protected const string Staff = "/api/competency/staff";
    protected const string Plans = "/api/competency/plans";
    protected const string Requirements = "/api/competency/requirements";
    protected const string Certifications = "/api/competency/certifications";
    protected const string Trainings = "/api/competency/trainings";
    protected const string Assessments = "/api/competency/assessments";
    protected const string Coverage = "/api/competency/coverage";

    protected static readonly string[] Areas = ["proses-bisnis", "arsitektur-spbe", "data-informasi", "keamanan-spbe", "aplikasi-spbe", "infrastruktur-spbe"];

    protected HttpClient SecurityOfficer() => Factory.CreateClientFor("security-officer", Instansi);
    protected HttpClient Walidata() => Factory.CreateClientFor("walidata", Instansi);

    protected static string Day(int offset = 0) => DateTime.UtcNow.AddDays(offset).ToString("yyyy-MM-dd");

    private static int _nip;

    /// <summary>A NIP nobody else in the test run uses (18 digits).</summary>
    protected static string NewNip() => $"19850101{Interlocked.Increment(ref _nip) + Random.Shared.Next(0, 1_000_000) * 1000:D10}"[..18];

    protected static object StaffBody(string opd, string? nip = null, string name = "Budi Santoso", string jabatan = "Pranata Komputer Ahli Muda") =>
        new { opd, nip = nip ?? NewNip(), name, jabatan, unit = "Bidang Aplikasi Informatika", activeFrom = Day(-400) };

    protected static object PlanBody(string opd, int? year = null, int headcount = 1, int proficiency = 2, string[]? areas = null) => new
    {
        opd, year = year ?? DateTime.UtcNow.Year,
        needs = (areas ?? Areas).Select(area => new { area, headcount, proficiency }).ToArray(),
    };

    protected static object CertificationBody(Guid staffId, string area = "keamanan-spbe", int proficiency = 3, int validForDays = 365) => new
    {
        staffId, issuer = "BSSN", number = $"CERT-{Guid.NewGuid():N}"[..20], area, proficiency, validFrom = Day(-30), validUntil = Day(validForDays),
    };

    protected async Task<Guid> StaffAsync(string opd, HttpClient? client = null) => Id(await Created(client ?? Operator(opd), Staff, StaffBody(opd)));
}
