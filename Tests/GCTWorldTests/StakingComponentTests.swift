import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

/// Staking and emissions alone: a staking book, stakers, pools paid out by hand-computed shares.
@Suite("Staking and emissions component")
struct StakingComponentTests {
    static func scenario(outsideYield: Rate = .zero) -> ScenarioConfiguration {
        var c = smallMarket(hours: 24 * 30)
        c.stakers = StakersConfiguration(
            count: 2, balance: gct("50000.5"), initialStakeFraction: 0, outsideYield: outsideYield,
            reviewPeriod: .days(7), inertia: 0)
        return c
    }

    @Test("mining pool paid pro rata to GPU-seconds: 1 GCT over 1 s and 3 s is 0.25 and 0.75; counters reset")
    func miningPayout() throws {
        var b = try ComponentBench(Self.scenario())
        var staking = StakingEmissions(b.configuration)
        var providers = ProviderPool(count: 2, ledger: &b.ledger)
        providers.gpuSeconds = [1, 3]
        try b.ledger.transfer(gct("1"), from: b.accounts.reserve, to: b.accounts.miningPool, memo: .genesis)
        staking.payMiningPool(&providers, pool: b.accounts.miningPool, ledger: &b.ledger)
        #expect(b.ledger.balance(of: providers.accounts[0]) == gct("0.25"))
        #expect(b.ledger.balance(of: providers.accounts[1]) == gct("0.75"))
        #expect(providers.gpuSeconds == [0, 0] && staking.miningPaid == gct("1"))
        #expect(b.ledger.balance(of: b.accounts.miningPool) == .zero)
    }

    @Test("validator fees pro rata to stake × reputation: 10 000 × 1 and 30 000 × 0.5 share 5 GCT as 2 and 3")
    func validatorFees() throws {
        var b = try ComponentBench(Self.scenario())
        var staking = StakingEmissions(b.configuration)
        var validators: [ValidatorState] = []
        for (stake, ppb) in [("10000", Int64(1_000_000_000)), ("30000", 500_000_000)] {
            let account = b.ledger.openAccount(.validator, name: "v\(validators.count)")
            try Genesis.fund(account, gct(stake), "stake", ledger: &b.ledger, reserve: b.accounts.reserve)
            let position = try Genesis.stake(gct(stake), account, "v", parameters: b.parameters, ledger: &b.ledger, staking: &staking.book)
            validators.append(ValidatorState(id: "v", account: account, position: position, reputation: Reputation(clampingPPB: ppb), region: 0))
        }
        try b.ledger.transfer(gct("5"), from: b.accounts.reserve, to: b.accounts.validatorPool, memo: .genesis)
        staking.payValidatorFees(validators, pool: b.accounts.validatorPool, ledger: &b.ledger)
        #expect(b.ledger.balance(of: validators[0].account) == gct("2"))
        #expect(b.ledger.balance(of: validators[1].account) == gct("3"))
        #expect(staking.validatorFeesPaid == gct("5"))
    }

    @Test("an epoch mints only the emissions it reports, conserves supply and schedules the next epoch a day later")
    func epoch() throws {
        var b = try ComponentBench(Self.scenario())
        var staking = StakingEmissions(b.configuration)
        try staking.openStakers(b.configuration, replication: 0, parameters: b.parameters, ledger: &b.ledger, reserve: b.accounts.reserve)
        staking.start(parameters: b.parameters, ledger: b.ledger)
        var providers = ProviderPool(count: 1, ledger: &b.ledger)
        providers.gpuSeconds = [10]
        let minted = b.ledger.minted
        let day = SimTime.zero + .days(1)
        staking.rewardEpoch(
            at: day, parameters: b.parameters, providers: &providers, validators: [], queue: &b.queue, ledger: &b.ledger,
            shared: b.shared)
        // 2 %/yr and 8 %/yr of 100 000 000 GCT for one day of 365, each rounded down to the base unit.
        #expect(b.ledger.minted - minted == gct("5479.452054794") + gct("21917.808219178"))
        #expect(b.ledger.balance(of: b.accounts.emissionPool) == gct("21917.808219178"))
        #expect(b.ledger.balance(of: providers.accounts[0]) == staking.miningPaid && staking.miningPaid.isPositive)
        #expect(b.ledger.checkSupplyInvariant())
        let popped = b.next()
        let (next, event) = try #require(popped)
        #expect(next == day + .days(1))
        guard case .rewardEpoch = event else { Issue.record("expected the next epoch, got \(event)"); return }
    }

    @Test("stakers' policy: add half the free balance (whole GCT) while staking pays more than outside; unstake the newest position when it pays less")
    func stakerPolicy() throws {
        for (outside, stakes) in [(Rate.zero, true), (Rate.one, false)] {
            var b = try ComponentBench(Self.scenario(outsideYield: outside))
            var staking = StakingEmissions(b.configuration)
            try staking.openStakers(b.configuration, replication: 0, parameters: b.parameters, ledger: &b.ledger, reserve: b.accounts.reserve)
            #expect(staking.stakers.count == 2 && staking.stakers.allSatisfy { $0.positions.isEmpty })
            staking.stakerReview(0, at: .zero + .days(1), parameters: b.parameters, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
            let account = staking.stakers[0].account
            #expect(staking.stakers[0].positions.count == (stakes ? 1 : 0))
            #expect(b.ledger.accounts[Int(account.rawValue)].staked == (stakes ? gct("25000") : .zero))
            #expect(b.ledger.balance(of: account) == (stakes ? gct("25000.5") : gct("50000.5")))
            // The next review, one period later.
            let popped = b.next()
            let (next, _) = try #require(popped)
            #expect(next == .zero + .days(8))
            // A second review adds to the stake: half of 25 000 is 12 500 ≥ the minimum 10 000.
            staking.stakerReview(0, at: .zero + .days(8), parameters: b.parameters, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
            #expect(b.ledger.accounts[Int(account.rawValue)].staked == (stakes ? gct("37500") : .zero))
            #expect(staking.stakers[0].positions.count == (stakes ? 2 : 0))
        }
    }

    @Test("stakers' policy: a staker whose yield falls below the outside yield unstakes its newest position")
    func stakerReduces() throws {
        var b = try ComponentBench(Self.scenario(outsideYield: .zero))
        var staking = StakingEmissions(b.configuration)
        try staking.openStakers(b.configuration, replication: 0, parameters: b.parameters, ledger: &b.ledger, reserve: b.accounts.reserve)
        staking.stakerReview(0, at: .zero + .days(1), parameters: b.parameters, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        staking.stakerReview(0, at: .zero + .days(2), parameters: b.parameters, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        let account = staking.stakers[0].account
        #expect(b.ledger.accounts[Int(account.rawValue)].staked == gct("37500"))
        // The outside yield rises above any APY: the newest position (12 500) is unstaked.
        var high = StakingEmissions(Self.scenario(outsideYield: .one))
        high.book = staking.book
        high.stakers = staking.stakers
        high.stakerStreams = staking.stakerStreams
        high.stakerReview(0, at: .zero + .days(3), parameters: b.parameters, queue: &b.queue, ledger: &b.ledger, shared: b.shared)
        let newest = try #require(high.stakers[0].positions.last)
        #expect(high.book.positions[Int(newest.rawValue)].status != .active)
        #expect(high.book.positions[Int(high.stakers[0].positions[0].rawValue)].status == .active)
    }
}
