import CGCTKernels
import GCTEconomics

/// A validator of the oracle Monte Carlo.
public struct MonteCarloValidator: Hashable, Sendable {
    public var stake: TokenAmount
    public var reputation: Reputation
    public init(stake: TokenAmount, reputation: Reputation) {
        self.stake = stake
        self.reputation = reputation
    }
}

/// How an attacker's bias enters its report.
public enum OracleBiasForm: String, Hashable, Sendable, CaseIterable, Codable {
    /// P·(1 + b + σz): the Monte Carlo's original form.
    case additive
    /// P·(1 + σz)·(1 + b): the world's validators (`OracleNetwork.round`).
    case multiplicative

    var code: UInt32 { self == .additive ? 0 : GCT_ORACLE_MULTIPLICATIVE }
}

/// A batch of independent oracle rounds (the GPU kernel `gct_oracle_round`; docs/gpu.md).
///
/// Each round: V validators report the true price P with relative noise `honestSD` (a standard normal
/// each); the last `attackers` of them add `bias` (relative) to their reports. The round computes the
/// consensus (weighted median under reputation × stake, `WeightedMedian`), the outlier flags
/// (`OutlierRule`), and the detector (`ManipulationDetector`) on the median against a history of H
/// prices drawn around P with relative noise `historySD`. Round r draws from the stream
/// (seed, replication r, purpose 'O'), the same for every bias: common random numbers.
public struct OracleMonteCarlo: Hashable, Sendable {
    public var seed: UInt64
    public var validators: [MonteCarloValidator]
    public var attackers: Int
    public var rounds: Int
    public var historyLength: Int
    public var truePrice: FixedDecimal
    public var honestSD: Double
    public var historySD: Double
    public var outlierRule: OutlierRule
    public var detector: ManipulationDetector
    public var biasForm: OracleBiasForm
    /// Take the median a second time with the first pass's outliers at weight 0: the steady state
    /// of the world's outlier penalty (a group flagged every round loses its reputation, hence its weight).
    public var dropOutliers: Bool

    public init(seed: UInt64, validators: [MonteCarloValidator], attackers: Int, rounds: Int, historyLength: Int = 24,
                truePrice: FixedDecimal, honestSD: Double = 0.02, historySD: Double = 0.01,
                outlierRule: OutlierRule = .default, detector: ManipulationDetector = ManipulationDetector(),
                biasForm: OracleBiasForm = .additive, dropOutliers: Bool = false) {
        self.biasForm = biasForm
        self.dropOutliers = dropOutliers
        self.seed = seed
        self.validators = validators
        self.attackers = attackers
        self.rounds = rounds
        self.historyLength = historyLength
        self.truePrice = truePrice
        self.honestSD = honestSD
        self.historySD = historySD
        self.outlierRule = outlierRule
        self.detector = detector
    }

    /// The C parameter block.
    var cParameters: gct_oracle_params {
        var p = gct_oracle_params()
        p.seed = seed
        p.validators = UInt32(clamping: validators.count)
        p.attackers = UInt32(clamping: attackers)
        p.rounds = UInt32(clamping: rounds)
        p.history = UInt32(clamping: historyLength)
        p.minimum_history = UInt32(clamping: detector.minimumPoints)
        p.true_price_nanos = truePrice.nanos
        p.honest_sd = honestSD
        p.history_sd = historySD
        if let k = outlierRule.maxRelativeDeviation {
            p.outlier_num = k.numerator
            p.outlier_den = k.denominator
        }
        p.outlier_tolerance_nanos = outlierRule.absoluteTolerance.nanos
        p.z_threshold = detector.zThreshold
        p.consensus_threshold = detector.consensusThreshold
        p.options = biasForm.code | (dropOutliers ? GCT_ORACLE_DROP_OUTLIERS : 0)
        return p
    }

    /// Runs `rounds` rounds for each bias on `backend`.
    ///
    /// - Returns: `biases.count × rounds` outcomes, bias-major.
    /// - Throws: `KernelError.invalidArgument` for parameters outside the kernel's ranges (3…4096
    ///   validators, 2…4096 history points, positive price), or the GPU's runtime error.
    public func run(biases: [Double], on backend: ComputeBackend) throws(KernelError) -> [OracleRoundOutcome] {
        var params = cParameters
        let stake = validators.map(\.stake.baseUnits)
        let reputation = validators.map(\.reputation.ppb)
        let count = biases.count * rounds
        var results = [gct_oracle_round_result](repeating: gct_oracle_round_result(), count: count)
        let status: Int32 = results.withUnsafeMutableBufferPointer { out in
            switch backend {
            case .cpu:
                gct_cpu_oracle_batch(&params, stake, reputation, biases, UInt32(biases.count), out.baseAddress)
            case let .gpu(library, _):
                library.oracleBatch(&params, stake, reputation, biases, UInt32(biases.count), out.baseAddress!)
            }
        }
        if status != GCT_OK {
            if case let .gpu(library, _) = backend {
                throw KernelError.from(status: status, call: "gct_gpu_oracle_batch", detail: library.lastError())
            }
            throw KernelError.from(status: status, call: "gct_cpu_oracle_batch", detail: "parameters out of range")
        }
        return results.map(OracleRoundOutcome.init)
    }

