using SpbeOps.Contracts.Security;
using SpbeOps.Contracts.ServiceManagement;

namespace SpbeOps.Knowledge.Api.Lessons;

/// <summary>
/// Which records of other services leave lessons to capture, and the draft each one becomes (Peraturan BRIN 2/2024:
/// knowledge captured from operations, indicator 26): a security incident once recovered or closed, a change request
/// once its post-implementation review (PIR) is done. Free of I/O; the consumer stores the draft once per source
/// (<see cref="ArticleDecider.Capture"/>: the article id is derived from the instansi and the source).
/// </summary>
public static class LessonsLearned
{
    /// <summary>The author of the drafts: no person wrote them, and the four-eyes rule then lets any writer of the OPD review.</summary>
    public const string Actor = "sistem (pelajaran otomatis)";

    public const string Category = "pelajaran";
    public const string IncidentKind = "incident";
    public const string ChangeKind = "change";

    // The Security service's incident states after which the lessons are known (its README).
    private static readonly string[] IncidentOver = ["dipulihkan", "ditutup"];

    /// <summary>The draft of a recovered or closed incident; null for an incident still being handled.</summary>
    public static SourceDraftRequest? FromIncident(SecurityIncidentChangedIntegrationEvent m)
    {
        if (!IncidentOver.Contains(m.Status)) return null;
        var reported = m.ReportedAt.ToString("yyyy-MM-dd");
        // The contract leaves the incident's details (root cause, lessons, timeline) in the Security service on purpose:
        // the draft gives the structure and the link, and the person completing it reads the incident there.
        var body = $"""
            > Draf otomatis dari insiden keamanan yang {m.Status} (layanan Keamanan, insiden `{m.IncidentId}`). Lengkapi dari catatan
            > insiden, lalu ajukan untuk direviu. / Drafted automatically from a {m.Status} security incident: complete it from the
            > incident's record, then submit it for review.

            | kategori | tingkat | dilaporkan | dipulihkan |
            |---|---|---|---|
            | {m.Category} | {m.Severity} | {reported} | {m.RecoveredAt?.ToString("yyyy-MM-dd") ?? "-"} |

            ## Apa yang terjadi / What happened

            ## Akar masalah / Root cause

            ## Pelajaran / Lessons learned

            ## Tindakan pencegahan / Prevention
            """;
        return new SourceDraftRequest(m.Opd, "security", IncidentKind, m.IncidentId.ToString(),
            $"Insiden {m.Category} ({m.Severity}), dilaporkan {reported}",
            $"Pelajaran dari insiden {m.Category} {reported}", body, Category, [Category, "insiden-keamanan", m.Category]);
    }

    /// <summary>The draft of a change after its PIR (reviewed or closed since); null before the review.</summary>
    public static SourceDraftRequest? FromChange(ChangeRequestChangedIntegrationEvent m)
    {
        if (!m.Reviewed) return null;
        var lessons = string.IsNullOrWhiteSpace(m.ReviewLessons) ? "" : m.ReviewLessons.Trim();
        var body = $"""
            > Draf otomatis dari reviu pasca-implementasi (PIR) perubahan `{m.ChangeId}` (layanan Manajemen Layanan). Lengkapi,
            > lalu ajukan untuk direviu. / Drafted automatically from the post-implementation review of a change: complete it,
            > then submit it for review.

            | jenis | kategori | di luar jadwal |
            |---|---|---|
            | {m.Type} | {m.Category} | {(m.ImplementedOutsideWindow ? "ya" : "tidak")} |

            ## Pelajaran dari PIR / Lessons of the PIR

            {lessons}

            ## Yang perlu dilakukan lain kali / What to do next time
            """;
        return new SourceDraftRequest(m.Opd, "servicemanagement", ChangeKind, m.ChangeId.ToString(), Shorten(m.Title, 200),
            Shorten($"Pelajaran dari perubahan: {m.Title}", ArticleDecider.MaxTitle), body, Category, [Category, "manajemen-perubahan", m.Category]);
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
