using Marten.Schema;
using Marten.Schema.Indexing.Unique;

namespace SpbeOps.Competency.Api.Extensions;

public static class Extensions
{
    /// <summary>The service's name in deploy/services.txt: default Marten schema and queue prefix.</summary>
    public const string ServiceName = "competency";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddSpbeMarten(ServiceName);
        // The staff list's order (opd, name) per tenant; a NIP, a jabatan's requirement and an OPD's plan of a year
        // are unique per instansi; evidence is listed per OPD and per staff member.
        builder.AddRecord<StaffMember>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_staff_nip", TenancyScope.PerTenant, s => s.Nip)
            .Index([s => s.Opd, s => s.Name], ListIndexes.PerTenant("ix_staff_opd_name")));
        builder.AddRecord<CompetencyRequirement>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_requirement_jabatan", TenancyScope.PerTenant, q => q.Jabatan));
        builder.AddRecord<HrPlan>(schema => schema
            .UniqueIndex(UniqueIndexType.Computed, "ux_hr_plan_opd_year", TenancyScope.PerTenant, p => p.Opd, p => p.Year));
        builder.AddRecord<Certification>(schema => schema
            .Index([c => c.Opd, c => c.ValidUntil!], ListIndexes.PerTenant("ix_certification_opd_until"))
            .Index(c => c.StaffId));
        builder.AddRecord<Training>(schema => schema
            .Index([t => t.Opd, t => t.CompletedOn], ListIndexes.PerTenant("ix_training_opd_on"))
            .Index(t => t.StaffId));
        builder.AddRecord<Assessment>(schema => schema
            .Index([a => a.Opd, a => a.AssessedOn], ListIndexes.PerTenant("ix_assessment_opd_on"))
            .Index(a => a.StaffId));
        builder.AddGovernance(CompetencyGovernance.Options);
        builder.AddSpbeMessaging(ServiceName);
        return builder;
    }
}