    /// The number of validators, from the last, that make up at least `share` of the weight
    /// (reputation × stake, as `OracleReport.weight`): the world's coalition by weight share
    /// (`OracleNetwork.formCoalition` takes validators in index order while their share is below
    /// `share`), for validators listed in reverse index order.
    public static func attackers(forWeightShare share: Double, validators: [MonteCarloValidator]) -> Int {
        let weights = validators.map { Double($0.stake.baseUnits) * Double($0.reputation.ppb) }
        let total = weights.reduce(0, +)
        var taken = 0.0, count = 0
        for w in weights.reversed() {
            guard total > 0, taken / total < share else { break }
            taken += w
            count += 1
        }
        return count
    }

    /// The reports (V, in nanos) and history (H) that round `round` at `bias` draws: the kernel's input data.
    public func roundData(round: Int, bias: Double) -> (reports: [FixedDecimal], history: [TokenAmount]) {
        var params = cParameters
        var reports = [Int64](repeating: 0, count: validators.count)
        var history = [Int64](repeating: 0, count: historyLength)
        _ = gct_cpu_oracle_round_data(&params, UInt32(round), bias, &reports, &history)
        return (reports.map { FixedDecimal(nanos: $0) }, history.map { TokenAmount(baseUnits: $0) })
    }
}

/// One oracle round's outcome.
public struct OracleRoundOutcome: Hashable, Sendable {
    /// The consensus price; nil when every weight was zero.
    public var median: FixedDecimal?
    /// median − P, in nanos.
    public var errorNanos: Int64
    public var outliers: Int
    public var attackerOutliers: Int
    public var zScore: Double
    public var anomalyConsensus: Double
    public var isAnomaly: Bool
    public var isManipulation: Bool

    init(_ r: gct_oracle_round_result) {
        median = r.median_nanos >= 0 ? FixedDecimal(nanos: r.median_nanos) : nil
        errorNanos = r.error_nanos
        outliers = Int(r.outliers)
        attackerOutliers = Int(r.attacker_outliers)
        zScore = r.z_score
        anomalyConsensus = r.anomaly_consensus
        isAnomaly = r.anomaly != 0
        isManipulation = r.manipulation != 0
    }
}

/// The distribution of consensus error and detection at one bias.
public struct OracleBiasSummary: Hashable, Sendable, Codable {
    public var bias: Double
    public var rounds: Int
    /// Relative consensus error (median − P)/P: mean and quantiles (nearest rank).
    public var meanError: Double
    public var errorP05: Double
    public var errorP50: Double
    public var errorP95: Double
    /// Share of rounds with |z| above the threshold; share judged manipulation.
    public var anomalyRate: Double
    public var manipulationRate: Double
    /// Mean share of attackers flagged as outliers (0 without attackers).
    public var attackerFlagRate: Double

    /// Summarizes `outcomes` (one bias) in a fixed order, so every backend gives the same figures.
    public init(bias: Double, outcomes: ArraySlice<OracleRoundOutcome>, truePrice: FixedDecimal, attackers: Int) {
        self.bias = bias
        rounds = outcomes.count
        let p = Double(truePrice.nanos)
        let errors = outcomes.map { Double($0.errorNanos) / p }.sorted()
        func quantile(_ q: Double) -> Double {
            errors.isEmpty ? 0 : errors[min(errors.count - 1, max(0, Int((q * Double(errors.count)).rounded(.up)) - 1))]
        }
        let n = Double(max(outcomes.count, 1))
        meanError = errors.reduce(0, +) / n
        errorP05 = quantile(0.05)
        errorP50 = quantile(0.5)
        errorP95 = quantile(0.95)
        anomalyRate = Double(outcomes.filter(\.isAnomaly).count) / n
        manipulationRate = Double(outcomes.filter(\.isManipulation).count) / n
        attackerFlagRate = attackers == 0 ? 0 : Double(outcomes.reduce(0) { $0 + $1.attackerOutliers }) / (n * Double(attackers))
    }
}
