/// What `gctsim inspect` reports about a trajectory file: status, meta and provenance attributes,
/// every group and dataset (shape, dtype, units, first and last values), and time spans.
public struct TrajectorySummary: Sendable, Encodable {
    /// One group.
    public struct Group: Sendable, Encodable {
        public var path: String
        public var attributes: [String: AttributeValue]
    }

    /// One dataset; `first`/`last` for non-empty rank-1 numeric datasets (enum codes as numbers,
    /// with `last_category` naming the last code).
    public struct Dataset: Sendable, Encodable {
        public var path: String
        public var shape: [Int]
        public var dtype: String
        public var attributes: [String: AttributeValue]
        public var first: AttributeValue?
        public var last: AttributeValue?
        public var lastCategory: String?

        enum CodingKeys: String, CodingKey {
            case path, shape, dtype, attributes, first, last
            case lastCategory = "last_category"
        }
    }

    /// The first and last value of a time column (`time_s`, `time_us`).
    public struct TimeSpan: Sendable, Encodable {
        public var dataset: String
        public var units: String
        public var first: AttributeValue
        public var last: AttributeValue
        public var rows: Int
    }

    public var file: String
    /// `/meta` `status` (`running`, `complete`, `interrupted`, `failed`), nil if absent.
    public var status: String?
    public var meta: [String: AttributeValue]
    public var provenance: [String: AttributeValue]
    public var groups: [Group]
    public var datasets: [Dataset]
    public var timeSpans: [TimeSpan]

    enum CodingKeys: String, CodingKey {
        case file, status, meta, provenance, groups, datasets
        case timeSpans = "time_spans"
    }

    /// Dataset names recognised as time columns.
    public static let timeColumnNames: Set<String> = ["time_s", "time_us"]

    /// Summarises the file open in `reader`.
    /// - Throws: ``TrajectoryError``.
    public init(reader: TrajectoryReader) throws {
        file = reader.path
        groups = []
        datasets = []
        timeSpans = []
        meta = [:]
        provenance = [:]
        for object in try reader.objects() {
            switch object.kind {
            case .group:
                if object.path == TrajectoryFormat.metaGroup { meta = object.attributes }
                if object.path == TrajectoryFormat.provenanceGroup { provenance = object.attributes }
                groups.append(Group(path: object.path, attributes: object.attributes))
            case .dataset:
                var dataset = Dataset(
                    path: object.path, shape: object.shape ?? [], dtype: object.dtype ?? "?",
                    attributes: object.attributes, first: nil, last: nil, lastCategory: nil)
                let numeric = dataset.dtype.hasPrefix("int") || dataset.dtype.hasPrefix("uint")
                    || dataset.dtype.hasPrefix("float") || dataset.dtype.hasPrefix("enum")
                if numeric, let rows = object.rowCount, rows > 0 {
                    dataset.first = try reader.value(at: object.path, index: 0)
                    dataset.last = try reader.value(at: object.path, index: -1)
                    if case .strings(let names) = object.attributes[TrajectoryFormat.categoriesAttribute],
                       let code = dataset.last?.int64Value, code >= 0, code < names.count {
                        dataset.lastCategory = names[Int(code)]
                    }
                    let leaf = String(object.path.split(separator: "/").last ?? "")
                    if Self.timeColumnNames.contains(leaf), let first = dataset.first, let last = dataset.last {
                        timeSpans.append(TimeSpan(
                            dataset: object.path, units: object.attributes[TrajectoryFormat.unitsAttribute]?.stringValue ?? "",
                            first: first, last: last, rows: rows))
                    }
                }
                datasets.append(dataset)
            }
        }
        status = meta[TrajectoryFormat.statusAttribute]?.stringValue
    }
}
