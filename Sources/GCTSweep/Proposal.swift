import Foundation
import GCTEconomics
import GCTScenario
import GCTWorld
import Yams

/// A governance proposal file (scenarios/proposals/*.yaml), in the spec's and the scenario's terms.
///
/// ```yaml
/// title: "Raise the burn rate to 1 %"
/// description: "…"
/// kind: parameter_change          # parameter_change | upgrade | emergency
/// parameters: {burn_rate: "0.01"} # governable parameters, or scenario key paths (--from-start only)
/// voting_period: 7d               # whole days
/// execution_delay: 2d             # whole days
/// at: 1d                          # optional: submission time (default 0s)
/// ```
public struct ProposalFile: Sendable, Equatable {
    public var path: String
    public var title: String
    public var description: String
    public var kind: GovernanceProposal.Kind
    /// In file order: a `ParameterKey` name (burn_rate, …) or a dotted scenario key path.
    public var parameters: [(key: String, value: String)]
    public var votingPeriodDays: Int
    public var executionDelayDays: Int
    public var atSeconds: Double

    static let keys = ["title", "description", "kind", "parameters", "voting_period", "execution_delay", "at"]

    public static func == (a: Self, b: Self) -> Bool {
        a.path == b.path && a.title == b.title && a.kind == b.kind && a.parameters.map(\.key) == b.parameters.map(\.key)
            && a.parameters.map(\.value) == b.parameters.map(\.value)
    }

    public init(path: String) throws(SweepError) {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch { throw SweepError("cannot read proposal file '\(path)'") }
        try self.init(yaml: text, path: path)
    }

    public init(yaml text: String, path: String) throws(SweepError) {
        self.path = path
        func at(_ node: Node?) -> String {
            guard let m = node?.mark else { return path }
            return "\(path):\(m.line):\(m.column)"
        }
        let root: Node
        do {
            guard let r = try Yams.compose(yaml: text) else { throw SweepError("\(path): error: the proposal file is empty") }
            root = r
        } catch let e as SweepError { throw e } catch { throw SweepError("\(path): error: not YAML: \(error)") }
        guard let map = root.mapping else { throw SweepError("\(at(root)): error: a proposal is a mapping (title:, kind:, parameters:, …)") }
        for (k, _) in map {
            let key = k.string ?? ""
            guard Self.keys.contains(key) else {
                throw SweepError("\(at(k)): error: unknown key '\(key)' in a proposal; valid: \(Self.keys.joined(separator: ", "))")
            }
        }
        func string(_ key: String, required: Bool) throws(SweepError) -> String? {
            guard let n = map[key] else {
                if required { throw SweepError("\(at(root)): error: the proposal needs \(key):") }
                return nil
            }
            guard let s = n.scalar?.string else { throw SweepError("\(at(n)): error: \(key) must be a single value") }
            return s
        }
        func days(_ key: String, _ fallback: Int, minimum: Int) throws(SweepError) -> Int {
            guard let s = try string(key, required: false) else { return fallback }
            guard s.hasSuffix("d"), let n = Int(s.dropLast()), n >= minimum else {
                throw SweepError("\(at(map[key])): error: \(key) must be a whole number of days >= \(minimum) such as 7d, got '\(s)'")
            }
            return n
        }
        title = try string("title", required: true)!
        description = try string("description", required: false) ?? ""
        let kindText = try string("kind", required: false) ?? "parameter_change"
        guard let kind = GovernanceProposal.Kind(yamlName: kindText) else {
            throw SweepError("\(at(map["kind"])): error: unknown kind '\(kindText)'; valid: parameter_change, upgrade, emergency")
        }
        self.kind = kind
        var parameters: [(String, String)] = []
        if let p = map["parameters"] {
            guard let pm = p.mapping else { throw SweepError("\(at(p)): error: parameters must be a mapping such as {burn_rate: \"0.01\"}") }
            for (k, v) in pm {
                guard let key = k.string, let value = v.scalar?.string ?? Self.flow(v) else {
                    throw SweepError("\(at(k)): error: a parameter is key: value")
                }
                parameters.append((key, value))
            }
        }
        if kind != .upgrade, parameters.isEmpty {
            throw SweepError("\(at(root)): error: a \(kindText) proposal needs parameters (e.g. parameters: {burn_rate: \"0.01\"})")
        }
        self.parameters = parameters
        votingPeriodDays = try days("voting_period", 7, minimum: 1)
        executionDelayDays = try days("execution_delay", 2, minimum: 0)
        if let a = try string("at", required: false) {
            guard let s = Self.seconds(a) else { throw SweepError("\(at(map["at"])): error: at must be a duration such as 1d or 6h, got '\(a)'") }
            atSeconds = s
        } else {
            atSeconds = 0
        }
    }

