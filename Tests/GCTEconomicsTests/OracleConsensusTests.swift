import Testing
import _GCTTestSupport
@testable import GCTEconomics

@Suite struct OracleConsensusTests {
    static func fd(_ s: String) -> FixedDecimal { try! FixedDecimal(parsing: s) }
    static func sample(_ v: String, _ w: UInt128, _ k: String) -> WeightedMedian.Sample {
        WeightedMedian.Sample(value: fd(v), weight: w, key: k)
    }

    @Test func weightedMedianDefinitions() {
        // odd, equal weights: the middle value
        #expect(WeightedMedian.of([Self.sample("1", 1, "a"), Self.sample("100", 1, "b"), Self.sample("2", 1, "c")]) == Self.fd("2"))
        // even split: cumulative weight is exactly half at 2 → midpoint (2 + 3)/2
        #expect(WeightedMedian.of(["4", "1", "3", "2"].enumerated().map { Self.sample($1, 5, "v\($0)") }) == Self.fd("2.5"))
        // weights 1, 1, 2: half (2 of 4) reached at 20 → (20 + 30)/2 = 25
        #expect(WeightedMedian.of([Self.sample("10", 1, "a"), Self.sample("20", 1, "b"), Self.sample("30", 2, "c")]) == Self.fd("25"))
        // a heavy validator carries it: 1, 1, 5 → 3
        #expect(WeightedMedian.of([Self.sample("1", 1, "a"), Self.sample("2", 1, "b"), Self.sample("3", 5, "c")]) == Self.fd("3"))
        // ties: equal values from different validators; the split falls inside the tie → that value
        #expect(WeightedMedian.of([Self.sample("5", 1, "b"), Self.sample("5", 1, "a"), Self.sample("7", 1, "c"), Self.sample("9", 1, "d")])
            == Self.fd("6"))  // half at the second 5 → (5 + 7)/2
        #expect(WeightedMedian.of([Self.sample("5", 1, "b"), Self.sample("5", 1, "a"), Self.sample("5", 1, "c"), Self.sample("9", 1, "d")])
            == Self.fd("5"))  // half at the second 5, next is also 5
        // half-nano midpoint rounds to nearest even: (1 + 2)/2 = 1.5 nanos → 2 nanos
        #expect(WeightedMedian.of([Self.sample("0.000000001", 1, "a"), Self.sample("0.000000002", 1, "b")]) == FixedDecimal(nanos: 2))
        // zero weights are ignored; all zero → nil
        #expect(WeightedMedian.of([Self.sample("1", 0, "a"), Self.sample("8", 3, "b")]) == Self.fd("8"))
        #expect(WeightedMedian.of([Self.sample("1", 0, "a")]) == nil)
    }

    @Test func weightedMedianIsOrderIndependent() {
        var g = SeededGenerator(seed: 7)
        for seed in 0..<200 {
            let samples = (0..<Int.random(in: 1...9, using: &g)).map { i in
                WeightedMedian.Sample(value: FixedDecimal(nanos: Int64.random(in: 0...5, using: &g)),
                                      weight: UInt128(Int.random(in: 0...3, using: &g)), key: "v\(i)")
            }
            #expect(WeightedMedian.of(samples) == WeightedMedian.of(samples.shuffled(using: &g)), "seed \(seed)")
        }
    }

    static func report(_ id: String, _ price: String, stake: Int64 = 1_000, rep: String = "0.9") -> OracleReport {
        OracleReport(validatorID: id, stake: TokenAmount(gct: stake), reputation: try! Reputation(parsing: rep), values: [fd(price)])
    }

    @Test func fewerThanThreeReports() {
        let c = OracleConsensus()
        #expect(throws: OracleError.insufficientReports(needed: 3, got: 2)) {
            try c.aggregateWithConsensus(fields: ["price"], reports: [Self.report("a", "1"), Self.report("b", "1")])
        }
        #expect(throws: Never.self) {
            try c.aggregateWithConsensus(fields: ["price"], reports: [Self.report("a", "1"), Self.report("b", "1"), Self.report("c", "1")])
        }
    }

    @Test func outliersPenaltiesAndConfidence() throws {
        // equal weights: sorted 10, 10.5, 11, 20; half at 10.5 → (10.5 + 11)/2 = 10.75
        // 20: |20 − 10.75| = 9.25 > 0.25·10.75 = 2.6875 → outlier, 0.9 − 0.2 = 0.7
        // unavailable validator e at 0.05: − 0.1 → clamped at 0
        let reports = [Self.report("a", "10"), Self.report("b", "10.5"), Self.report("c", "11"), Self.report("d", "20")]
        let r = try OracleConsensus().aggregateWithConsensus(
            fields: ["gpu_hour_price"], reports: reports,
            unavailable: [UnavailableValidator(validatorID: "e", reputation: try Reputation(parsing: "0.05"))])
        #expect(r.values == [Self.fd("10.75")])
        #expect(r.outliers == ["d"])
        #expect(r.reputations.map(\.after) == ["0.9", "0.9", "0.9", "0.7", "0"].map { try! Reputation(parsing: $0) })
        #expect(r.reputations.last?.reason == .unavailable)
        // inlier weight 3/4 × answered 4/5 = 0.6
        #expect(abs(r.confidence - 0.6) < 1e-12)
        // the rule is a parameter: at 100 % deviation nobody is an outlier
        let lax = OracleConsensus(outlierRule: OutlierRule(maxRelativeDeviation: Rate(1, over: 1)))
        #expect(try lax.aggregateWithConsensus(fields: ["p"], reports: reports).outliers.isEmpty)
        #expect(try OracleConsensus(outlierRule: .disabled).aggregateWithConsensus(fields: ["p"], reports: reports).confidence == 1)
    }

    @Test func stakeAndReputationWeighting() throws {
        // a whale at 12 with weight 0.5 × 10 000 = 5000 outweighs 2 × 0.9 × 1000 = 1800 → 12
        let reports = [Self.report("a", "10"), Self.report("b", "10"), Self.report("w", "12", stake: 10_000, rep: "0.5")]
        #expect(try OracleConsensus().aggregateWithConsensus(fields: ["p"], reports: reports).values == [Self.fd("12")])
        // a zero-reputation validator has no say
        let silent = [Self.report("a", "10"), Self.report("b", "10"), Self.report("z", "99", stake: 1_000_000, rep: "0")]
        #expect(try OracleConsensus().aggregateWithConsensus(fields: ["p"], reports: silent).values == [Self.fd("10")])
    }

    @Test func reputationUpdateAndClamping() throws {
        let all1 = ReputationScores(accuracy: .full, availability: .full, responseTime: .full)
        let all0 = ReputationScores(accuracy: .zero, availability: .zero, responseTime: .zero)
        // (0.4 + 0.3 + 0.3 − 0.5)·0.1 = +0.05: 0.98 → 1.03 → clamped to 1
        #expect(ReputationUpdate.updated(current: try Reputation(parsing: "0.98"), scores: all1) == .full)
        // (0 − 0.5)·0.1 = −0.05: 0.03 → −0.02 → clamped to 0
        #expect(ReputationUpdate.updated(current: try Reputation(parsing: "0.03"), scores: all0) == .zero)
        // a = 1, v = 0.5, r = 0: (0.4 + 0.15 − 0.5)·0.1 = 0.005 → 0.505
        let mixed = ReputationScores(accuracy: .full, availability: try Reputation(parsing: "0.5"), responseTime: .zero)
        #expect(ReputationUpdate.updated(current: try Reputation(parsing: "0.5"), scores: mixed) == (try Reputation(parsing: "0.505")))
    }

    @Test func componentScores() throws {
        // accuracy: |10.5 − 10| / (0.25·10) = 0.2 → 0.8; at or beyond 25 % → 0
        let k = Rate(1, over: 4)
        #expect(ReputationScores.accuracy(values: [Self.fd("10.5")], consensus: [Self.fd("10")], maxRelativeDeviation: k) == (try Reputation(parsing: "0.8")))
        #expect(ReputationScores.accuracy(values: [Self.fd("12.5")], consensus: [Self.fd("10")], maxRelativeDeviation: k) == .zero)
        #expect(ReputationScores.accuracy(values: [.zero, Self.fd("10")], consensus: [.zero, Self.fd("10")], maxRelativeDeviation: k) == .full)
        #expect(ReputationScores.availability(answered: 9, asked: 12) == (try Reputation(parsing: "0.75")))
        // response: target 1 s, deadline 5 s; 2 s → (5 − 2)/(5 − 1) = 0.75
        #expect(ReputationScores.responseTime(latency: .seconds(2), target: .seconds(1), deadline: .seconds(5)) == (try Reputation(parsing: "0.75")))
        #expect(ReputationScores.responseTime(latency: .seconds(9), target: .seconds(1), deadline: .seconds(5)) == .zero)
    }
}
