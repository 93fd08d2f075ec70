import GCTEconomics
import GCTWorld

/// Writes a `ScenarioConfiguration` as canonical YAML (see `ResolvedScenario.canonicalYAML`).
enum CanonicalYAML {
    static func emit(_ c: ScenarioConfiguration) -> String {
        var w = Writer()
        w.line(0, "name", quoted(c.name))
        w.line(0, "description", quoted(c.description))
        w.line(0, "seed", String(c.seed))
        w.line(0, "replications", String(c.replications))
        w.line(0, "duration", c.duration.canonicalText)
        w.line(0, "warmup", c.warmup.canonicalText)
        w.section(0, "metrics")
        w.line(1, "interval", c.metrics.interval.canonicalText)
        w.line(1, "sample_events", bool(c.metrics.sampleEvents))

        let e = c.economy
        w.section(0, "economy")
        w.line(1, "burn_rate", quoted(e.burnRate.description))
        w.section(1, "distribution")
        w.line(2, "provider", quoted(e.distribution.provider.description))
        w.line(2, "validators", quoted(e.distribution.validators.description))
        w.line(2, "fee_pool", quoted(e.distribution.feePool.description))
        w.line(1, "initial_supply", amount(e.initialSupply))
        w.line(1, "cap", amount(e.cap))
        w.section(1, "staking")
        w.line(2, "min_stake", amount(e.staking.minStake))
        w.line(2, "epoch", e.staking.epoch.canonicalText)
        w.line(2, "funding", e.staking.funding.rawValue)
        w.line(2, "cooldown", e.staking.cooldown.canonicalText)
        w.section(1, "emission")
        w.line(2, "mining", quoted(e.emission.miningRate.description))
        w.line(2, "validator", quoted(e.emission.validatorRate.description))
        w.section(1, "slashing")
        w.line(2, "oracle_outlier", rate(e.slashing.oracleOutlier))
        w.line(2, "unavailability", rate(e.slashing.unavailability))
        w.line(2, "proven_manipulation", rate(e.slashing.provenManipulation))
        w.line(2, "destination", e.slashing.destination.rawValue)
        w.line(1, "governance_minimum_stake", amount(e.governanceMinimumStake))
        w.line(1, "treasury", amount(e.treasury))

        let p = c.pricing
        w.section(0, "pricing")
        w.line(1, "mode", p.mode.rawValue)
        w.line(1, "market_multiplier", p.marketMultiplier.rawValue)
        w.line(1, "queue_priority", p.queuePriority.rawValue)
        if let price = p.fixedPrice { w.line(1, "fixed_price", amount(price)) }

        let s = c.providers
        w.section(0, "providers")
        w.line(1, "servers", String(s.servers))
        w.line(1, "count", String(s.count))
        w.line(1, "failure_probability", number(s.failureProbability))
        w.section(1, "service_time")
        w.line(2, "default", distribution(s.serviceTime.default, time: true))
        for op in ScenarioOperation.allCases {
            if let d = s.serviceTime.perOperation[op] { w.line(2, op.rawValue, distribution(d, time: true)) }
        }
        w.line(1, "speed", number(s.speed))

        w.section(0, "users")
        for u in c.users {
            w.item(1, "name", quoted(u.name))
            w.line(2, "count", String(u.count))
            w.section(2, "arrival")
            w.line(3, "process", u.arrival.process.rawValue)
            w.line(3, "rate_per_s", number(u.arrival.ratePerSecond))
            if let profile = u.arrival.dailyProfile {
                w.line(3, "daily_profile", "[" + profile.map(number).joined(separator: ", ") + "]")
            }
            w.section(2, "ops")
            for o in u.operations { w.line(3, o.operation.rawValue, number(o.weight)) }
            w.section(2, "resources")
            w.line(3, "memory_gb", distribution(u.resources.memoryGB, time: false))
            w.line(3, "compute_units", distribution(u.resources.computeUnits, time: false))
            w.line(3, "minutes", distribution(u.resources.minutes, time: false))
            w.line(2, "budget", amount(u.budget))
            if let t = u.topUp {
                w.section(2, "top_up")
                w.line(3, "amount", amount(t.amount))
                w.line(3, "when_below", amount(t.whenBelow))
            }
            if let m = u.maxPrice { w.line(2, "max_price", amount(m)) }
            if let pay = u.payment { w.line(2, "payment", amount(pay)) }
        }
        if let v = c.validators { validators(v, &w) }
        if let o = c.oracle { oracle(o, &w) }
        if let a = c.autoscaling { autoscaling(a, &w) }
        if let s = c.stakers { stakers(s, &w) }
        if let g = c.governance { governance(g, &w) }
        if let a = c.attacks { attacks(a, &w) }
        return w.text
    }

