using System.Text.RegularExpressions;

namespace SpbeOps.Risk.Api.Contexts;

/// <summary>The rules of a risk context (Formulir 2.x), free of I/O: what a valid context is and when it is complete.</summary>
public static partial class ContextDecider
{
    public const int FirstYear = 2018; // Perpres 95/2018

    public const string CodeRule = "kode: huruf kecil, angka dan '-', 2–64 karakter / code: lower-case letters, digits and '-', 2–64 characters";

    /// <summary>
    /// Validates the request and builds the context it describes: a new one (<paramref name="current"/> null; absent
    /// sections take the regulation's defaults) or a revision (absent sections keep their current value; frozen while
    /// under review).
    /// </summary>
    public static Decision<RiskContext> Decide(Guid id, RiskContextRequest r, RiskContext? current, DateTimeOffset now)
    {
        var errors = new FieldErrors();
        var thisYear = now.UtcDateTime.Year;
        if (current is null)
        {
            errors.Opd("opd", r.Opd).Range("periodYear", r.PeriodYear, FirstYear, thisYear + 5);
        }
        else
        {
            if (r.Opd is not null && r.Opd != current.Opd)
                errors.Add("opd", $"UPR sebuah konteks tidak dapat diubah (tetap '{current.Opd}') / a context's OPD cannot change (it is '{current.Opd}')");
            if (r.PeriodYear is not null && r.PeriodYear != current.PeriodYear)
                errors.Add("periodYear", $"periode sebuah konteks tidak dapat diubah (tetap {current.PeriodYear}) / a context's period cannot change (it is {current.PeriodYear})");
        }

        errors.MaxLength("uprName", r.UprName, 300).MaxLength("tasks", r.Tasks, 4000);
        var ctx = current?.Copy() ?? new RiskContext
        {
            Id = id,
            Opd = r.Opd ?? "",
            PeriodYear = r.PeriodYear ?? 0,
            Categories = RiskContextDefaults.Categories(),
            ImpactAreas = RiskContextDefaults.ImpactAreas(),
            LikelihoodCriteria = RiskContextDefaults.Likelihood(),
            ImpactCriteria = RiskContextDefaults.Impact(),
            Matrix = RiskMatrix.Official().Select(row => row.ToList()).ToList(),
            Levels = RiskMatrix.OfficialBands(),
            Appetite = RiskContextDefaults.ExampleAppetite(),
        };

        if (r.UprName is not null || current is null) ctx.UprName = Trimmed(r.UprName);
        if (r.Tasks is not null || current is null) ctx.Tasks = Trimmed(r.Tasks);
        // No section may be longer than a form could reasonably be (FieldErrors.MaxItems); its items are not read then.
        if (Fits(errors, "functions", r.Functions)) ctx.Functions = Texts(errors, "functions", r.Functions!, 1000);
        if (Fits(errors, "objectives", r.Objectives)) ctx.Objectives = Objectives(errors, r.Objectives!);
        if (r.Structure is not null) ctx.Structure = Structure(errors, r.Structure);
        if (Fits(errors, "stakeholders", r.Stakeholders)) ctx.Stakeholders = Stakeholders(errors, r.Stakeholders!);
        if (Fits(errors, "regulations", r.Regulations)) ctx.Regulations = Regulations(errors, r.Regulations!);
        if (Fits(errors, "categories", r.Categories)) ctx.Categories = CodedNames(errors, "categories", r.Categories!);
        if (Fits(errors, "impactAreas", r.ImpactAreas)) ctx.ImpactAreas = CodedNames(errors, "impactAreas", r.ImpactAreas!);
        if (r.LikelihoodCriteria is not null) ctx.LikelihoodCriteria = Likelihood(errors, r.LikelihoodCriteria);
        if (r.ImpactCriteria is not null) ctx.ImpactCriteria = Impact(errors, r.ImpactCriteria, ctx.ImpactAreas);
        if (Fits(errors, "matrix", r.Matrix))
        {
            if (r.Matrix!.Any(row => row?.Count > FieldErrors.MaxItems)) errors.Add("matrix", "matriks terlalu besar / the matrix is too large");
            else ctx.Matrix = r.Matrix!.Select(row => (row ?? []).ToList()).ToList();
        }
        if (Fits(errors, "levels", r.Levels)) ctx.Levels = Bands(errors, r.Levels!);
        if (r.Appetite is not null) errors.Count("appetite", r.Appetite);
        if (errors.Any) return errors;

        // Cross-section rules, on the sections as they will be stored.
        if (RiskMatrix.Check(ctx.Matrix, ctx.LikelihoodCriteria.Count, ctx.ImpactCriteria.Count) is { } matrixError)
            errors.Add("matrix", matrixError);
        if (RiskMatrix.CheckBands(ctx.Levels, ctx.MaxBesaran) is { } bandError) errors.Add("levels", bandError);
        for (var k = 0; k < ctx.ImpactCriteria.Count; k++)
            foreach (var d in ctx.ImpactCriteria[k].Descriptions.Where(d => ctx.ImpactAreas.All(a => a.Code != d.Area)))
                errors.Add($"impactCriteria[{k}].descriptions", $"area dampak '{d.Area}' tidak ada pada konteks / impact area '{d.Area}' is not in the context");
        ctx.Appetite = AppetiteOf(errors, r, ctx, creating: current is null);
        if (errors.Any) return errors;
        if (current is not null && !ApprovalFlow.IsEditable(current.ApprovalStatus)) return ApprovalFlow.LockedInReview(current.ApprovalStatus);

        ctx.Missing = Missing(ctx);
        ctx.Complete = ctx.Missing.Count == 0;
        ctx.ApprovalStatus = current is null ? ApprovalFlow.Draft : ApprovalFlow.AfterEdit(current.ApprovalStatus);
        return current is null ? Decision.Accept(ctx, new RiskContextDefined()) : Decision.Accept(ctx, new RiskContextRevised());
    }

