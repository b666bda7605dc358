using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using SpbeOps.Benchmarks;

// In-process: no generated projects to restore, so it runs on machines with only the project's package feed.
// `dotnet run -c Release -- --filter '*FactKind*'` runs one class; with no arguments, both run.
// A generous timeout: the 100k governance case takes minutes of set-up and iterations on a busy 2-core box.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(
    new BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain(TimeSpan.FromMinutes(30), logOutput: true)));
BenchmarkRunner.Run([typeof(MaturityEngineBenchmarks), typeof(FactKindBenchmarks)], config, args);
