import GCTEconomics
import GCTWorld

/// Admission control: the limits a decoded scenario must respect so that `run` starts and ends.
///
/// The decoder checks each value's type and range; this pass checks what the values imply for a
/// run: no arithmetic on them overflows or traps, nothing allocates beyond the documented limits
/// (a scenario that validates runs within 4 GiB of address space) and no value creates unbounded
/// work (events every nanosecond, arrivals at 1e308 per second, a horizon of centuries).
/// `validate` says ok ⇒ `run` starts. Every limit is listed in docs/scenarios.md ("Limits").
public enum ScenarioLimits {
    /// Largest whole number of any scenario key (counts, requests, …), checked while decoding.
    public static let maximumInteger = 1_000_000_000_000
    /// Longest simulated run, `warmup + duration`: 100 years.
    public static let maximumHorizon = ScenarioDuration.days(36_500)
    /// Most replications of one run.
    public static let maximumReplications = 100_000
    /// Most servers (`providers.servers`, `autoscaling.max_servers`) and providers.
    public static let maximumServers = 1_000_000
    /// Most users, all classes together.
    public static let maximumUsers = 10_000_000
    /// Most user classes.
    public static let maximumUserClasses = 1_000
    /// Most validators.
    public static let maximumValidators = 10_000
    /// Most stakers.
    public static let maximumStakers = 1_000_000
    /// Most governance proposals, and most whale requests per attack.
    public static let maximumProposals = 10_000
    public static let maximumWhaleRequests = 10_000_000
    /// Shortest period of a recurring event (oracle round, staking epoch, auto-scaling, staker review, metrics).
    public static let minimumPeriod = ScenarioDuration.seconds(1)
    /// Most occurrences of one recurring event over the horizon (metric snapshots: `maximumSnapshots`).
    public static let maximumPeriods: Int64 = 100_000_000
    /// Most metric snapshots per replication.
    public static let maximumSnapshots: Int64 = 10_000_000
    /// Arrival rate of one user class, per second: at least 1e-9 (one in 30 years), at most 1e6.
    public static let minimumArrivalRate = 1e-9
    public static let maximumArrivalRate = 1e6
    /// Largest hourly weight of a daily profile.
    public static let maximumProfileWeight = 1e6
    /// Provider speed: in [1e-6, 1e6].
    public static let speedRange: ClosedRange<Double> = 1e-6...1e6
    /// Largest mean service time, after dividing by the speed: 10^9 s (about 32 years).
    public static let maximumMeanServiceSeconds = 1e9
    /// Largest value of any time distribution parameter, in seconds (service times).
    public static let maximumTimeParameterSeconds = 1e12

