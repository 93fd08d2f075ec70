/// A value type a table column can hold: `Int64`, `Double`, or `UInt8` (a category code).
public protocol TrajectoryValue: Sendable {
    static var kindCode: UInt8 { get }
    static var dtypeName: String { get }
}

extension Int64: TrajectoryValue {
    public static var kindCode: UInt8 { TrajectoryRow.int64Kind }
    public static var dtypeName: String { "int64" }
}

extension Double: TrajectoryValue {
    public static var kindCode: UInt8 { TrajectoryRow.doubleKind }
    public static var dtypeName: String { "float64" }
}

extension UInt8: TrajectoryValue {
    public static var kindCode: UInt8 { TrajectoryRow.categoryKind }
    public static var dtypeName: String { "enum(uint8)" }
}
