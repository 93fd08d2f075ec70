/// PRD-010's `calculate_staking_rewards`: the annual yield of a stake.
///
/// ```julia
/// base_apy = Decimal("0.12")
/// stake_bonus = min(stake_amount / Decimal("1_000_000"), Decimal("0.08"))
/// annual_rewards = stake_amount * (base_apy + stake_bonus)
/// ```
public enum StakingYield {
    /// The spec's base APY: 12 %.
    public static let baseAPY = Rate(12, over: 100)
    /// The largest bonus: 8 % (reached at 80 000 GCT).
    public static let maximumBonus = Rate(8, over: 100)

    /// `0.12 + min(stake / 1 000 000 GCT, 0.08)`, exact.
    ///
    /// `stake / 1 000 000 GCT` is `baseUnits / 10¹⁵`. Worked: 10 000 GCT → 0.12 + 0.01 = 13 %;
    /// 50 000 → 17 %; 80 000 → 20 %; 2 000 000 → 20 % (capped).
    ///
    /// - Precondition: `stake` is non-negative.
    ///
    /// - Parameter bonusCap: the largest bonus (`0.08` in the spec; governable as
    ///   `staking_bonus_cap`). `ParameterChange.validated()` refuses a cap whose sum with the
    ///   base APY is not representable.
    public static func annualPercentageYield(stake: TokenAmount, bonusCap: Rate = maximumBonus) -> Rate {
        precondition(stake.baseUnits >= 0, "a stake is non-negative")
        let bonus = Rate.min(Rate(stake.baseUnits, over: 1_000_000_000_000_000), bonusCap)
        // Denominators divide 10¹⁵ × 25 (or the cap's, checked when it was set), so the sum fits.
        return Rate.adding(baseAPY, bonus)!
    }

    /// `stake × APY`, rounded **down** to a base unit (a reward never exceeds the rule).
    ///
    /// Worked: 10 000 GCT → 1300 GCT; 50 000 → 8500; 80 000 → 16 000; 2 000 000 → 400 000.
    public static func expectedAnnualRewards(stake: TokenAmount, bonusCap: Rate = maximumBonus) -> TokenAmount {
        stake.multiplied(by: annualPercentageYield(stake: stake, bonusCap: bonusCap), rounding: .down)
    }
}
