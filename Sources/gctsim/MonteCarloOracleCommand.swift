import ArgumentParser
import Foundation
import GCTEconomics
import GCTGPU
import GCTScenario
import GCTWorld

extension OracleBiasForm: ExpressibleByArgument {}

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
    @Option(help: "Take validators, noise and outlier rule from this scenario's genesis.") var scenario: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("With --scenario: override a key (a.b=value).", valueName: "key=value"))
    var overrides: [String] = []
    @Option(help: "With --scenario: the replication whose genesis (validator stakes) to use.") var replication = 0
    @Option(help: "Coalition by weight share (reputation × stake): the fewest validators, in the world's order, whose weight reaches it (replaces --attackers).")
    var weightShare: Double?
    @Option(help: "How the bias enters a report: additive P(1+b+σz) or multiplicative P(1+σz)(1+b) (default: multiplicative with --scenario, else additive).")
    var biasForm: OracleBiasForm?
    @Flag(help: "Take the median again without the first pass's outliers (the steady state of the outlier penalty: a group flagged every round loses its weight).")
    var dropOutliers = false
    @OptionGroup var deviceOptions: DeviceOptions
    @Flag(help: "Machine-readable output.") var json = false

    struct JSON: Encodable {
        var seed: UInt64
        var backend: String
        var rounds: Int
        var validators: Int
        var attackers: Int
        var weightShare: Double?
        /// The coalition's (last `attackers`') share of reputation × stake.
        var coalitionShare: Double
        var biasForm: String
        var dropOutliers: Bool
        var seconds: Double
        var biases: [OracleBiasSummary]
    }

    func validate() throws {
        try CommandLineErrors.check(rounds, "rounds", in: 1...10_000_000)
        try CommandLineErrors.check(validators, "validators", in: 3...4096)
        try CommandLineErrors.check(attackers, "attackers", in: 0...validators)
        if let weightShare { try CommandLineErrors.check(weightShare, "weight-share", in: 0...1) }
        try CommandLineErrors.check(replication, "replication", in: 0...1_000_000)
        if scenario == nil, !overrides.isEmpty { throw ValidationError("--set needs --scenario") }
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
        var roster: [MonteCarloValidator] = (0 ..< max(validators, 0)).map { i in
            MonteCarloValidator(stake: TokenAmount(gct: 1000 * Int64(1 + i % 10)),
                                reputation: Reputation(ppb: 500_000_000 + Int64(500_000_000 * i / max(validators - 1, 1))))
        }
        var honestSD = noise
        var rule = OutlierRule(maxRelativeDeviation: k)
        if let scenario {
            let genesis = Self.genesis(scenario, overrides: overrides, replication: replication)
            roster = genesis.validators
            honestSD = genesis.noise
            rule = genesis.outlierRule
        }
        let v = roster.count
        let form = biasForm ?? (scenario == nil ? .additive : .multiplicative)
        let attackers = weightShare.map { OracleMonteCarlo.attackers(forWeightShare: $0, validators: roster) } ?? self.attackers
        guard (3...4096).contains(v), attackers <= v else { throw ValidationError("the scenario has \(v) validators; the kernel takes 3 … 4096") }
        let batch = OracleMonteCarlo(
            seed: seed, validators: roster,
            attackers: attackers, rounds: rounds, historyLength: history, truePrice: truePrice, honestSD: honestSD,
            historySD: historyNoise, outlierRule: rule, biasForm: form, dropOutliers: dropOutliers)
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
                                                    attackers: attackers, weightShare: weightShare,
                                                    coalitionShare: Self.share(of: attackers, in: roster), biasForm: form.rawValue,
                                                    dropOutliers: dropOutliers,
                                                    seconds: seconds, biases: summaries)))
                return
            }
            print("oracle Monte Carlo: \(rounds) rounds × \(bias.count) biases, V = \(v), A = \(attackers), seed \(seed), on \(backend.label)"
                  + (form == .additive ? "" : ", multiplicative bias") + (dropOutliers ? ", outliers dropped" : "") + (scenario.map { ", validators of \($0) replication \(replication)" } ?? ""))
            print("  bias      mean err    p05 err     p50 err     p95 err     anomaly   manipulation  attackers flagged")
            for s in summaries {
                print(String(format: "  %-8.4g  %+.6f   %+.6f   %+.6f   %+.6f   %6.2f%%   %6.2f%%       %6.2f%%",
                             s.bias, s.meanError, s.errorP05, s.errorP50, s.errorP95, 100 * s.anomalyRate,
                             100 * s.manipulationRate, 100 * s.attackerFlagRate))
            }
            FileHandle.standardError.write(Data(String(format: "%.3f s\n", seconds).utf8))
        }
    }

    /// The weight share (reputation × stake) of the last `count` validators.
    static func share(of count: Int, in roster: [MonteCarloValidator]) -> Double {
        let w = roster.map { Double($0.stake.baseUnits) * Double($0.reputation.ppb) }
        let total = w.reduce(0, +)
        return total > 0 ? w.suffix(count).reduce(0, +) / total : 0
    }

    /// Validators (reverse index order), honest noise and outlier rule of `file`'s genesis in replication `r`.
    static func genesis(_ file: String, overrides: [String], replication r: Int)
        -> (validators: [MonteCarloValidator], noise: Double, outlierRule: OutlierRule)
    {
        do {
            let c = try ScenarioLoader.load(file: file, overrides: overrides).configuration
            let world = try World(c, replication: r, observer: NullObserver())
            guard let settings = world.oracleRoundSettings else { CommandSupport.fail("\(file): the scenario has no validators") }
            let validators = world.oracleValidatorWeights.reversed().map { MonteCarloValidator(stake: $0.stake, reputation: $0.reputation) }
            return (validators, settings.noise, settings.outlierRule)
        } catch let error as ScenarioError {
            CommandSupport.fail(error.description, located: true)
        } catch {
            CommandSupport.fail("\(file): \(error)")
        }
    }
}
