namespace SpbeOps.LocalTool;

/// <summary>Reads <c>--name value</c> pairs; the tool has few options, so no parser library is needed.</summary>
internal sealed class Arguments(string[] args)
{
    public string? this[string name]
    {
        get
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }
    }

    /// <summary>A flag without a value (<c>--quick</c>).</summary>
    public bool Has(string name) => Array.IndexOf(args, "--" + name) >= 0;

    public static string SigningKey() =>
        Environment.GetEnvironmentVariable("Auth__SigningKey") is { Length: >= 32 } key
            ? key
            : throw new InvalidOperationException("Auth__SigningKey is not set (./spbe sets it from the state directory).");
}
