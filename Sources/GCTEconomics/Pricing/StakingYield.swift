/// PRD-010 `calculate_staking_rewards`, exactly as written:
///
///     base_apy = 0.12
///     stake_bonus = min(stake_amount / 1_000_000, 0.08)
///     annual_rewards = stake_amount * (base_apy + stake_bonus)
public enum StakingYield {
    /// `0.12 + min(stake / 1 000 000 GCT, 0.08)`, exact.
    ///
    /// `stake / 1 000 000 GCT` is `baseUnits / 10¹⁵`, an exact rational.
    public static func annualPercentageYield(stake: TokenAmount) -> Rate {
        precondition(stake.baseUnits >= 0)
        let base = Rate(12, over: 100)
        let bonus = Rate.min(Rate(stake.baseUnits, over: 1_000_000_000_000_000), Rate(8, over: 100))
        return Rate.adding(base, bonus)!  // denominators divide 10^15: always fits
    }

    /// `stake × (0.12 + min(stake / 1 000 000, 0.08))`, rounded **down** to a base unit
    /// (a staker is never promised more than the formula gives).
    ///
    /// Worked: 10 000 GCT → 13 % → 1 300 GCT; 2 000 000 GCT → 20 % → 400 000 GCT.
    public static func expectedAnnualRewards(stake: TokenAmount) -> TokenAmount {
        stake.multiplied(by: annualPercentageYield(stake: stake), rounding: .down)
    }
}
