/// One group or dataset of a trajectory file, as the reader lists it.
public struct TrajectoryObjectInfo: Sendable, Equatable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        case group, dataset
    }

    /// Absolute in-file path.
    public var path: String
    public var kind: Kind
    /// Dataset dimensions (nil for groups).
    public var shape: [Int]?
    /// Dataset element type in numpy spelling: `int64`, `uint64`, `int32`, `float64`, `uint8`,
    /// `enum(uint8)`, `string` (nil for groups).
    public var dtype: String?
    /// The object's attributes.
    public var attributes: [String: AttributeValue]

    public init(path: String, kind: Kind, shape: [Int]?, dtype: String?, attributes: [String: AttributeValue]) {
        self.path = path
        self.kind = kind
        self.shape = shape
        self.dtype = dtype
        self.attributes = attributes
    }

    /// The number of rows of a rank-1 dataset (nil otherwise).
    public var rowCount: Int? {
        guard let shape, shape.count == 1 else { return nil }
        return shape[0]
    }
}
