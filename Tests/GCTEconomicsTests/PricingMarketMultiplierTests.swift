import Testing
import _GCTTestSupport
@testable import GCTEconomics

@Suite struct PricingMarketMultiplierTests {
    static func fd(_ s: String) -> FixedDecimal { try! FixedDecimal(parsing: s) }

    @Test(arguments: [
        ("0", "1.45"),  // 1.2 + 0.5·0.5 (min with 3 never bites)
        ("0.2", "1.35"),  // 1.2 + 0.3·0.5
        ("0.49", "1.205"),  // 1.2 + 0.01·0.5
        ("0.5", "1.1"),  // balanced: 1 + 0.5·0.2 (jump from 1.2)
        ("1", "1"),
        ("2", "0.8"),  // 1 − 1·0.2
        ("2.01", "0.6"),  // 0.8 + 0.0005, then min(…, 0.6) = 0.6 (jump from 0.8)
        ("10", "0.6"),  // always 0.6 above 2
    ])
    func literalMode(ratio: String, expected: String) throws {
        let m = MarketMultiplier(mode: .literal).multiplier(supplyDemandRatio: Self.fd(ratio))
        #expect(m == (try Rate(parsing: expected)))
    }

    @Test(arguments: [
        ("0", "3"),  // 1.1 + 0.5·3.8
        ("0.25", "2.05"),  // 1.1 + 0.25·3.8
        ("0.5", "1.1"), ("1", "1"), ("1.5", "0.9"), ("2", "0.8"),
        ("4", "0.7"),  // 0.8 − 2·0.05
        ("6", "0.6"), ("10", "0.6"),
    ])
    func fixedMode(ratio: String, expected: String) throws {
        let m = MarketMultiplier().multiplier(supplyDemandRatio: Self.fd(ratio))
        #expect(m == (try Rate(parsing: expected)))
    }

    @Test func fixedModeEqualsSpecInsideTheBalancedBand() {
        for nanos in stride(from: Int64(500_000_000), through: 2_000_000_000, by: 7_919_113) {
            let r = FixedDecimal(nanos: nanos)
            #expect(MarketMultiplier(mode: .fixed).multiplier(supplyDemandRatio: r)
                == MarketMultiplier(mode: .literal).multiplier(supplyDemandRatio: r))
        }
    }

    /// Property: over 20 000 ratios (random in [0, 12] plus the breakpoints and their
    /// neighbours), fixed mode is non-increasing, within [0.6, 3.0], and continuous
    /// (Lipschitz with the largest slope, 3.8, between neighbours).
    @Test func fixedModeIsContinuousNonIncreasingAndBounded() {
        var g = SeededGenerator(seed: 0x6d61_726b)
        var ratios: [Int64] = (0..<20_000).map { _ in Int64.random(in: 0...12_000_000_000, using: &g) }
        for b: Int64 in [0, 500_000_000, 2_000_000_000, 6_000_000_000] {
            ratios += [b, b + 1, max(b - 1, 0)]
        }
        ratios.sort()
        let mm = MarketMultiplier()
        var previous: (Int64, Rate)? = nil
        for n in ratios {
            let m = mm.multiplier(supplyDemandRatio: FixedDecimal(nanos: n))
            #expect(m >= Rate(3, over: 5) && m <= Rate(3, over: 1), "ratio \(n) nanos")
            if let (pn, pm) = previous {
                #expect(m <= pm, "increase between \(pn) and \(n) nanos")
                let jump = pm.doubleValue - m.doubleValue
                #expect(jump <= 3.8 * Double(n - pn) / 1e9 + 1e-12, "jump between \(pn) and \(n) nanos")
            }
            previous = (n, m)
        }
    }

    @Test func doubleRatios() {
        #expect(MarketMultiplier().multiplier(supplyDemandRatio: 1.0) == .one)
        #expect(MarketMultiplier().multiplier(supplyDemandRatio: -0.1) == nil)
        #expect(MarketMultiplier().multiplier(supplyDemandRatio: 1e300) == Rate(3, over: 5))
    }

    @Test func timeOfDay() {
        let t = TimeOfDayPricing.default
        // 08:59:59 → off-peak 0.9; 09:00 → peak 1.2; 17:59 → peak; 18:00 → off-peak
        let hour: Int64 = 3_600_000_000
        #expect(t.multiplier(at: Timestamp(microseconds: 9 * hour - 1)) == Rate(9, over: 10))
        #expect(t.multiplier(at: Timestamp(microseconds: 9 * hour)) == Rate(6, over: 5))
        #expect(t.multiplier(at: Timestamp(microseconds: 18 * hour - 1)) == Rate(6, over: 5))
        #expect(t.multiplier(at: Timestamp(microseconds: (24 + 18) * hour)) == Rate(9, over: 10))
        // UTC+2: 07:00 UTC is 09:00 local
        #expect(TimeOfDayPricing(utcOffsetHours: 2).multiplier(at: Timestamp(microseconds: 7 * hour)) == Rate(6, over: 5))
        #expect(TimeOfDayPricing.neutral.multiplier(at: Timestamp(microseconds: 12 * hour)) == .one)
        #expect(t.hour(at: Timestamp(microseconds: -1)) == 23)
    }

    @Test func regional() {
        let r = RegionalPricing()
        // region 0.25 → 2.05, network 1 → 1: 1 + 0.5 × 1.05 = 1.525
        #expect(r.multiplier(regionRatio: Self.fd("0.25"), globalRatio: .one) == Self.fd("1.525"))
        // region 4 → 0.7, network 1: 1 + 0.5 × (−0.3) = 0.85
        #expect(r.multiplier(regionRatio: Self.fd("4"), globalRatio: .one) == Self.fd("0.85"))
        // region 0 → 3, network 10 → 0.6: 1 + 0.5 × 2.4 = 2.2, capped at 2
        #expect(r.multiplier(regionRatio: .zero, globalRatio: Self.fd("10")) == Self.fd("2"))
        #expect(RegionalPricing.neutral.multiplier(regionRatio: .zero, globalRatio: Self.fd("10")) == .one)
    }
}
