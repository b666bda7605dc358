namespace SpbeOps.Security.Api.Controls;

/// <summary>The catalogue's rules, free of I/O (decision 13).</summary>
public static class ControlDecider
{
    public const string BaselineSource = "baseline";
    public const string OwnSource = "instansi";
    public const string RetiredRule = "retired-is-final";

    public static readonly string[] Areas = ["data-informasi", "aplikasi", "sistem-penghubung-layanan", "jaringan-intra", "pusat-data"];

    /// <summary>The 13 functions a web application must meet (Peraturan BSSN 4/2021 Pasal 26).</summary>
    public static readonly string[] Functions =
    [
        "autentikasi", "manajemen-sesi", "kontrol-akses", "validasi-input", "kriptografi", "penanganan-galat-dan-log", "proteksi-data",
        "keamanan-komunikasi", "pengendalian-kode-berbahaya", "logika-bisnis", "berkas", "api-dan-layanan-web", "konfigurasi",
    ];

    public static Decision<SecurityControl> Add(Guid id, ControlRequest r, string source = OwnSource) =>
        Validate(r) is { Any: true } errors ? errors : Decision.Accept(Fill(new SecurityControl { Id = id, Source = source }, r), new ControlAdded(source));

    public static Decision<SecurityControl> Adopt(Guid id, ControlBaseline.Entry e) =>
        Add(id, new ControlRequest(e.Code, e.Area, e.Title, e.Property, e.Function), BaselineSource);

    public static Decision<SecurityControl> Revise(SecurityControl current, ControlRequest r)
    {
        if (Validate(r) is { Any: true } errors) return errors;
        return current.Retired ? Retired() : Decision.Accept(Fill(current, r), new ControlRevised());
    }

    public static Decision<SecurityControl> Retire(SecurityControl current, RetireControlRequest r)
    {
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (current.Retired) return Retired();
        var reason = r.Reason!.Trim();
        return Decision.Accept(current with { Retired = true, RetiredReason = reason }, new ControlRetired(reason));
    }

    public static FieldErrors Validate(ControlRequest r)
    {
        var errors = new FieldErrors()
            .Required("code", r.Code, 32)
            .OneOf("area", r.Area, Areas)
            .Required("title", r.Title, 500)
            .OneOf("property", r.Property, SecurityVocabulary.Properties, required: false)
            .OneOf("function", r.Function, Functions, required: false)
            .MaxLength("description", r.Description, 4000);
        return errors.When(r.Function is not null && r.Area is not null && r.Area != "aplikasi", "function",
            "hanya untuk kendali area aplikasi / only for controls of the aplikasi area");
    }

    private static SecurityControl Fill(SecurityControl c, ControlRequest r) => c with
    {
        Code = r.Code!.Trim().ToUpperInvariant(), Area = r.Area!, Title = r.Title!.Trim(), Property = r.Property, Function = r.Function,
        Description = r.Description,
    };

    private static Rejection Retired() =>
        new Rejection.Conflict("Kendali sudah dipensiunkan / The control was retired and cannot change.", RetiredRule);
}
