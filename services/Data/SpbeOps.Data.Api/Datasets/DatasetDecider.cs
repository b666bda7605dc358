using System.Text.RegularExpressions;

namespace SpbeOps.Data.Api.Datasets;

/// <summary>
/// The catalogue's rules, free of I/O: what a valid dataset is, and the flow between the produsen data and the
/// walidata (draft → diajukan → diverifikasi → dipublikasikan; dikembalikan with reasons; diarsipkan is final).
/// </summary>
public static partial class DatasetDecider
{
    public const string NotEditable = "not-editable";
    public const string FlowOrder = "flow-order";
    public const string ArchivedIsFinal = "archived-is-final";
    public const string Incomplete = "incomplete-for-submission";
    public const string PrinciplesUnmet = "sdi-principles-unmet";
    public const string NotReleasable = "not-verified";

    public const int MaxTags = 50;
    public const int MaxDistributions = 50;
    public const int MaxReferences = 100;

    public static FieldErrors Validate(DatasetRequest r, DateOnly today)
    {
        var errors = new FieldErrors()
            .Opd("opd", r.Opd)
            .Required("title", r.Title, 200)
            .MaxLength("description", r.Description, 8000)
            .OneOf("topic", r.Topic, DataVocabulary.Topics)
            .Texts("tags", r.Tags, 100, MaxTags)
            .PlannedDate("nextReleaseDue", r.NextReleaseDue, today);
        if (r.Name is not null && !CkanName().IsMatch(r.Name))
            errors.Add("name", "2–100 huruf kecil, angka, '-' atau '_' / 2–100 lower-case letters, digits, '-' or '_'");
        if (r.Tags is not null)
        {
            for (var i = 0; i < Math.Min(r.Tags.Count, MaxTags + 1); i++)
            {
                if (r.Tags[i] is { Length: > 0 and <= 100 } tag && !TagText().IsMatch(tag))
                    errors.Add($"tags[{i}]", "hanya huruf, angka, spasi, '-', '_' dan '.' / letters, digits, spaces, '-', '_' and '.' only");
            }
        }
        if (r.StandarData is { } s)
        {
            errors.MaxLength("standarData.konsep", s.Konsep, 2000).MaxLength("standarData.definisi", s.Definisi, 2000)
                .MaxLength("standarData.klasifikasi", s.Klasifikasi, 2000).MaxLength("standarData.ukuran", s.Ukuran, 500)
                .MaxLength("standarData.satuan", s.Satuan, 200);
        }
        if (r.Metadata is not { } m)
        {
            errors.Add("metadata", "wajib diisi, sekurang-kurangnya accessLevel / is required, at least accessLevel");
        }
        else
        {
            errors.OneOf("metadata.accessLevel", m.AccessLevel, DataVocabulary.AccessLevels)
                .OneOf("metadata.periodicity", m.Periodicity, [.. DataVocabulary.Periodicities.Keys], required: false)
                .OneOf("metadata.license", m.License, [.. DataVocabulary.Licenses.Keys], required: false)
                .MaxLength("metadata.coverage", m.Coverage, 200)
                .MaxLength("metadata.sourceActivity", m.SourceActivity, 500)
                .MaxLength("metadata.contactName", m.ContactName, 200)
                .MaxLength("metadata.contactEmail", m.ContactEmail, 200);
            if (!string.IsNullOrWhiteSpace(m.ContactEmail) && !Email().IsMatch(m.ContactEmail))
                errors.Add("metadata.contactEmail", "bukan alamat surel / not an e-mail address");
        }
        if (!errors.Count("references", r.References, MaxReferences) && r.References is not null && r.References.Any(id => id == Guid.Empty))
            errors.Add("references", "id kosong / an empty id");
        if (!errors.Count("distributions", r.Distributions, MaxDistributions) && r.Distributions is not null)
        {
            for (var i = 0; i < r.Distributions.Count; i++)
            {
                if (r.Distributions[i] is not { } d)
                {
                    errors.Add($"distributions[{i}]", "wajib diisi / is required");
                    continue;
                }
                errors.Required($"distributions[{i}].name", d.Name, 200)
                    .Required($"distributions[{i}].url", d.Url, 2000).Url($"distributions[{i}].url", d.Url)
                    .OneOf($"distributions[{i}].format", d.Format?.ToUpperInvariant(), DataVocabulary.Formats)
                    .MaxLength($"distributions[{i}].description", d.Description, 1000);
            }
        }
        return errors;
    }

