import ArgumentParser
import Foundation
import GCTEconomics
import GCTGPU

/// `gctsim montecarlo tokenflow`: R replications × D days of the aggregate token-flow model.
struct MonteCarloTokenFlowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokenflow", abstract: "Token-flow ensemble: supply, burn, stake after D days over R replications.")

    @Option(help: "Replications R.") var replications = 1000
    @Option(help: "Days D.") var days = 365
    @Option(help: "Mean executions per day (Poisson).") var meanExecutions = 50_000.0
    @Option(help: "Average cost per execution, GCT.") var averageCost = "0.2"
    @Option(help: "Executions per day the market can serve.") var capacity: Int64 = 60_000
    @Option(help: "Seed of the random streams.") var seed: UInt64 = 1
    @Option(help: "Host threads of the CPU backend (default: every core); the results do not depend on it.")
    var threads: Int?
    @OptionGroup var deviceOptions: DeviceOptions
    @Flag(help: "Machine-readable output.") var json = false

    struct Stat: Encodable { var mean: Double; var min: String; var max: String }
    struct JSON: Encodable {
        var seed: UInt64
        var backend: String
        var replications: Int
        var days: Int
        var threads: Int
        var seconds: Double
        var run_steps_per_second: Double
        var total_supply: Stat
        var burned: Stat
        var staked: Stat
    }

    func validate() throws {
        try CommandLineErrors.check(replications, "replications", in: 1...1_000_000)
        try CommandLineErrors.check(days, "days", in: 1...36_500)
        try CommandLineErrors.check(meanExecutions, "mean-executions", in: 0...1e12)
        try CommandLineErrors.check(capacity, "capacity", in: 0...1_000_000_000_000)
        if let threads { try CommandLineErrors.check(threads, "threads", in: 1...1024) }
    }

    func run() throws {
        let cost: TokenAmount
        do { cost = try TokenAmount(parsing: averageCost) } catch { throw ValidationError("invalid --average-cost: \(error)") }
        let p = TokenFlowParameters(seed: seed, replications: replications, days: days, meanDailyExecutions: meanExecutions,
                                    averageCost: cost, capacity: capacity)
        let backend = try deviceOptions.backend()
        let threadCount = threads ?? ProcessInfo.processInfo.activeProcessorCount
        try KernelCommandIO.run {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = try TokenFlowEnsemble.run(p, threads: threadCount, on: backend)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            func stat(_ f: (TokenFlowDay) -> TokenAmount) -> Stat {
                let values = result.finals.map(f)
                let mean = values.reduce(0.0) { $0 + Double($1.baseUnits) } / Double(max(values.count, 1)) / 1e9
                return Stat(mean: mean, min: values.min()?.decimalString() ?? "0", max: values.max()?.decimalString() ?? "0")
            }
            let out = JSON(seed: seed, backend: backend.label, replications: replications, days: days,
                           threads: backend.isGPU ? 1 : threadCount, seconds: seconds,
                           run_steps_per_second: Double(replications * days) / max(seconds, 1e-9),
                           total_supply: stat(\.totalSupply), burned: stat(\.burned), staked: stat(\.staked))
            if json { print(try KernelCommandIO.json(out)); return }
            print("token-flow ensemble: \(replications) replications × \(days) days, seed \(seed), on \(backend.label)"
                  + (out.threads > 1 ? " (\(out.threads) threads)" : ""))
            for (name, s) in [("total supply", out.total_supply), ("burned", out.burned), ("staked", out.staked)] {
                print(String(format: "  %-13@ mean %.3f GCT  min %@  max %@", name, s.mean, s.min, s.max))
            }
            print(String(format: "  %.3f s, %.0f run-steps/s", seconds, out.run_steps_per_second))
        }
    }
}
