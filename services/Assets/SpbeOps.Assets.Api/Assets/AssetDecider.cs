namespace SpbeOps.Assets.Api.Assets;

/// <summary>The register's rules, free of I/O: what a valid asset is and which lifecycle moves are allowed.</summary>
public static class AssetDecider
{
    public const decimal MaxAcquisitionCost = 1_000_000_000_000m;

    public static FieldErrors Validate(AssetRequest r, bool registering, DateOnly today)
    {
        var errors = new FieldErrors()
            .Opd("opd", r.Opd)
            .OneOf("kind", r.Kind, AssetVocabulary.Kinds)
            .Required("name", r.Name, 200)
            .MaxLength("description", r.Description, 4000)
            .MaxLength("code", r.Code, 100)
            .MaxLength("manufacturer", r.Manufacturer, 200)
            .MaxLength("model", r.Model, 200)
            .MaxLength("serialNumber", r.SerialNumber, 100)
            .MaxLength("location", r.Location, 200)
            .MaxLength("vendor", r.Vendor, 200)
            .MaxLength("provider", r.Provider, 200)
            .PlannedDate("licenceExpiresOn", r.LicenceExpiresOn, today)
            .PastDate("acquiredOn", r.AcquiredOn, today);
        if (r.LicenceSeats is < 0) errors.Add("licenceSeats", "tidak boleh negatif / must not be negative");
        // Rp 1 trillion: beyond any single ICT asset of a pemerintah daerah, and far inside what every consumer stores.
        if (r.AcquisitionCost is < 0 or > MaxAcquisitionCost)
            errors.Add("acquisitionCost", $"harus 0–{MaxAcquisitionCost:N0} / must be 0–{MaxAcquisitionCost:N0}");

        if (r.Kind == AssetVocabulary.Application)
        {
            if (r.Application is null)
            {
                errors.Add("application", "aplikasi wajib mengisi jenis, platform, hosting dan status / an application needs type, platform, hosting and status");
            }
            else
            {
                errors.OneOf("application.type", r.Application.Type, AssetVocabulary.ApplicationTypes)
                    .OneOf("application.platform", r.Application.Platform, AssetVocabulary.Platforms)
                    .OneOf("application.hosting", r.Application.Hosting, AssetVocabulary.Hostings)
                    .OneOf("application.status", r.Application.Status, AssetVocabulary.ApplicationStatuses)
                    .Url("application.url", r.Application.Url)
                    .MaxLength("application.legalBasis", r.Application.LegalBasis, 500)
                    .MaxLength("application.developer", r.Application.Developer, 200);
            }
        }
        else if (r.Application is not null && r.Kind is not null && AssetVocabulary.Kinds.Contains(r.Kind))
        {
            errors.Add("application", $"hanya untuk kind=application / only for kind=application, not '{r.Kind}'");
        }

        if (registering)
        {
            errors.OneOf("stage", r.Stage, AssetVocabulary.InitialStages, required: false)
                .PastDate("stageSince", r.StageSince, today);
        }
        return errors;
    }

    public static Decision<Asset> Register(Guid id, AssetRequest r, string actor, DateTimeOffset now)
    {
        var errors = Validate(r, registering: true, DateOnly.FromDateTime(now.UtcDateTime));
        if (errors.Any) return errors;

        var asset = Apply(new Asset { Id = id }, r);
        var since = r.StageSince ?? DateOnly.FromDateTime(now.UtcDateTime);
        asset.Stage = r.Stage ?? AssetVocabulary.Perencanaan;
        asset.StageSince = since;
        asset.Lifecycle = [new StageChange(null, asset.Stage, since, actor, "didaftarkan / registered")];
        return Decision.Accept(asset, new AssetRegistered(asset.Stage));
    }

    public static Decision<Asset> Update(Asset current, AssetRequest r, DateTimeOffset now)
    {
        var errors = Validate(r, registering: false, DateOnly.FromDateTime(now.UtcDateTime));
        if (r.Kind is not null && r.Kind != current.Kind)
            errors.Add("kind", $"jenis aset tidak dapat diubah (tetap '{current.Kind}') / an asset's kind cannot change (it is '{current.Kind}')");
        if (errors.Any) return errors;
        if (current.Stage == AssetVocabulary.Penghapusan)
            return new Rejection.Conflict("Aset yang sudah dihapus tidak dapat diubah / A disposed asset cannot be changed.", "disposed-is-final");
        return Decision.Accept(Apply(current.Copy(), r), new AssetDetailsUpdated());
    }

    /// <summary>The one stage each stage may move to; penghapusan is final.</summary>
    public static string? NextStage(string stage) => Array.IndexOf(AssetVocabulary.Stages, stage) switch
    {
        var i when i >= 0 && i < AssetVocabulary.Stages.Length - 1 => AssetVocabulary.Stages[i + 1],
        _ => null,
    };

    public static Decision<Asset> Transition(Asset current, TransitionRequest r, string actor, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var errors = new FieldErrors().OneOf("to", r.To, AssetVocabulary.Stages).MaxLength("note", r.Note, 1000);
        if (r.On is null) errors.Add("on", "tanggal perpindahan tahap wajib diisi / the date of the transition is required");
        else if (r.On > today || r.On < FieldErrors.EarliestDate) errors.PastDate("on", r.On, today);
        else if (r.On < current.StageSince)
            errors.Add("on", $"tidak boleh sebelum tahap saat ini dimulai ({current.StageSince:yyyy-MM-dd}) / must not be before the current stage began ({current.StageSince:yyyy-MM-dd})");
        if (errors.Any) return errors;

        var next = NextStage(current.Stage);
        if (next is null || next != r.To)
        {
            return new Rejection.Conflict(next is null
                ? $"Aset sudah dihapus (tahap '{current.Stage}' adalah akhir) / The asset is in '{current.Stage}', the final stage."
                : $"Dari '{current.Stage}' hanya boleh ke '{next}', bukan '{r.To}' / From '{current.Stage}' the only next stage is '{next}', not '{r.To}'.",
                "lifecycle-order", "to");
        }

        var asset = current.Copy();
        asset.Stage = next;
        asset.StageSince = r.On!.Value;
        asset.Lifecycle.Add(new StageChange(current.Stage, next, r.On.Value, actor, r.Note));
        return Decision.Accept(asset, new AssetTransitioned(current.Stage, next, r.On.Value, r.Note));
    }

    private static Asset Apply(Asset a, AssetRequest r)
    {
        a.Opd = r.Opd!;
        a.Kind = r.Kind!;
        a.Name = r.Name!.Trim();
        a.Description = r.Description;
        a.Code = r.Code;
        a.Manufacturer = r.Manufacturer;
        a.Model = r.Model;
        a.SerialNumber = r.SerialNumber;
        a.Location = r.Location;
        a.Vendor = r.Vendor;
        a.LicenceSeats = r.LicenceSeats;
        a.LicenceExpiresOn = r.LicenceExpiresOn;
        a.Provider = r.Provider;
        a.Application = r.Application is { } app
            ? new ApplicationDetails(app.Type!, app.Platform!, app.Hosting!, app.Url, app.Status!, app.LegalBasis, app.Developer)
            : null;
        a.AcquisitionCost = r.AcquisitionCost;
        a.AcquiredOn = r.AcquiredOn;
        return a;
    }
}
