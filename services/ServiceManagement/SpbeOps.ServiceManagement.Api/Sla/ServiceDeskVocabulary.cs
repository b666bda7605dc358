namespace SpbeOps.ServiceManagement.Api.Sla;

/// <summary>The words of the service desk and of change management (Bahasa Indonesia, as the TG names them).</summary>
public static class ServiceDeskVocabulary
{
    public const string Kritis = "kritis", Tinggi = "tinggi", Sedang = "sedang", Rendah = "rendah";
    public static readonly string[] Priorities = [Kritis, Tinggi, Sedang, Rendah];
    public static readonly string[] Levels = [Tinggi, Sedang, Rendah];

    // Ticket kinds of the TG.
    public const string Keluhan = "keluhan", Gangguan = "gangguan", Masalah = "masalah", Permintaan = "permintaan", Perubahan = "perubahan";
    public static readonly string[] TicketKinds = [Keluhan, Gangguan, Masalah, Permintaan, Perubahan];

    // Ticket statuses.
    public const string Baru = "baru", Ditugaskan = "ditugaskan", Dikerjakan = "dikerjakan", MenungguPengguna = "menunggu-pengguna",
        Selesai = "selesai", Ditutup = "ditutup";
    public static readonly string[] TicketStatuses = [Baru, Ditugaskan, Dikerjakan, MenungguPengguna, Selesai, Ditutup];

    // Operational records of a service (pengoperasian layanan).
    public const string Pemeliharaan = "pemeliharaan-terencana", InsidenKetersediaan = "insiden-ketersediaan", ReviuKapasitas = "reviu-kapasitas";
    public static readonly string[] OperationKinds = [Pemeliharaan, InsidenKetersediaan, ReviuKapasitas];

    public const string Aktif = "aktif", Dihentikan = "dihentikan";

    public static readonly PriorityRule[] DefaultMatrix =
    [
        new(Tinggi, Tinggi, Kritis), new(Tinggi, Sedang, Tinggi), new(Tinggi, Rendah, Sedang),
        new(Sedang, Tinggi, Tinggi), new(Sedang, Sedang, Sedang), new(Sedang, Rendah, Rendah),
        new(Rendah, Tinggi, Sedang), new(Rendah, Sedang, Rendah), new(Rendah, Rendah, Rendah),
    ];

    /// <summary>Default targets (business minutes) when a service names none for a priority.</summary>
    public static readonly SlaTarget[] DefaultTargets =
    [
        new(Kritis, 30, 240), new(Tinggi, 60, 480), new(Sedang, 240, 1440), new(Rendah, 480, 2400),
    ];
}
