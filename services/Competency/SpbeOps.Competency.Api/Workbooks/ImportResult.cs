namespace SpbeOps.Competency.Api.Workbooks;

/// <summary>What an import did: how many rows it created (all rows or none).</summary>
public sealed record ImportResult(int Created, IReadOnlyList<Guid> Ids)
{
    /// <summary>The most rows one BKPSDMD sheet may hold.</summary>
    public const int MaxRows = 5_000;
}
