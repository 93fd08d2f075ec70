import Testing
import _GCTTestSupport
@testable import GCTEconomics

@Suite("Burn and distribution of execution payments")
struct PaymentSplitTests {
    @Test("burn of a 1.11375 GCT payment at 0.5 % is exactly 0.00556875 GCT")
    func specBurnExample() throws {
        // 1.11375 × 0.005 = 0.00556875 GCT = 5 568 750 base units (exact, no rounding needed).
        let split = PaymentSplit(payment: try TokenAmount(parsing: "1.11375"),
                                 burnRate: EconomicParameters.specDefaults.burnRate, shares: .default)
        #expect(split.burned == (try TokenAmount(parsing: "0.00556875")))
        // Rest 1.10818125 GCT: validators 10 % = 0.110818125, fee pool 5 % = 0.0554090625 → 0.055409062 (down),
        // provider gets the remainder 1.10818125 − 0.110818125 − 0.055409062 = 0.941954063.
        #expect(split.validators == (try TokenAmount(parsing: "0.110818125")))
        #expect(split.feePool == (try TokenAmount(parsing: "0.055409062")))
        #expect(split.provider == (try TokenAmount(parsing: "0.941954063")))
    }

    @Test("every base unit of a payment is accounted for (10 000 random payments and rates)")
    func conservation() {
        var g = SeededGenerator(seed: 7)
        for _ in 0..<10_000 {
            let pay = TokenAmount(baseUnits: Int64.random(in: 0...1_000_000_000_000_000, using: &g))
            let burn = Rate(Int64.random(in: 0...1_000, using: &g), over: 1_000)
            let v = Int64.random(in: 0...100, using: &g), f = Int64.random(in: 0...(100 - v), using: &g)
            let shares = DistributionShares(provider: Rate(100 - v - f, over: 100), validators: Rate(v, over: 100), feePool: Rate(f, over: 100))
            #expect(shares.isComplete)
            let s = PaymentSplit(payment: pay, burnRate: burn, shares: shares)
            #expect(s.burned + s.provider + s.validators + s.feePool == pay)
            #expect(s.burned <= pay.multiplied(by: burn, rounding: .up))
            #expect(!s.provider.isNegative && !s.validators.isNegative && !s.feePool.isNegative)
        }
    }

    @Test("incomplete shares are detected")
    func incompleteShares() {
        #expect(!DistributionShares(provider: Rate(1, over: 2), validators: Rate(1, over: 4), feePool: .zero).isComplete)
        #expect(DistributionShares.default.isComplete)
    }
}
