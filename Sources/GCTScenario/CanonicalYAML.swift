import GCTEconomics
import GCTWorld

/// Writes a `ScenarioConfiguration` as canonical YAML (see `ResolvedScenario.canonicalYAML`).
enum CanonicalYAML {
    /// The scenario's declared keys in order (see `ScenarioConfiguration.keys`), at depth 0.
    static func emit(_ c: ScenarioConfiguration) -> String {
        var w = Writer()
        ScenarioConfiguration.keys.emit(c, depth: 0, into: &w)
        return w.text
    }

    /// `users:` and its list of user classes (read by hand: `ScenarioDecoder.users`).
    static func users(_ users: [UserClassConfiguration], depth: Int, _ w: inout Writer) {
        precondition(depth == 0, "users is a top-level key")
        w.section(0, "users")
        for u in users {
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
            if let r = u.region { w.line(2, "region", quoted(r)) }
        }
    }

    /// `proposals:` of `governance:` (read by hand: `ScenarioDecoder.proposal`).
    static func proposals(_ proposals: [ProposalConfiguration], depth: Int, _ w: inout Writer) {
        precondition(depth == 1, "proposals belongs to governance")
        if proposals.isEmpty {
            w.line(1, "proposals", "[]")
        } else {
            w.section(1, "proposals")
        }
        for p in proposals {
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
            if let share = m.weightShare { w.line(3, "weight_share", number(share)) } else { w.line(3, "validators", String(m.validators)) }
            if let f = m.fieldBias { w.line(3, "bias", fieldValues(f)) } else { w.line(3, "bias", number(m.bias)) }
            if let step = m.step { w.line(3, "step", fieldValues(step)) }
        }
        if a.whales.isEmpty { w.line(1, "whales", "[]") } else { w.section(1, "whales") }
        for whale in a.whales {
            w.item(2, "at", whale.at.canonicalText)
            w.line(3, "user_class", quoted(whale.userClass))
            w.line(3, "payment", amount(whale.payment))
            w.line(3, "requests", String(whale.requests))
            w.line(3, "spacing", whale.spacing.canonicalText)
        }
        // The later attack kinds only when present (scenarios without them keep their canonical text and hash).
        func bias(_ b: Double, _ f: OracleFieldValues?) -> String { f.map(fieldValues) ?? number(b) }
        if !a.sybil.isEmpty { w.section(1, "sybil") }
        for s in a.sybil {
            w.item(2, "start", s.start.canonicalText)
            w.line(3, "end", s.end.canonicalText)
            w.line(3, "validators", String(s.validators))
            if let stake = s.stake { w.line(3, "stake", amount(stake)) }
            w.line(3, "bias", bias(s.bias, s.fieldBias))
        }
        if !a.outages.isEmpty { w.section(1, "outage") }
        for o in a.outages {
            w.item(2, "start", o.start.canonicalText)
            w.line(3, "end", o.end.canonicalText)
            w.line(3, "offline_share", number(o.offlineShare))
            if let share = o.weightShare {
                w.line(3, "weight_share", number(share))
                w.line(3, "bias", bias(o.bias, o.fieldBias))
            }
        }
        if !a.washTrading.isEmpty { w.section(1, "wash_trading") }
        for t in a.washTrading {
            w.item(2, "start", t.start.canonicalText)
            w.line(3, "end", t.end.canonicalText)
            w.line(3, "mode", t.mode.rawValue)
            w.line(3, "rate_per_s", number(t.ratePerSecond))
            w.line(3, "user_class", quoted(t.userClass))
            w.line(3, "amount", amount(t.amount))
            w.line(3, "provider_share", number(t.providerShare))
        }
        if !a.governanceCapture.isEmpty { w.section(1, "governance_capture") }
        for g in a.governanceCapture {
            w.item(2, "at", g.at.canonicalText)
            w.line(3, "stake", amount(g.stake))
            w.section(3, "parameters")
            for change in g.parameters { w.line(4, change.key.rawValue, quoted(change.valueText)) }
            w.line(3, "voting_period", g.votingPeriod.canonicalText)
            w.line(3, "execution_delay", g.executionDelay.canonicalText)
            w.line(3, "honest_support", number(g.honestSupport))
            w.line(3, "provider_share", number(g.providerShare))
        }
    }

    /// A calibration profile inline (`calibration:` then `device` and `entries`), at `depth`.
    static func calibration(_ c: ServiceCalibration, depth: Int, _ w: inout Writer) {
        w.section(depth, "calibration")
        w.line(depth + 1, "device", quoted(c.device))
        if c.secondsPerUnit.isEmpty { w.line(depth + 1, "entries", "[]") } else { w.section(depth + 1, "entries") }
        for k in CalibrationKernel.allCases {
            guard let v = c.secondsPerUnit[k] else { continue }
            w.item(depth + 2, "operation", k.rawValue)
            w.line(depth + 3, "unit", k.unit)
            w.line(depth + 3, "secondsPerUnit", number(v))
        }
    }

    /// `{price: …, capacity: …, demand: …, utilization: …}`.
    static func fieldValues(_ f: OracleFieldValues) -> String {
        "{" + zip(OracleFieldValues.names, f.values).map { "\($0): \(number($1))" }.joined(separator: ", ") + "}"
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
