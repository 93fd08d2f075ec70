import Foundation
import GCTEconomics
import GCTEngine
import Testing
@testable import GCTWorld

/// Each loop of the full economy closes through the real library code.
@Suite("Full economy: the loops close")
struct EconomyLoopTests {
    /// Runs replication 0 of `c` and returns the world at its end with what the observer saw.
    func run(_ c: ScenarioConfiguration, prepare: ((inout World) -> Void)? = nil) throws -> (World, RecordingObserver) {
        let o = RecordingObserver()
        var world = try World(c, replication: 0, observer: o)
        prepare?(&world)
        _ = world.runToEnd(stopFlag: nil)
        #expect(world.violation == nil, "\(String(describing: world.violation))")
        return (world, o)
    }

    @Test("raising demand raises the market multiplier and the price paid")
    func demandRaisesPrice() throws {
        func outcome(rate: Double) throws -> (multiplier: Double, meanCost: Double) {
            let c = try loadScenario("scenarios/ci/smoke.yaml", [
                "duration=12h", "autoscaling.enabled=false", "users.0.arrival.rate_per_s=\(rate)"])
            let (world, o) = try run(c)
            let completed = o.executions.filter { $0.outcome == .completed && $0.arrival.ticks > 3_600_000_000 }
            let meanCost = Double(completed.reduce(0) { $0 + $1.cost.baseUnits }) / Double(completed.count) / 1e9
            return (world.oracle.multiplierStatistics.mean, meanCost)
        }
        let low = try outcome(rate: 0.2), high = try outcome(rate: 3.0)
        #expect(high.multiplier > low.multiplier + 0.1, "multiplier \(low.multiplier) → \(high.multiplier)")
        #expect(high.meanCost > low.meanCost * 1.05, "mean cost \(low.meanCost) → \(high.meanCost)")
    }

    @Test("sustained high velocity with high demand triggers scale-up; capacity follows after the provisioning delay")
    func scaleUp() throws {
        var c = smallMarket(servers: 2, hours: 36)
        c.replications = 1
        c.users[0].budget = TokenAmount(gct: 5)  // little circulating supply: velocity well above 2
        c.users[0].topUp = TopUpConfiguration(amount: TokenAmount(gct: 5), whenBelow: TokenAmount(gct: 1))
        c.users[0].arrival.ratePerSecond = 1.5  // 2 servers, 3 s service: overloaded
        c.providers.failureProbability = 0
        c.autoscaling = AutoscalingConfiguration(
            period: .hours(1), provisioningDelay: .minutes(10), minServers: 1, maxServers: 16, velocityWindow: .days(1),
            velocity: .annualized)  // the spec's annualized reading: volume ≫ the small supply
        let o = ScalingRecorder()
        var world = try World(c, replication: 0, observer: o)
        _ = world.runToEnd(stopFlag: nil)
        let up = try #require(o.rows.first { $0.action == .scaleUp }, "no scale-up in \(o.rows.count) decisions")
        #expect(up.velocity > 2 && up.demand > 0.8 * Double(up.capacityBefore))
        #expect(abs(up.factor - min(0.5 * up.velocity, 2)) < 1e-9)
        let arrived = try #require(o.rows.first { $0.action == .arrived && $0.time > up.time })
        #expect(arrived.time == up.time + .minutes(10))
        #expect(arrived.capacityAfter == up.capacityAfter && arrived.capacityAfter > up.capacityBefore)
        #expect(world.autoscaler.capacityMax > 2)
    }

    /// Completion time of a request = arrival + wait + service.
    func burnShares(_ o: RecordingObserver, executedAt t: SimTime) -> (before: Double, after: Double) {
        var b = (0.0, 0.0), a = (0.0, 0.0)
        for r in o.executions where r.outcome == .completed {
            let done = r.arrival + r.wait + r.service
            if done < t { b.0 += Double(r.burned.baseUnits); b.1 += Double(r.cost.baseUnits) }
            else if done > t { a.0 += Double(r.burned.baseUnits); a.1 += Double(r.cost.baseUnits) }
        }
        return (b.0 / b.1, a.0 / a.1)
    }

    @Test("a passed proposal changes the burn actually applied from its execution time on; a failed one changes nothing")
    func governanceChangesBurn() throws {
        // smoke: burn_rate 0.005 → 0.01 submitted at 6 h, voting 1 d, no delay: executes at 30 h.
        let passing = try loadScenario("scenarios/ci/smoke.yaml", ["duration=40h"])
        let (w1, o1) = try run(passing)
        #expect(w1.parameters.burnRate == Rate(1, over: 100))
        let s1 = burnShares(o1, executedAt: .hours(30))
        #expect(abs(s1.before - 0.005) < 0.0001 && abs(s1.after - 0.01) < 0.0001, "\(s1)")
        let failing = try loadScenario("scenarios/ci/smoke.yaml", ["duration=40h", "governance.proposals.0.support=0"])
        let (w2, o2) = try run(failing)
        #expect(w2.parameters.burnRate == Rate(5, over: 1000))
        let s2 = burnShares(o2, executedAt: .hours(30))
        #expect(abs(s2.before - 0.005) < 0.0001 && abs(s2.after - 0.005) < 0.0001, "\(s2)")
        #expect(w2.governance.outcomes.first?.contains("rejected") == true)
    }

