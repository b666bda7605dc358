using AngleSharp.Dom;
using SpbeOps.Dashboard.Api;
using SpbeOps.Dashboard.Heatmap;
using SpbeOps.Dashboard.Indicators;
using SpbeOps.Dashboard.Overview;
using SpbeOps.Dashboard.SelfAssessment;
using SpbeOps.Dashboard.Trend;

namespace SpbeOps.Dashboard.Tests;

public sealed class RingkasanTests : DashboardTestContext
{
    [Fact]
    public void The_index_is_invariant_in_data_value_and_written_with_a_decimal_comma_in_Indonesian()
    {
        var page = RenderView<Ringkasan>();
        var index = page.Find("[data-testid=index-value]");
        Assert.Equal("2.25", index.GetAttribute("data-value"));
        Assert.Equal("2,25", index.TextContent.Trim());
        Assert.Equal("Cukup", page.Find("[data-testid=predicate]").TextContent);
        Assert.Contains("Domain Manajemen SPBE", page.Markup);
    }

    [Fact]
    public void In_English_the_index_has_a_decimal_point_and_the_predicate_its_English_name()
    {
        Language.Use("en");
        var page = RenderView<Ringkasan>();
        Assert.Equal("2.25", page.Find("[data-testid=index-value]").TextContent.Trim());
        Assert.Equal("Fair", page.Find("[data-testid=predicate]").TextContent);
        Assert.Contains("SPBE management domain", page.Markup);
    }

    [Fact]
    public void Each_management_indicator_has_a_row_with_its_level_linking_to_its_page_and_what_blocks_it()
    {
        Api.Levels[24] = 3;
        var page = RenderView<Ringkasan>();
        var rows = page.FindAll("[data-testid^=indicator-row-]");
        Assert.Equal(FakeIndicatorsApi.Management, rows.Select(r => int.Parse(r.GetAttribute("data-testid")!["indicator-row-".Length..])));
        var row = page.Find("[data-testid=indicator-row-24]");
        Assert.Equal("3", row.GetAttribute("data-level"));
        Assert.Equal("/indikator/24", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Kriteria 24.4.a", row.TextContent);
        Assert.Contains("Terdefinisi", row.TextContent);
    }

    [Fact]
    public async Task A_level_change_arriving_live_moves_its_row_and_the_index_is_asked_again()
    {
        var page = RenderView<Ringkasan>();
        var before = Api.IndexCalls;
        Api.Index = FakeIndicatorsApi.IndexOf(2.31m, "Cukup", "Fair");
        Api.Levels[24] = 3;

        await page.InvokeAsync(() => Live.ApplyAsync(new LevelChange("kota-pangkalpinang", 24, null, 2, 3, "computed", DateTimeOffset.UtcNow)));

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=indicator-row-24]").GetAttribute("data-level")));
        Assert.Equal("2.31", page.Find("[data-testid=index-value]").GetAttribute("data-value"));
        Assert.True(Api.IndexCalls > before, "the index is the engine's answer, asked again, not recomputed by the page");
        var change = Assert.Single(page.FindAll("[data-testid=live-change]"));
        Assert.Contains("Indikator 24", change.TextContent);
    }

    [Fact]
    public async Task A_change_of_one_opd_leaves_the_instansi_row_alone()
    {
        var page = RenderView<Ringkasan>();
        await page.InvokeAsync(() => Live.ApplyAsync(new LevelChange("kota-pangkalpinang", 24, "dinkes", 2, 4, "computed", DateTimeOffset.UtcNow)));
        Assert.Equal("2", page.Find("[data-testid=indicator-row-24]").GetAttribute("data-level"));
    }
}

public sealed class PetaOpdTests : DashboardTestContext
{
    private static HeatmapRow Row(string opd, bool visible, params int[] levels) =>
        new(opd, opd.ToUpperInvariant(), visible, [.. FakeIndicatorsApi.Management.Select((n, k) => new HeatmapCell(n, visible ? levels[k % levels.Length] : null, visible ? 1 : null))]);

