// World benchmarks: the compute market on the M/M/c validation scenario (λ = 7.2/s, c = 8, mean
// service 1 s, fixed price, equal payments), customers per second through the real FLAME
// admission, escrow, settlement and invariant checks.
//
// Run from Benchmarks/: `swift package --disable-sandbox benchmark --target WorldBenchmarks`.
// One scaled iteration = 1 000 simulated customers ("throughput (K)" = thousands of customers/s).
import Benchmark
import GCTEconomics
import GCTEngine
import GCTWorld

func mmcScenario(seconds: Int64) -> ScenarioConfiguration {
    ScenarioConfiguration(
        name: "mmc-bench", seed: 1, replications: 1, duration: .seconds(seconds),
        economy: EconomyConfiguration(initialSupply: TokenAmount(gct: 1_000_000_000)),
        pricing: PricingConfiguration(mode: .fixed, fixedPrice: TokenAmount(gct: 1)),
        providers: ProviderConfiguration(servers: 8, serviceTime: ServiceTimeConfiguration(default: .exponential(mean: 1))),
        users: [UserClassConfiguration(
            name: "poisson", count: 1, arrival: ArrivalConfiguration(ratePerSecond: 7.2),
            operations: [OperationWeight(operation: .auraKernelExecution, weight: 1)],
            budget: TokenAmount(gct: 900_000_000), payment: TokenAmount(gct: 1))])
}

let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
        scalingFactor: .kilo,
        maxDuration: .seconds(5),
        maxIterations: 10
    )

    Benchmark("M/M/c world, customers", configuration: configuration) { benchmark in
        // 7.2 customers per simulated second: simulate enough seconds for the scaled count.
        let seconds = Int64(Double(benchmark.scaledIterations.count) / 7.2) + 1
        var world = try World(mmcScenario(seconds: seconds), replication: 0, observer: NullObserver())
        benchmark.startMeasurement()
        let summary = world.runToEnd(stopFlag: nil)
        benchmark.stopMeasurement()
        blackHole(summary.eventsHandled)
        precondition(world.violation == nil)
    }
}