    static func flow(_ node: Node) -> String? {
        (try? Yams.serialize(node: node))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `1.5d`, `6h`, `30m`, `90s` in seconds.
    static func seconds(_ text: String) -> Double? {
        let units: [(String, Double)] = [("d", 86_400), ("h", 3_600), ("m", 60), ("s", 1)]
        for (u, f) in units where text.hasSuffix(u) {
            if let v = Double(text.dropLast(u.count)), v >= 0 { return v * f }
        }
        return nil
    }

    /// The scenario key path of each governable parameter (what `--from-start` sets).
    public static let scenarioPath: [ParameterKey: String] = [
        .burnRate: "economy.burn_rate", .miningRewardRate: "economy.emission.mining",
        .validatorRewardRate: "economy.emission.validator", .stakingMinimum: "economy.staking.min_stake",
        .governanceMinimumStake: "economy.governance_minimum_stake", .governanceQuorum: "governance.quorum",
        .governanceThreshold: "governance.threshold", .stakingFunding: "economy.staking.funding",
        .slashDestination: "economy.slashing.destination", .oracleMinimumReports: "oracle.min_reports",
        .stakingBonusCap: "economy.staking.bonus_cap",
    ]

    /// The governable parameter a proposal key names: its `ParameterKey` name (`burn_rate`) or
    /// that parameter's scenario key path (`economy.burn_rate`); nil for any other key.
    public static func governable(_ key: String) -> ParameterKey? {
        ParameterKey(rawValue: key) ?? scenarioPath.first { $0.value == key }?.key
    }

    /// What a parameter needs in the scenario, as (present?, what is missing).
    static func mechanism(_ key: String, _ c: ScenarioConfiguration) -> String? {
        switch governable(key) {
        case .oracleMinimumReports:
            return c.validators == nil ? "a validators section (the oracle's reporters: without them no oracle round runs)" : nil
        case .stakingBonusCap:
            return c.stakers == nil && c.validators == nil ? "a stakers or validators section (nobody stakes, so no APY bonus is paid)" : nil
        default: break
        }
        let section = key.split(separator: ".").first.map(String.init) ?? key
        switch section {
        case "oracle":
            if c.validators == nil { return "a validators section (the oracle's reporters)" }
            if c.oracle == nil { return "an oracle section" }
        case "autoscaling": if c.autoscaling == nil { return "an autoscaling section" }
        case "stakers", "staking_minimum", "staking_funding": if c.stakers == nil { return "a stakers section" }
        case "governance", "governance_quorum", "governance_threshold": if c.governance == nil { return "a governance section" }
        case "validators", "validator_reward_rate", "slash_destination": if c.validators == nil { return "a validators section" }
        case "attacks": if c.attacks == nil { return "an attacks section" }
        default: break
        }
        if key.hasPrefix("economy.staking."), c.stakers == nil { return "a stakers section" }
        return nil
    }

    /// Checks that the baseline has every mechanism this proposal changes.
    public func checkMechanisms(_ c: ScenarioConfiguration, scenario: String) throws(SweepError) {
        for (key, _) in parameters {
            if let missing = Self.mechanism(key, c) {
                throw SweepError("proposal '\(title)' (\(path)) changes \(key), but scenario \(scenario) has no \(missing.hasPrefix("a") ? String(missing.drop(while: { $0 != " " }).dropFirst()) : missing): the mechanism it changes is missing")
            }
        }
    }

    /// The `--set` overrides that apply the proposal from the start.
    public var fromStartOverrides: [String] {
        parameters.map { key, value in "\(Self.governable(key).flatMap { Self.scenarioPath[$0] } ?? key)=\(value)" }
    }

    /// `c` with the proposal appended to its governance proposals, submitted at `at` and voted for
    /// by every voting staker (support 1), so it executes at `at + voting_period + execution_delay`.
    ///
    /// - Parameter placebo: append instead an `upgrade` proposal with no parameters at the same
    ///   times (the baseline arm): the same proposer account and stake, the same votes, nothing
    ///   changed on execution, so the two arms differ only by the parameters.
    public func enacted(in c: ScenarioConfiguration, scenario: String, placebo: Bool = false) throws(SweepError) -> ScenarioConfiguration {
        var changes: [ParameterChange] = []
        for (key, value) in parameters {
            guard let k = Self.governable(key) else {
                throw SweepError("proposal '\(title)' (\(path)): \(key) is not governable in this version (governable: \(ParameterKey.allCases.map(\.rawValue).joined(separator: ", "))); evaluate it with --from-start")
            }
            // Parsed and range-checked once, as the governance path will apply it.
            var p = EconomicParameters.specDefaults
            do {
                let change = try ParameterChange(k, parsing: value)
                try p.apply(change)
                changes.append(change)
            } catch { throw SweepError("proposal '\(title)' (\(path)): \(error)") }
        }
        guard c.stakers != nil else {
            throw SweepError("proposal '\(title)': scenario \(scenario) has no stakers section, so nobody votes: the governance path needs stakers (or use --from-start)")
        }
        let day = ScenarioDuration.days(1).nanoseconds
        let atNs = Int64((atSeconds * 1e9).rounded())
        let executes = atNs + Int64(votingPeriodDays + executionDelayDays) * day
        let end = c.warmup.nanoseconds + c.duration.nanoseconds
        guard executes < end else {
            throw SweepError("proposal '\(title)' would execute at \(Double(executes) / Double(day)) d (at \(atSeconds / 86_400) d + voting \(votingPeriodDays) d + delay \(executionDelayDays) d), after the end of \(scenario) (\(Double(end) / Double(day)) d): lengthen the run (--set duration=…) or use --from-start")
        }
        var c = c
        var g = c.governance ?? GovernanceConfiguration()
        g.proposals.append(ProposalConfiguration(
            title: placebo ? "\(title) (placebo: no change)" : title, at: ScenarioDuration(nanoseconds: atNs),
            kind: placebo ? .upgrade : kind, parameters: placebo ? [] : changes,
            votingPeriod: .days(Int64(votingPeriodDays)), executionDelay: .days(Int64(executionDelayDays)), support: 1))
        c.governance = g
        return c
    }
}

extension GovernanceProposal.Kind {
    init?(yamlName: String) {
        switch yamlName {
        case "parameter_change": self = .parameterChange
        case "upgrade": self = .upgrade
        case "emergency": self = .emergency
        default: return nil
        }
    }
}
