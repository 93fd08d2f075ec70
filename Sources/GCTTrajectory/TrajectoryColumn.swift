/// The definition of one column of a ``TrajectoryTable``: a rank-1 dataset with `units` and
/// `description` attributes.
public struct TrajectoryColumn: Sendable, Equatable {
    /// The element type of a column.
    public enum ElementType: Sendable, Equatable {
        /// Signed 64-bit integers (`int64`): times in microseconds, counts, token base units.
        case int64
        /// IEEE double (`float64`): display-only reals (prices, rates, durations in seconds).
        case double
        /// A categorical value stored as an HDF5 enum over `uint8`; code `i` means `categories[i]`.
        /// The names are also stored in the `categories` attribute (an array of strings).
        case category([String])
    }

    public var name: String
    public var type: ElementType
    public var units: String
    public var description: String

    public init(name: String, type: ElementType, units: String, description: String) {
        self.name = name
        self.type = type
        self.units = units
        self.description = description
    }

    /// An `int64` column.
    public static func int64(_ name: String, units: String, description: String) -> TrajectoryColumn {
        TrajectoryColumn(name: name, type: .int64, units: units, description: description)
    }

    /// A `float64` column.
    public static func double(_ name: String, units: String, description: String) -> TrajectoryColumn {
        TrajectoryColumn(name: name, type: .double, units: units, description: description)
    }

    /// A categorical `uint8` column; `categories[i]` names code `i` (at most 256 categories).
    public static func category(
        _ name: String, categories: [String], units: String = "", description: String
    ) -> TrajectoryColumn {
        TrajectoryColumn(name: name, type: .category(categories), units: units, description: description)
    }

    /// Bytes per element in memory and on disk.
    var elementSize: Int {
        switch type {
        case .int64, .double: return 8
        case .category: return 1
        }
    }

    /// The type name the reader reports (numpy spelling).
    var dtypeName: String {
        switch type {
        case .int64: return "int64"
        case .double: return "float64"
        case .category: return "enum(uint8)"
        }
    }
}
