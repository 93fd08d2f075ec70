/// The columns of a table of `Record` values, each declared together with the field it is filled
/// from (a key path or a closure), so the column list and the row writer are one list and cannot
/// drift apart.
///
/// ```swift
/// static let waits = TrajectoryRecordColumns<Job>([
///     .int64("time_us", units: "us", description: "arrival", \.arrival),
///     .double("wait_s", units: "s", description: "queueing delay", \.wait),
///     .category("kind", categories: ["cpu", "gpu"], description: "job kind", { $0.isGPU ? 1 : 0 }),
/// ])
/// let table = try file.makeTable(at: "/rep_0000/events/jobs", records: waits)
/// try table.append(job)
/// ```
public struct TrajectoryRecordColumns<Record>: Sendable {
    /// One column and how to read its value from a record.
    public struct Field: Sendable {
        enum Value: Sendable {
            case int64(@Sendable (Record) -> Int64)
            case double(@Sendable (Record) -> Double)
            case category(@Sendable (Record) -> UInt8)
        }

        public let column: TrajectoryColumn
        let value: Value

        /// An `int64` column holding `value(record)`.
        public static func int64(
            _ name: String, units: String, description: String, _ value: @escaping @Sendable (Record) -> Int64
        ) -> Field {
            Field(column: .int64(name, units: units, description: description), value: .int64(value))
        }

        /// A `float64` column holding `value(record)`.
        public static func double(
            _ name: String, units: String, description: String, _ value: @escaping @Sendable (Record) -> Double
        ) -> Field {
            Field(column: .double(name, units: units, description: description), value: .double(value))
        }

        /// A categorical column holding the code `code(record)` (an index into `categories`).
        public static func category(
            _ name: String, categories: [String], units: String = "", description: String,
            _ code: @escaping @Sendable (Record) -> UInt8
        ) -> Field {
            Field(column: .category(name, categories: categories, units: units, description: description), value: .category(code))
        }
    }

    public let fields: [Field]

    public init(_ fields: [Field]) { self.fields = fields }

    /// The table's columns, in declaration order.
    public var columns: [TrajectoryColumn] { fields.map(\.column) }
}

/// A ``TrajectoryTable`` whose rows are `Record` values written through their declared columns.
public struct TrajectoryRecordTable<Record> {
    /// The underlying table (flush and close it like any other).
    public let table: TrajectoryTable
    public let schema: TrajectoryRecordColumns<Record>

    /// Appends one row holding `record`'s fields.
    ///
    /// - Throws: ``TrajectoryError/closed(path:)`` when the table is closed.
    /// - Complexity: O(columns); no allocation except when the buffers double (see ``TrajectoryTable``).
    public func append(_ record: Record) throws {
        let fields = schema.fields
        try table.appendRow { row in
            for i in fields.indices {
                switch fields[i].value {
                case let .int64(value): row[TrajectoryColumnHandle<Int64>(index: i)] = value(record)
                case let .double(value): row[TrajectoryColumnHandle<Double>(index: i)] = value(record)
                case let .category(code): row[TrajectoryColumnHandle<UInt8>(index: i)] = code(record)
                }
            }
        }
    }
}

extension TrajectoryFile {
    /// Creates the table of `records`' columns at `path` (see ``makeTable(at:columns:chunkRows:)``).
    /// The column types match their setters by construction, so appending needs no per-row check.
    public func makeTable<Record>(
        at path: String, records: TrajectoryRecordColumns<Record>, chunkRows: Int = TrajectoryFormat.defaultChunkRows
    ) throws -> TrajectoryRecordTable<Record> {
        TrajectoryRecordTable(table: try makeTable(at: path, columns: records.columns, chunkRows: chunkRows), schema: records)
    }
}