    public PetaOpdTests() => Api.Heatmap = new HeatmapView(
        [.. FakeIndicatorsApi.Management.Select(n => new IndicatorSummary(n, $"Indikator {n}", 5, 1, "computed"))],
        [Row("dinkes", true, 1, 2, 3), Row("dishub", true, 4, 5), Row("bappeda", true, 2)],
        [.. FakeIndicatorsApi.Management.Select(n => new LevelCount(n, [1, 1, 1, 0, 0]))]);

    [Fact]
    public void Every_cell_carries_its_level_and_opens_that_opds_explanation()
    {
        var page = RenderView<PetaOpd>();
        Assert.NotNull(page.Find("[data-testid=heatmap]"));
        Assert.Equal(3, page.FindAll("[data-testid^=heatmap-row-]").Count);
        var cell = page.Find("[data-testid=heatmap-cell-dinkes-22]");
        Assert.Equal("2", cell.GetAttribute("data-level"));
        Assert.Contains("level-2", cell.ClassList);
        Assert.Equal("/indikator/22?opd=dinkes", cell.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("5", page.Find("[data-testid=heatmap-cell-dishub-22]").GetAttribute("data-level"));
    }

    [Fact]
    public void An_opd_operator_sees_other_opds_without_levels_or_links()
    {
        Api.Heatmap = Api.Heatmap with { Rows = [Row("dinkes", true, 3), Row("dishub", false)] };
        var page = RenderView<PetaOpd>();
        Assert.Equal("3", page.Find("[data-testid=heatmap-cell-dinkes-24]").GetAttribute("data-level"));
        var hidden = page.FindAll("[data-testid^=heatmap-cell-dishub-]");
        Assert.Equal(11, hidden.Count);
        Assert.All(hidden, c =>
        {
            Assert.Equal("", c.GetAttribute("data-level"));
            Assert.Null(c.QuerySelector("a"));
        });
    }

    [Fact]
    public void Sorting_by_an_indicator_puts_the_opd_that_hold_it_back_first()
    {
        var page = RenderView<PetaOpd>();
        Assert.Equal(["bappeda", "dinkes", "dishub"], RowOrder(page));
        page.FindAll("[data-testid=heatmap] thead button")[1].Click();   // indicator 21, highest first
        Assert.Equal(["dishub", "bappeda", "dinkes"], RowOrder(page));
        page.FindAll("[data-testid=heatmap] thead button")[1].Click();   // lowest first
        Assert.Equal(["dinkes", "bappeda", "dishub"], RowOrder(page));
    }

    private static List<string> RowOrder(IRenderedComponent<PetaOpd> page) =>
        [.. page.FindAll("[data-testid^=heatmap-row-]").Select(r => r.GetAttribute("data-testid")!["heatmap-row-".Length..])];

    [Fact]
    public void Without_an_organisation_list_the_map_says_so()
    {
        Api.Heatmap = Api.Heatmap with { Rows = [] };
        var page = RenderView<PetaOpd>();
        Assert.Empty(page.FindAll("[data-testid=heatmap]"));
        Assert.Contains("Daftar perangkat daerah belum ditetapkan", page.Markup);
    }
}

public sealed class IndicatorPageTests : DashboardTestContext
{
    [Fact]
    public void The_page_shows_the_level_what_is_missing_the_history_and_the_index_each_higher_level_would_give()
    {
        Api.Levels[24] = 2;
        Api.History.Add(new LevelHistoryEntry(1, 2, "computed", "Program kegiatan berjalan", "indicators", DateTimeOffset.Parse("2026-11-01T08:00:00Z")));
        var page = RenderView<IndicatorPage>(p => p.Add(x => x.Number, 24));

        Assert.Equal("2", page.Find("[data-testid=indicator-level]").GetAttribute("data-level"));
        var missing = page.Find("[data-testid=missing-criteria]");
        Assert.Contains("Kriteria 24.3.a", missing.TextContent);
        Assert.Equal("/api/assets/" + Guid.Empty, missing.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Program kegiatan berjalan", page.Find("[data-testid=level-history]").TextContent);
        var whatIf = page.Find("[data-testid=what-if]").QuerySelectorAll("tr[data-level]");
        Assert.Equal(["3", "4", "5"], whatIf.Select(r => r.GetAttribute("data-level")));
        Assert.Equal("2.27", whatIf[0].GetAttribute("data-index"));
        Assert.Equal(5, page.FindAll("[data-testid=level-texts] section").Count);
    }

    [Fact]
    public async Task A_live_change_of_this_indicator_reloads_it()
    {
        var page = RenderView<IndicatorPage>(p => p.Add(x => x.Number, 24));
        Api.Levels[24] = 4;
        await page.InvokeAsync(() => Live.ApplyAsync(new LevelChange("kota-pangkalpinang", 24, null, 2, 4, "computed", DateTimeOffset.UtcNow)));
        page.WaitForAssertion(() => Assert.Equal("4", page.Find("[data-testid=indicator-level]").GetAttribute("data-level")));
    }
}

public sealed class PenilaianMandiriTests : DashboardTestContext
{
    [Fact]
    public void There_is_a_form_for_each_indicator_outside_21_to_31_and_the_report_link()
    {
        var page = RenderView<PenilaianMandiri>();
        var forms = page.FindAll("[data-testid^=self-assessment-]").Where(e => !e.GetAttribute("data-testid")!.Contains("save")).ToList();
        Assert.Equal(36, forms.Count);
        Assert.DoesNotContain(forms, f => f.GetAttribute("data-testid") == "self-assessment-24");
        Assert.Equal("/laporan/penilaian-mandiri.xlsx", page.Find("[data-testid=report-download]").GetAttribute("href"));
    }