    static func validators(_ v: ValidatorsConfiguration, _ w: inout Writer) {
        w.section(0, "validators")
        w.line(1, "count", String(v.count))
        w.line(1, "stake", distribution(v.stake, time: false))
        w.line(1, "reputation", number(v.reputation))
        w.section(1, "regions")
        for r in v.regions { w.line(2, quoted(r.name), number(r.weight)) }
        w.section(1, "hardware")
        w.line(2, "gpu_count", String(v.hardware.gpuCount))
        w.line(2, "memory_gb", number(v.hardware.memoryGB))
        w.line(2, "compute_capability", number(v.hardware.computeCapability))
        w.line(1, "noise", number(v.noise))
        w.line(1, "unavailability", number(v.unavailability))
        w.section(1, "response_time")
        w.line(2, "mean", v.responseTime.mean.canonicalText)
        w.line(2, "deadline", v.responseTime.deadline.canonicalText)
    }

    static func oracle(_ o: OracleConfiguration, _ w: inout Writer) {
        w.section(0, "oracle")
        w.line(1, "period", o.period.canonicalText)
        w.line(1, "outlier_max_deviation", rate(o.outlierMaxDeviation))
        w.line(1, "slash_outliers", bool(o.slashOutliers))
        w.line(1, "slash_unavailable", bool(o.slashUnavailable))
        w.line(1, "detector", bool(o.detector))
        w.line(1, "regional_pricing", bool(o.regionalPricing))
        w.line(1, "time_of_day_pricing", bool(o.timeOfDayPricing))
        w.line(1, "utc_offset_hours", number(o.utcOffsetHours))
    }

    static func autoscaling(_ a: AutoscalingConfiguration, _ w: inout Writer) {
        w.section(0, "autoscaling")
        w.line(1, "enabled", bool(a.enabled))
        w.line(1, "period", a.period.canonicalText)
        w.line(1, "provisioning_delay", a.provisioningDelay.canonicalText)
        w.line(1, "min_servers", String(a.minServers))
        w.line(1, "max_servers", String(a.maxServers))
        w.line(1, "velocity_window", a.velocityWindow.canonicalText)
    }

    static func stakers(_ s: StakersConfiguration, _ w: inout Writer) {
        w.section(0, "stakers")
        w.line(1, "count", String(s.count))
        w.line(1, "balance", amount(s.balance))
        w.line(1, "initial_stake_fraction", number(s.initialStakeFraction))
        w.line(1, "outside_yield", rate(s.outsideYield))
        w.line(1, "review_period", s.reviewPeriod.canonicalText)
        w.line(1, "inertia", number(s.inertia))
    }

