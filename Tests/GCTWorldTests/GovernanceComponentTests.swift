import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

/// Governance alone: a proposer staked in a book, the steps driven from the queue, the
/// parameters value changed in place.
@Suite("Governance component")
struct GovernanceComponentTests {
    static func scenario(stake: TokenAmount = gct("50000"), support: Double = 1) -> ScenarioConfiguration {
        var c = smallMarket(hours: 24 * 30)
        c.governance = GovernanceConfiguration(proposals: [
            ProposalConfiguration(
                title: "burn", at: .days(1), parameters: [.burnRate(Rate(1, over: 100))], votingPeriod: .days(2),
                executionDelay: .days(1), support: support, proposerStake: stake),
        ])
        return c
    }

    /// Runs every governance event in the queue, in order.
    func drive(_ g: inout GovernanceProcess, _ b: inout ComponentBench, voters: [AccountID] = []) -> [SimTime] {
        var times: [SimTime] = []
        while let (t, event) = b.next() {
            guard case let .governance(p, step) = event else { continue }
            times.append(t)
            g.step(Int(p), step, at: t, voters: voters, parameters: &b.parameters, queue: &b.queue, ledger: b.ledger, shared: b.shared)
        }
        return times
    }

    @Test("submit at day 1, vote halfway, tally at day 3, execute at day 4: the burn rate in force becomes 0.01")
    func passes() throws {
        var b = try ComponentBench(Self.scenario())
        var book = StakingBook()
        var g = try GovernanceProcess(
            b.configuration, replication: 0, parameters: b.parameters, ledger: &b.ledger, staking: &book, reserve: b.accounts.reserve)
        #expect(b.ledger.totalStaked == gct("50000"))
        g.scheduleFirstEvents(&b.queue)
        let times = drive(&g, &b)
        let expected: [SimTime] = (1...4).map { SimTime.zero + SimDuration.days($0) }
        #expect(times == expected)
        #expect(b.parameters.burnRate == Rate(1, over: 100))
        #expect(g.proposalsPassed == 1)
        #expect(g.outcomes == ["burn: passed, executed at day 4 (burn_rate 0.005 → 0.01)"])
    }

    @Test("below the minimum governance stake the spec's error is recorded and nothing changes")
    func refused() throws {
        var b = try ComponentBench(Self.scenario(stake: gct("49999")))
        var book = StakingBook()
        var g = try GovernanceProcess(
            b.configuration, replication: 0, parameters: b.parameters, ledger: &b.ledger, staking: &book, reserve: b.accounts.reserve)
        g.scheduleFirstEvents(&b.queue)
        let times = drive(&g, &b)
        #expect(times == [.zero + .days(1)])
        #expect(b.parameters == EconomicParameters(scenario: b.configuration))
        #expect(g.outcomes.count == 1 && g.outcomes[0].hasPrefix("burn: rejected at submission (Insufficient stake"))
    }

    @Test("a larger staker voting no defeats it: rejected by vote, the parameters untouched")
    func rejected() throws {
        var c = Self.scenario(support: 0)
        c.governance?.turnout = 1  // every staker votes; with support 0 all but the proposer vote no
        var b = try ComponentBench(c)
        var book = StakingBook()
        var g = try GovernanceProcess(c, replication: 0, parameters: b.parameters, ledger: &b.ledger, staking: &book, reserve: b.accounts.reserve)
        let whale = b.ledger.openAccount(.user, name: "whale")
        try Genesis.fund(whale, gct("60000"), "w", ledger: &b.ledger, reserve: b.accounts.reserve)
        _ = try Genesis.stake(gct("60000"), whale, "w", parameters: b.parameters, ledger: &b.ledger, staking: &book)
        g.scheduleFirstEvents(&b.queue)
        _ = drive(&g, &b, voters: [whale])
        // yes 50 000 / (50 000 + 60 000) is not above 1/2.
        #expect(b.parameters.burnRate == Rate(5, over: 1000))
        #expect(g.proposalsPassed == 0 && g.outcomes == ["burn: rejected by vote"])
        let record = try g.system.record(try #require(g.proposalIDs[0]))
        #expect(record.yes == gct("50000") && record.no == gct("60000"))
    }
}
