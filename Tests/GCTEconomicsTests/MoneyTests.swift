import Testing
@testable import GCTEconomics

@Suite struct MoneyTests {
    @Test func parse() throws {
        #expect(try TokenAmount(parsing: "0.001").baseUnits == 1_000_000)
        #expect(try TokenAmount(parsing: "1_000_000_000").baseUnits == 1_000_000_000_000_000_000)
    }
}