    static func governance(_ g: GovernanceConfiguration, _ w: inout Writer) {
        w.section(0, "governance")
        w.line(1, "quorum", rate(g.quorum))
        w.line(1, "threshold", rate(g.threshold))
        w.line(1, "emergency_threshold", rate(g.emergencyThreshold))
        w.line(1, "turnout", number(g.turnout))
        if g.proposals.isEmpty {
            w.line(1, "proposals", "[]")
        } else {
            w.section(1, "proposals")
        }
        for p in g.proposals {
            w.item(2, "title", quoted(p.title))
            w.line(3, "at", p.at.canonicalText)
            w.line(3, "kind", p.kind.rawValue)
            if p.parameters.isEmpty {
                w.line(3, "parameters", "{}")
            } else {
                w.section(3, "parameters")
                for change in p.parameters { w.line(4, change.key.rawValue, quoted(change.valueText)) }
            }
            w.line(3, "voting_period", p.votingPeriod.canonicalText)
            w.line(3, "execution_delay", p.executionDelay.canonicalText)
            w.line(3, "support", number(p.support))
            w.line(3, "proposer_stake", amount(p.proposerStake))
        }
    }

    static func attacks(_ a: AttacksConfiguration, _ w: inout Writer) {
        w.section(0, "attacks")
        if a.oracleManipulation.isEmpty { w.line(1, "oracle_manipulation", "[]") } else { w.section(1, "oracle_manipulation") }
        for m in a.oracleManipulation {
            w.item(2, "start", m.start.canonicalText)
            w.line(3, "end", m.end.canonicalText)
            w.line(3, "validators", String(m.validators))
            w.line(3, "bias", number(m.bias))
        }
        if a.whales.isEmpty { w.line(1, "whales", "[]") } else { w.section(1, "whales") }
        for whale in a.whales {
            w.item(2, "at", whale.at.canonicalText)
            w.line(3, "user_class", quoted(whale.userClass))
            w.line(3, "payment", amount(whale.payment))
            w.line(3, "requests", String(whale.requests))
            w.line(3, "spacing", whale.spacing.canonicalText)
        }
    }

    struct Writer {
        var text = ""
        mutating func line(_ depth: Int, _ key: String, _ value: String) {
            text += String(repeating: "  ", count: depth) + key + ": " + value + "\n"
        }
        mutating func section(_ depth: Int, _ key: String) {
            text += String(repeating: "  ", count: depth) + key + ":\n"
        }
        /// The first line of a list item: `- key: value` at `depth`.
        mutating func item(_ depth: Int, _ key: String, _ value: String) {
            text += String(repeating: "  ", count: depth - 1) + "  - " + key + ": " + value + "\n"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func amount(_ a: TokenAmount) -> String { quoted(a.decimalString()) }

    /// A rate as its exact text: a decimal, or `n/d` (which the decoder reads back).
    static func rate(_ r: Rate) -> String { quoted(r.description) }

    static func bool(_ b: Bool) -> String { b ? "true" : "false" }

    /// Swift's shortest round-tripping text of a double (`7.2`, `1.0`, `1e-05`).
    static func number(_ x: Double) -> String { "\(x)" }

    /// A time in seconds, written back as an exact duration (times are whole nanoseconds).
    static func time(_ seconds: Double) -> String {
        ScenarioDuration(nanoseconds: Int64((seconds * 1e9).rounded())).canonicalText
    }

    static func distribution(_ d: DistributionSpec, time isTime: Bool) -> String {
        func t(_ x: Double) -> String { isTime ? time(x) : number(x) }
        switch d {
        case let .constant(v): return "{dist: constant, value: \(t(v))}"
        case let .uniform(a, b): return "{dist: uniform, min: \(t(a)), max: \(t(b))}"
        case let .exponential(m): return "{dist: exponential, mean: \(t(m))}"
        case let .normal(m, sd): return "{dist: normal, mean: \(t(m)), sd: \(t(sd))}"
        case let .lognormal(m, cv): return "{dist: lognormal, mean: \(t(m)), cv: \(number(cv))}"
        case let .pareto(xm, a): return "{dist: pareto, scale: \(t(xm)), shape: \(number(a))}"
        case let .empirical(values, weights):
            return "{dist: empirical, values: [\(values.map(t).joined(separator: ", "))], weights: [\(weights.map(number).joined(separator: ", "))]}"
        }
    }
}
