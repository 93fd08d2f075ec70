/// An exact, non-negative rational number: a rate, a share or a multiplier.
///
/// Rates such as 2 %, 0.5 % or 12 % + bonus are held as `numerator / denominator`
/// with `Int64` parts, reduced to lowest terms, so they multiply money exactly
/// (through 128-bit intermediates) and print back as the decimal they came from.
@frozen
public struct Rate: Hashable, Sendable, Comparable {
    public let numerator: Int64
    public let denominator: Int64

    /// `numerator / denominator`, reduced.
    ///
    /// - Precondition: `numerator >= 0`, `denominator > 0`.
    @inlinable
    public init(_ numerator: Int64, over denominator: Int64) {
        precondition(numerator >= 0 && denominator > 0, "a rate is non-negative with a positive denominator")
        let g = Rate.gcd(numerator, denominator)
        self.numerator = numerator / g
        self.denominator = denominator / g
    }

    /// A rate from parts per billion: `Rate(ppb: 5_000_000)` is 0.5 %.
    @inlinable public init(ppb: Int64) { self.init(ppb, over: 1_000_000_000) }

    /// A rate from basis points: `Rate(bps: 50)` is 0.5 %.
    @inlinable public init(bps: Int64) { self.init(bps, over: 10_000) }

    public static let zero = Rate(0, over: 1)
    public static let one = Rate(1, over: 1)

    @usableFromInline
    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a.magnitude, b.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        return x == 0 ? 1 : Int64(x)
    }

    @inlinable public var isZero: Bool { numerator == 0 }

    /// The value as a `Double`, for statistics and display only.
    @inlinable public var doubleValue: Double { Double(numerator) / Double(denominator) }

    public static func < (lhs: Rate, rhs: Rate) -> Bool {
        Int128(lhs.numerator) * Int128(rhs.denominator) < Int128(rhs.numerator) * Int128(lhs.denominator)
    }

    /// `lhs + rhs` exactly, or `nil` if the reduced result does not fit `Int64` parts.
    public static func adding(_ lhs: Rate, _ rhs: Rate) -> Rate? {
        let n = Int128(lhs.numerator) * Int128(rhs.denominator) + Int128(rhs.numerator) * Int128(lhs.denominator)
        let d = Int128(lhs.denominator) * Int128(rhs.denominator)
        return Rate.reducing(n, d)
    }

    /// `lhs × rhs` exactly, or `nil` if the reduced result does not fit `Int64` parts.
    public static func multiplying(_ lhs: Rate, _ rhs: Rate) -> Rate? {
        Rate.reducing(Int128(lhs.numerator) * Int128(rhs.numerator), Int128(lhs.denominator) * Int128(rhs.denominator))
    }

    /// `lhs - rhs`, or `nil` if negative or out of range.
    public static func subtracting(_ lhs: Rate, _ rhs: Rate) -> Rate? {
        let n = Int128(lhs.numerator) * Int128(rhs.denominator) - Int128(rhs.numerator) * Int128(lhs.denominator)
        guard n >= 0 else { return nil }
        return Rate.reducing(n, Int128(lhs.denominator) * Int128(rhs.denominator))
    }

    static func reducing(_ n: Int128, _ d: Int128) -> Rate? {
        var (x, y) = (n.magnitude, d.magnitude)
        while y != 0 { (x, y) = (y, x % y) }
        let g = x == 0 ? 1 : Int128(x)
        let (rn, rd) = (n / g, d / g)
        guard let nn = Int64(exactly: rn), let dd = Int64(exactly: rd), dd > 0 else { return nil }
        return Rate(nn, over: dd)
    }

    /// The smaller of two rates.
    public static func min(_ a: Rate, _ b: Rate) -> Rate { a < b ? a : b }
    /// The larger of two rates.
    public static func max(_ a: Rate, _ b: Rate) -> Rate { a < b ? b : a }
}

extension Rate: CustomStringConvertible {
    /// The exact decimal when the denominator is a product of 2s and 5s (`"0.005"`),
    /// otherwise `"n/d"`.
    public var description: String {
        var d = denominator
        var twos = 0, fives = 0
        while d % 2 == 0 { d /= 2; twos += 1 }
        while d % 5 == 0 { d /= 5; fives += 1 }
        guard d == 1 else { return "\(numerator)/\(denominator)" }
        let places = Swift.max(twos, fives)
        guard places <= 18 else { return "\(numerator)/\(denominator)" }
        var scale: Int128 = 1
        for _ in 0..<places { scale *= 10 }
        let scaled = Int128(numerator) * (scale / Int128(denominator))
        return DecimalFormatting.format(magnitude: scaled.magnitude, negative: false, places: places)
    }
}

extension Rate {
    /// Parses a non-negative decimal string such as `"0.005"`, `"12"`, `"1_000"` or a percentage `"0.5%"`.
    ///
    /// - Throws: `DecimalParseError` naming what is wrong.
    public init(parsing text: String) throws(DecimalParseError) {
        var body = Substring(text)
        var percent = false
        if body.hasSuffix("%") { percent = true; body = body.dropLast() }
        let parsed = try DecimalParsing.parse(body, maxFractionDigits: 18)
        guard !parsed.negative else { throw .negativeNotAllowed(text) }
        guard let n = Int64(exactly: parsed.digits) else { throw .outOfRange(text) }
        var den: Int64 = 1
        for _ in 0..<parsed.fractionDigits { den *= 10 }
        if percent {
            guard den <= Int64.max / 100 else { throw .outOfRange(text) }
            den *= 100
        }
        self.init(n, over: den)
    }
}

extension Rate: Codable {
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Rate(parsing: text)
    }
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
