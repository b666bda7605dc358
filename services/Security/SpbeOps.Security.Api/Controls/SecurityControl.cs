using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace SpbeOps.Security.Api.Controls;

/// <summary>
/// One control of the instansi's catalogue (Peraturan BSSN 4/2021 technical standards): adopted from the built-in
/// baseline or the instansi's own. Retirement is final; a retired control keeps its implementations' history.
/// </summary>
public sealed record SecurityControl : IRecord<SecurityControl>, IInstansiRecord
{
    public static RecordNoun Noun { get; } = new("kendali keamanan", "security control");

    public string Code { get; set; } = "";
    public string Area { get; set; } = "";
    public string? Property { get; set; }
    /// <summary>For an Aplikasi SPBE control: which of the 13 web-application functions (Pasal 26) it serves.</summary>
    public string? Function { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    /// <summary>baseline | instansi</summary>
    public string Source { get; set; } = ControlDecider.OwnSource;
    public bool Retired { get; set; }
    public string? RetiredReason { get; set; }

    public Guid Id { get; set; }
    public long Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed record ControlRequest(string? Code, string? Area, string? Title, string? Property = null, string? Function = null, string? Description = null);

public sealed record RetireControlRequest(string? Reason);

/// <summary>One control of the built-in baseline, and whether the instansi's catalogue has it (by code).</summary>
public sealed record BaselineControl(string Code, string Area, string? Property, string? Function, string Title, bool Adopted);

/// <summary>What adopting the baseline did: the codes added, and those the catalogue already had.</summary>
public sealed record BaselineAdoption(IReadOnlyList<string> Added, IReadOnlyList<string> Existing);

public sealed record ControlAdded(string Source) : RecordEvent<SecurityControl>
{
    public override HistoryLine Describe() => new($"ditambahkan / added ({Source})");
}

public sealed record ControlRevised : RecordEvent<SecurityControl>
{
    public override HistoryLine Describe() => new($"diperbarui / revised: {string.Join(", ", Changes.Keys)}");
}

public sealed record ControlRetired(string Reason) : RecordEvent<SecurityControl>
{
    public override HistoryLine Describe() => new("dipensiunkan / retired", Reason);
}

/// <summary>The built-in baseline, embedded in the assembly as YAML (Controls/baseline.yaml).</summary>
public static class ControlBaseline
{
    public sealed class Entry
    {
        public string Code { get; set; } = "";
        public string Area { get; set; } = "";
        public string? Property { get; set; }
        public string? Function { get; set; }
        public string Title { get; set; } = "";
    }

    private sealed class File
    {
        public List<Entry> Controls { get; set; } = [];
    }

    public static readonly IReadOnlyList<Entry> Controls = Load();

    private static List<Entry> Load()
    {
        using var stream = typeof(ControlBaseline).Assembly.GetManifestResourceStream("SpbeOps.Security.baseline.yaml")
            ?? throw new InvalidOperationException("The control baseline is not embedded.");
        using var reader = new StreamReader(stream);
        var file = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build().Deserialize<File>(reader);
        return file.Controls;
    }
}
