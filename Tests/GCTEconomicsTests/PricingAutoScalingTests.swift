import Testing
@testable import GCTEconomics

@Suite struct PricingAutoScalingTests {
    static func fd(_ s: String) -> FixedDecimal { try! FixedDecimal(parsing: s) }

    @Test(arguments: [
        // velocity, demand, supply → action, factor
        ("2", "9", "10", ScalingAction.maintain, "1"),  // velocity exactly 2: not > 2
        ("2.000000001", "9", "10", .scaleUp, "1.0000000005"),  // min(0.5·v, 2)
        ("3", "8", "10", .maintain, "1"),  // demand exactly 0.8·supply: not >
        ("3", "8.000000001", "10", .scaleUp, "1.5"),
        ("4", "9", "10", .scaleUp, "2"),  // 0.5·4 = 2
        ("5", "9", "10", .scaleUp, "2"),  // capped at 2
        ("0.5", "1", "10", .maintain, "1"),  // velocity exactly 0.5: not < 0.5
        ("0.499999999", "1", "10", .scaleDown, "0.999999998"),  // max(2v, 0.5)
        ("0.1", "3", "10", .maintain, "1"),  // demand exactly 0.3·supply: not <
        ("0.1", "2.999999999", "10", .scaleDown, "0.5"),  // max(0.2, 0.5)
        ("0.25", "1", "10", .scaleDown, "0.5"),  // 2·0.25 = 0.5
        ("0.4", "1", "10", .scaleDown, "0.8"),
        ("1", "5", "10", .maintain, "1"),
    ])
    func boundaries(v: String, d: String, s: String, action: ScalingAction, factor: String) throws {
        let decision = AutoScaling.decide(velocity: Self.fd(v), demand: Self.fd(d), supply: Self.fd(s))
        #expect(decision.action == action)
        #expect(decision.factor == (try Rate(parsing: factor)))
    }

    @Test func velocityDefinition() {
        // 50 M GCT spent in 30 days, 300 M circulating: 50/300 × 365/30 = 2.0277…, rounded down
        let v = TokenVelocity.annualized(volume: TokenAmount(gct: 50_000_000), meanCirculatingSupply: TokenAmount(gct: 300_000_000))
        #expect(v == FixedDecimal(nanos: 2_027_777_777))
        // a 365-day window: volume / supply
        let y = TokenVelocity.annualized(volume: TokenAmount(gct: 3), meanCirculatingSupply: TokenAmount(gct: 2), window: .days(365))
        #expect(y == (try! FixedDecimal(parsing: "1.5")))
        #expect(TokenVelocity.annualized(volume: TokenAmount(gct: 1), meanCirculatingSupply: .zero) == nil)
    }
}