    /// Checks `c` against the limits; `tree` is the resolved tree it was decoded from, to locate errors.
    public static func check(_ c: ScenarioConfiguration, tree: ScenarioNode) throws(ScenarioError) {
        let at = Locator(tree: tree)
        func fail(_ keyPath: String, _ message: String) -> ScenarioError {
            ScenarioError(at: at(keyPath), keyPath: keyPath, message)
        }

        // Horizon.
        let (horizonNS, overflow) = c.warmup.nanoseconds.addingReportingOverflow(c.duration.nanoseconds)
        if overflow || horizonNS > maximumHorizon.nanoseconds {
            let key = c.warmup > c.duration ? "warmup" : "duration"
            throw fail(key, "warmup + duration (\(c.warmup) + \(c.duration)) must not exceed \(maximumHorizon) (100 years, the longest run)")
        }
        let horizon = ScenarioDuration(nanoseconds: horizonNS)
        if c.replications > maximumReplications {
            throw fail("replications", "replications must be at most \(maximumReplications), got \(c.replications)")
        }

        // Recurring events.
        func period(_ d: ScenarioDuration, _ keyPath: String, maximum: Int64 = maximumPeriods) throws(ScenarioError) {
            if d < minimumPeriod {
                throw fail(keyPath, "\(keyPath) must be at least \(minimumPeriod) (the shortest period of a recurring event), got \(d)")
            }
            if horizon.nanoseconds / d.nanoseconds > maximum {
                throw fail(keyPath, "\(keyPath) (\(d)) gives more than \(maximum) events over warmup + duration (\(horizon)); use a longer period")
            }
        }
        try period(c.metrics.interval, "metrics.interval", maximum: maximumSnapshots)
        let hasStaking = c.validators != nil || c.stakers != nil || c.governance != nil
        if hasStaking { try period(c.economy.staking.epoch, "economy.staking.epoch") }
        if c.validators != nil { try period((c.oracle ?? OracleConfiguration()).period, "oracle.period") }
        if let a = c.autoscaling, a.enabled { try period(a.period, "autoscaling.period") }
        if let s = c.stakers { try period(s.reviewPeriod, "stakers.review_period") }

        // Sizes.
        func count(_ n: Int, _ keyPath: String, _ maximum: Int, _ what: String) throws(ScenarioError) {
            if n > maximum { throw fail(keyPath, "\(keyPath) must be at most \(maximum) (\(what)), got \(n)") }
        }
        try count(c.providers.servers, "providers.servers", maximumServers, "the most servers")
        try count(c.providers.count, "providers.count", maximumServers, "the most providers")
        if let a = c.autoscaling {
            try count(a.maxServers, "autoscaling.max_servers", maximumServers, "the most servers")
            try count(a.minServers, "autoscaling.min_servers", maximumServers, "the most servers")
        }
        try count(c.users.count, "users", maximumUserClasses, "the most user classes")
        var users = 0
        for (i, u) in c.users.enumerated() {
            users += min(u.count, maximumUsers + 1)
            try count(users, "users.\(i).count", maximumUsers, "the most users, all classes together")
        }
        if let v = c.validators { try count(v.count, "validators.count", maximumValidators, "the most validators") }
        if let s = c.stakers { try count(s.count, "stakers.count", maximumStakers, "the most stakers") }
        if let g = c.governance {
            try count(g.proposals.count, "governance.proposals", maximumProposals, "the most proposals")
            for (i, p) in g.proposals.enumerated() where p.at > horizon {
                throw fail("governance.proposals.\(i).at", "governance.proposals.\(i).at (\(p.at)) is after the end of the run (warmup + duration = \(horizon))")
            }
        }
        if let a = c.attacks {
            for (i, w) in a.whales.enumerated() {
                try count(w.requests, "attacks.whales.\(i).requests", maximumWhaleRequests, "the most whale requests")
                if w.at > horizon {
                    throw fail("attacks.whales.\(i).at", "attacks.whales.\(i).at (\(w.at)) is after the end of the run (warmup + duration = \(horizon))")
                }
            }
            var validators = c.validators?.count ?? 0
            for (i, s) in a.sybil.enumerated() {
                validators += s.validators
                try count(validators, "attacks.sybil.\(i).validators", maximumValidators, "the most validators (sybils included)")
            }
            for (i, t) in a.washTrading.enumerated() {
                let seconds = Double(min(t.end, horizon).nanoseconds - t.start.nanoseconds) / 1e9
                if t.ratePerSecond * seconds > Double(maximumWhaleRequests) {
                    throw fail("attacks.wash_trading.\(i).rate_per_s", "attacks.wash_trading.\(i): rate_per_s × window (\(t.ratePerSecond * seconds) trades) exceeds the most attack requests (\(maximumWhaleRequests))")
                }
            }
        }

        // Service times: finite, bounded means and samples that fit the clock.
        let speed = c.providers.speed
        if !speedRange.contains(speed) {
            throw fail("providers.speed", "providers.speed must be in [1e-6, 1e6], got \(speed)")
        }
        // Calibrated: the mean service time of each class's mean request must fit like a distribution's mean.
        let profiles = [c.providers.serviceTime.calibration] + c.providers.groups.map(\.calibration)
        for profile in profiles.compactMap({ $0 }) {
            for u in c.users {
                let (m, cu, t) = (u.resources.memoryGB.mean ?? 0, u.resources.computeUnits.mean ?? 0, u.resources.minutes.mean ?? 0)
                for op in u.operations where op.weight > 0 {
                    guard let s = profile.meanSeconds(op.operation, memoryGB: m, computeUnits: cu, minutes: t) else { continue }
                    guard (s / speed).isFinite, s / speed <= maximumMeanServiceSeconds else {
                        throw fail("providers.service_time.calibration", "providers.service_time.calibration: the mean calibrated service time of \(op.operation.rawValue) for user class '\(u.name)' (\(s) s) / providers.speed must be at most \(Int(maximumMeanServiceSeconds)) s")
                    }
                }
            }
        }
        var distributions = [("providers.service_time.default", c.providers.serviceTime.default)]
        distributions += c.providers.serviceTime.perOperation.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { ("providers.service_time.\($0.key.rawValue)", $0.value) }
        for (keyPath, d) in distributions {
            if let big = parameters(d).first(where: { !($0 <= maximumTimeParameterSeconds) }) {
                throw fail(keyPath, "\(keyPath): a parameter of \(big) s exceeds \(Int(maximumTimeParameterSeconds)) s")
            }
            if case let .pareto(_, shape) = d, shape <= 1 {
                throw fail(keyPath, "\(keyPath): a service time needs a finite mean: pareto shape must be > 1, got \(shape)")
            }
            guard let mean = d.mean, (mean / speed).isFinite, mean / speed <= maximumMeanServiceSeconds else {
                throw fail(keyPath, "\(keyPath): mean service time / providers.speed must be at most \(Int(maximumMeanServiceSeconds)) s")
            }
        }

        // Arrivals.
        for (i, u) in c.users.enumerated() {
            let rate = u.arrival.ratePerSecond
            if !(rate >= minimumArrivalRate && rate <= maximumArrivalRate) {
                throw fail("users.\(i).arrival.rate_per_s", "users.\(i).arrival.rate_per_s must be in [1e-9, 1e6] per second, got \(rate)")
            }
            if let profile = u.arrival.dailyProfile,
                let w = profile.first(where: { !($0 >= 0 && $0 <= maximumProfileWeight) })
            {
                throw fail("users.\(i).arrival.daily_profile", "users.\(i).arrival.daily_profile weights must be in [0, 1e6], got \(w)")
            }
        }

        try checkGenesis(c, fail)
    }

