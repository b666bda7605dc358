using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using SpbeOps.Benchmarks;

// In-process: no generated projects to restore, so it runs on machines with only the project's package feed.
// `dotnet run -c Release -- --filter '*FactKind*'` runs one class; with no arguments, both run.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(BenchmarkDotNet.Toolchains.InProcess.Emit.InProcessEmitToolchain.Instance));
BenchmarkRunner.Run([typeof(MaturityEngineBenchmarks), typeof(FactKindBenchmarks)], config, args);