    [Fact]
    public void A_form_starts_from_the_last_assessment()
    {
        Api.Levels[44] = 3;
        Api.SelfAssessed[44] = new SelfAssessmentView(3, "JDIH terhubung ke JDIHN", "diskominfo-admin", DateTimeOffset.Parse("2026-11-02T09:00:00Z"));
        var page = RenderView<PenilaianMandiri>();
        var form = page.Find("[data-testid=self-assessment-44]");
        Assert.Equal("3", form.GetAttribute("data-level"));
        Assert.Equal("JDIH terhubung ke JDIHN", form.QuerySelector("textarea")!.GetAttribute("value"));
        Assert.Contains("2026-11-02", form.TextContent);
    }

    [Fact]
    public void Diskominfo_saves_an_explanation_through_the_api()
    {
        var page = RenderView<PenilaianMandiri>();
        page.Find("[data-testid=self-assessment-43] textarea").Change("Portal data terbuka terintegrasi");
        var save = page.Find("[data-testid=self-assessment-save-43]");
        Assert.False(save.HasAttribute("disabled"), page.Find("[data-testid=self-assessment-43]").OuterHtml);
        save.Click();
        page.WaitForAssertion(() => Assert.Equal((43, 1, "Portal data terbuka terintegrasi"), Assert.Single(Api.SelfAssessments)));
        Assert.Contains("Tersimpan", page.Find("[data-testid=self-assessment-43]").TextContent);
    }

    [Fact]
    public void An_auditor_reads_but_cannot_save()
    {
        Auth.SetRoles("auditor");
        var page = RenderView<PenilaianMandiri>();
        Assert.Empty(page.FindAll("[data-testid^=self-assessment-save-]"));
        Assert.Contains("Hanya Diskominfo", page.Markup);
        Assert.NotNull(page.Find("[data-testid=report-download]"));
    }

    [Fact]
    public void An_opd_operator_gets_no_report_link_the_api_would_refuse()
    {
        Auth.SetRoles("opd-operator");
        var page = RenderView<PenilaianMandiri>();
        Assert.Empty(page.FindAll("[data-testid=report-download]"));
    }
}

public sealed class TrenTests : DashboardTestContext
{
    [Fact]
    public void The_index_is_asked_for_the_end_of_each_of_the_last_twelve_months_and_today()
    {
        var days = Tren.Days(new DateOnly(2026, 12, 6));
        Assert.Equal(13, days.Count);
        Assert.Equal(new DateOnly(2025, 12, 31), days[0]);
        Assert.Equal(new DateOnly(2026, 11, 30), days[^2]);
        Assert.Equal(new DateOnly(2026, 12, 6), days[^1]);

        var page = RenderView<Tren>();
        Assert.Equal(13, page.FindAll("[data-testid=trend-index] td[data-as-of]").Count);
        Assert.Equal(2, page.FindAll("[data-testid=official-baseline] tbody tr").Count);
    }
}
