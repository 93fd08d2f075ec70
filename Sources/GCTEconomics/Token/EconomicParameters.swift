/// Where staking rewards are paid from. PRD-010 promises 12–20 % APY to stakers but
/// funds only 8 %/yr of validator emission; it does not say who pays the rest.
/// See docs/departures-from-spec.md, row "staking funding".
public enum StakingFundingSource: String, Sendable, Hashable, CaseIterable, Codable {
    /// From the emission pool (the minted validator emission). Short when the pool is empty.
    case emissionPool = "emission_pool"
    /// From the treasury account. Short when the treasury is empty.
    case treasury
    /// Minted on demand, within the cap: the promise is always kept until the cap binds.
    case mint
    /// Not paid at all: every promised reward is reported as shortfall.
    case unfunded
}

/// Where slashed tokens go.
public enum SlashDestination: String, Sendable, Hashable, CaseIterable, Codable {
    case burn
    case treasury
}

/// An offence for which a staked position is slashed.
public enum Offence: String, Sendable, Hashable, CaseIterable, Codable {
    /// The validator's oracle report was an outlier.
    case oracleOutlier = "oracle_outlier"
    /// The validator did not answer an oracle round.
    case unavailability
    /// The validator was proven to manipulate prices.
    case provenManipulation = "proven_manipulation"
}

/// The economic parameters of PRD-010, with the spec's defaults; a scenario or a passed
/// governance proposal may change them.
public struct EconomicParameters: Hashable, Sendable {
    /// `GCT_TOTAL_SUPPLY`: cumulative minted supply never exceeds it.
    public var supplyCap: TokenAmount
    /// `GCT_INITIAL_PRICE` in USD.
    public var initialPriceUSD: Rate
    /// `GCT_MINING_REWARD_RATE`: annual mining emission as a fraction of total supply.
    public var miningRewardRate: Rate
    /// `GCT_VALIDATOR_REWARD_RATE`: annual validator emission as a fraction of total supply.
    public var validatorRewardRate: Rate
    /// `GCT_BURN_RATE`: fraction of each execution payment burned.
    public var burnRate: Rate
    /// `GCT_STAKING_THRESHOLD`: minimum stake.
    public var stakingMinimum: TokenAmount
    /// `min_governance_stake`: stake a proposer needs.
    public var governanceMinimumStake: TokenAmount
    /// Split of the unburned part of each payment (spec silent; ours).
    public var distribution: DistributionShares
    /// Length of a reward epoch.
    public var epochLength: TimeSpan
    /// Delay between an unstake request and the tokens becoming spendable.
    public var unstakeCooldown: TimeSpan
    /// Who pays staking rewards.
    public var stakingFunding: StakingFundingSource
    /// Where slashed tokens go.
    public var slashDestination: SlashDestination
    /// Fraction of a position slashed per offence.
    public var slashFractions: [Offence: Rate]
    /// Fraction of total staked that must vote for a proposal's tally to count.
    public var governanceQuorum: Rate
    /// A proposal passes when yes / (yes + no) is strictly greater than this.
    public var governanceThreshold: Rate
    /// The same for `emergency` proposals.
    public var emergencyThreshold: Rate
    /// Fewest validator reports for an oracle consensus (`aggregate_with_consensus`: "need ≥3").
    public var oracleMinimumReports: Int = 3
    /// The largest stake bonus of `calculate_staking_rewards` (`min(stake / 1 000 000, 0.08)`).
    public var stakingBonusCap: Rate = StakingYield.maximumBonus

    /// PRD-010's constants; our choices where it is silent.
    public static let specDefaults = EconomicParameters(
        supplyCap: TokenAmount(gct: 1_000_000_000),
        initialPriceUSD: Rate(10, over: 100),
        miningRewardRate: Rate(2, over: 100),
        validatorRewardRate: Rate(8, over: 100),
        burnRate: Rate(5, over: 1000),
        stakingMinimum: TokenAmount(gct: 10_000),
        governanceMinimumStake: TokenAmount(gct: 50_000),
        distribution: .default,
        epochLength: .days(1),
        unstakeCooldown: .days(7),
        stakingFunding: .emissionPool,
        slashDestination: .burn,
        slashFractions: [.oracleOutlier: Rate(1, over: 100), .unavailability: Rate(5, over: 1000), .provenManipulation: Rate(10, over: 100)],
        governanceQuorum: Rate(20, over: 100),
        governanceThreshold: Rate(1, over: 2),
        emergencyThreshold: Rate(2, over: 3)
    )
}
