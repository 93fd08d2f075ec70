import GCTEconomics
import Testing

@testable import GCTScenario

@Suite("quote oracle reports file: read with the scenario parser, located errors")
struct OracleReportsFileTests {
    static let good = """
        fields: [price, memory]
        validators:
          - {id: a, stake: 1000, reputation: 0.9, values: {price: 0.10, memory: 640}}
          - id: b
            stake: 2000
            reputation: 0.5
            values: {memory: 600, price: 0.2}
          - {id: c, stake: 10, reputation: 0.05, available: false}
        """

    @Test("fields in the given order, values as exact decimals, unavailable validators apart")
    func reads() throws {
        let f = try OracleReportsFile(yaml: Self.good, path: "r.yaml")
        #expect(f.fields == ["price", "memory"])
        #expect(f.reports.map(\.validatorID) == ["a", "b"])
        #expect(f.reports[1].stake == TokenAmount(baseUnits: 2_000_000_000_000))
        #expect(f.reports[1].values == [try FixedDecimal(parsing: "0.2"), try FixedDecimal(parsing: "600")])
        #expect(f.unavailable == [UnavailableValidator(validatorID: "c", reputation: try Reputation(parsing: "0.05"))])
    }

    @Test("without fields: the keys of the first report, in its order")
    func defaultFields() throws {
        let f = try OracleReportsFile(yaml: "validators:\n  - {id: a, stake: 1, reputation: 1, values: {q: 1, p: 2}}\n", path: "r.yaml")
        #expect(f.fields == ["q", "p"])
    }

    @Test("each mistake is one error at its line and column", arguments: [
        ("stake: 2000", "stak: 2000", "r.yaml:5:5: error: unknown key 'stak' in validators.1", "did you mean 'stake'?"),
        ("reputation: 0.5", "reputation: 1.5", "r.yaml:6:17: error: validators.1.reputation: expected a number in [0, 1], got '1.5'", nil),
        ("stake: 2000", "stake: -5", "r.yaml:5:12: error: validators.1.stake: amount must not be negative", nil),
        ("price: 0.2}", "price: 0.2x}", "r.yaml:7:34: error: validators.1.values.price: bad number", nil),
        ("values: {memory: 600, price: 0.2}", "values: {memory: 600}", "r.yaml:7:13: error: validator 'b' does not report 'price'", nil),
        ("available: false", "available: no", "r.yaml:8:53: error: validators.2.available: expected true or false, got 'no'", "did you mean 'false'?"),
        ("validators:", "validator:", "r.yaml:2:1: error: unknown key 'validator' in the top level", "did you mean 'validators'?"),
    ] as [(String, String, String, String?)])
    func locatedErrors(from: String, to: String, prefix: String, suggestion: String?) throws {
        let yaml = Self.good.replacingOccurrences(of: from, with: to)
        #expect(yaml != Self.good)
        let error = try #require(throws: ScenarioError.self) { try OracleReportsFile(yaml: yaml, path: "r.yaml") }
        #expect(error.description.hasPrefix(prefix), "\(error)")
        if let suggestion { #expect(error.description.hasSuffix(suggestion), "\(error)") }
        #expect(!error.description.contains("\n"))
    }
}
