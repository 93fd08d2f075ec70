/// A validator's reputation score in [0, 1], held exactly in parts per billion.
@frozen
public struct Reputation: Hashable, Comparable, Sendable, Codable {
    /// The score × 10⁹, in [0, 10⁹].
    public var ppb: Int64

    public static let zero = Reputation(ppb: 0)
    public static let full = Reputation(ppb: 1_000_000_000)

    /// - Precondition: `0 <= ppb <= 10⁹`.
    public init(ppb: Int64) {
        precondition((0...1_000_000_000).contains(ppb), "a reputation is in [0, 1]")
        self.ppb = ppb
    }

    /// The score clamped to [0, 1]: `clamp(x, 0.0, 1.0)`.
    public init(clampingPPB ppb: Int64) { self.init(ppb: min(max(ppb, 0), 1_000_000_000)) }

    /// Parses a decimal in [0, 1] such as `"0.85"`.
    ///
    /// - Throws: `DecimalParseError.outOfRange` above 1.
    public init(parsing text: String) throws(DecimalParseError) {
        let f = try FixedDecimal(parsing: text)
        guard f <= .one else { throw .outOfRange(text) }
        self.init(ppb: f.nanos)
    }

    /// `self − penalty`, not below 0 (`penalize_validator_reputation`).
    public func penalized(by penalty: Rate) -> Reputation {
        let p = ExactArithmetic.divide(
            UInt128(penalty.numerator) * 1_000_000_000, by: UInt128(penalty.denominator), rounding: .up
        ).quotient
        return Reputation(clampingPPB: ppb - Int64(min(p, 1_000_000_000)))
    }

    @inlinable public static func < (l: Reputation, r: Reputation) -> Bool { l.ppb < r.ppb }
    public var doubleValue: Double { Double(ppb) / 1e9 }
    /// The exact decimal: `"0.85"`.
    public func decimalString() -> String { FixedDecimal(nanos: ppb).decimalString() }
}

extension Reputation: CustomStringConvertible {
    public var description: String { decimalString() }
}
