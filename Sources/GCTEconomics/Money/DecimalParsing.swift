/// What is wrong with a decimal string.
public enum DecimalParseError: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case invalidCharacter(String, character: Character, offset: Int)
    case multipleDecimalPoints(String)
    case misplacedUnderscore(String)
    case noDigits(String)
    case tooManyDecimalPlaces(String, places: Int, maximum: Int)
    case outOfRange(String)
    case negativeNotAllowed(String)

    public var description: String {
        switch self {
        case .empty: return "empty number"
        case let .invalidCharacter(s, c, o): return "'\(s)': unexpected character '\(c)' at offset \(o) (digits, one '.', and '_' between digits are allowed)"
        case let .multipleDecimalPoints(s): return "'\(s)': more than one decimal point"
        case let .misplacedUnderscore(s): return "'\(s)': '_' must stand between two digits"
        case let .noDigits(s): return "'\(s)': no digits"
        case let .tooManyDecimalPlaces(s, p, m): return "'\(s)': \(p) decimal places, at most \(m) allowed (1 base unit = 0.000000001 GCT)"
        case let .outOfRange(s): return "'\(s)': out of range"
        case let .negativeNotAllowed(s): return "'\(s)': must not be negative"
        }
    }
}

/// Shared scanner for exact decimal strings.
@usableFromInline
enum DecimalParsing {
    struct Parsed { var negative: Bool; var digits: UInt128; var fractionDigits: Int }

    /// Grammar: `-?` digits (`_` allowed between digits) (`.` digits)?; at least one digit.
    static func parse(_ text: Substring, maxFractionDigits: Int) throws(DecimalParseError) -> Parsed {
        let whole = String(text)
        guard !text.isEmpty else { throw .empty }
        var chars = Array(text)
        var negative = false
        if chars.first == "-" { negative = true; chars.removeFirst() }
        guard !chars.isEmpty else { throw .noDigits(whole) }
        var digits: UInt128 = 0
        var fraction = -1  // -1 = before the point
        var sawDigit = false
        var previousWasDigit = false
        let limit = UInt128(Int64.max) * 1_000_000_000_000  // generous; callers range-check
        for (i, c) in chars.enumerated() {
            let offset = i + (negative ? 1 : 0)
            if let v = c.wholeNumberValue, c.isASCII {
                digits = digits * 10 + UInt128(v)
                guard digits <= limit else { throw .outOfRange(whole) }
                if fraction >= 0 { fraction += 1 }
                sawDigit = true
                previousWasDigit = true
            } else if c == "_" {
                let nextIsDigit = i + 1 < chars.count && chars[i + 1].isASCII && chars[i + 1].wholeNumberValue != nil
                guard previousWasDigit && nextIsDigit else { throw .misplacedUnderscore(whole) }
                previousWasDigit = false
            } else if c == "." {
                guard fraction < 0 else { throw .multipleDecimalPoints(whole) }
                fraction = 0
                previousWasDigit = false
            } else {
                throw .invalidCharacter(whole, character: c, offset: offset)
            }
        }
        guard sawDigit else { throw .noDigits(whole) }
        let places = Swift.max(fraction, 0)
        guard places <= maxFractionDigits else {
            throw .tooManyDecimalPlaces(whole, places: places, maximum: maxFractionDigits)
        }
        return Parsed(negative: negative, digits: digits, fractionDigits: places)
    }
}

@usableFromInline
enum DecimalFormatting {
    /// Formats `magnitude × 10^-places`, dropping trailing fractional zeros.
    static func format(magnitude: UInt128, negative: Bool, places: Int) -> String {
        var scale: UInt128 = 1
        for _ in 0..<places { scale *= 10 }
        let whole = magnitude / scale
        var frac = magnitude % scale
        var s = negative && magnitude != 0 ? "-" : ""
        s += String(whole)
        if frac != 0 {
            var p = places
            while frac % 10 == 0 { frac /= 10; p -= 1 }
            let f = String(frac)
            s += "." + String(repeating: "0", count: p - f.count) + f
        }
        return s
    }
}

extension TokenAmount {
    /// Parses an exact decimal number of GCT: `"0.001"`, `"1_000_000_000"`, `"9999.999999999"`.
    ///
    /// At most nine decimal places (one base unit); a leading `-` is accepted
    /// (callers that need a non-negative amount check it).
    ///
    /// - Throws: `DecimalParseError` naming what is wrong.
    public init(parsing text: String) throws(DecimalParseError) {
        let p = try DecimalParsing.parse(Substring(text), maxFractionDigits: TokenAmount.decimalPlaces)
        var scaled = p.digits
        for _ in p.fractionDigits..<TokenAmount.decimalPlaces { scaled *= 10 }
        guard scaled <= UInt128(Int64.max) else { throw .outOfRange(text) }
        self.init(baseUnits: p.negative ? -Int64(scaled) : Int64(scaled))
    }

    /// The exact decimal string of the amount in GCT, without trailing zeros.
    public func decimalString() -> String {
        DecimalFormatting.format(
            magnitude: UInt128(baseUnits.magnitude), negative: baseUnits < 0, places: TokenAmount.decimalPlaces)
    }
}