    public static Decision<Dataset> Draft(Guid id, DatasetRequest r, string actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Validate(r, today) is { Any: true } errors) return errors;
        var d = Fill(new Dataset { Id = id, CreatedAt = now }, r, today);
        d.Status = DataVocabulary.Draft;
        d.Flow = [new StatusChange(null, DataVocabulary.Draft, today, actor, null)];
        return Accept(d, new DatasetDrafted(), today);
    }

    public static Decision<Dataset> Update(Dataset current, DatasetRequest r, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (Validate(r, today) is { Any: true } errors) return errors;
        if (Final(current) is { } final) return final;
        if (!DataVocabulary.Editable.Contains(current.Status))
        {
            return new Rejection.Conflict(
                $"Dataset berstatus '{current.Status}' tidak dapat diubah; hanya draf atau yang dikembalikan / A dataset in '{current.Status}' cannot be edited; only a draft or a returned one.",
                NotEditable, "status");
        }
        return Accept(Fill(current.Copy(), r, today), new DatasetMetadataUpdated(), today);
    }

    /// <summary>The produsen hands the dataset to the walidata: its Standar Data, metadata and a distribution must be complete.</summary>
    public static Decision<Dataset> Submit(Dataset current, NoteRequest r, string actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (new FieldErrors().MaxLength("note", r.Note, 1000) is { Any: true } errors) return errors;
        if (Final(current) is { } final) return final;
        if (!DataVocabulary.Editable.Contains(current.Status)) return OutOfOrder(current, "diajukan");
        if (!current.StandarData.Complete)
            return new Rejection.BreaksRule("Kelima elemen Standar Data (konsep, definisi, klasifikasi, ukuran, satuan) wajib diisi sebelum diajukan / All five Standar Data elements are required before submission.", Incomplete, "standarData");
        if (!current.Metadata.Complete)
            return new Rejection.BreaksRule("Metadata (periodisitas, cakupan, kegiatan sumber, kontak, lisensi) wajib lengkap sebelum diajukan / The metadata must be complete before submission.", Incomplete, "metadata");
        if (current.Distributions.Count == 0)
            return new Rejection.BreaksRule("Sekurang-kurangnya satu distribusi (berkas atau URL) / At least one distribution (file or URL) is required.", Incomplete, "distributions");
        var next = current.Copy();
        next.Submission = new FlowStep(r.Note, actor, today);
        return Move(next, DataVocabulary.Diajukan, actor, today, r.Note, new DatasetSubmitted(r.Note));
    }

    /// <summary>The walidata verifies: every SDI principle holds; otherwise the dataset must be returned with reasons.</summary>
    public static Decision<Dataset> Verify(Dataset current, VerificationRequest r, bool walidata, string actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors().MaxLength("note", r.Note, 1000)
            .When(r.StandarData is null, "standarData", "wajib diisi (true/false) / is required (true/false)")
            .When(r.Metadata is null, "metadata", "wajib diisi (true/false) / is required (true/false)")
            .When(r.Interoperabilitas is null, "interoperabilitas", "wajib diisi (true/false) / is required (true/false)")
            .When(r.KodeReferensi is null, "kodeReferensi", "wajib diisi (true/false) / is required (true/false)");
        if (errors.Any) return errors;
        if (!walidata) return WalidataOnly("memverifikasi / verify");
        if (Final(current) is { } final) return final;
        if (current.Status != DataVocabulary.Diajukan) return OutOfOrder(current, DataVocabulary.Diverifikasi);
        var check = new PrincipleCheck(r.StandarData!.Value, r.Metadata!.Value, r.Interoperabilitas!.Value, r.KodeReferensi!.Value, r.Note, actor, today);
        if (check.Unmet() is { Count: > 0 } unmet)
        {
            return new Rejection.BreaksRule(
                $"Prinsip SDI belum terpenuhi ({string.Join(", ", unmet)}): kembalikan dataset dengan alasannya / SDI principles unmet ({string.Join(", ", unmet)}): return the dataset with the reasons.",
                PrinciplesUnmet, unmet[0] == DataVocabulary.PrinsipKodeReferensi ? "kodeReferensi" : unmet[0] == DataVocabulary.PrinsipStandarData ? "standarData" : unmet[0]);
        }
        var next = current.Copy();
        next.Check = check;
        next.ReturnReasons = [];
        return Move(next, DataVocabulary.Diverifikasi, actor, today, r.Note, new DatasetVerified(r.Note));
    }

    /// <summary>The walidata returns a submitted (or verified, not yet published) dataset to its produsen with the reasons.</summary>
    public static Decision<Dataset> Return(Dataset current, ReturnRequest r, bool walidata, string actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors().Texts("reasons", r.Reasons, 1000, 20);
        if (r.Reasons is null || r.Reasons.Count == 0) errors.Add("reasons", "sekurang-kurangnya satu alasan / at least one reason");
        if (errors.Any) return errors;
        if (!walidata) return WalidataOnly("mengembalikan / return");
        if (Final(current) is { } final) return final;
        if (current.Status is not (DataVocabulary.Diajukan or DataVocabulary.Diverifikasi)) return OutOfOrder(current, DataVocabulary.Dikembalikan);
        var reasons = r.Reasons!.Select(x => x!.Trim()).ToList();
        var next = current.Copy();
        next.ReturnReasons = reasons;
        next.Check = null;
        return Move(next, DataVocabulary.Dikembalikan, actor, today, string.Join("; ", reasons), new DatasetReturned(reasons));
    }

    public static Decision<Dataset> Publish(Dataset current, NoteRequest r, bool walidata, string actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (new FieldErrors().MaxLength("note", r.Note, 1000) is { Any: true } errors) return errors;
        if (!walidata) return WalidataOnly("mempublikasikan / publish");
        if (Final(current) is { } final) return final;
        if (current.Status != DataVocabulary.Diverifikasi) return OutOfOrder(current, DataVocabulary.Dipublikasikan);
        var next = current.Copy();
        next.Public = next.Metadata.AccessLevel == DataVocabulary.Terbuka;
        next.PublishedAt = now;
        next.Publication = new FlowStep(r.Note, actor, today);
        return Move(next, DataVocabulary.Dipublikasikan, actor, today, r.Note, new DatasetPublished(r.Note));
    }

    /// <summary>A release of a verified or published dataset; the next due date moves on by the periodicity.</summary>
    public static Decision<Dataset> Release(Dataset current, ReleaseRequest r, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors().Required("period", r.Period, 50).MaxLength("note", r.Note, 1000)
            .When(r.ReleasedOn is null, "releasedOn", "wajib diisi / is required")
            .PastDate("releasedOn", r.ReleasedOn, today);
        if (errors.Any) return errors;
        if (Final(current) is { } final) return final;
        if (!current.Verified)
        {
            return new Rejection.Conflict(
                $"Hanya dataset yang sudah diverifikasi atau dipublikasikan yang dirilis (status '{current.Status}') / Only a verified or published dataset is released (it is '{current.Status}').",
                NotReleasable, "status");
        }
        var period = r.Period!.Trim();
        if (current.Releases.Any(x => x.Period == period))
            return new Rejection.Conflict($"Periode '{period}' sudah dirilis / Period '{period}' was already released.", "release-period-taken", "period");
        var release = new Release(period, r.ReleasedOn!.Value, current.NextReleaseDue, r.Note);
        var next = current.Copy();
        next.Releases.Add(release);
        var months = DataVocabulary.Periodicities.GetValueOrDefault(next.Metadata.Periodicity ?? "", 0);
        next.NextReleaseDue = months == 0 ? null : (current.NextReleaseDue ?? release.ReleasedOn).AddMonths(months);
        return Accept(next, new DatasetReleased(period, release.ReleasedOn, release.OnTime), today);
    }

    /// <summary>Archives a dataset for good; a verified or published one leaves the catalogue only by the walidata's hand.</summary>
    public static Decision<Dataset> Archive(Dataset current, ArchiveRequest r, bool walidata, string actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (new FieldErrors().Required("reason", r.Reason, 1000) is { Any: true } errors) return errors;
        if (Final(current) is { } final) return final;
        if (current.Verified && !walidata)
            return new Rejection.Forbidden("Dataset yang sudah diverifikasi hanya diarsipkan oleh walidata (atau Diskominfo) / Only the walidata (or Diskominfo) archives a verified dataset.");
        var next = current.Copy();
        next.Public = false;
        var reason = r.Reason!.Trim();
        return Move(next, DataVocabulary.Diarsipkan, actor, today, reason, new DatasetArchived(reason));
    }

    /// <summary>A CKAN-style name from a title: lower-case ASCII words joined by '-'.</summary>
    public static string Slug(string title)
    {
        var plain = new string([.. title.Trim().ToLowerInvariant().Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)]);
        var slug = NonSlug().Replace(plain, "-").Trim('-');
        if (slug.Length > 90) slug = slug[..90].TrimEnd('-');
        return slug.Length >= 2 ? slug : $"dataset-{slug}".TrimEnd('-');
    }

    private static Dataset Fill(Dataset d, DatasetRequest r, DateOnly today)
    {
        d.Opd = r.Opd!;
        d.Title = r.Title!.Trim();
        d.Name = r.Name ?? (string.IsNullOrEmpty(d.Name) ? Slug(d.Title) : d.Name);
        d.Description = r.Description;
        d.Topic = r.Topic!;
        d.Tags = [.. (r.Tags ?? []).Select(t => t!.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)];
        d.StandarData = r.StandarData is { } s ? new StandarData(s.Konsep, s.Definisi, s.Klasifikasi, s.Ukuran, s.Satuan) : new StandarData(null, null, null, null, null);
        var m = r.Metadata!;
        d.Metadata = new DatasetMetadata(m.Periodicity, m.Coverage, m.SourceActivity, m.ContactName, m.ContactEmail, m.License, m.AccessLevel!);
        d.References = [.. (r.References ?? []).Distinct()];
        // A distribution keeps its id while its URL stays (harvesters key resources by id).
        d.Distributions = [.. (r.Distributions ?? []).Select(x =>
        {
            var format = x!.Format!.ToUpperInvariant();
            var id = d.Distributions.FirstOrDefault(old => old.Url == x.Url)?.Id ?? DeterministicId(d.Id, x.Url!);
            return new Distribution(id, x.Name!.Trim(), x.Url!, format, DataVocabulary.MachineReadableFormats.Contains(format), x.Description);
        })];
        d.NextReleaseDue = r.NextReleaseDue ?? d.NextReleaseDue;
        return d;
    }

    /// <summary>A distribution's id from its dataset and URL (the same URL keeps the same id).</summary>
    public static Guid DeterministicId(Guid dataset, string url)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{dataset:N}|{url}"));
        return new Guid(hash.AsSpan(0, 16));
    }

    /// <summary>Moves <paramref name="next"/> (a copy) to status <paramref name="to"/>, recording the step.</summary>
    private static Decision<Dataset> Move(Dataset next, string to, string actor, DateOnly today, string? note, RecordEvent<Dataset> change)
    {
        var from = next.Status;
        next.Status = to;
        next.Flow = [.. next.Flow, new StatusChange(from, to, today, actor, note)];
        return Accept(next, change, today);
    }

    private static Decision<Dataset> Accept(Dataset next, RecordEvent<Dataset> change, DateOnly today)
    {
        next.Quality = DataQuality.Assess(next, today);
        return Decision.Accept(next, change);
    }

    private static Rejection? Final(Dataset current) => current.Status == DataVocabulary.Diarsipkan
        ? new Rejection.Conflict("Dataset sudah diarsipkan dan tidak dapat diubah / The dataset is archived and cannot change.", ArchivedIsFinal)
        : null;

    private static Rejection OutOfOrder(Dataset current, string to) => new Rejection.Conflict(
        $"Dari status '{current.Status}' tidak dapat ke '{to}' / A dataset in '{current.Status}' cannot move to '{to}'.", FlowOrder, "status");

    private static Rejection WalidataOnly(string step) => new Rejection.Forbidden(
        $"Hanya walidata (atau Diskominfo) yang boleh {step} dataset / Only the walidata (or Diskominfo) may {step.Split(" / ")[1]} a dataset.");

    [GeneratedRegex("^[a-z0-9_-]{2,100}$")]
    private static partial Regex CkanName();

    [GeneratedRegex(@"^[\p{L}\p{N} ._-]+$")]
    private static partial Regex TagText();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex Email();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonSlug();
}
