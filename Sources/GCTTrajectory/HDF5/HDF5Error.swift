/// A failed HDF5 C call: which call, on which object, and HDF5's own innermost error message.
///
/// Produced only by the internal call layer (``HDF5Call``); the rest of GCTTrajectory never sees a
/// negative `herr_t` or `hid_t`.
public struct HDF5Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The C function that failed, e.g. `H5Dcreate2`.
    public var call: String
    /// The file or in-file object path the call was about, e.g. `/timeseries/queue_length`.
    public var path: String
    /// HDF5's description of the innermost error on its error stack (may be empty).
    public var detail: String

    public init(call: String, path: String, detail: String = "") {
        self.call = call
        self.path = path
        self.detail = detail
    }

    /// The error for a failed `call` on `path` (spelling used in messages and tests).
    public static func call(_ call: String, path: String, detail: String = "") -> HDF5Error {
        HDF5Error(call: call, path: path, detail: detail)
    }

    public var description: String {
        detail.isEmpty ? "HDF5 \(call) failed for \(path)" : "HDF5 \(call) failed for \(path): \(detail)"
    }
}
