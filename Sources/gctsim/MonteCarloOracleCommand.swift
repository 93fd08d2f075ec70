import ArgumentParser
import Foundation
import GCTEconomics
import GCTGPU

/// `gctsim montecarlo oracle`: the consensus error and detection rate per attack bias.
///
/// Validators' stakes are 1 000 GCT × (1 + i mod 10) and reputations 0.5 + 0.5·i/(V − 1), so the
/// batch is reproducible from the flags alone; the last `--attackers` validators form the coalition.
struct MonteCarloOracleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "oracle", abstract: "Oracle rounds under attack: consensus error and detection per bias.")

    @Option(help: "Rounds per bias.") var rounds = 10_000
    @Option(help: "Validators V (3 … 4096).") var validators = 21
    @Option(help: "Attackers A (the last A validators).") var attackers = 5
    @Option(parsing: .upToNextOption, help: "Attack biases (relative, e.g. 0 0.05 0.2).") var bias: [Double] = [0, 0.05, 0.2, 0.5]
    @Option(help: "True price in GCT.") var price = "2.5"
    @Option(help: "Relative noise of every report.") var noise = 0.02
    @Option(help: "Relative noise of the detector's price history.") var historyNoise = 0.01
    @Option(help: "Points in the detector's 24 h history.") var history = 24
    @Option(help: "Outlier rule: largest relative deviation from consensus.") var maxDeviation = "0.25"
    @Option(help: "Seed of the random streams.") var seed: UInt64 = 1
    @OptionGroup var deviceOptions: DeviceOptions
    @Flag(help: "Machine-readable output.") var json = false

    struct JSON: Encodable {
        var seed: UInt64
        var backend: String
        var rounds: Int
        var validators: Int
        var attackers: Int
        var seconds: Double
        var biases: [OracleBiasSummary]
    }

    func validate() throws {
        try CommandLineErrors.check(rounds, "rounds", in: 1...10_000_000)
        try CommandLineErrors.check(validators, "validators", in: 3...4096)
        try CommandLineErrors.check(attackers, "attackers", in: 0...validators)
        try CommandLineErrors.check(history, "history", in: 1...100_000)
        try CommandLineErrors.check(noise, "noise", in: 0...10)
        try CommandLineErrors.check(historyNoise, "history-noise", in: 0...10)
        guard !bias.isEmpty else { throw ValidationError("--bias needs at least one value") }
        for b in bias { try CommandLineErrors.check(b, "bias", in: -1...100) }
        guard rounds * bias.count <= 100_000_000 else {
            throw ValidationError("--rounds × number of --bias values must be at most 100000000, got \(rounds) × \(bias.count)")
        }
    }

    func run() throws {
        let truePrice: FixedDecimal
        let k: Rate
        do {
            truePrice = try FixedDecimal(parsing: price)
            k = try Rate(parsing: maxDeviation)
        } catch {
            throw ValidationError("invalid --price or --max-deviation: \(error)")
        }
        let v = validators
        let batch = OracleMonteCarlo(
            seed: seed,
            validators: (0 ..< max(v, 0)).map { i in
                MonteCarloValidator(stake: TokenAmount(gct: 1000 * Int64(1 + i % 10)),
                                    reputation: Reputation(ppb: 500_000_000 + Int64(500_000_000 * i / max(v - 1, 1))))
            },
            attackers: attackers, rounds: rounds, historyLength: history, truePrice: truePrice, honestSD: noise,
            historySD: historyNoise, outlierRule: OutlierRule(maxRelativeDeviation: k))
        let backend = try deviceOptions.backend()
        try KernelCommandIO.run {
            let start = DispatchTime.now().uptimeNanoseconds
            let outcomes = try batch.run(biases: bias, on: backend)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let summaries = bias.enumerated().map { b, value in
                OracleBiasSummary(bias: value, outcomes: outcomes[b * rounds ..< (b + 1) * rounds], truePrice: truePrice,
                                  attackers: attackers)
            }
            if json {
                print(try KernelCommandIO.json(JSON(seed: seed, backend: backend.label, rounds: rounds, validators: v,
                                                    attackers: attackers, seconds: seconds, biases: summaries)))
                return
            }
            print("oracle Monte Carlo: \(rounds) rounds × \(bias.count) biases, V = \(v), A = \(attackers), seed \(seed), on \(backend.label)")
            print("  bias      mean err    p05 err     p50 err     p95 err     anomaly   manipulation  attackers flagged")
            for s in summaries {
                print(String(format: "  %-8.4g  %+.6f   %+.6f   %+.6f   %+.6f   %6.2f%%   %6.2f%%       %6.2f%%",
                             s.bias, s.meanError, s.errorP05, s.errorP50, s.errorP95, 100 * s.anomalyRate,
                             100 * s.manipulationRate, 100 * s.attackerFlagRate))
            }
            FileHandle.standardError.write(Data(String(format: "%.3f s\n", seconds).utf8))
        }
    }
}
