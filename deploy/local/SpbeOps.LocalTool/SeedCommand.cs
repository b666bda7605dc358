namespace SpbeOps.LocalTool; internal static class SeedCommand { public static Task<int> RunAsync(string[] args) => Task.FromResult(1); }
