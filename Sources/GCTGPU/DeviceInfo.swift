/// One GPU found by the kernel library (`hipGetDeviceProperties`).
public struct DeviceInfo: Hashable, Sendable, Codable {
    public var index: Int
    public var name: String
    /// The architecture: `gfx90a`, `sm_90`, or `host` for the host-only build.
    public var arch: String
    public var totalMemoryBytes: UInt64
    public var computeUnits: Int
    public var clockKHz: Int

    public init(index: Int, name: String, arch: String, totalMemoryBytes: UInt64, computeUnits: Int, clockKHz: Int) {
        self.index = index
        self.name = name
        self.arch = arch
        self.totalMemoryBytes = totalMemoryBytes
        self.computeUnits = computeUnits
        self.clockKHz = clockKHz
    }
}
