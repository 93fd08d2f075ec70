import CHDF5

/// The row being appended by ``TrajectoryTable/appendRow(_:)``: a view on the table's column buffers
/// at one row index. Valid only inside the `appendRow` closure.
public struct TrajectoryRow {
    static let int64Kind: UInt8 = 0
    static let doubleKind: UInt8 = 1
    static let categoryKind: UInt8 = 2

    let buffers: UnsafeMutablePointer<UnsafeMutableRawPointer>
    let kinds: UnsafeMutablePointer<UInt8>
    let columnCount: Int
    let row: Int

    static func kindCode(_ type: TrajectoryColumn.ElementType) -> UInt8 {
        switch type {
        case .int64: return int64Kind
        case .double: return doubleKind
        case .category: return categoryKind
        }
    }

    static func nativeType(_ kind: UInt8) -> hid_t {
        switch kind {
        case int64Kind: return HDF5Call.nativeInt64
        case doubleKind: return HDF5Call.nativeDouble
        default: return HDF5Call.nativeUInt8
        }
    }

    /// Sets an `int64` column. Traps if column `column` is not `int64`.
    public mutating func set(_ column: Int, int64 value: Int64) {
        precondition(column >= 0 && column < columnCount && kinds[column] == Self.int64Kind, "column \(column) is not int64")
        buffers[column].storeBytes(of: value, toByteOffset: row &* 8, as: Int64.self)
    }

    /// Sets a `float64` column. Traps if column `column` is not `float64`.
    public mutating func set(_ column: Int, double value: Double) {
        precondition(column >= 0 && column < columnCount && kinds[column] == Self.doubleKind, "column \(column) is not float64")
        buffers[column].storeBytes(of: value, toByteOffset: row &* 8, as: Double.self)
    }

    /// Sets a categorical column to code `code` (the index of its category name). Traps if column
    /// `column` is not categorical. A code ≥ the number of categories is stored as is (readers see the
    /// bare number); keep codes in range.
    public mutating func set(_ column: Int, category code: UInt8) {
        precondition(column >= 0 && column < columnCount && kinds[column] == Self.categoryKind, "column \(column) is not categorical")
        buffers[column].storeBytes(of: code, toByteOffset: row, as: UInt8.self)
    }

    /// Sets a column through a typed handle (its type was checked when the handle was made).
    public subscript<Value: TrajectoryValue>(column: TrajectoryColumnHandle<Value>) -> Value {
        get { buffers[column.index].load(fromByteOffset: row &* MemoryLayout<Value>.stride, as: Value.self) }
        nonmutating set {
            buffers[column.index].storeBytes(of: newValue, toByteOffset: row &* MemoryLayout<Value>.stride, as: Value.self)
        }
    }
}
