/// Which path runs the kernels (`--device cpu|gpu|auto`).
public enum DeviceChoice: String, Hashable, Sendable, CaseIterable, Codable {
    /// The CPU twins, always available.
    case cpu
    /// The GPU library; an error when it or a device is missing.
    case gpu
    /// The GPU when the library loads and reports a device, else the CPU with a one-line notice.
    case auto
}