    /// The numbers of a distribution (for the size check).
    static func parameters(_ d: DistributionSpec) -> [Double] {
        switch d {
        case let .constant(v): return [v]
        case let .uniform(a, b): return [a, b]
        case let .exponential(m): return [m]
        case let .normal(m, sd): return [m, sd]
        case let .lognormal(m, _): return [m]
        case let .pareto(xm, _): return [xm]
        case let .empirical(values, _): return values
        }
    }

    /// Genesis funds every account from the reserve (the initial supply), in this order: user budgets,
    /// validator stakes, staker balances, proposer stakes, whale budgets. What a run
    /// would refuse is refused here, at the key whose amount first exceeds what is left. Validator
    /// stakes drawn from an unbounded distribution are counted at the minimum stake.
    static func checkGenesis(_ c: ScenarioConfiguration, _ fail: (String, String) -> ScenarioError) throws(ScenarioError) {
        var left = c.economy.initialSupply
        func take(_ amount: TokenAmount, times n: Int, _ keyPath: String, _ what: String) throws(ScenarioError) {
            let (total, overflow) = amount.baseUnits.multipliedReportingOverflow(by: Int64(n))
            if overflow || total > left.baseUnits {
                throw fail(keyPath, "\(what) (\(overflow ? "more than 9.2e9 GCT" : "\(TokenAmount(baseUnits: total)) GCT")) exceed the initial supply left in the reserve at genesis (\(left) GCT of economy.initial_supply \(c.economy.initialSupply))")
            }
            left = TokenAmount(baseUnits: left.baseUnits - total)
        }
        for (i, u) in c.users.enumerated() {
            try take(u.budget, times: u.count, "users.\(i).budget", "the budgets of user class '\(u.name)' (count × budget)")
        }
        if let v = c.validators {
            let minimum = c.economy.staking.minStake
            var upper = minimum
            switch v.stake {
            case let .constant(x): upper = max(minimum, gct(x))
            case let .uniform(_, b): upper = max(minimum, gct(b))
            case let .empirical(values, _): upper = max(minimum, gct(values.max() ?? 0))
            default: break
            }
            try take(upper, times: v.count, "validators.stake", "validator stakes (count × largest stake)")
        }
        if let s = c.stakers {
            try take(s.balance, times: s.count, "stakers.balance", "staker balances (count × balance)")
        }
        if let g = c.governance {
            for (i, p) in g.proposals.enumerated() {
                try take(p.proposerStake, times: 1, "governance.proposals.\(i).proposer_stake", "proposer stakes")
            }
        }
        if let a = c.attacks {
            for (i, w) in a.whales.enumerated() {
                try take(w.payment, times: w.requests, "attacks.whales.\(i).payment", "the budget of whale \(i) (payment × requests)")
            }
        }
        // Governance-capture stakes are opened with the proposers, before the whales; then wash
        // traders' budgets; sybil stakes last.
        if let a = c.attacks {
            for (i, g) in a.governanceCapture.enumerated() {
                try take(g.stake, times: 1, "attacks.governance_capture.\(i).stake", "the stake of governance-capture attacker \(i)")
            }
            for (i, t) in a.washTrading.enumerated() {
                try take(t.amount, times: 1, "attacks.wash_trading.\(i).amount", "the budget of wash trader \(i)")
            }
            for (i, s) in a.sybil.enumerated() {
                try take(s.stake ?? c.economy.staking.minStake, times: s.validators, "attacks.sybil.\(i).validators", "the stakes of sybil attack \(i) (validators × stake)")
            }
        }
    }

    /// `x` GCT in base units, rounded down like genesis does, saturating.
    static func gct(_ x: Double) -> TokenAmount {
        let units = (x * 1e9).rounded(.down)
        guard units.isFinite, units < 0x1p63 else { return TokenAmount(baseUnits: .max) }
        return TokenAmount(baseUnits: max(0, Int64(units)))
    }
}

/// Finds where a dotted key path (`users.0.arrival.rate_per_s`) was written in the resolved tree:
/// the deepest node of the path that exists, else the root.
struct Locator {
    let tree: ScenarioNode

    func callAsFunction(_ keyPath: String) -> SourceLocation {
        var node = tree
        for part in keyPath.split(separator: ".") {
            let next: ScenarioNode?
            switch node.kind {
            case let .mapping(entries): next = entries.first { $0.key == part }?.value
            case let .sequence(items): next = Int(part).flatMap { $0 >= 0 && $0 < items.count ? items[$0] : nil }
            default: next = nil
            }
            guard let next else { break }
            node = next
        }
        return node.location
    }
}
