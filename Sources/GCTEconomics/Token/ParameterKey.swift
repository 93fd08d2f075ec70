/// A parameter that a `parameter_change` governance proposal may set, by its scenario/YAML name.
public enum ParameterKey: String, Sendable, Hashable, CaseIterable, Codable {
    case burnRate = "burn_rate"
    case miningRewardRate = "mining_reward_rate"
    case validatorRewardRate = "validator_reward_rate"
    case stakingMinimum = "staking_minimum"
    case governanceMinimumStake = "governance_minimum_stake"
    case governanceQuorum = "governance_quorum"
    case governanceThreshold = "governance_threshold"
    case stakingFunding = "staking_funding"
    case slashDestination = "slash_destination"
    /// The oracle's minimum number of reports per round (PRD-010 `aggregate_with_consensus`: 3).
    case oracleMinimumReports = "oracle_min_reports"
    /// The largest stake bonus on top of the base APY (PRD-010 `calculate_staking_rewards`: 0.08).
    case stakingBonusCap = "staking_bonus_cap"
}

/// Why a parameter value was refused.
public enum ParameterError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownKey(String, valid: [String])
    case invalidValue(key: ParameterKey, value: String, reason: String)

    public var description: String {
        switch self {
        case let .unknownKey(k, valid): return "unknown parameter '\(k)'; valid: \(valid.joined(separator: ", "))"
        case let .invalidValue(k, v, r): return "invalid value '\(v)' for \(k.rawValue): \(r)"
        }
    }
}

/// One typed parameter change: a `ParameterKey` with its new value (PRD-010 `ParameterChange`'s
/// key and new value). A scenario's proposal is parsed into these once; executing a passed
/// proposal applies them to the `EconomicParameters` in force.
public enum ParameterChange: Hashable, Sendable {
    case burnRate(Rate)
    case miningRewardRate(Rate)
    case validatorRewardRate(Rate)
    case stakingMinimum(TokenAmount)
    case governanceMinimumStake(TokenAmount)
    case governanceQuorum(Rate)
    case governanceThreshold(Rate)
    case stakingFunding(StakingFundingSource)
    case slashDestination(SlashDestination)
    case oracleMinimumReports(Int)
    case stakingBonusCap(Rate)

    /// The parameter it changes.
    public var key: ParameterKey {
        switch self {
        case .burnRate: .burnRate
        case .miningRewardRate: .miningRewardRate
        case .validatorRewardRate: .validatorRewardRate
        case .stakingMinimum: .stakingMinimum
        case .governanceMinimumStake: .governanceMinimumStake
        case .governanceQuorum: .governanceQuorum
        case .governanceThreshold: .governanceThreshold
        case .stakingFunding: .stakingFunding
        case .slashDestination: .slashDestination
        case .oracleMinimumReports: .oracleMinimumReports
        case .stakingBonusCap: .stakingBonusCap
        }
    }

    /// The new value in its normal form: rates as `Rate.description` (`"0.01"`), amounts in GCT
    /// (`"50000"`), choices by name (`"treasury"`).
    public var valueText: String {
        switch self {
        case let .burnRate(r), let .miningRewardRate(r), let .validatorRewardRate(r),
             let .governanceQuorum(r), let .governanceThreshold(r), let .stakingBonusCap(r):
            r.description
        case let .stakingMinimum(a), let .governanceMinimumStake(a): a.decimalString()
        case let .oracleMinimumReports(n): String(n)
        case let .stakingFunding(f): f.rawValue
        case let .slashDestination(d): d.rawValue
        }
    }

    /// The largest `oracle_min_reports` accepted (a bound on input, far above any validator set simulated).
    public static let maximumOracleReports = 100_000

    /// The change if its value is in range (rates at most 1, amounts positive).
    ///
    /// - Throws: `ParameterError.invalidValue` naming the key, the value and why.
    public func validated() throws(ParameterError) -> ParameterChange {
        switch self {
        case let .burnRate(r), let .miningRewardRate(r), let .validatorRewardRate(r),
             let .governanceQuorum(r), let .governanceThreshold(r):
            guard r <= .one else { throw .invalidValue(key: key, value: valueText, reason: "must be at most \(Rate.one)") }
        case let .stakingMinimum(a), let .governanceMinimumStake(a):
            guard a.isPositive else { throw .invalidValue(key: key, value: valueText, reason: "must be positive") }
        case let .oracleMinimumReports(n):
            guard n >= 1 && n <= ParameterChange.maximumOracleReports else {
                throw .invalidValue(key: key, value: valueText, reason: "must be a whole number in [1, \(ParameterChange.maximumOracleReports)]")
            }
        case let .stakingBonusCap(r):
            guard r <= .one else { throw .invalidValue(key: key, value: valueText, reason: "must be at most \(Rate.one)") }
            guard Rate.adding(StakingYield.baseAPY, r) != nil else {
                throw .invalidValue(key: key, value: valueText, reason: "the base APY plus this cap is not an exact rate (use a decimal such as 0.05)")
            }
        case .stakingFunding, .slashDestination:
            break
        }
        return self
    }
}

