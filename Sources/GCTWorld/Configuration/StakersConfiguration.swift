import GCTEconomics

/// A population of stakers (`stakers:` in a scenario) who stake, unstake and vote.
///
/// When the section is absent there are no stakers other than validators, and nobody votes.
public struct StakersConfiguration: Hashable, Sendable {
    /// Number of stakers (at least 1).
    public var count: Int
    /// Starting balance of each staker.
    public var balance: TokenAmount
    /// Fraction of the balance staked at time 0, in `[0, 1]`: the stake is
    /// `floor(balance × fraction)` rounded down to whole GCT; below `min_stake` means not staked.
    public var initialStakeFraction: Double
    /// The yield a staker could get elsewhere; a staker compares the staking APY with it.
    public var outsideYield: Rate
    /// Time between a staker's reviews of its position (> 0).
    public var reviewPeriod: ScenarioDuration
    /// Probability that a staker does nothing at a review, in `[0, 1]`.
    public var inertia: Double

    public init(
        count: Int, balance: TokenAmount, initialStakeFraction: Double = 0.5,
        outsideYield: Rate = Rate(10, over: 100), reviewPeriod: ScenarioDuration = .days(7), inertia: Double = 0.8
    ) {
        self.count = count
        self.balance = balance
        self.initialStakeFraction = initialStakeFraction
        self.outsideYield = outsideYield
        self.reviewPeriod = reviewPeriod
        self.inertia = inertia
    }

    /// The stake of each staker at time 0: `balance × fraction` (the fraction taken to 10⁻⁹),
    /// rounded down to whole GCT; zero when that is below `minStake`.
    public func initialStake(minStake: TokenAmount) -> TokenAmount {
        let fraction = Rate(ppb: Int64((min(max(initialStakeFraction, 0), 1) * 1e9).rounded()))
        let raw = balance.multiplied(by: fraction, rounding: .down)
        let stake = TokenAmount(baseUnits: raw.baseUnits - raw.baseUnits % TokenAmount(gct: 1).baseUnits)
        return stake < minStake ? .zero : stake
    }
}
