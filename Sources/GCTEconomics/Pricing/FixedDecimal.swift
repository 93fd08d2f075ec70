/// A non-negative decimal quantity held exactly at a resolution of 10⁻⁹ (one "nano").
///
/// Pricing inputs that the spec types as `Decimal` or `Float64` (memory in GB, minutes,
/// market factors, supply/demand ratios, velocities) cross into GCTEconomics as
/// `FixedDecimal`, so the arithmetic that follows is exact integer arithmetic.
///
/// - A decimal string with at most nine decimal places converts exactly (`init(parsing:)`).
/// - A `Double` converts at the documented fixed-point resolution: `value × 10⁹` is computed
///   in `Double` and rounded to the nearest integer, ties to even (`init(approximating:)`;
///   docs/departures-from-spec.md row P15). `1.2` becomes exactly `1.200000000`.
@frozen
public struct FixedDecimal: Hashable, Comparable, Sendable, Codable {
    /// The value in units of 10⁻⁹.
    public var nanos: Int64

    /// Units of 10⁻⁹ per whole unit.
    public static let scale: Int64 = 1_000_000_000
    /// Decimal places held exactly.
    public static let decimalPlaces = 9

    public static let zero = FixedDecimal(nanos: 0)
    public static let one = FixedDecimal(nanos: scale)

    /// - Precondition: `nanos >= 0`.
    @inlinable public init(nanos: Int64) {
        precondition(nanos >= 0, "a FixedDecimal is non-negative")
        self.nanos = nanos
    }

    /// A whole number. Traps beyond about 9.2 × 10⁹.
    @inlinable public init(_ whole: Int64) { self.init(nanos: whole * FixedDecimal.scale) }

    /// Parses a non-negative decimal such as `"1.5"`, `"0.000000001"` or `"1_000"` exactly.
    ///
    /// - Throws: `DecimalParseError` (too many decimal places, negative, out of range, …).
    public init(parsing text: String) throws(DecimalParseError) {
        let p = try DecimalParsing.parse(Substring(text), maxFractionDigits: FixedDecimal.decimalPlaces)
        guard !p.negative || p.digits == 0 else { throw .negativeNotAllowed(text) }
        var scaled = p.digits
        for _ in p.fractionDigits..<FixedDecimal.decimalPlaces { scaled *= 10 }
        guard scaled <= UInt128(Int64.max) else { throw .outOfRange(text) }
        self.init(nanos: Int64(scaled))
    }

    /// Converts a `Double` at 10⁻⁹ resolution: `(value × 10⁹).rounded(.toNearestOrEven)`.
    ///
    /// Returns `nil` for NaN, infinities, negative values and values beyond `Int64.max` nanos.
    public init?(approximating value: Double) {
        guard value.isFinite, value >= 0 else { return nil }
        let scaled = (value * 1e9).rounded(.toNearestOrEven)
        guard scaled < 9.2e18, let n = Int64(exactly: scaled) else { return nil }
        self.init(nanos: n)
    }

    /// The value as an exact rate (`nanos / 10⁹`, reduced).
    @inlinable public var rate: Rate { Rate(nanos, over: FixedDecimal.scale) }

    /// The value as a `Double`, for statistics and display only.
    @inlinable public var doubleValue: Double { Double(nanos) / 1e9 }

    @inlinable public static func < (lhs: FixedDecimal, rhs: FixedDecimal) -> Bool { lhs.nanos < rhs.nanos }

    /// The exact decimal string without trailing zeros: `"1.5"`, `"0.8"`, `"2"`.
    public func decimalString() -> String {
        DecimalFormatting.format(magnitude: UInt128(nanos), negative: false, places: FixedDecimal.decimalPlaces)
    }
}

extension FixedDecimal: CustomStringConvertible {
    public var description: String { decimalString() }
}
