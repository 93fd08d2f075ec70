/// An exact amount of GCT, stored as an integer count of base units.
///
/// 1 GCT = 10⁹ base units, so the 1 000 000 000 GCT cap (10¹⁸ base units)
/// fits in `Int64` with room for any sum of two capped quantities. No
/// floating-point value ever holds a balance.
///
/// Arithmetic with `+` and `-` traps on overflow, like `Int`; ledgers check
/// their operations first and return typed errors instead.
@frozen
public struct TokenAmount: RawRepresentable, Hashable, Comparable, Sendable, Codable {
    /// The amount in base units (10⁻⁹ GCT).
    public var baseUnits: Int64

    /// Base units per GCT.
    public static let baseUnitsPerGCT: Int64 = 1_000_000_000
    /// Decimal places of a base unit.
    public static let decimalPlaces = 9
    /// Zero GCT.
    public static let zero = TokenAmount(baseUnits: 0)
    /// One base unit, the smallest amount.
    public static let oneBaseUnit = TokenAmount(baseUnits: 1)

    @inlinable public init(baseUnits: Int64) { self.baseUnits = baseUnits }
    @inlinable public init(rawValue: Int64) { self.baseUnits = rawValue }
    @inlinable public var rawValue: Int64 { baseUnits }

    /// A whole number of GCT. Traps if it overflows (beyond ~9.2 × 10⁹ GCT).
    @inlinable public init(gct: Int64) {
        self.baseUnits = gct * TokenAmount.baseUnitsPerGCT
    }

    @inlinable public static func < (lhs: TokenAmount, rhs: TokenAmount) -> Bool { lhs.baseUnits < rhs.baseUnits }
    @inlinable public static func + (lhs: TokenAmount, rhs: TokenAmount) -> TokenAmount { TokenAmount(baseUnits: lhs.baseUnits + rhs.baseUnits) }
    @inlinable public static func - (lhs: TokenAmount, rhs: TokenAmount) -> TokenAmount { TokenAmount(baseUnits: lhs.baseUnits - rhs.baseUnits) }
    @inlinable public static func += (lhs: inout TokenAmount, rhs: TokenAmount) { lhs.baseUnits += rhs.baseUnits }
    @inlinable public static func -= (lhs: inout TokenAmount, rhs: TokenAmount) { lhs.baseUnits -= rhs.baseUnits }

    /// `self + other`, or `nil` on overflow.
    @inlinable public func adding(_ other: TokenAmount) -> TokenAmount? {
        let (v, o) = baseUnits.addingReportingOverflow(other.baseUnits)
        return o ? nil : TokenAmount(baseUnits: v)
    }

    @inlinable public var isZero: Bool { baseUnits == 0 }
    @inlinable public var isPositive: Bool { baseUnits > 0 }
    @inlinable public var isNegative: Bool { baseUnits < 0 }

    /// The amount as a `Double` number of GCT, for plots and statistics only.
    ///
    /// Never feed this back into money: it is rounded to 53 bits.
    @inlinable public var approximateGCT: Double { Double(baseUnits) / 1e9 }

    /// `self × rate`, rounded by `rule`.
    ///
    /// - Precondition: `self` is non-negative and the rate is non-negative.
    @inlinable
    public func multiplied(by rate: Rate, rounding rule: RoundingRule) -> TokenAmount {
        multipliedWithRemainder(by: rate, rounding: rule).amount
    }

    /// `self × rate`, rounded by `rule`, with the remainder of the division by
    /// `rate.denominator` (the part of a base unit not paid, times the denominator).
    @inlinable
    public func multipliedWithRemainder(by rate: Rate, rounding rule: RoundingRule)
        -> (amount: TokenAmount, remainder: UInt128)
    {
        precondition(baseUnits >= 0, "rates apply to non-negative amounts")
        let (q, r) = ExactArithmetic.divide(
            UInt128(baseUnits) * UInt128(rate.numerator), by: UInt128(rate.denominator), rounding: rule)
        return (TokenAmount(baseUnits: Int64(q)), r)
    }

    /// `self × numerator / denominator`, rounded by `rule` (exact 128-bit intermediate).
    @inlinable
    public func scaled(by numerator: Int64, over denominator: Int64, rounding rule: RoundingRule) -> TokenAmount {
        precondition(baseUnits >= 0 && numerator >= 0 && denominator > 0)
        let (q, _) = ExactArithmetic.divide(
            UInt128(baseUnits) * UInt128(numerator), by: UInt128(denominator), rounding: rule)
        return TokenAmount(baseUnits: Int64(q))
    }
}

extension TokenAmount: AdditiveArithmetic {}

extension TokenAmount: CustomStringConvertible {
    /// The exact decimal number of GCT, without trailing zeros: `"0.001"`, `"1300"`, `"-2.5"`.
    public var description: String { decimalString() }
}
