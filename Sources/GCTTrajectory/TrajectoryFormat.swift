/// Constants of the trajectory file layout (docs/trajectory-format.md).
public enum TrajectoryFormat {
    /// `/meta` attribute `format_version`; bumped on any incompatible layout change.
    public static let version: Int64 = 1
    /// The group holding run metadata (deterministic facts only).
    public static let metaGroup = "/meta"
    /// The group holding facts that differ between identical runs (wall clock, host); excluded from
    /// determinism checks: `h5diff --exclude-path /provenance a.h5 b.h5`.
    public static let provenanceGroup = "/provenance"
    /// `/meta` attribute names written by the writer itself.
    public static let formatVersionAttribute = "format_version"
    public static let statusAttribute = "status"
    /// Dataset attribute names.
    public static let unitsAttribute = "units"
    public static let descriptionAttribute = "description"
    /// Attribute of a categorical (uint8 enum) column: the category names, code `i` is `categories[i]`.
    public static let categoriesAttribute = "categories"
    /// Rows per chunk and per in-memory column buffer, unless a table asks for another size.
    public static let defaultChunkRows = 4096
    /// Deflate (gzip) level of every dataset.
    public static let deflateLevel = 4
}
