import Testing
@testable import GCTEconomics

@Suite struct OracleManipulationTests {
    static let now = Timestamp(microseconds: 100 * 3_600_000_000)
    static func history(_ prices: [String]) -> [PricePoint] {
        prices.enumerated().map { i, p in
            PricePoint(time: Timestamp(microseconds: now.microseconds - Int64(i + 1) * 60_000_000), price: try! TokenAmount(parsing: p))
        }
    }
    static func gct(_ s: String) -> TokenAmount { try! TokenAmount(parsing: s) }
    /// Five at 9 GCT, five at 11: mean 10, sample std √(10·1/9) = 1.0540925…; z = 3 at 13.1622777 GCT.
    static let spread = history(Array(repeating: "9", count: 5) + Array(repeating: "11", count: 5))

    @Test func nineVersusTenPoints() {
        let d = ManipulationDetector()
        let nine = Array(Self.spread.prefix(9))
        #expect(d.detectPriceManipulation(history: nine, now: Self.now, newPrice: Self.gct("100"), anomalyConsensus: 0).reason == .insufficientHistory)
        let ten = d.detectPriceManipulation(history: Self.spread, now: Self.now, newPrice: Self.gct("100"), anomalyConsensus: 0)
        #expect(ten.isManipulation && ten.pointsInWindow == 10)
        // a point exactly 24 h old is outside the window: back to 9
        var old = Self.spread
        old[0].time = Timestamp(microseconds: Self.now.microseconds - 86_400_000_000)
        #expect(d.detectPriceManipulation(history: old, now: Self.now, newPrice: Self.gct("100"), anomalyConsensus: 0).pointsInWindow == 9)
    }

    @Test func zScoreJustBelowAndAbove3() throws {
        let d = ManipulationDetector()
        let below = d.detectPriceManipulation(history: Self.spread, now: Self.now, newPrice: Self.gct("13.16"), anomalyConsensus: 0)
        let above = d.detectPriceManipulation(history: Self.spread, now: Self.now, newPrice: Self.gct("13.17"), anomalyConsensus: 0)
        #expect(abs(try #require(below.standardDeviation) - 1.0540925533894598) < 1e-12)
        #expect(try #require(below.zScore) < 3 && below.reason == .withinRange && !below.isManipulation)  // 2.99798…
        #expect(try #require(above.zScore) > 3 && above.isManipulation)  // 3.00747…
        // symmetric below the mean: 6.84 → z 2.99798, 6.83 → 3.00747
        #expect(!d.detectPriceManipulation(history: Self.spread, now: Self.now, newPrice: Self.gct("6.84"), anomalyConsensus: 0).isManipulation)
        #expect(d.detectPriceManipulation(history: Self.spread, now: Self.now, newPrice: Self.gct("6.83"), anomalyConsensus: 0).isManipulation)
    }

    @Test func consensusThreshold() {
        let d = ManipulationDetector()
        let a = d.detectPriceManipulation(history: Self.spread, now: Self.now, newPrice: Self.gct("20"), anomalyConsensus: 0.59)
        let b = d.detectPriceManipulation(history: Self.spread, now: Self.now, newPrice: Self.gct("20"), anomalyConsensus: 0.6)
        #expect(a.isManipulation && a.reason == .manipulation)
        #expect(!b.isManipulation && b.reason == .corroboratedAnomaly)
    }

    @Test func flatHistoryDoesNotDivideByZero() {
        // ten points at 0.1: a floating-point mean would be 0.09999999999999999; flatness is exact
        let flat = Self.history(Array(repeating: "0.1", count: 10))
        let d = ManipulationDetector()
        let same = d.detectPriceManipulation(history: flat, now: Self.now, newPrice: Self.gct("0.1"), anomalyConsensus: 0)
        #expect(same.zScore == 0 && !same.isManipulation && same.standardDeviation == 0)
        let moved = d.detectPriceManipulation(history: flat, now: Self.now, newPrice: Self.gct("0.100000001"), anomalyConsensus: 0)
        #expect(moved.zScore == .infinity && moved.isManipulation)
        #expect(!d.detectPriceManipulation(history: flat, now: Self.now, newPrice: Self.gct("0.2"), anomalyConsensus: 0.6).isManipulation)
    }

    @Test func anomalyConsensusDefinition() {
        let d = ManipulationDetector()
        // new price 20 (above the mean 10). Validators: 20 (z 9.5, up), 19 (up), 10 (z 0), 1 (z 8.5 but down)
        let reports: [(price: TokenAmount, weight: UInt128)] = [
            (Self.gct("20"), 3), (Self.gct("19"), 2), (Self.gct("10"), 4), (Self.gct("1"), 1),
        ]
        // agreeing weight 3 + 2 = 5 of 10
        #expect(d.anomalyConsensus(reports: reports, history: Self.spread, now: Self.now, newPrice: Self.gct("20")) == 0.5)
        #expect(d.anomalyConsensus(reports: [], history: Self.spread, now: Self.now, newPrice: Self.gct("20")) == 0)
    }
}
