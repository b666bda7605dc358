extern alias localtool;
using localtool::SpbeOps.LocalTool;

namespace SpbeOps.EndToEnd.Tests;

/// <summary>
/// The demo seed of <c>./spbe up</c> (deploy/seed/kota-pangkalpinang.yaml), sent through a gateway into an instansi of
/// the test's own, exactly as <c>./spbe seed</c> sends it.
/// </summary>
public static class DemoSeed
{
    public static string FilePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SpbeOps.sln"))) return Path.Combine(dir.FullName, "deploy", "seed", "kota-pangkalpinang.yaml");
        throw new InvalidOperationException("SpbeOps.sln not found above the test binaries.");
    }

    /// <summary>A copy of the seed file that names <paramref name="instansi"/> instead of the demo's.</summary>
    public static async Task<string> CopyForAsync(string instansi)
    {
        var copy = Path.Combine(Path.GetTempPath(), $"{instansi}.yaml");
        var text = await File.ReadAllTextAsync(FilePath());
        await File.WriteAllTextAsync(copy, text.Replace("instansi: kota-pangkalpinang", $"instansi: {instansi}"));
        return copy;
    }

    /// <summary>Runs the seed command on <paramref name="file"/>; fails the test when it does not exit 0.</summary>
    public static async Task<string> RunAsync(string gateway, string file)
    {
        Environment.SetEnvironmentVariable("Auth__SigningKey", TestAuth.SigningKey);
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await SeedCommand.RunAsync(["--gateway", gateway, "--file", file], output, errors);
        Assert.True(code == 0, $"the seed exited {code}:\n{output}\n{errors}");
        return output.ToString();
    }

    public static int StepCount(string file) => SeedFile.Load(file).Steps.Count;
}
