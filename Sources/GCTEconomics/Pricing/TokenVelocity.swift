/// Token velocity, as `calculate_token_velocity` uses it (undefined in PRD-010; departures row P5).
///
/// `velocity = volume(W) / meanCirculatingSupply(W) × (365 days / W)`: how many times a year the
/// circulating supply changes hands at the pace of the trailing window W (default 30 days).
///
/// - volume(W): the GCT spent in the window ending now: execution payments plus peer transfers;
///   minting, burning, staking, unstaking and reward distributions are not counted.
/// - meanCirculatingSupply(W): the time-weighted mean circulating supply over the window.
///
/// With this annual measure, the spec's thresholds read: > 2 turns a year is busy, < 0.5 idle.
public enum TokenVelocity {
    /// The default window: 30 days.
    public static let defaultWindow = TimeSpan.days(30)
    /// The annualization period: 365 days.
    public static let year = TimeSpan.days(365)

    /// `volume × year / (meanSupply × window)`, rounded **down** to 10⁻⁹.
    ///
    /// Worked: 50 M GCT spent in 30 days against 300 M circulating:
    /// 50/300 × 365/30 = 2.027777777….
    ///
    /// - Returns: `nil` when the supply or the window is not positive, or the result exceeds 9.2 × 10⁹.
    public static func annualized(volume: TokenAmount, meanCirculatingSupply: TokenAmount, window: TimeSpan = defaultWindow)
        -> FixedDecimal?
    {
        guard meanCirculatingSupply.baseUnits > 0, window.microseconds > 0, volume.baseUnits >= 0 else { return nil }
        let a = UInt128(volume.baseUnits) * UInt128(year.microseconds)
        let c = UInt128(meanCirculatingSupply.baseUnits) * UInt128(window.microseconds)
        guard let q = ExactArithmetic.multiplyDivide(a, UInt128(FixedDecimal.scale), c, rounding: .down),
            q.quotient <= UInt128(Int64.max)
        else { return nil }
        return FixedDecimal(nanos: Int64(q.quotient))
    }
}
