import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

/// Attacks alone: the oracle-manipulation window and whales sending requests into a market.
@Suite("Attacks component")
struct AttacksComponentTests {
    static func scenario() -> ScenarioConfiguration {
        var c = smallMarket()
        c.users[0].maxPrice = nil
        c.attacks = AttacksConfiguration(
            oracleManipulation: [OracleManipulationAttack(start: .hours(1), end: .hours(2), validators: 2, bias: 0.3)],
            whales: [WhaleAttack(at: .minutes(30), userClass: c.users[0].name, payment: gct("1000"), requests: 3, spacing: .seconds(10))])
        return c
    }

    @Test("the manipulation is in force during [start, end) only")
    func bias() throws {
        var b = try ComponentBench(Self.scenario())
        let attacks = try Attacks(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        #expect(attacks.oracleBias(at: .zero + .minutes(59)).validators == 0)
        #expect(attacks.oracleBias(at: .zero + .hours(1)).validators == 2 && attacks.oracleBias(at: .zero + .hours(1)).bias == 0.3)
        #expect(attacks.oracleBias(at: .zero + .hours(2)).validators == 0)
    }

    @Test("a whale is funded with payment × requests, sends them spacing apart at its price, then stops")
    func whale() throws {
        var b = try ComponentBench(Self.scenario())
        var market = try ComputeMarket(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        var attacks = try Attacks(b.configuration, replication: 0, ledger: &b.ledger, reserve: b.accounts.reserve)
        let whale = attacks.whaleAccounts[0]
        #expect(b.ledger.balance(of: whale) == gct("3000"))
        attacks.scheduleFirstEvents(&b.queue)
        var times: [SimTime] = []
        while let (t, event) = b.next() {
            guard case let .whaleRequest(a) = event else { continue }
            times.append(t)
            attacks.whaleRequest(Int(a), at: t, market: &market, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        }
        let start = SimTime.zero + .minutes(30)
        #expect(times == [start, start + .seconds(10), start + .seconds(20)])
        #expect(attacks.whaleSent == [3] && market.counters.arrived == 3)
        // Every request holds (or paid) its 1 000 GCT: nothing is left to spend.
        #expect(b.ledger.balance(of: whale) == .zero)
        #expect(b.ledger.accounts[Int(whale.rawValue)].held == gct("3000"))
        #expect(b.ledger.checkSupplyInvariant())
    }
}