    @Test("a validator that always reports 30 % high loses reputation and weight")
    func biasedValidator() throws {
        var c = try loadScenario("scenarios/ci/smoke.yaml", ["duration=1d"])
        c.attacks = AttacksConfiguration(oracleManipulation: [
            OracleManipulationAttack(start: .zero, end: .days(1), validators: 1, bias: 0.3)])
        let (world, _) = try run(c)
        let v = world.oracle.validators
        let weight = v.map { Double(world.staking.book.positions[Int($0.position.rawValue)].amount.baseUnits) * $0.reputation.doubleValue }
        #expect(v[0].outlierRounds > 50)
        #expect(v[0].reputation < Reputation(ppb: 200_000_000))
        let honest = v.dropFirst().map(\.reputation.doubleValue)
        #expect(honest.min()! > 0.5 && honest.reduce(0, +) / Double(honest.count) > 0.85, "\(honest)")
        #expect(weight[0] < 0.25 * weight[1...].min()!)
    }

    /// 60 stakers × 100 000 GCT = 6 M GCT staked of a 10 M GCT supply (60 %); each stake ≥ 80 000 GCT
    /// earns the spec's 20 %: promised 1.2 M GCT a year, while 8 % validator emission funds 0.8 M GCT.
    /// Over 10 daily epochs: promised 60 × floor(100 000 × 0.2 × 10 / 365) = 60 × 547.945205479
    /// = 32 876.71232874 GCT; validator emission floor(10 M × 0.08 × 10 / 365) = 21 917.808219178 GCT,
    /// all of it paid out (but for pro-rata dust left in the pool); shortfall 10 958.904109562 GCT + dust.
    @Test("promised vs funded staking APY: the shortfall is reported, to hand-computed figures")
    func stakingGap() throws {
        var c = smallMarket(servers: 1, hours: 10 * 24)
        c.replications = 1
        c.warmup = .zero
        c.users[0].arrival.ratePerSecond = 0.001
        c.users[0].count = 1
        c.economy.initialSupply = TokenAmount(gct: 10_000_000)
        c.economy.feePool = .keep  // the emission alone funds the APY (with `staking`, fees would add to it)
        c.stakers = StakersConfiguration(count: 60, balance: TokenAmount(gct: 100_000), initialStakeFraction: 1,
                                         reviewPeriod: .days(365), inertia: 1)
        let (world, _) = try run(c)
        let perPosition = TokenAmount(baseUnits: 547_945_205_479)  // floor(100 000e9 × 0.2 × 10 / 365)
        #expect(world.staking.promised == TokenAmount(baseUnits: perPosition.baseUnits * 60))
        let emission = TokenAmount(baseUnits: 21_917_808_219_178)  // floor(10 000 000e9 × 0.08 × 10 / 365)
        let dust = world.ledger.balance(of: world.accounts.emissionPool)
        #expect(world.staking.paid + dust == emission)
        #expect(dust.baseUnits < 60)
        let shortfall = world.staking.promised - world.staking.paid
        #expect(shortfall == TokenAmount(baseUnits: 10_958_904_109_562) + dust)
        let report = Dictionary(world.economyReport().metrics.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(abs((report["apy_promised"] ?? 0) - 0.2) < 1e-6)
        #expect(abs((report["apy_paid"] ?? 0) - 0.08 / 0.6) < 1e-4)
    }

    @Test("the baseline is deterministic and its replications independent (6 simulated hours)")
    func baselineDeterminism() throws {
        let c = try loadScenario("scenarios/baseline.yaml", ["duration=6h", "warmup=0s", "replications=2", "governance.proposals.0.at=3h"])
        func report(threads: Int) throws -> String {
            let outcomes = try ReplicationRunner.run(c, threads: threads, observer: { _ in NullObserver() }, stopFlag: nil)
            return RunReport(scenario: c.name, scenarioHash: "-", seed: c.seed, replications: 2, outcomes: outcomes).comparableText
        }
        let a = try report(threads: 1), b = try report(threads: 2)
        #expect(a == b)
        #expect(a.contains("\noracle_rounds="))
    }
}

final class ScalingRecorder: WorldObserver, @unchecked Sendable {
    var rows: [ScalingRow] = []
    func scaling(_ row: ScalingRow) { rows.append(row) }
}

/// Slashing with consequences (issue 13): a validator slashed below the minimum stake leaves the
/// validator set — no reports, no fee share — and the oracle goes on with the others.
@Suite("Slashed validators leave the set")
struct SlashedValidatorTests {
    @Test("attacks.yaml with a 90 % outlier slash: the attacker is slashed out, stops reporting and earns nothing more")
    func slashedOut() throws {
        let c = try loadScenario("scenarios/ci/attacks.yaml", ["economy.slashing.oracle_outlier=0.9"])
        var world = try World(c, replication: 0, observer: ScalingRecorder())
        _ = world.runToEnd(stopFlag: nil)
        #expect(world.violation == nil)
        let out = world.oracle.validators.filter { world.staking.book.positions[Int($0.position.rawValue)].status != .active }
        try #require(!out.isEmpty, "no validator left the set")
        for v in out {
            // Asked only while in the set: fewer rounds than the validators still in it.
            #expect(v.asked < world.oracle.rounds)
        }
        let report = world.economyReport().metrics
        #expect((report[.oracleFailedRounds] ?? 1) == 0)
    }
}

/// Treasury and compute units as documented (issue 13): the treasury is minted at genesis besides
/// the initial supply, within the cap; a fractional `compute_units` prices the fraction.
@Suite("Genesis treasury and fractional compute units")
struct GenesisTreasuryTests {
    @Test("economy.treasury is minted besides the initial supply, up to the cap")
    func treasuryMinted() throws {
        // 100 M initial + 900 M treasury = the 1 B cap: valid, and every user budget still comes
        // out of the initial supply (the reserve), not the treasury.
        let c = try loadScenario("scenarios/ci/smoke.yaml", ["economy.treasury=900_000_000"])
        let world = try World(c, replication: 0, observer: ScalingRecorder())
        #expect(world.ledger.supply.minted == TokenAmount(gct: 1_000_000_000))
        #expect(world.ledger.balance(of: world.shared.accounts.treasury) == TokenAmount(gct: 900_000_000))
        // One base unit more is over the cap: refused where it is written.
        #expect(throws: (any Error).self) {
            _ = try loadScenario("scenarios/ci/smoke.yaml", ["economy.treasury=900_000_000.000000001"])
        }
    }

