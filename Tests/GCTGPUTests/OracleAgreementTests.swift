import GCTEconomics
import GCTGPU
import Testing
import _GCTTestSupport

/// The oracle-round kernel's CPU twin against the Swift consensus code (OracleConsensus,
/// WeightedMedian, OutlierRule, ManipulationDetector) on random cases: the kernel is checked against
/// the real pricing code.
@Suite("Oracle rounds: CPU twin agrees with the Swift consensus code")
struct OracleAgreementTests {
    /// Validator ids whose string order is the index order (the kernel breaks ties by index).
    static func id(_ i: Int) -> String { "v" + String(repeating: "0", count: max(0, 5 - String(i).count)) + String(i) }

    /// A random batch: 3…40 validators (some with zero stake or zero reputation), 0…V attackers,
    /// one of four outlier rules, history 10…30, noise 0…10 %.
    static func randomBatch(_ g: inout SeededGenerator) -> OracleMonteCarlo {
        let v = Int.random(in: 3 ... 40, using: &g)
        let noWeight = Int.random(in: 0 ..< 100, using: &g) == 0  // every stake zero: no consensus
        let validators = (0 ..< v).map { _ in
            MonteCarloValidator(
                stake: TokenAmount(baseUnits: noWeight || Int.random(in: 0 ..< 10, using: &g) == 0 ? 0 : Int64.random(in: 1 ... 5_000_000_000_000_000, using: &g)),
                reputation: Reputation(ppb: Int.random(in: 0 ..< 10, using: &g) == 0 ? 0 : Int64.random(in: 0 ... 1_000_000_000, using: &g)))
        }
        let rules: [OutlierRule] = [
            .default, .disabled, OutlierRule(maxRelativeDeviation: Rate(1, over: 10)),
            OutlierRule(maxRelativeDeviation: Rate(3, over: 100), absoluteTolerance: FixedDecimal(nanos: 5_000_000)),
        ]
        return OracleMonteCarlo(
            seed: g.next(), validators: validators, attackers: Int.random(in: 0 ... v, using: &g), rounds: 2,
            historyLength: Int.random(in: 10 ... 30, using: &g),
            truePrice: FixedDecimal(nanos: Int64.random(in: 1_000 ... 50_000_000_000, using: &g)),
            // Zero noise now and then: flat histories (std = 0) and exact median ties.
            honestSD: Int.random(in: 0 ..< 8, using: &g) == 0 ? 0 : Double.random(in: 0 ... 0.1, using: &g),
            historySD: Int.random(in: 0 ..< 8, using: &g) == 0 ? 0 : Double.random(in: 0 ... 0.05, using: &g),
            outlierRule: rules[Int.random(in: 0 ..< rules.count, using: &g)],
            biasForm: Bool.random(using: &g) ? .additive : .multiplicative)
    }

