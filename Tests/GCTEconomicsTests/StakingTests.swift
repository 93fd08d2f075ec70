import Testing
import _GCTTestSupport
@testable import GCTEconomics

@Suite("Staking: minimum, rewards, accrual, unstaking, slashing, funding")
struct StakingTests {
    /// PRD-010 `calculate_staking_rewards`, computed by hand:
    /// 10 000:    0.12 + min(0.01, 0.08) = 0.13 → 1 300
    /// 50 000:    0.12 + min(0.05, 0.08) = 0.17 → 8 500
    /// 80 000:    0.12 + min(0.08, 0.08) = 0.20 → 16 000
    /// 2 000 000: 0.12 + min(2,    0.08) = 0.20 → 400 000
    /// 25 000.5:  0.12 + 0.0250005 = 0.1450005 → 25 000 × 0.1450005 + 0.5 × 0.1450005 = 3 625.0125 + 0.07250025
    @Test("spec worked examples", arguments: [
        ("10000", "0.13", "1300"),
        ("50000", "0.17", "8500"),
        ("80000", "0.2", "16000"),
        ("2000000", "0.2", "400000"),
        // = 3 625.08500025 exactly
        ("25000.5", "0.1450005", "3625.08500025"),
        // 12 345.678901234 × 0.132345678901234 = 1 633.897255680454… → 1 633.89725568 (down)
        ("12345.678901234", "0.132345678901234", "1633.89725568"),
    ])
    func specRewards(stake: String, apy: String, annual: String) throws {
        let s = try TokenAmount(parsing: stake)
        #expect(StakingYield.annualPercentageYield(stake: s) == (try Rate(parsing: apy)))
        #expect(StakingYield.expectedAnnualRewards(stake: s) == (try TokenAmount(parsing: annual)))
    }

    struct World {
        var ledger = Ledger()
        var book = StakingBook()
        let alice: AccountID, pool: AccountID, treasury: AccountID
        let p = EconomicParameters.specDefaults
        init(aliceBalance: String = "3000000", pool poolBalance: String = "0") {
            alice = ledger.openAccount(.user, name: "alice")
            pool = ledger.openAccount(.emissionPool, name: "pool")
            treasury = ledger.openAccount(.treasury, name: "treasury")
            try! ledger.mint(gct(aliceBalance), to: alice, memo: .genesis)
            if gct(poolBalance).isPositive { try! ledger.mint(gct(poolBalance), to: pool, memo: .genesis) }
        }
    }

