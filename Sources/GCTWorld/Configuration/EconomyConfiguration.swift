import GCTEconomics

/// The token economy's parameters (`economy:` in a scenario).
///
/// Every field has PRD-010's value as its default, so a scenario may omit the section.
public struct EconomyConfiguration: Hashable, Sendable {
    /// Share of each execution payment burned. Spec: `GCT_BURN_RATE = Decimal("0.005")`.
    public var burnRate: Rate
    /// How the unburned part of a payment is shared (must add up to exactly 1).
    public var distribution: DistributionShares
    /// Circulating supply at time 0. PRD-010 reads it from `config["initial_circulating_supply"]`
    /// with no default; ours is 100 000 000 GCT (departure S1).
    public var initialSupply: TokenAmount
    /// Total supply cap. Spec: `GCT_TOTAL_SUPPLY = Decimal("1_000_000_000")`.
    public var cap: TokenAmount
    /// Staking parameters: minimum stake, reward epoch, funding source, unbonding cooldown.
    public var staking: StakingConfiguration
    /// Annual emission rates.
    public var emission: EmissionConfiguration
    /// Slash fractions per offence and where slashed tokens go (departure D7).
    public var slashing: SlashingConfiguration
    /// Stake a proposer needs. Spec: `min_governance_stake = Decimal("50_000")`.
    public var governanceMinimumStake: TokenAmount
    /// Minted to the treasury at genesis, besides `initialSupply` (together at most `cap`).
    public var treasury: TokenAmount

    public init(
        burnRate: Rate = Rate(5, over: 1000),
        distribution: DistributionShares = .default,
        initialSupply: TokenAmount = TokenAmount(gct: 100_000_000),
        cap: TokenAmount = TokenAmount(gct: 1_000_000_000),
        staking: StakingConfiguration = StakingConfiguration(),
        emission: EmissionConfiguration = EmissionConfiguration(),
        slashing: SlashingConfiguration = SlashingConfiguration(),
        governanceMinimumStake: TokenAmount = TokenAmount(gct: 50_000),
        treasury: TokenAmount = .zero
    ) {
        self.burnRate = burnRate
        self.distribution = distribution
        self.initialSupply = initialSupply
        self.cap = cap
        self.staking = staking
        self.emission = emission
        self.slashing = slashing
        self.governanceMinimumStake = governanceMinimumStake
        self.treasury = treasury
    }

    /// PRD-010's parameters.
    public static let spec = EconomyConfiguration()
}


/// Staking parameters (`economy.staking:`), read by the world's staking and emissions component.
public struct StakingConfiguration: Hashable, Sendable {
    /// Minimum stake. Spec: `GCT_STAKING_THRESHOLD = Decimal("10_000")`.
    public var minStake: TokenAmount
    /// Reward epoch length (spec silent; default 1 day).
    public var epoch: ScenarioDuration
    /// Source of staking rewards (spec silent; default `emission_pool`; departure D1).
    public var funding: StakingFundingSource
    /// Wait between unstaking and withdrawal (spec silent; default 7 days).
    public var cooldown: ScenarioDuration

    public init(
        minStake: TokenAmount = TokenAmount(gct: 10_000),
        epoch: ScenarioDuration = .days(1),
        funding: StakingFundingSource = .emissionPool,
        cooldown: ScenarioDuration = .days(7)
    ) {
        self.minStake = minStake
        self.epoch = epoch
        self.funding = funding
        self.cooldown = cooldown
    }
}

/// Annual emission rates (`economy.emission:`).
public struct EmissionConfiguration: Hashable, Sendable {
    /// Spec: `GCT_MINING_REWARD_RATE = Decimal("0.02")` (2 % a year).
    public var miningRate: Rate
    /// Spec: `GCT_VALIDATOR_REWARD_RATE = Decimal("0.08")` (8 % a year).
    public var validatorRate: Rate

    public init(miningRate: Rate = Rate(2, over: 100), validatorRate: Rate = Rate(8, over: 100)) {
        self.miningRate = miningRate
        self.validatorRate = validatorRate
    }
}

/// Slashing (`economy.slashing:`): the fraction of a position slashed per offence, rounded
/// down, and where the slashed tokens go (departure D7).
public struct SlashingConfiguration: Hashable, Sendable {
    /// An oracle report found to be an outlier. Default 1 %.
    public var oracleOutlier: Rate
    /// A missed oracle round. Default 0.5 %.
    public var unavailability: Rate
    /// Proven price manipulation. Default 10 %.
    public var provenManipulation: Rate
    /// Where slashed tokens go. Default `burn`.
    public var destination: SlashDestination

    public init(
        oracleOutlier: Rate = Rate(1, over: 100), unavailability: Rate = Rate(5, over: 1000),
        provenManipulation: Rate = Rate(10, over: 100), destination: SlashDestination = .burn
    ) {
        self.oracleOutlier = oracleOutlier
        self.unavailability = unavailability
        self.provenManipulation = provenManipulation
        self.destination = destination
    }

    /// The fractions keyed by offence, as `EconomicParameters.slashFractions` holds them.
    public var fractions: [Offence: Rate] {
        [.oracleOutlier: oracleOutlier, .unavailability: unavailability, .provenManipulation: provenManipulation]
    }
}
