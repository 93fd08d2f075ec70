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

extension EconomicParameters {
    /// The current value of `key`, as the exact string `setting(_:to:)` accepts.
    public func value(of key: ParameterKey) -> String {
        switch key {
        case .burnRate: return burnRate.description
        case .miningRewardRate: return miningRewardRate.description
        case .validatorRewardRate: return validatorRewardRate.description
        case .stakingMinimum: return stakingMinimum.decimalString()
        case .governanceMinimumStake: return governanceMinimumStake.decimalString()
        case .governanceQuorum: return governanceQuorum.description
        case .governanceThreshold: return governanceThreshold.description
        case .stakingFunding: return stakingFunding.rawValue
        case .slashDestination: return slashDestination.rawValue
        }
    }

    /// Sets `key` from an exact string (rates as decimals such as `"0.01"`, amounts in GCT).
    ///
    /// - Throws: `ParameterError.invalidValue` naming the key, the value and why.
    public mutating func set(_ key: ParameterKey, to text: String) throws(ParameterError) {
        func rate(max: Rate = .one) throws(ParameterError) -> Rate {
            let r: Rate
            do { r = try Rate(parsing: text) } catch { throw .invalidValue(key: key, value: text, reason: error.description) }
            guard r <= max else { throw .invalidValue(key: key, value: text, reason: "must be at most \(max)") }
            return r
        }
        func amount() throws(ParameterError) -> TokenAmount {
            let a: TokenAmount
            do { a = try TokenAmount(parsing: text) } catch { throw .invalidValue(key: key, value: text, reason: error.description) }
            guard a.isPositive else { throw .invalidValue(key: key, value: text, reason: "must be positive") }
            return a
        }
        switch key {
        case .burnRate: burnRate = try rate()
        case .miningRewardRate: miningRewardRate = try rate()
        case .validatorRewardRate: validatorRewardRate = try rate()
        case .stakingMinimum: stakingMinimum = try amount()
        case .governanceMinimumStake: governanceMinimumStake = try amount()
        case .governanceQuorum: governanceQuorum = try rate()
        case .governanceThreshold: governanceThreshold = try rate()
        case .stakingFunding:
            guard let v = StakingFundingSource(rawValue: text) else {
                throw .invalidValue(key: key, value: text, reason: "valid: " + StakingFundingSource.allCases.map(\.rawValue).joined(separator: ", "))
            }
            stakingFunding = v
        case .slashDestination:
            guard let v = SlashDestination(rawValue: text) else {
                throw .invalidValue(key: key, value: text, reason: "valid: " + SlashDestination.allCases.map(\.rawValue).joined(separator: ", "))
            }
            slashDestination = v
        }
    }
}
