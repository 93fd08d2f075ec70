import Testing
import _GCTTestSupport
@testable import GCTEconomics

/// The two parameters made governable for the shipped proposals: the oracle's minimum reports and
/// the staking bonus cap.
@Suite("Governable: oracle_min_reports, staking_bonus_cap")
struct GovernableParameterTests {
    @Test("parsing, range checks and the spec's defaults (3 reports, 8 % cap)")
    func parseAndValidate() throws {
        var p = EconomicParameters.specDefaults
        #expect(p.oracleMinimumReports == 3 && p.stakingBonusCap == Rate(8, over: 100))
        #expect(try ParameterChange(.oracleMinimumReports, parsing: "5") == .oracleMinimumReports(5))
        #expect(try ParameterChange(.stakingBonusCap, parsing: "0.05") == .stakingBonusCap(Rate(5, over: 100)))
        try p.set(.oracleMinimumReports, to: "5")
        try p.set(.stakingBonusCap, to: "5%")
        #expect(p.value(of: .oracleMinimumReports) == "5" && p.value(of: .stakingBonusCap) == "0.05")
        #expect(throws: ParameterError.self) { try p.set(.oracleMinimumReports, to: "0") }
        #expect(throws: ParameterError.self) { try p.set(.oracleMinimumReports, to: "five") }
        #expect(throws: ParameterError.self) { try p.set(.stakingBonusCap, to: "1.5") }
        #expect(p.oracleMinimumReports == 5 && p.stakingBonusCap == Rate(5, over: 100))
    }

    /// 100 000 GCT: bonus min(0.1, cap). Cap 0.08 → APY 0.20; cap 0.05 → 0.17.
    /// Cap lowered at day 146 (0.4 year): 100 000 × 0.20 × 0.4 + 100 000 × 0.17 × 0.6 = 8 000 + 10 200 = 18 200 GCT.
    @Test("a cap lowered at day 146 of daily epochs pays 8 000 + 10 200 GCT over the year, exactly")
    func capChangeMidYear() throws {
        var ledger = Ledger()
        let alice = ledger.openAccount(.user, name: "alice"), pool = ledger.openAccount(.emissionPool, name: "pool")
        try ledger.mint(gct("100000"), to: alice, memo: .genesis)
        try ledger.mint(gct("1000000"), to: pool, memo: .genesis)
        var book = StakingBook()
        let id = try book.stake(gct("100000"), owner: alice, at: .zero, minimum: gct("10000"), ledger: &ledger)
        #expect(StakingYield.annualPercentageYield(stake: gct("100000"), bonusCap: Rate(5, over: 100)) == Rate(17, over: 100))
        #expect(try book.position(id).expectedAnnualRewards == gct("20000"))
        var paid = TokenAmount.zero
        for day in 1...365 {
            if day == 147 {
                book.setBonusCap(Rate(5, over: 100), at: .zero + .days(146))
                #expect(try book.position(id).expectedAnnualRewards == gct("17000"))
                book.setBonusCap(Rate(5, over: 100), at: .zero + .days(146))  // the same cap: nothing changes
            }
            paid += book.accrueRewards(through: .zero + .days(Int64(day)), funding: .emissionPool, source: pool, ledger: &ledger).paid
        }
        #expect(paid == gct("18200"))
        #expect(ledger.checkSupplyInvariant())
        // A new stake after the change gets the new cap.
        try ledger.mint(gct("200000"), to: alice, memo: .genesis)
        let b = try book.stake(gct("200000"), owner: alice, at: .zero + .year, minimum: gct("10000"), ledger: &ledger)
        #expect(try book.position(b).expectedAnnualRewards == gct("34000"))
    }
}