    /// <summary>
    /// The sections the regulation requires that are still empty, by code: informasi-umum (2.1), sasaran (2.2),
    /// struktur (2.3), kategori (2.6), area-dampak (2.7), kriteria-kemungkinan/kriteria-dampak (2.8), matriks and
    /// level-risiko (2.9), selera-risiko (2.10: both types for every category).
    /// </summary>
    public static List<string> Missing(RiskContext c)
    {
        var missing = new List<string>();
        if (string.IsNullOrWhiteSpace(c.UprName) || string.IsNullOrWhiteSpace(c.Tasks) || c.Functions.Count == 0) missing.Add("informasi-umum");
        if (c.Objectives.Count == 0) missing.Add("sasaran");
        if (c.Structure.Pemilik is null || c.Structure.Koordinator is null || c.Structure.Pengelola.Count == 0) missing.Add("struktur");
        if (c.Categories.Count == 0) missing.Add("kategori");
        if (c.ImpactAreas.Count == 0) missing.Add("area-dampak");
        if (c.LikelihoodCriteria.Count == 0) missing.Add("kriteria-kemungkinan");
        if (c.ImpactCriteria.Count == 0) missing.Add("kriteria-dampak");
        if (c.Matrix.Count == 0) missing.Add("matriks");
        if (c.Levels.Count == 0) missing.Add("level-risiko");
        if (c.Categories.Any(cat => c.Appetite.All(a => a.Category != cat.Code))) missing.Add("selera-risiko");
        return missing;
    }

    private static List<Appetite> AppetiteOf(FieldErrors errors, RiskContextRequest r, RiskContext ctx, bool creating)
    {
        var max = ctx.MaxBesaran;
        var known = ctx.Categories.Select(c => c.Code).ToHashSet();
        // Appetite of a category that is no longer in the context goes with it.
        var result = ctx.Appetite.Where(a => known.Contains(a.Category)).ToList();
        if (r.Appetite is not null)
        {
            result = [];
            for (var i = 0; i < r.Appetite.Count; i++)
            {
                var a = r.Appetite[i];
                var field = $"appetite[{i}]";
                if (a is null) { errors.Add(field, "wajib diisi / is required"); continue; }
                if (string.IsNullOrWhiteSpace(a.Category)) errors.Add($"{field}.category", "wajib diisi / is required");
                else if (!known.Contains(a.Category))
                    errors.Add($"{field}.category", $"kategori {FieldErrors.Echo(a.Category)} tidak ada pada konteks / category {FieldErrors.Echo(a.Category)} is not in the context");
                else if (result.Any(x => x.Category == a.Category))
                    errors.Add($"{field}.category", $"kategori '{a.Category}' disebut dua kali / category '{a.Category}' is listed twice");
                errors.Range($"{field}.positive", a.Positive, 1, max).Range($"{field}.negative", a.Negative, 1, max);
                if (a.Category is not null && a.Positive is not null && a.Negative is not null) result.Add(new Appetite(a.Category, a.Positive.Value, a.Negative.Value));
            }
        }
        else if (creating)
        {
            // The regulation's example appetite belongs to the 5×5 scale: on a smaller scale it does not apply.
            result = result.Where(a => a.Positive <= max && a.Negative <= max).ToList();
        }
        else
        {
            // The scale may have shrunk: an appetite beyond the new maximum no longer means anything.
            foreach (var a in result.Where(a => a.Positive > max || a.Negative > max))
                errors.Add("appetite", $"selera risiko kategori '{a.Category}' melebihi besaran maksimum {max}; tetapkan ulang / the appetite of '{a.Category}' exceeds the maximum besaran {max}; set it again");
        }
        if (r.DefaultAppetite is { } d)
        {
            errors.Range("defaultAppetite.positive", d.Positive, 1, max).Range("defaultAppetite.negative", d.Negative, 1, max);
            if (d.Positive is not null && d.Negative is not null)
                foreach (var c in ctx.Categories.Where(c => result.All(a => a.Category != c.Code)))
                    result.Add(new Appetite(c.Code, d.Positive.Value, d.Negative.Value));
        }
        return ctx.Categories.Select(c => result.FirstOrDefault(a => a.Category == c.Code)).OfType<Appetite>().ToList();
    }

