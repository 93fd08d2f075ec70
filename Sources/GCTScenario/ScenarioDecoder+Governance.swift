import GCTEconomics
import GCTWorld

/// `governance:` and `attacks:`.
extension ScenarioDecoder {
    // MARK: governance

    static func governance(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> GovernanceConfiguration {
        let keys = GovernanceConfiguration.keys { (n, k) throws(ScenarioError) in
            var result: [ProposalConfiguration] = []
            for (i, item) in try list(n, k, expected: "a list of proposals (- title: …)").enumerated() {
                result.append(try proposal(item, "\(k).\(i)", context))
            }
            return result
        }
        return try keys.decode(node, keyPath, from: GovernanceConfiguration()).value
    }

    static func proposal(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> ProposalConfiguration {
        let p = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.proposalKeys)
        let d = ProposalConfiguration(title: "", at: .zero)
        let title = try p.requiredValue("title", example: "\"Raise the burn rate\"", string)
        let at = try p.requiredValue("at", example: "180d", duration)
        try checkWithinRun(at, p, "at", context)
        let kind: GovernanceProposal.Kind = try p.value("kind", default: d.kind, choice)
        let parameters = try p.value("parameters", default: [], parameterChanges)
        if kind == .parameterChange, parameters.isEmpty {
            throw ScenarioError(
                at: location(p, "parameters"), keyPath: p.child("parameters"),
                "\(p.child("parameters")): a parameter_change proposal needs at least one parameter (e.g. parameters: {burn_rate: \"0.01\"})",
                validChoices: ParameterKey.allCases.map(\.rawValue))
        }
        if kind == .upgrade, !parameters.isEmpty {
            throw ScenarioError(
                at: location(p, "parameters"), keyPath: p.child("parameters"),
                "\(p.child("parameters")): an upgrade proposal changes no parameters (use kind: parameter_change or emergency)")
        }
        return ProposalConfiguration(
            title: title, at: at, kind: kind, parameters: parameters,
            votingPeriod: try p.value("voting_period", default: d.votingPeriod) { (n, k) throws(ScenarioError) in
                try wholeDays(n, k, minimum: 1)
            },
            executionDelay: try p.value("execution_delay", default: d.executionDelay) { (n, k) throws(ScenarioError) in
                try wholeDays(n, k, minimum: 0)
            },
            support: try p.value("support", default: d.support) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [0, 1]") { $0 >= 0 && $0 <= 1 }
            },
            proposerStake: try p.value("proposer_stake", default: d.proposerStake, amount))
    }

