/// The value of an HDF5 attribute as the trajectory format stores it.
///
/// Strings are stored as variable-length UTF-8 strings (h5py reads them as `str`); integers as
/// 64-bit (`int64`, `uint64`); reals as `float64`; arrays as rank-1 attributes of the same types.
public enum AttributeValue: Sendable, Equatable, Hashable {
    case string(String)
    case int64(Int64)
    case uint64(UInt64)
    case double(Double)
    case strings([String])
    case int64s([Int64])
    case uint64s([UInt64])
    case doubles([Double])

    /// The string value, or nil for other kinds.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// A numeric value as Int64 when it is a representable integer, else nil.
    public var int64Value: Int64? {
        switch self {
        case .int64(let value): return value
        case .uint64(let value): return Int64(exactly: value)
        default: return nil
        }
    }

    /// A numeric scalar as Double (display only), else nil.
    public var doubleValue: Double? {
        switch self {
        case .int64(let value): return Double(value)
        case .uint64(let value): return Double(value)
        case .double(let value): return value
        default: return nil
        }
    }
}

extension AttributeValue: Encodable {
    /// Encodes as the plain JSON value (string, number or array), without a type tag.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .int64(let value): try container.encode(value)
        case .uint64(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .strings(let value): try container.encode(value)
        case .int64s(let value): try container.encode(value)
        case .uint64s(let value): try container.encode(value)
        case .doubles(let value): try container.encode(value)
        }
    }
}

extension AttributeValue: CustomStringConvertible {
    /// Human form: numbers plainly, strings quoted.
    public var description: String {
        switch self {
        case .string(let value): return "\"\(value)\""
        case .int64(let value): return String(value)
        case .uint64(let value): return String(value)
        case .double(let value): return String(value)
        case .strings(let value): return "[" + value.map { "\"\($0)\"" }.joined(separator: ", ") + "]"
        case .int64s(let value): return "[" + value.map(String.init).joined(separator: ", ") + "]"
        case .uint64s(let value): return "[" + value.map(String.init).joined(separator: ", ") + "]"
        case .doubles(let value): return "[" + value.map { String($0) }.joined(separator: ", ") + "]"
        }
    }
}

extension AttributeValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int64) { self = .int64(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
}