    /// <summary>A section that is present and not longer than <see cref="FieldErrors.MaxItems"/>.</summary>
    private static bool Fits<T>(FieldErrors errors, string field, IReadOnlyList<T>? items) => items is not null && !errors.Count(field, items);

    private static List<string> Texts(FieldErrors errors, string field, IReadOnlyList<string> items, int maxLength)
    {
        for (var i = 0; i < items.Count; i++) errors.Required($"{field}[{i}]", items[i], maxLength);
        return items.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t.Trim()).ToList();
    }

    private static List<Objective> Objectives(FieldErrors errors, IReadOnlyList<ObjectiveRequest> items)
    {
        var result = new List<Objective>();
        for (var i = 0; i < items.Count; i++)
        {
            var o = items[i];
            var f = $"objectives[{i}]";
            if (o is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            errors.MaxLength($"{f}.sasaranUpr", o.SasaranUpr, 1000).Required($"{f}.sasaranSpbe", o.SasaranSpbe, 1000)
                .Required($"{f}.indikator", o.Indikator, 1000).Required($"{f}.target", o.Target, 500);
            if (!string.IsNullOrWhiteSpace(o.SasaranSpbe) && !string.IsNullOrWhiteSpace(o.Indikator) && !string.IsNullOrWhiteSpace(o.Target))
                result.Add(new Objective(Trimmed(o.SasaranUpr), o.SasaranSpbe.Trim(), o.Indikator.Trim(), o.Target.Trim()));
        }
        return result;
    }

    private static RiskStructure Structure(FieldErrors errors, StructureRequest s)
    {
        var pengelola = new List<RoleHolder>();
        var items = s.Pengelola ?? [];
        if (errors.Count("structure.pengelola", items, 50)) items = [];
        for (var i = 0; i < items.Count; i++)
            if (Holder(errors, $"structure.pengelola[{i}]", items[i]) is { } h) pengelola.Add(h);
        return new RiskStructure(Holder(errors, "structure.pemilik", s.Pemilik), Holder(errors, "structure.koordinator", s.Koordinator), pengelola);
    }

    private static RoleHolder? Holder(FieldErrors errors, string f, RoleHolderRequest? h)
    {
        if (h is null) return null;
        errors.Required($"{f}.name", h.Name, 200).Required($"{f}.position", h.Position, 200).MaxLength($"{f}.userId", h.UserId, 200);
        return string.IsNullOrWhiteSpace(h.Name) || string.IsNullOrWhiteSpace(h.Position)
            ? null
            : new RoleHolder(h.Name.Trim(), h.Position.Trim(), Trimmed(h.UserId));
    }

    private static List<Stakeholder> Stakeholders(FieldErrors errors, IReadOnlyList<StakeholderRequest> items)
    {
        var result = new List<Stakeholder>();
        for (var i = 0; i < items.Count; i++)
        {
            var s = items[i];
            var f = $"stakeholders[{i}]";
            if (s is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            errors.Required($"{f}.name", s.Name, 300).Required($"{f}.relation", s.Relation, 1000).MaxLength($"{f}.description", s.Description, 2000);
            if (!string.IsNullOrWhiteSpace(s.Name) && !string.IsNullOrWhiteSpace(s.Relation)) result.Add(new Stakeholder(s.Name.Trim(), s.Relation.Trim(), Trimmed(s.Description)));
        }
        return result;
    }

    private static List<ApplicableRegulation> Regulations(FieldErrors errors, IReadOnlyList<RegulationRequest> items)
    {
        var result = new List<ApplicableRegulation>();
        for (var i = 0; i < items.Count; i++)
        {
            var g = items[i];
            var f = $"regulations[{i}]";
            if (g is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            errors.Required($"{f}.title", g.Title, 500).MaxLength($"{f}.mandate", g.Mandate, 2000);
            if (!string.IsNullOrWhiteSpace(g.Title)) result.Add(new ApplicableRegulation(g.Title.Trim(), Trimmed(g.Mandate)));
        }
        return result;
    }

    private static List<CodedName> CodedNames(FieldErrors errors, string field, IReadOnlyList<CodedNameRequest> items)
    {
        if (items.Count == 0) errors.Add(field, "minimal satu / at least one is required");
        var result = new List<CodedName>();
        for (var i = 0; i < items.Count; i++)
        {
            var c = items[i];
            var f = $"{field}[{i}]";
            if (c is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            if (c.Code is null || !Code().IsMatch(c.Code)) errors.Add($"{f}.code", CodeRule);
            else if (result.Any(x => x.Code == c.Code)) errors.Add($"{f}.code", $"kode '{c.Code}' dipakai dua kali / code '{c.Code}' is used twice");
            errors.Required($"{f}.name", c.Name, 200);
            if (c.Code is not null && !string.IsNullOrWhiteSpace(c.Name)) result.Add(new CodedName(c.Code, c.Name.Trim()));
        }
        return result;
    }

    private static List<LikelihoodCriterion> Likelihood(FieldErrors errors, IReadOnlyList<LikelihoodCriterionRequest> items)
    {
        ScaleSize(errors, "likelihoodCriteria", items.Count);
        var result = new List<LikelihoodCriterion>();
        if (items.Count > 5) return result;
        for (var i = 0; i < items.Count; i++)
        {
            var c = items[i];
            var f = $"likelihoodCriteria[{i}]";
            if (c is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            if (c.Level != i + 1) errors.Add($"{f}.level", $"level harus {i + 1} (berurutan dari 1) / level must be {i + 1} (numbered from 1 in order)");
            errors.Required($"{f}.name", c.Name, 200).MaxLength($"{f}.percentage", c.Percentage, 200).MaxLength($"{f}.frequency", c.Frequency, 200);
            result.Add(new LikelihoodCriterion(i + 1, c.Name?.Trim() ?? "", Trimmed(c.Percentage), Trimmed(c.Frequency)));
        }
        return result;
    }

    private static List<ImpactCriterion> Impact(FieldErrors errors, IReadOnlyList<ImpactCriterionRequest> items, IReadOnlyList<CodedName> areas)
    {
        ScaleSize(errors, "impactCriteria", items.Count);
        var result = new List<ImpactCriterion>();
        if (items.Count > 5) return result;
        for (var i = 0; i < items.Count; i++)
        {
            var c = items[i];
            var f = $"impactCriteria[{i}]";
            if (c is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            if (c.Level != i + 1) errors.Add($"{f}.level", $"level harus {i + 1} (berurutan dari 1) / level must be {i + 1} (numbered from 1 in order)");
            errors.Required($"{f}.name", c.Name, 200);
            var descriptions = new List<ImpactDescription>();
            var ds = c.Descriptions ?? [];
            if (errors.Count($"{f}.descriptions", ds)) ds = [];
            for (var k = 0; k < ds.Count; k++)
            {
                var d = ds[k];
                if (d is null) { errors.Add($"{f}.descriptions[{k}]", "wajib diisi / is required"); continue; }
                errors.Required($"{f}.descriptions[{k}].area", d.Area, 64)
                    .MaxLength($"{f}.descriptions[{k}].positive", d.Positive, 1000).MaxLength($"{f}.descriptions[{k}].negative", d.Negative, 1000);
                if (!string.IsNullOrWhiteSpace(d.Area)) descriptions.Add(new ImpactDescription(d.Area, Trimmed(d.Positive), Trimmed(d.Negative)));
            }
            result.Add(new ImpactCriterion(i + 1, c.Name?.Trim() ?? "", descriptions));
        }
        return result;
    }

    private static List<RiskLevelBand> Bands(FieldErrors errors, IReadOnlyList<LevelBandRequest> items)
    {
        var result = new List<RiskLevelBand>();
        for (var i = 0; i < items.Count; i++)
        {
            var b = items[i];
            var f = $"levels[{i}]";
            if (b is null) { errors.Add(f, "wajib diisi / is required"); continue; }
            errors.Range($"{f}.level", b.Level, 1, 5).Required($"{f}.name", b.Name, 100).Range($"{f}.min", b.Min, 1, 25).Range($"{f}.max", b.Max, 1, 25)
                .Required($"{f}.colour", b.Colour, 50);
            if (b.Hex is not null && !Hex().IsMatch(b.Hex)) errors.Add($"{f}.hex", "warna heksadesimal #RRGGBB / a #RRGGBB colour");
            result.Add(new RiskLevelBand(b.Level ?? 0, b.Name?.Trim() ?? "", b.Min ?? 0, b.Max ?? 0, b.Colour?.Trim() ?? "", b.Hex ?? "#9E9E9E"));
        }
        return result;
    }

    private static void ScaleSize(FieldErrors errors, string field, int count)
    {
        if (count is < 3 or > 5) errors.Add(field, "skala harus 3, 4 atau 5 level / the scale must have 3, 4 or 5 levels");
    }

    private static string? Trimmed(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,63}$")]
    private static partial Regex Code();

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$")]
    private static partial Regex Hex();
}
