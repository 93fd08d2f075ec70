import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

/// The oracle network alone: validators staked in a staking book, rounds on a given market load.
@Suite("Oracle network component")
struct OracleNetworkTests {
    static func scenario(validators: Int = 5, noise: Double = 0) -> ScenarioConfiguration {
        var c = smallMarket()
        c.validators = ValidatorsConfiguration(
            count: validators, stake: .constant(value: 20_000), reputation: 1, noise: noise, unavailability: 0)
        c.oracle = OracleConfiguration(period: .minutes(5), detector: false)
        return c
    }

    func network(_ c: ScenarioConfiguration, _ b: inout ComponentBench, _ book: inout StakingBook) throws -> OracleNetwork {
        try OracleNetwork(c, replication: 0, parameters: b.parameters, ledger: &b.ledger, staking: &book, reserve: b.accounts.reserve)
    }

    @Test("genesis: each validator is funded from the reserve and stakes its stake")
    func genesis() throws {
        var b = try ComponentBench(Self.scenario())
        var book = StakingBook()
        let oracle = try network(b.configuration, &b, &book)
        #expect(oracle.validators.count == 5 && book.positions.count == 5)
        #expect(b.ledger.totalStaked == gct("100000"))
        #expect(oracle.validators.allSatisfy { book.positions[Int($0.position.rawValue)].amount == gct("20000") })
        #expect(b.ledger.checkSupplyInvariant())
    }

    @Test("a noiseless round: consensus on the truth, the multiplier of the true ratio, the next round scheduled")
    func exactRound() throws {
        var b = try ComponentBench(Self.scenario())
        var book = StakingBook()
        var oracle = try network(b.configuration, &b, &book)
        // 10 servers, 10 running, 10 waiting: supply/demand = 10 / 20 = 0.5.
        let load = MarketLoad(capacity: 10, running: 10, waiting: 10)
        let time = SimTime.zero + .minutes(5)
        oracle.round(
            at: time, market: load, bias: OracleBias(), parameters: b.parameters, staking: &book,
            queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        let expected = MarketMultiplier(mode: .fixed).multiplier(supplyDemandRatio: FixedDecimal(nanos: 500_000_000))
        #expect(oracle.marketMultiplier == expected)
        #expect(oracle.rounds == 1 && oracle.outliersTotal == 0 && oracle.unavailableTotal == 0)
        #expect(abs(oracle.consensusPrice - 0.1 * expected.doubleValue) < 1e-9)
        let popped = b.next()
        let (next, event) = try #require(popped)
        #expect(next == time + .minutes(5))
        guard case .oracleRound = event else { Issue.record("expected the next round, got \(event)"); return }
    }

    @Test("two of five colluders at +50 %: the stake-weighted median holds, both are outliers")
    func collusion() throws {
        var b = try ComponentBench(Self.scenario())
        var book = StakingBook()
        var honest = try network(b.configuration, &b, &book)
        var attacked = honest
        var book2 = book, ledger2 = b.ledger, queue2 = b.queue
        let load = MarketLoad(capacity: 8, running: 4, waiting: 0)
        honest.round(
            at: .zero, market: load, bias: OracleBias(), parameters: b.parameters, staking: &book,
            queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        attacked.round(
            at: .zero, market: load, bias: OracleBias(validators: 2, bias: 0.5), parameters: b.parameters, staking: &book2,
            queue: &queue2, ledger: &ledger2, shared: b.shared)
        #expect(attacked.marketMultiplier == honest.marketMultiplier)
        #expect(attacked.outliersTotal == 2 && honest.outliersTotal == 0)
        #expect(attacked.validators[0].outlierRounds == 1 && attacked.validators[4].outlierRounds == 0)
        #expect(attacked.validators[0].reputation < attacked.validators[4].reputation)
    }

    @Test("without validators a round does nothing and schedules nothing")
    func noValidators() throws {
        var c = smallMarket()
        c.validators = nil
        var b = try ComponentBench(c)
        var book = StakingBook()
        var oracle = try network(c, &b, &book)
        oracle.scheduleFirstEvents(&b.queue)
        oracle.round(
            at: .zero, market: MarketLoad(capacity: 1, running: 0, waiting: 0), bias: OracleBias(), parameters: b.parameters,
            staking: &book, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        #expect(b.next() == nil && oracle.rounds == 0 && oracle.marketMultiplier == .one)
    }
}
