import CGCTKernels

/// Why a kernel call or the GPU library failed, with the call that reported it.
public enum KernelError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The parameters were rejected (out of the documented ranges).
    case invalidArgument(call: String, detail: String)
    /// No usable device; `reason` is the runtime's one-line explanation.
    case noDevice(reason: String)
    /// The HIP runtime reported an error.
    case runtime(call: String, detail: String)
    /// The operation is not available on this backend (e.g. hiprtc on the CPU path).
    case unsupported(call: String, detail: String)
    case outOfMemory(call: String, detail: String)
    /// The kernel library could not be loaded or lacks an entry point.
    case library(reason: String)

    /// Maps a `GCT_*` status of `call` to an error; `detail` is the library's last-error line.
    static func from(status: Int32, call: String, detail: String) -> KernelError {
        switch Int(status) {
        case Int(GCT_ERR_INVALID_ARGUMENT): .invalidArgument(call: call, detail: detail)
        case Int(GCT_ERR_NO_DEVICE): .noDevice(reason: detail)
        case Int(GCT_ERR_UNSUPPORTED): .unsupported(call: call, detail: detail)
        case Int(GCT_ERR_OUT_OF_MEMORY): .outOfMemory(call: call, detail: detail)
        default: .runtime(call: call, detail: detail.isEmpty ? "status \(status)" : detail)
        }
    }

    public var description: String {
        switch self {
        case let .invalidArgument(call, detail): "\(call): invalid argument\(detail.isEmpty ? "" : " (\(detail))")"
        case let .noDevice(reason): "no GPU (\(reason))"
        case let .runtime(call, detail): "\(call): \(detail)"
        case let .unsupported(call, detail): "\(call): not supported (\(detail))"
        case let .outOfMemory(call, detail): "\(call): out of memory (\(detail))"
        case let .library(reason): reason
        }
    }
}