    @Test("a stake of 9 999.999999999 GCT is rejected with the spec's error; 10 000 is accepted")
    func minimum() throws {
        var w = World()
        #expect(throws: StakingError.belowMinimum(amount: gct("9999.999999999"), minimum: gct("10000"))) {
            try w.book.stake(gct("9999.999999999"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        }
        #expect(StakingError.belowMinimum(amount: gct("9999.999999999"), minimum: gct("10000")).description
                .hasPrefix("Stake amount below minimum threshold: 10000 GCT"))
        #expect(w.book.positions.isEmpty && w.ledger.supply.staked == .zero)
        let id = try w.book.stake(gct("10000"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        let pos = try w.book.position(id)
        #expect(pos.status == .active && pos.expectedAnnualRewards == gct("1300"))
        #expect(w.ledger.supply.staked == gct("10000"))
        #expect(w.ledger.supply.circulating == gct("2990000"))
    }

    @Test("insufficient balance: typed ledger error, nothing staked")
    func insufficient() {
        var w = World(aliceBalance: "10000")
        #expect(throws: StakingError.ledger(.insufficientBalance(account: w.alice, needed: gct("20000"), available: gct("10000")))) {
            try w.book.stake(gct("20000"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        }
        #expect(w.book.positions.isEmpty)
    }

    @Test("a year of daily epochs pays exactly the annual figure", arguments: ["10000", "50000", "80000", "2000000", "33333.333333333"])
    func yearOfDailyEpochs(stake: String) throws {
        var w = World(pool: "1000000")
        let id = try w.book.stake(gct(stake), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        var paid = TokenAmount.zero
        for day in 1...365 {
            let r = w.book.accrueRewards(through: .zero + .days(Int64(day)), funding: .emissionPool, source: w.pool, ledger: &w.ledger)
            #expect(r.shortfall == .zero)
            paid += r.paid
            #expect(w.ledger.checkSupplyInvariant())
        }
        #expect(paid == StakingYield.expectedAnnualRewards(stake: gct(stake)))
        #expect(try w.book.position(id).paidTotal == paid)
    }

    @Test("irregular epochs (7 days, then 1 hour steps) still sum exactly to the annual figure")
    func irregularEpochs() throws {
        var w = World(pool: "1000000")
        _ = try w.book.stake(gct("33333.333333333"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        var t = Timestamp.zero
        var paid = TokenAmount.zero
        while t < .zero + .days(364) {
            t = t + .days(7)
            if t > .zero + .days(364) { t = .zero + .days(364) }
            paid += w.book.accrueRewards(through: t, funding: .emissionPool, source: w.pool, ledger: &w.ledger).paid
        }
        for _ in 0..<24 { t = t + .hours(1); paid += w.book.accrueRewards(through: t, funding: .emissionPool, source: w.pool, ledger: &w.ledger).paid }
        #expect(t == .zero + .year)
        #expect(paid == StakingYield.expectedAnnualRewards(stake: gct("33333.333333333")))
    }

    @Test("a short emission pool pays pro rata and reports the shortfall")
    func shortfall() throws {
        var w = World(pool: "100")
        _ = try w.book.stake(gct("10000"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        // 365 days: promised 1 300 GCT; the pool holds 100 GCT.
        let r = w.book.accrueRewards(through: .zero + .year, funding: .emissionPool, source: w.pool, ledger: &w.ledger)
        #expect(r.promised == gct("1300") && r.paid == gct("100") && r.shortfall == gct("1200"))
        let u = w.book.accrueRewards(through: .zero + .year + .year, funding: .unfunded, source: nil, ledger: &w.ledger)
        #expect(u.promised == gct("1300") && u.paid == .zero && u.shortfall == gct("1300"))
        let m = w.book.accrueRewards(through: .zero + .days(3 * 365), funding: .mint, source: nil, ledger: &w.ledger)
        #expect(m.paid == gct("1300") && w.ledger.minted == gct("3000100") + gct("1300"))
        #expect(w.book.positions[0].shortfallTotal == gct("2500"))
    }

    @Test("unstake with and without cooldown")
    func unstake() throws {
        var w = World()
        let a = try w.book.stake(gct("10000"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        try w.book.requestUnstake(a, at: .zero + .days(1), cooldown: .zero, ledger: &w.ledger)
        #expect(try w.book.position(a).status == .withdrawn && w.ledger.supply.staked == .zero)
        let b = try w.book.stake(gct("20000"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        try w.book.requestUnstake(b, at: .zero + .days(1), cooldown: .days(7), ledger: &w.ledger)
        #expect(try w.book.position(b).status == .unbonding)
        #expect(throws: StakingError.cooldownNotElapsed(b, until: .zero + .days(8))) {
            try w.book.completeUnstake(b, at: .zero + .days(7), ledger: &w.ledger)
        }
        try w.book.completeUnstake(b, at: .zero + .days(8), ledger: &w.ledger)
        #expect(w.ledger.balance(of: w.alice) == gct("3000000"))
        // Rewards stop at the unstake request: 1 day of each position is still paid.
        let r = w.book.accrueRewards(through: .zero + .days(30), funding: .mint, source: nil, ledger: &w.ledger)
        // 10 000 × 0.13 / 365 = 3.561643835…; 20 000 × 0.14 / 365 = 7.671232876…
        #expect(r.promised == gct("3.561643835") + gct("7.671232876"))
    }

    @Test("slashing burns or pays the treasury, rounds down, and updates status")
    func slashing() throws {
        var w = World()
        let a = try w.book.stake(gct("10000.000000001"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        // 1 % of 10 000.000000001 = 100.00000000001 → 100 GCT (down)
        let s = try w.book.slash(a, fraction: Rate(1, over: 100), for: .oracleOutlier, at: .zero + .days(1),
                                 minimum: w.p.stakingMinimum, destination: nil, ledger: &w.ledger)
        #expect(s == gct("100"))
        #expect(w.ledger.burned == gct("100"))
        let p = try w.book.position(a)
        #expect(p.amount == gct("9900.000000001") && p.status == .slashed && p.lastOffence == .oracleOutlier)
        #expect(p.pendingDue.isPositive)  // the day before the slash is still owed
        let b = try w.book.stake(gct("100000"), owner: w.alice, at: .zero, minimum: w.p.stakingMinimum, ledger: &w.ledger)
        try w.book.slash(b, fraction: Rate(1, over: 10), for: .provenManipulation, at: .zero,
                         minimum: w.p.stakingMinimum, destination: w.treasury, ledger: &w.ledger)
        #expect(w.ledger.balance(of: w.treasury) == gct("10000"))
        #expect(try w.book.position(b).status == .active)
        #expect(w.ledger.auditAllAccounts() == nil)
    }
}