extension EconomicParameters {
    /// The current value of `key`, as a change that would set it again.
    public func current(_ key: ParameterKey) -> ParameterChange {
        switch key {
        case .burnRate: .burnRate(burnRate)
        case .miningRewardRate: .miningRewardRate(miningRewardRate)
        case .validatorRewardRate: .validatorRewardRate(validatorRewardRate)
        case .stakingMinimum: .stakingMinimum(stakingMinimum)
        case .governanceMinimumStake: .governanceMinimumStake(governanceMinimumStake)
        case .governanceQuorum: .governanceQuorum(governanceQuorum)
        case .governanceThreshold: .governanceThreshold(governanceThreshold)
        case .stakingFunding: .stakingFunding(stakingFunding)
        case .slashDestination: .slashDestination(slashDestination)
        case .oracleMinimumReports: .oracleMinimumReports(oracleMinimumReports)
        case .stakingBonusCap: .stakingBonusCap(stakingBonusCap)
        }
    }

    /// The current value of `key` in its normal form (`ParameterChange.valueText`).
    public func value(of key: ParameterKey) -> String { current(key).valueText }

    /// Applies a change (after checking its range).
    ///
    /// - Throws: `ParameterError.invalidValue` when the value is out of range.
    public mutating func apply(_ change: ParameterChange) throws(ParameterError) {
        switch try change.validated() {
        case let .burnRate(r): burnRate = r
        case let .miningRewardRate(r): miningRewardRate = r
        case let .validatorRewardRate(r): validatorRewardRate = r
        case let .stakingMinimum(a): stakingMinimum = a
        case let .governanceMinimumStake(a): governanceMinimumStake = a
        case let .governanceQuorum(r): governanceQuorum = r
        case let .governanceThreshold(r): governanceThreshold = r
        case let .stakingFunding(f): stakingFunding = f
        case let .slashDestination(d): slashDestination = d
        case let .oracleMinimumReports(n): oracleMinimumReports = n
        case let .stakingBonusCap(r): stakingBonusCap = r
        }
    }

    /// Sets `key` from an exact string (rates as decimals such as `"0.01"`, amounts in GCT).
    ///
    /// - Throws: `ParameterError.invalidValue` naming the key, the value and why.
    public mutating func set(_ key: ParameterKey, to text: String) throws(ParameterError) {
        try apply(ParameterChange(key, parsing: text))
    }
}

extension ParameterChange {
    /// Parses `text` as the value of `key` (rates with `Rate(parsing:)`, amounts in GCT, choices
    /// by name); the range is checked when the change is applied.
    ///
    /// - Throws: `ParameterError.invalidValue` naming the key, the value and why.
    public init(_ key: ParameterKey, parsing text: String) throws(ParameterError) {
        func rate() throws(ParameterError) -> Rate {
            do { return try Rate(parsing: text) } catch { throw .invalidValue(key: key, value: text, reason: error.description) }
        }
        func amount() throws(ParameterError) -> TokenAmount {
            do { return try TokenAmount(parsing: text) } catch { throw .invalidValue(key: key, value: text, reason: error.description) }
        }
        func choice<T: RawRepresentable & CaseIterable>(_: T.Type) throws(ParameterError) -> T where T.RawValue == String {
            guard let v = T(rawValue: text) else {
                throw .invalidValue(key: key, value: text, reason: "valid: " + T.allCases.map(\.rawValue).joined(separator: ", "))
            }
            return v
        }
        switch key {
        case .burnRate: self = .burnRate(try rate())
        case .miningRewardRate: self = .miningRewardRate(try rate())
        case .validatorRewardRate: self = .validatorRewardRate(try rate())
        case .stakingMinimum: self = .stakingMinimum(try amount())
        case .governanceMinimumStake: self = .governanceMinimumStake(try amount())
        case .governanceQuorum: self = .governanceQuorum(try rate())
        case .governanceThreshold: self = .governanceThreshold(try rate())
        case .stakingFunding: self = .stakingFunding(try choice(StakingFundingSource.self))
        case .slashDestination: self = .slashDestination(try choice(SlashDestination.self))
        case .oracleMinimumReports:
            guard let n = Int(String(text.filter { $0 != "_" })) else {
                throw .invalidValue(key: key, value: text, reason: "must be a whole number such as 5")
            }
            self = .oracleMinimumReports(n)
        case .stakingBonusCap: self = .stakingBonusCap(try rate())
        }
    }
}