    @Test("multiplicative bias: attackers report P(1 + σz)(1 + b), honest validators as in the additive form; coalition by weight share")
    func multiplicativeBiasAndWeightShare() throws {
        let validators = (0 ..< 9).map { MonteCarloValidator(stake: TokenAmount(gct: Int64(1000 * (1 + $0))), reputation: .full) }
        let add = OracleMonteCarlo(seed: 3, validators: validators, attackers: 3, rounds: 1, truePrice: FixedDecimal(2), honestSD: 0.05)
        var mul = add
        mul.biasForm = .multiplicative
        let a = add.roundData(round: 0, bias: 0.5).reports, m = mul.roundData(round: 0, bias: 0.5).reports
        let z = (0 ..< 9).map { i in (a[i].doubleValue / 2 - 1 - (i >= 6 ? 0.5 : 0)) / 0.05 }
        for i in 0 ..< 9 {
            let expected = 2 * (1 + 0.05 * z[i]) * (i >= 6 ? 1.5 : 1)
            #expect(abs(m[i].doubleValue - expected) < 1e-7, "validator \(i)")
            if i < 6 { #expect(m[i] == a[i]) }
        }
        // Weights 1 … 9 (× 1000 GCT): the last 3 hold 24/45 ≥ 0.5, the last 2 hold 17/45 < 0.5.
        #expect(OracleMonteCarlo.attackers(forWeightShare: 0.5, validators: validators) == 3)
        #expect(OracleMonteCarlo.attackers(forWeightShare: 17.0 / 45, validators: validators) == 2)
        #expect(OracleMonteCarlo.attackers(forWeightShare: 0, validators: validators) == 0)
    }

    @Test("drop outliers: a flagged minority stops moving the median; a majority's median moves to its own centre")
    func dropOutliersSecondPass() throws {
        let validators = Array(repeating: MonteCarloValidator(stake: TokenAmount(gct: 1000), reputation: .full), count: 21)
        func meanError(attackers: Int, drop: Bool) throws -> Double {
            let batch = OracleMonteCarlo(seed: 9, validators: validators, attackers: attackers, rounds: 2000, truePrice: FixedDecimal(2),
                                         honestSD: 0.02, biasForm: .multiplicative, dropOutliers: drop)
            let outcomes = try batch.run(biases: [0.5], on: .cpu)
            return outcomes.map { Double($0.errorNanos) / 2e9 }.reduce(0, +) / Double(outcomes.count)
        }
        let minority = (try meanError(attackers: 5, drop: false), try meanError(attackers: 5, drop: true))
        #expect(minority.0 > 0.005 && abs(minority.1) < 0.002)
        let majority = (try meanError(attackers: 13, drop: false), try meanError(attackers: 13, drop: true))
        #expect(majority.0 < 0.49 && abs(majority.1 - 0.5) < 0.003)
    }

    @Test func tenThousandRandomRoundsAgree() throws {
        var g = SeededGenerator(seed: 2024)
        var compared = 0, zeroWeight = 0, anomalies = 0, outlierRounds = 0
        for batchIndex in 0 ..< 2_500 {
            let batch = Self.randomBatch(&g)
            let biases = [0.0, Double.random(in: -0.5 ... 2.0, using: &g)]
            let outcomes = try batch.run(biases: biases, on: .cpu)
            for (b, bias) in biases.enumerated() {
                for round in 0 ..< batch.rounds {
                    let kernel = outcomes[b * batch.rounds + round]
                    let data = batch.roundData(round: round, bias: bias)
                    let reports = data.reports.enumerated().map { i, value in
                        OracleReport(validatorID: Self.id(i), stake: batch.validators[i].stake,
                                     reputation: batch.validators[i].reputation, values: [value])
                    }
                    let context = "batch \(batchIndex) (seed 2024) bias \(bias) round \(round)"
                    compared += 1
                    let consensus: ConsensusResult
                    do {
                        consensus = try OracleConsensus(outlierRule: batch.outlierRule)
                            .aggregateWithConsensus(fields: ["gpu_hour_price"], reports: reports)
                    } catch {
                        #expect(error == .zeroTotalWeight(field: "gpu_hour_price"), "\(context)")
                        #expect(kernel.median == nil, "\(context)")
                        zeroWeight += 1
                        continue
                    }
                    let median = consensus.values[0]
                    #expect(kernel.median == median, "\(context)")
                    #expect(kernel.errorNanos == median.nanos - batch.truePrice.nanos, "\(context)")
                    let attackerIDs = Set((batch.validators.count - batch.attackers ..< batch.validators.count).map(Self.id))
                    #expect(kernel.outliers == consensus.outliers.count, "\(context)")
                    #expect(kernel.attackerOutliers == consensus.outliers.filter(attackerIDs.contains).count, "\(context)")
                    if !consensus.outliers.isEmpty { outlierRounds += 1 }
                    // Detector: the median as the new price against the round's history, spread over the window.
                    let now = Timestamp.zero + .hours(24)
                    let step = TimeSpan.hours(24).microseconds / Int64(batch.historyLength)
                    let history = data.history.enumerated().map { h, price in
                        PricePoint(time: Timestamp(microseconds: now.microseconds - Int64(h) * step), price: price)
                    }
                    let newPrice = TokenAmount(baseUnits: median.nanos)
                    let share = batch.detector.anomalyConsensus(
                        reports: reports.map { (price: TokenAmount(baseUnits: $0.values[0].nanos), weight: $0.weight) },
                        history: history, now: now, newPrice: newPrice)
                    let verdict = batch.detector.detectPriceManipulation(
                        history: history, now: now, newPrice: newPrice, anomalyConsensus: share)
                    #expect(kernel.anomalyConsensus.bitPattern == share.bitPattern, "\(context)")
                    #expect(kernel.zScore.bitPattern == verdict.zScore?.bitPattern, "\(context): \(kernel.zScore) vs \(String(describing: verdict.zScore))")
                    #expect(kernel.isAnomaly == (verdict.reason == .manipulation || verdict.reason == .corroboratedAnomaly), "\(context)")
                    #expect(kernel.isManipulation == verdict.isManipulation, "\(context)")
                    if kernel.isAnomaly { anomalies += 1 }
                }
            }
        }
        #expect(compared == 10_000)
        // The random cases reach every branch: no weight, outliers, anomalies.
        #expect(zeroWeight > 0 && outlierRounds > 1_000 && anomalies > 1_000, "zero \(zeroWeight) outliers \(outlierRounds) anomalies \(anomalies)")
    }

    /// Worked example: 5 equal validators, the last 2 attackers at +100 %, no noise. Weighted median
    /// of (P, P, P, 2P, 2P) with equal weights: C reaches W/2 = 2.5 within the third report, so P.
    /// The attackers deviate by 100 % > 25 %: both outliers. The history is flat at P and the median
    /// is P: z = 0, no anomaly.
    @Test func workedExampleMinorityCoalitionIsOutvoted() throws {
        let batch = OracleMonteCarlo(
            seed: 1, validators: Array(repeating: MonteCarloValidator(stake: TokenAmount(gct: 1000), reputation: .full), count: 5),
            attackers: 2, rounds: 3, historyLength: 12, truePrice: FixedDecimal(2), honestSD: 0, historySD: 0)
        for outcome in try batch.run(biases: [1.0], on: .cpu) {
            #expect(outcome.median == FixedDecimal(2))
            #expect(outcome.outliers == 2 && outcome.attackerOutliers == 2)
            #expect(outcome.zScore == 0 && !outcome.isAnomaly)
        }
        // With 3 attackers of 5 the coalition holds the median: 2P, error P, z = +∞ against the flat
        // history; every report is anomalous on the up side only for the 3 attackers: consensus 3/5 = 0.6,
        // not < 0.6, so a corroborated anomaly, not manipulation.
        let majority = OracleMonteCarlo(
            seed: 1, validators: batch.validators, attackers: 3, rounds: 1, historyLength: 12, truePrice: FixedDecimal(2),
            honestSD: 0, historySD: 0)
        let o = try #require(try majority.run(biases: [1.0], on: .cpu).first)
        #expect(o.median == FixedDecimal(4) && o.errorNanos == 2_000_000_000)
        #expect(o.zScore == .infinity && o.isAnomaly)
        #expect(o.anomalyConsensus == 0.6 && !o.isManipulation)
    }

    @Test func parametersOutsideTheKernelRangeAreRejected() {
        let two = OracleMonteCarlo(seed: 1, validators: Array(repeating: MonteCarloValidator(stake: TokenAmount(gct: 1), reputation: .full), count: 2),
                                   attackers: 0, rounds: 1, truePrice: FixedDecimal(1))
        #expect(throws: KernelError.self) { try two.run(biases: [0], on: .cpu) }
    }
}