    /// `key: value` pairs of `ParameterKey`s, each value parsed once into a typed
    /// `ParameterChange` with the parsers of the `economy` section (a rate may be `"0.01"`,
    /// `"1%"` or `"1/100"`), range-checked, and kept in `ParameterKey` order.
    static func parameterChanges(_ node: ScenarioNode, _ keyPath: String) throws(ScenarioError) -> [ParameterChange] {
        let valid = ParameterKey.allCases.map(\.rawValue)
        guard case let .mapping(entries) = node.kind else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): expected a mapping of parameter to value (e.g. {burn_rate: \"0.01\"}), got \(node.kindDescription)",
                validChoices: valid)
        }
        var result: [ParameterChange] = []
        for entry in entries {
            guard let key = ParameterKey(rawValue: entry.key) else {
                throw ScenarioError.choosing(
                    at: entry.keyLocation, keyPath: "\(keyPath).\(entry.key)", "unknown parameter '\(entry.key)' in \(keyPath)",
                    written: entry.key, validChoices: valid)
            }
            let (n, k) = (entry.value, "\(keyPath).\(entry.key)")
            let change: ParameterChange = switch key {
            case .burnRate: .burnRate(try rate(n, k))
            case .miningRewardRate: .miningRewardRate(try rate(n, k))
            case .validatorRewardRate: .validatorRewardRate(try rate(n, k))
            case .stakingMinimum: .stakingMinimum(try amount(n, k))
            case .governanceMinimumStake: .governanceMinimumStake(try amount(n, k))
            case .governanceQuorum: .governanceQuorum(try rate(n, k))
            case .governanceThreshold: .governanceThreshold(try rate(n, k))
            case .stakingFunding: .stakingFunding(try choice(n, k))
            case .slashDestination: .slashDestination(try choice(n, k))
            case .oracleMinimumReports: .oracleMinimumReports(try integer(n, k, minimum: 1))
            case .stakingBonusCap: .stakingBonusCap(try rate(n, k))
            }
            do { _ = try change.validated() } catch {
                throw ScenarioError(at: n.location, keyPath: k, "\(k): \(error)")
            }
            result.removeAll { $0.key == key }
            result.append(change)
        }
        let order = ParameterKey.allCases
        return result.sorted { order.firstIndex(of: $0.key)! < order.firstIndex(of: $1.key)! }
    }

    /// A duration that is a whole number of days, at least `minimum` days.
    static func wholeDays(_ node: ScenarioNode, _ keyPath: String, minimum: Int64) throws(ScenarioError) -> ScenarioDuration {
        let value = try duration(node, keyPath)
        let day = ScenarioDuration.days(1).nanoseconds
        guard value.nanoseconds % day == 0, value.nanoseconds / day >= minimum else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath) must be a whole number of days >= \(minimum) (e.g. 7d), got \(node.scalarText ?? "")")
        }
        return value
    }

    /// `at` must fall before the end of the run (`warmup + duration`), or the event never happens.
    static func checkWithinRun(
        _ time: ScenarioDuration, _ reader: MappingReader, _ key: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) {
        let (sum, overflow) = context.warmup.nanoseconds.addingReportingOverflow(context.duration.nanoseconds)
        let end = overflow ? Int64.max : sum  // the horizon limit is checked after decoding (ScenarioLimits)
        guard time.nanoseconds < end else {
            throw ScenarioError(
                at: location(reader, key), keyPath: reader.child(key),
                "\(reader.child(key)) (\(time)) must be before the end of the run (warmup + duration = \(ScenarioDuration(nanoseconds: end)))")
        }
    }

    // MARK: attacks

    static func attacks(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> AttacksConfiguration {
        let a = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.attackKeys)
        return AttacksConfiguration(
            oracleManipulation: try entries(a, "oracle_manipulation", "a list of attacks (- start: …)", context, oracleManipulation),
            whales: try entries(a, "whales", "a list of whales (- at: …)", context, whale),
            sybil: try entries(a, "sybil", "a list of sybil attacks (- start: …)", context, sybil),
            outages: try entries(a, "outage", "a list of outages (- start: …)", context, outage),
            washTrading: try entries(a, "wash_trading", "a list of wash-trading attacks (- start: …)", context, washTrading),
            governanceCapture: try entries(
                a, "governance_capture", "a list of governance-capture attacks (- at: …)", context, governanceCapture))
    }

    /// The list under `key` (absent: empty), each entry decoded at its key path `key.i`.
    static func entries<T>(
        _ a: MappingReader, _ key: String, _ expected: String, _ context: ScenarioConfiguration,
        _ decode: (ScenarioNode, String, ScenarioConfiguration) throws(ScenarioError) -> T
    ) throws(ScenarioError) -> [T] {
        try a.value(key, default: []) { (n, k) throws(ScenarioError) in
            var result: [T] = []
            for (i, item) in try list(n, k, expected: expected).enumerated() {
                result.append(try decode(item, "\(k).\(i)", context))
            }
            return result
        }
    }

    /// `start` (within the run) and `end` (after `start`) of an attack window.
    static func attackWindow(
        _ m: MappingReader, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> (ScenarioDuration, ScenarioDuration) {
        let start = try m.requiredValue("start", example: "30d", duration)
        try checkWithinRun(start, m, "start", context)
        let end = try m.requiredValue("end", example: "31d", duration)
        guard end > start else {
            throw ScenarioError(
                at: location(m, "end"), keyPath: m.child("end"), "\(m.child("end")) (\(end)) must be after \(m.child("start")) (\(start))")
        }
        return (start, end)
    }

    /// `bias`: a number > −1 on every field, or a per-field mapping; absent: `default`.
    static func attackBias(_ m: MappingReader, required: Bool) throws(ScenarioError) -> (Double, OracleFieldValues?) {
        let biasRule = "> -1 (a report of (1 + bias) × the true value)"
        var bias = 0.0
        var fieldBias: OracleFieldValues?
        let read = { (n: ScenarioNode, k: String) throws(ScenarioError) in
            if n.scalarText != nil {
                bias = try number(n, k, biasRule) { $0 > -1 }
            } else {
                fieldBias = try fieldValues(n, k, biasRule) { $0 > -1 }
            }
        }
        if required {
            try m.requiredValue("bias", example: "{price: 0.5}", read)
        } else {
            _ = try m.optionalValue("bias", read)
        }
        return (bias, fieldBias)
    }

    /// The oracle attacks need validators.
    static func needValidators(_ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration, _ what: String) throws(ScenarioError) -> ValidatorsConfiguration {
        guard let validators = context.validators else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): \(what) needs a validators section (e.g. validators: {count: 5, stake: \"50000\"})")
        }
        return validators
    }

    static func sybil(_ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration) throws(ScenarioError) -> SybilAttack {
        let m = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.sybilKeys)
        _ = try needValidators(node, keyPath, context, "a sybil attack")
        let (start, end) = try attackWindow(m, context)
        let count = try m.requiredValue("validators", example: "100") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) }
        let stake = try m.optionalValue("stake", amount)
        if let stake, stake < context.economy.staking.minStake {
            throw ScenarioError(
                at: location(m, "stake"), keyPath: m.child("stake"),
                "\(m.child("stake")) (\(stake)) must be at least economy.staking.min_stake (\(context.economy.staking.minStake))")
        }
        let (bias, fieldBias) = try attackBias(m, required: true)
        return SybilAttack(start: start, end: end, validators: count, stake: stake, bias: bias, fieldBias: fieldBias)
    }

    static func outage(_ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration) throws(ScenarioError) -> OutageAttack {
        let m = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.outageKeys)
        _ = try needValidators(node, keyPath, context, "an outage")
        let (start, end) = try attackWindow(m, context)
        let offline = try m.requiredValue("offline_share", example: "0.4") { (n, k) throws(ScenarioError) in
            try number(n, k, "in (0, 1] (the honest validators' share of the weight knocked offline)") { $0 > 0 && $0 <= 1 }
        }
        let share = try m.optionalValue("weight_share") { (n, k) throws(ScenarioError) in
            try number(n, k, "in (0, 1] (the coalition's share of stake × reputation)") { $0 > 0 && $0 <= 1 }
        }
        let (bias, fieldBias) = try attackBias(m, required: false)
        if share == nil, m.optional("bias") != nil {
            throw ScenarioError(
                at: location(m, "bias"), keyPath: m.child("bias"),
                "\(m.child("bias")): a bias needs a coalition (weight_share)")
        }
        return OutageAttack(start: start, end: end, offlineShare: offline, weightShare: share, bias: bias, fieldBias: fieldBias)
    }

    static func washTrading(_ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration) throws(ScenarioError) -> WashTradingAttack {
        let m = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.washTradingKeys)
        let (start, end) = try attackWindow(m, context)
        let mode: WashTradingAttack.Mode = try m.value("mode", default: .execute, choice)
        let names = context.users.map(\.name)
        let userClass = try m.value("user_class", default: names.first ?? "") { (n, k) throws(ScenarioError) in
            let name = try string(n, k)
            guard names.contains(name) else {
                throw ScenarioError.choosing(
                    at: n.location, keyPath: k, "\(k): unknown user class '\(name)'", written: name, validChoices: names)
            }
            return name
        }
        if mode == .execute, names.isEmpty {
            throw ScenarioError(at: node.location, keyPath: keyPath, "\(keyPath): mode execute needs a user class to imitate (users:)")
        }
        let amount = try m.requiredValue("amount", example: "\"100000\"", amount)
        guard amount.isPositive else {
            throw ScenarioError(at: location(m, "amount"), keyPath: m.child("amount"), "\(m.child("amount")) must be > 0")
        }
        return WashTradingAttack(
            start: start, end: end, mode: mode,
            ratePerSecond: try m.requiredValue("rate_per_s", example: "1") { (n, k) throws(ScenarioError) in
                try number(n, k, "in [1e-9, 1e6] (trades per second)") { $0 >= 1e-9 && $0 <= 1e6 }
            },
            userClass: userClass, amount: amount,
            providerShare: try m.value("provider_share", default: 0) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [0, 1] (the attacker's share of the providers' income)") { $0 >= 0 && $0 <= 1 }
            })
    }

    static func governanceCapture(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> GovernanceCaptureAttack {
        let m = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.governanceCaptureKeys)
        let d = GovernanceCaptureAttack(at: .zero, stake: .zero, parameters: [])
        let at = try m.requiredValue("at", example: "6h", duration)
        try checkWithinRun(at, m, "at", context)
        let stake = try m.requiredValue("stake", example: "\"2000000\"", amount)
        guard stake >= context.economy.staking.minStake else {
            throw ScenarioError(
                at: location(m, "stake"), keyPath: m.child("stake"),
                "\(m.child("stake")) (\(stake)) must be at least economy.staking.min_stake (\(context.economy.staking.minStake))")
        }
        let parameters = try m.requiredValue("parameters", example: "{burn_rate: \"0\"}", parameterChanges)
        if parameters.isEmpty {
            throw ScenarioError(
                at: location(m, "parameters"), keyPath: m.child("parameters"),
                "\(m.child("parameters")): give at least one parameter (e.g. {burn_rate: \"0\"})",
                validChoices: ParameterKey.allCases.map(\.rawValue))
        }
        return GovernanceCaptureAttack(
            at: at, stake: stake, parameters: parameters,
            votingPeriod: try m.value("voting_period", default: d.votingPeriod) { (n, k) throws(ScenarioError) in
                try wholeDays(n, k, minimum: 1)
            },
            executionDelay: try m.value("execution_delay", default: d.executionDelay) { (n, k) throws(ScenarioError) in
                try wholeDays(n, k, minimum: 0)
            },
            honestSupport: try m.value("honest_support", default: d.honestSupport) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [0, 1]") { $0 >= 0 && $0 <= 1 }
            },
            providerShare: try m.value("provider_share", default: 0) { (n, k) throws(ScenarioError) in
                try number(n, k, "in [0, 1] (the attacker's share of the providers' income)") { $0 >= 0 && $0 <= 1 }
            })
    }

    static func oracleManipulation(
        _ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration
    ) throws(ScenarioError) -> OracleManipulationAttack {
        let m = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.oracleManipulationKeys)
        guard let validators = context.validators else {
            throw ScenarioError(
                at: node.location, keyPath: keyPath,
                "\(keyPath): oracle manipulation needs a validators section (e.g. validators: {count: 5, stake: \"50000\"})")
        }
        let start = try m.requiredValue("start", example: "30d", duration)
        try checkWithinRun(start, m, "start", context)
        let end = try m.requiredValue("end", example: "31d", duration)
        guard end > start else {
            throw ScenarioError(
                at: location(m, "end"), keyPath: m.child("end"), "\(m.child("end")) (\(end)) must be after \(m.child("start")) (\(start))")
        }
        let share = try m.optionalValue("weight_share") { (n, k) throws(ScenarioError) in
            try number(n, k, "in (0, 1] (the coalition's share of stake × reputation)") { $0 > 0 && $0 <= 1 }
        }
        let colluders: Int
        if share != nil {
            guard m.optional("validators") == nil else {
                throw ScenarioError(
                    at: location(m, "validators"), keyPath: m.child("validators"),
                    "\(m.child("validators")): give either validators or weight_share, not both")
            }
            colluders = 0
        } else {
            colluders = try m.requiredValue("validators", example: "3") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) }
        }
        guard colluders <= validators.count else {
            throw ScenarioError(
                at: location(m, "validators"), keyPath: m.child("validators"),
                "\(m.child("validators")) (\(colluders)) must not exceed validators.count (\(validators.count))")
        }
        let biasRule = "> -1 (a report of (1 + bias) × the true value)"
        var bias = 0.0
        var fieldBias: OracleFieldValues?
        try m.requiredValue("bias", example: "0.3") { (n, k) throws(ScenarioError) in
            if n.scalarText != nil {
                bias = try number(n, k, biasRule) { $0 > -1 }
            } else {
                fieldBias = try fieldValues(n, k, biasRule) { $0 > -1 }
            }
        }
        let step = try m.optionalValue("step") { (n, k) throws(ScenarioError) in
            if n.scalarText != nil { return OracleFieldValues(all: try number(n, k, "a finite number (bias added per round)") { $0.isFinite }) }
            return try fieldValues(n, k, "a finite number (bias added per round)") { $0.isFinite }
        }
        return OracleManipulationAttack(
            start: start, end: end, validators: colluders, bias: bias, weightShare: share, fieldBias: fieldBias, step: step)
    }

    /// `{price: 0.5, capacity: 0, demand: 0, utilization: 0}` (missing fields: 0).
    static func fieldValues(
        _ node: ScenarioNode, _ keyPath: String, _ rule: String, _ isValid: (Double) -> Bool
    ) throws(ScenarioError) -> OracleFieldValues {
        let f = try MappingReader(node, keyPath: keyPath, validKeys: OracleFieldValues.names)
        func field(_ name: String) throws(ScenarioError) -> Double {
            try f.value(name, default: 0) { (n, k) throws(ScenarioError) in try number(n, k, rule, isValid) }
        }
        return OracleFieldValues(
            price: try field("price"), capacity: try field("capacity"), demand: try field("demand"),
            utilization: try field("utilization"))
    }

    static func whale(_ node: ScenarioNode, _ keyPath: String, _ context: ScenarioConfiguration) throws(ScenarioError) -> WhaleAttack {
        let w = try MappingReader(node, keyPath: keyPath, validKeys: ScenarioSchema.whaleKeys)
        let at = try w.requiredValue("at", example: "100d", duration)
        try checkWithinRun(at, w, "at", context)
        let names = context.users.map(\.name)
        let userClass = try w.requiredValue("user_class", example: names.first ?? "researchers") { (n, k) throws(ScenarioError) in
            let name = try string(n, k)
            guard names.contains(name) else {
                throw ScenarioError.choosing(
                    at: n.location, keyPath: k, "\(k): unknown user class '\(name)'", written: name, validChoices: names)
            }
            return name
        }
        let payment = try w.requiredValue("payment", example: "\"1000\"", amount)
        guard payment.isPositive else {
            throw ScenarioError(at: location(w, "payment"), keyPath: w.child("payment"), "\(w.child("payment")) must be > 0")
        }
        return WhaleAttack(
            at: at, userClass: userClass, payment: payment,
            requests: try w.requiredValue("requests", example: "100") { (n, k) throws(ScenarioError) in try integer(n, k, minimum: 1) },
            spacing: try w.value("spacing", default: .seconds(1), duration))
    }
}
