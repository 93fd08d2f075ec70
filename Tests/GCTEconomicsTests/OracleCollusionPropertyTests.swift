import Testing
import _GCTTestSupport
@testable import GCTEconomics

/// Issue 14, acceptance 1: the weighted median of the real `OracleConsensus` against a colluding
/// coalition. Below one half of the weight (stake × reputation) the consensus stays within the
/// range of the honest reports, wherever the colluders report; above one half the coalition puts
/// it exactly where it wants.
@Suite struct OracleCollusionPropertyTests {
    struct Case {
        var reports: [OracleReport]
        var colluding: [Bool]
        var colludingWeight: UInt128
        var totalWeight: UInt128
    }

    /// A random validator set (3–40 validators, stakes 1–100 000 GCT, reputations 0.05–1), a
    /// random coalition, honest reports around 100 ± 5 % and colluders' reports from `attack`.
    static func randomCase(_ g: inout SeededGenerator, attack: (inout SeededGenerator, Int) -> FixedDecimal) -> Case {
        let n = Int.random(in: 3...40, using: &g)
        let share = Double.random(in: 0...1, using: &g)
        var reports: [OracleReport] = []
        var colluding: [Bool] = []
        var cw: UInt128 = 0, tw: UInt128 = 0
        for i in 0..<n {
            let stake = TokenAmount(baseUnits: Int64.random(in: 1...100_000, using: &g) * 1_000_000_000)
            let reputation = Reputation(ppb: Int64.random(in: 50_000_000...1_000_000_000, using: &g))
            let c = Double.random(in: 0...1, using: &g) < share
            let value = c ? attack(&g, i) : FixedDecimal(nanos: Int64.random(in: 95_000_000_000...105_000_000_000, using: &g))
            let r = OracleReport(validatorID: "v\(i)", stake: stake, reputation: reputation, values: [value])
            reports.append(r)
            colluding.append(c)
            tw += r.weight
            if c { cw += r.weight }
        }
        return Case(reports: reports, colluding: colluding, colludingWeight: cw, totalWeight: tw)
    }

    @Test("Colluding weight < 1/2: the consensus stays within the honest reports' range (≥ 1000 sets)")
    func minorityCannotLeaveHonestRange() throws {
        var g = SeededGenerator(seed: 1401)
        let oracle = OracleConsensus()
        var checked = 0, attempts = 0
        while checked < 1_000 {
            attempts += 1
            try #require(attempts < 100_000)
            // Colluders report anything, each its own value, from 0 to 10 000.
            let c = Self.randomCase(&g) { g, _ in FixedDecimal(nanos: Int64.random(in: 0...10_000_000_000_000, using: &g)) }
            guard 2 * c.colludingWeight < c.totalWeight, c.colluding.contains(true) else { continue }
            let honest = zip(c.reports, c.colluding).filter { !$0.1 }.map { $0.0.values[0] }
            let result = try oracle.aggregateWithConsensus(fields: ["price"], reports: c.reports)
            let v = result.values[0]
            #expect(v >= honest.min()! && v <= honest.max()!, "weight \(c.colludingWeight)/\(c.totalWeight): \(v)")
            checked += 1
        }
    }

    @Test("Colluding weight > 1/2: the coalition places the consensus anywhere it chooses (≥ 1000 sets)")
    func majorityPlacesConsensusAnywhere() throws {
        var g = SeededGenerator(seed: 1402)
        let oracle = OracleConsensus()
        var checked = 0, attempts = 0, outsideHonestRange = 0, withHonest = 0
        while checked < 1_000 {
            attempts += 1
            try #require(attempts < 100_000)
            let target = FixedDecimal(nanos: Int64.random(in: 0...10_000_000_000_000, using: &g))
            let c = Self.randomCase(&g) { _, _ in target }
            guard 2 * c.colludingWeight > c.totalWeight else { continue }
            let result = try oracle.aggregateWithConsensus(fields: ["price"], reports: c.reports)
            #expect(result.values[0] == target)
            let honest = zip(c.reports, c.colluding).filter { !$0.1 }.map { $0.0.values[0] }
            if let lo = honest.min(), let hi = honest.max() {
                withHonest += 1
                if target < lo || target > hi { outsideHonestRange += 1 }
            }
            checked += 1
        }
        // The targets were drawn over [0, 10 000], nearly always outside the honest 95–105: placed there.
        #expect(withHonest > 500 && Double(outsideHonestRange) >= 0.98 * Double(withHonest))
    }
}
