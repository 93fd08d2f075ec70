/// How a division of money picks an integer result.
///
/// Every division of a token amount in GCTSim names its rule, so the direction
/// of every rounding is visible at the call site.
///
/// | exact result | `.down` | `.up` | `.toNearestOrEven` |
/// |-------------:|--------:|------:|-------------------:|
/// |          2.0 |       2 |     2 |                  2 |
/// |          2.4 |       2 |     3 |                  2 |
/// |          2.5 |       2 |     3 |                  2 |
/// |          3.5 |       3 |     4 |                  4 |
/// |          2.6 |       2 |     3 |                  3 |
///
/// All token amounts are non-negative where rounding applies, so `.down` is
/// truncation toward zero.
public enum RoundingRule: Sendable, Hashable, CaseIterable {
    /// Toward zero: the payer never pays, and the payee never receives, more than the exact value.
    case down
    /// Away from zero: used where someone must never be under-paid (e.g. a provider's price).
    case up
    /// Banker's rounding, for statistics only; money flows use `.down` or `.up`.
    case toNearestOrEven
}

/// Exact integer division helpers on 128-bit intermediates.
public enum ExactArithmetic {
    /// `numerator / denominator` rounded by `rule`, with the exact remainder.
    ///
    /// - Precondition: `numerator >= 0`, `denominator > 0`.
    /// - Returns: the rounded quotient and the remainder `numerator - floor(quotient) * denominator`
    ///   of the truncating division (so a caller can carry it).
    @inlinable
    public static func divide(
        _ numerator: UInt128, by denominator: UInt128, rounding rule: RoundingRule
    ) -> (quotient: UInt128, remainder: UInt128) {
        precondition(denominator > 0, "division by zero")
        let q: UInt128, r: UInt128
        if numerator >> 64 == 0 && denominator >> 64 == 0 {
            // Fast path: most money × rate products fit 64 bits; a 128-bit division is a library call.
            let (q64, r64) = UInt64(truncatingIfNeeded: numerator)
                .quotientAndRemainder(dividingBy: UInt64(truncatingIfNeeded: denominator))
            (q, r) = (UInt128(q64), UInt128(r64))
        } else {
            (q, r) = numerator.quotientAndRemainder(dividingBy: denominator)
        }
        switch rule {
        case .down:
            return (q, r)
        case .up:
            return (r == 0 ? q : q + 1, r)
        case .toNearestOrEven:
            let twice = r &* 2
            if r > denominator / 2 + denominator % 2 || twice > denominator { return (q + 1, r) }
            if twice == denominator { return (q % 2 == 0 ? q : q + 1, r) }
            return (q, r)
        }
    }

    /// `(a × b) / c` exactly, rounded by `rule`, using a 256-bit intermediate.
    ///
    /// - Returns: `nil` if the quotient does not fit in `UInt128`.
    @inlinable
    public static func multiplyDivide(
        _ a: UInt128, _ b: UInt128, _ c: UInt128, rounding rule: RoundingRule
    ) -> (quotient: UInt128, remainder: UInt128)? {
        precondition(c > 0, "division by zero")
        let (high, low) = a.multipliedFullWidth(by: b)
        guard high < c else { return nil }
        let (q, r) = c.dividingFullWidth((high, low))
        switch rule {
        case .down:
            return (q, r)
        case .up:
            return r == 0 ? (q, r) : (q + 1, r)
        case .toNearestOrEven:
            // Compare 2r with c without overflow: r >= c - r  <=>  2r >= c.
            let other = c - r
            if r > other { return (q + 1, r) }
            if r == other { return (q % 2 == 0 ? q : q + 1, r) }
            return (q, r)
        }
    }
}
