/// Errors of the trajectory writer and reader, each naming the file or object concerned.
///
/// `description` is one line, suitable for the command's stderr.
public enum TrajectoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The output file exists and overwriting was not requested.
    case exists(path: String)
    /// The output file cannot be created (missing directory, not writable, a directory in the way, ...).
    case cannotCreate(path: String, reason: String)
    /// The file does not exist or cannot be read.
    case cannotOpen(path: String, reason: String)
    /// The file exists but is not an HDF5 file.
    case notHDF5(path: String)
    /// No object at this in-file path.
    case notFound(object: String)
    /// An object exists with another kind or element type than the one asked for.
    case wrongType(object: String, expected: String, found: String)
    /// An in-file path is not absolute or has empty components.
    case invalidObjectPath(String)
    /// A table definition is invalid (no columns, duplicate names, unknown column).
    case invalidTable(object: String, reason: String)
    /// Columns of one table have different lengths on disk (checked at every flush).
    case unequalColumns(object: String, lengths: [String: Int])
    /// The file was already closed.
    case closed(path: String)
    /// A failed HDF5 call.
    case hdf5(HDF5Error)

    public var description: String {
        switch self {
        case .exists(let path):
            return "\(path) already exists (use --force to replace it)"
        case .cannotCreate(let path, let reason):
            return "cannot create \(path): \(reason)"
        case .cannotOpen(let path, let reason):
            return "cannot open \(path): \(reason)"
        case .notHDF5(let path):
            return "\(path) is not an HDF5 file"
        case .notFound(let object):
            return "no object \(object) in the trajectory"
        case .wrongType(let object, let expected, let found):
            return "\(object) is \(found), expected \(expected)"
        case .invalidObjectPath(let path):
            return "invalid object path '\(path)' (must be absolute, e.g. /rep_0000/timeseries)"
        case .invalidTable(let object, let reason):
            return "invalid table \(object): \(reason)"
        case .unequalColumns(let object, let lengths):
            let list = lengths.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            return "columns of \(object) have unequal lengths: \(list)"
        case .closed(let path):
            return "trajectory \(path) is already closed"
        case .hdf5(let error):
            return error.description
        }
    }
}
