import GCTEconomics
import GCTGPU
import Testing

/// The token-flow kernel's CPU twin against `TokenFlowModel`, the same model written with
/// GCTEconomics' TokenAmount, Rate, PaymentSplit, MarketMultiplier and EmissionSchedule.
@Suite("Token flow: CPU twin agrees with the GCTEconomics model to the base unit")
struct TokenFlowAgreementTests {
    static let cases: [(String, TokenFlowParameters)] = [
        ("peer defaults, 2 years", TokenFlowParameters(seed: 9, replications: 6, days: 800)),
        // ratio 60 000 / ~200 000 < 0.5: the high-demand branch
        ("high demand", TokenFlowParameters(seed: 3, replications: 4, days: 400, meanDailyExecutions: 200_000)),
        // ratio > 2 and < 10 executions a day: oversupply and the inversion sampler
        ("oversupply, tiny demand", TokenFlowParameters(seed: 4, replications: 4, days: 100, meanDailyExecutions: 4.5)),
        // the cap binds within days; all staked quickly
        ("cap binds", TokenFlowParameters(seed: 5, replications: 3, days: 500, burnRate: Rate(1, over: 2),
                                          miningRate: Rate(1, over: 2), validatorRate: Rate(3, over: 1), dailyStakeRate: Rate(1, over: 10),
                                          initialSupply: TokenAmount(gct: 990_000_000), initialStaked: TokenAmount(gct: 1))),
        ("no demand, no stake", TokenFlowParameters(seed: 6, replications: 2, days: 730, meanDailyExecutions: 0,
                                                    initialStaked: .zero)),
    ]

    @Test(arguments: 0 ..< cases.count)
    func everyDayAgrees(_ index: Int) throws {
        let (name, p) = Self.cases[index]
        let kernel = try TokenFlowEnsemble.run(p, keepDaily: true, on: .cpu)
        let daily = try #require(kernel.daily)
        #expect(daily.count == p.replications * p.days)
        let model = TokenFlowModel(p)
        for r in 0 ..< p.replications {
            let swift = model.run(replication: r)
            let twin = Array(daily[r * p.days ..< (r + 1) * p.days])
            if let d = swift.indices.first(where: { swift[$0] != twin[$0] }) {
                Issue.record("\(name): replication \(r) day \(d): swift \(swift[d]) kernel \(twin[d])")
            }
            #expect(kernel.finals[r] == swift.last, "\(name) replication \(r)")
        }
    }

    /// The same days whatever the number of host threads (each replication is one thread's, in its own
    /// slots), including more threads than replications and a count that does not divide them.
    @Test func anyThreadCountSameDays() throws {
        let p = TokenFlowParameters(seed: 11, replications: 7, days: 400)
        let one = try TokenFlowEnsemble.run(p, keepDaily: true, threads: 1, on: .cpu)
        for threads in [0, 2, 3, 8] {
            let many = try TokenFlowEnsemble.run(p, keepDaily: true, threads: threads, on: .cpu)
            #expect(many.daily == one.daily, "threads \(threads)")
            #expect(many.finals == one.finals, "threads \(threads)")
        }
    }

    /// Supply is conserved every day: circulating + staked + burned = minted ≤ cap.
    @Test(arguments: 0 ..< cases.count)
    func supplyIsConserved(_ index: Int) throws {
        let (_, p) = Self.cases[index]
        for day in try #require(try TokenFlowEnsemble.run(p, keepDaily: true, on: .cpu).daily) {
            #expect(day.circulating + day.staked + day.burned == day.minted)
            #expect(day.minted <= p.cap && day.circulating >= .zero)
        }
    }

    /// Worked example, day 1 without demand: 0 executions → ratio 60 000 / 1 > 2 → multiplier 0.6,
    /// fees 0, burn 0. Staking flow: 300 M GCT circulating × 1/1000 = 300 000 GCT. Mining due:
    /// floor(4·10¹⁷ × (1/50) × 1/365) = floor(4·10¹⁷ / 18 250) = 21 917 808 219 178 base units.
    /// Validator due: floor(10¹⁷ × (2/25) / 365) = floor(8·10¹⁵ / 365) = 21 917 808 219 178.
    @Test func workedExampleFirstDayWithoutDemand() throws {
        let p = TokenFlowParameters(seed: 1, replications: 1, days: 1, meanDailyExecutions: 0)
        let day = try #require(try TokenFlowEnsemble.run(p, on: .cpu).finals.first)
        #expect(day.executions == 0 && day.fees == .zero && day.burned == .zero)
        #expect(day.multiplier == Rate(3, over: 5))
        #expect(day.emissionDue == TokenAmount(baseUnits: 2 * 21_917_808_219_178))
        #expect(day.minted == TokenAmount(gct: 400_000_000) + TokenAmount(baseUnits: 2 * 21_917_808_219_178))
        #expect(day.staked == TokenAmount(gct: 100_300_000) + TokenAmount(baseUnits: 21_917_808_219_178))
    }

    /// A year of days mints exactly the annual amounts (EmissionSchedule's cumulative floor).
    @Test func aYearMintsTheAnnualAmounts() throws {
        let p = TokenFlowParameters(seed: 1, replications: 1, days: 365, meanDailyExecutions: 0, dailyStakeRate: Rate(0, over: 1))
        let day = try #require(try TokenFlowEnsemble.run(p, on: .cpu).finals.first)
        // mining: 400 M × 2 % = 8 M GCT; validators: 100 M × 8 % = 8 M GCT
        #expect(day.minted == TokenAmount(gct: 416_000_000))
        #expect(day.staked == TokenAmount(gct: 108_000_000))
    }

    @Test func invalidRatesAreRejected() {
        var p = TokenFlowParameters(replications: 1, days: 1)
        p.burnRate = Rate(3, over: 2)
        #expect(throws: KernelError.self) { try TokenFlowEnsemble.run(p, on: .cpu) }
    }
}