    @Test("compute_units 0.4 prices 0.4 units (not rounded to 0)")
    func fractionalComputeUnits() throws {
        func meanCost(_ units: String) throws -> Double {
            let c = try loadScenario("scenarios/ci/fixed-pool.yaml", ["duration=1h", "users.0.resources.compute_units=\(units)"])
            let o = RecordingObserver()
            var world = try World(c, replication: 0, observer: o)
            _ = world.runToEnd(stopFlag: nil)
            let costs = o.executions.filter { $0.outcome == .completed }.map { Double($0.cost.baseUnits) }
            return costs.reduce(0, +) / Double(costs.count)
        }
        let zero = try meanCost("0"), fraction = try meanCost("0.4")
        #expect(fraction > zero, "compute_units 0.4 priced like 0: \(zero) vs \(fraction)")
    }
}

/// Regional pricing in the loop (issue 13): validators report per region; a class's requests pay its
/// region's multiplier; without `oracle.regional_pricing` a class's region changes nothing.
@Suite("Regional pricing")
struct RegionalPricingTests {
    func run(_ overrides: [String]) throws -> (World, RecordingObserver) {
        let c = try loadScenario("scenarios/ci/smoke.yaml", ["duration=12h", "autoscaling.enabled=false"] + overrides)
        let o = RecordingObserver()
        var world = try World(c, replication: 0, observer: o)
        _ = world.runToEnd(stopFlag: nil)
        #expect(world.violation == nil)
        return (world, o)
    }

    @Test("the region holding all the demand on half the capacity pays more than the network")
    func scarceRegionPaysMore() throws {
        let (off, o0) = try run([])
        let (on, o1) = try run(["oracle.regional_pricing=true"])
        // smoke: researchers in us-east, validators in us-east and eu-west (equal weights).
        #expect(on.oracle.reportFields == OracleNetwork.fields + ["capacity/eu-west", "demand/eu-west", "capacity/us-east", "demand/us-east"])
        let east = try #require(on.scenario.configuration.validators?.regions.firstIndex { $0.name == "us-east" })
        #expect(on.oracle.regionalMultipliers[east] > .one, "\(on.oracle.regionalMultipliers)")
        func paid(_ o: RecordingObserver) -> Int64 { o.executions.filter { $0.outcome == .completed }.reduce(0) { $0 + $1.cost.baseUnits } }
        #expect(paid(o1) > paid(o0))
        #expect(off.oracle.regionalMultipliers.isEmpty)
    }

    @Test("a class region without regional pricing leaves the run identical")
    func regionAloneIsInert() throws {
        let (_, a) = try run([])
        let (_, b) = try run(["users.0.region=eu-west"])
        #expect(a.executions.map(\.cost) == b.executions.map(\.cost))
        #expect(a.executions.count == b.executions.count)
    }
}
