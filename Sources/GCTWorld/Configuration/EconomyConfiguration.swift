import GCTEconomics

/// The token economy's parameters (`economy:` in a scenario).
///
/// Every field has PRD-010's value as its default, so a scenario may omit the section.
public struct EconomyConfiguration: Hashable, Sendable {
    /// Share of each execution payment burned. Spec: `GCT_BURN_RATE`.
    public var burnRate: Rate
    /// How the unburned part of a payment is shared (must add up to exactly 1).
    public var distribution: DistributionShares
    /// Circulating supply at time 0. PRD-010 reads it from `config["initial_circulating_supply"]`
    /// with no default; ours is 100 000 000 GCT (departure S1).
    public var initialSupply: TokenAmount
    /// Total supply cap. Spec: `GCT_TOTAL_SUPPLY`.
    public var cap: TokenAmount
    /// Staking parameters: minimum stake, reward epoch, funding source, unbonding cooldown.
    public var staking: StakingConfiguration
    /// Annual emission rates.
    public var emission: EmissionConfiguration
    /// Slash fractions per offence and where slashed tokens go (departure D7).
    public var slashing: SlashingConfiguration
    /// Stake a proposer needs. Spec: `min_governance_stake`.
    public var governanceMinimumStake: TokenAmount
    /// Minted to the treasury at genesis, besides `initialSupply` (together at most `cap`).
    public var treasury: TokenAmount
    /// What the fee pool is for (departure D14).
    public var feePool: FeePoolUse

    public init(
        burnRate: Rate = EconomicParameters.specDefaults.burnRate,
        distribution: DistributionShares = EconomicParameters.specDefaults.distribution,
        initialSupply: TokenAmount = TokenAmount(gct: 100_000_000),
        cap: TokenAmount = EconomicParameters.specDefaults.supplyCap,
        staking: StakingConfiguration = StakingConfiguration(),
        emission: EmissionConfiguration = EmissionConfiguration(),
        slashing: SlashingConfiguration = SlashingConfiguration(),
        governanceMinimumStake: TokenAmount = EconomicParameters.specDefaults.governanceMinimumStake,
        treasury: TokenAmount = .zero,
        feePool: FeePoolUse = .staking
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
        self.feePool = feePool
    }

    /// PRD-010's parameters.
    public static let spec = EconomyConfiguration()
}


/// Staking parameters (`economy.staking:`), read by the world's staking and emissions component.
public struct StakingConfiguration: Hashable, Sendable {
    /// Minimum stake. Spec: `GCT_STAKING_THRESHOLD`.
    public var minStake: TokenAmount
    /// Reward epoch length (spec silent).
    public var epoch: ScenarioDuration
    /// Source of staking rewards (spec silent; departure D1).
    public var funding: StakingFundingSource
    /// Wait between unstaking and withdrawal (spec silent).
    public var cooldown: ScenarioDuration
    /// The largest stake bonus on top of the base APY (`nil`: the spec's 0.08; governable as
    /// `staking_bonus_cap`).
    public var bonusCap: Rate?

    public init(
        minStake: TokenAmount = EconomicParameters.specDefaults.stakingMinimum,
        epoch: ScenarioDuration = ScenarioDuration(EconomicParameters.specDefaults.epochLength),
        funding: StakingFundingSource = EconomicParameters.specDefaults.stakingFunding,
        cooldown: ScenarioDuration = ScenarioDuration(EconomicParameters.specDefaults.unstakeCooldown),
        bonusCap: Rate? = nil
    ) {
        self.bonusCap = bonusCap
        self.minStake = minStake
        self.epoch = epoch
        self.funding = funding
        self.cooldown = cooldown
    }
}

/// Annual emission rates (`economy.emission:`).
public struct EmissionConfiguration: Hashable, Sendable {
    /// Spec: `GCT_MINING_REWARD_RATE`, a year.
    public var miningRate: Rate
    /// Spec: `GCT_VALIDATOR_REWARD_RATE`, a year.
    public var validatorRate: Rate
    /// What happens at each epoch end to the validator emission the staking rewards did not use
    /// (spec silent; departure D13).
    public var undistributed: UndistributedEmission

    public init(
        miningRate: Rate = EconomicParameters.specDefaults.miningRewardRate,
        validatorRate: Rate = EconomicParameters.specDefaults.validatorRewardRate,
        undistributed: UndistributedEmission = .validators
    ) {
        self.miningRate = miningRate
        self.validatorRate = validatorRate
        self.undistributed = undistributed
    }
}

/// The destination of the validator emission left in the emission pool after the staking
/// rewards of an epoch (departure D13).
public enum UndistributedEmission: String, Hashable, Sendable, CaseIterable {
    /// Paid to the validators pro rata to stake × reputation (rounded down; the remainder to the
    /// validator of largest weight), so the pool is empty after every epoch.
    case validators
    /// Stays in the emission pool (the literal reading: minted, held by no one).
    case stay
}

/// The use of the fee pool (the `fee_pool` share of every execution payment; departure D14).
public enum FeePoolUse: String, Hashable, Sendable, CaseIterable {
    /// At each epoch end, moved into the emission pool before the staking rewards are paid: it
    /// funds the staking APY, and what is left follows `economy.emission.undistributed`.
    case staking
    /// Moved to the treasury at each epoch end.
    case treasury
    /// Accumulates in the fee pool (the literal reading).
    case keep
}

/// Slashing (`economy.slashing:`): the fraction of a position slashed per offence, rounded
/// down, and where the slashed tokens go (departure D7).
public struct SlashingConfiguration: Hashable, Sendable {
    /// An oracle report found to be an outlier.
    public var oracleOutlier: Rate
    /// A missed oracle round.
    public var unavailability: Rate
    /// Proven price manipulation.
    public var provenManipulation: Rate
    /// Where slashed tokens go.
    public var destination: SlashDestination

    public init(
        oracleOutlier: Rate = EconomicParameters.specDefaults.slashFractions[.oracleOutlier]!,
        unavailability: Rate = EconomicParameters.specDefaults.slashFractions[.unavailability]!,
        provenManipulation: Rate = EconomicParameters.specDefaults.slashFractions[.provenManipulation]!,
        destination: SlashDestination = EconomicParameters.specDefaults.slashDestination
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
