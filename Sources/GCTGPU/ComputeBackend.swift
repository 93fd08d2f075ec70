/// Where kernels run: the CPU twins or a device of the loaded GPU library.
public enum ComputeBackend: Sendable {
    case cpu
    case gpu(KernelLibrary, DeviceInfo)

    /// A short name for output: `cpu` or `gpu: <name> (<arch>)`.
    public var label: String {
        switch self {
        case .cpu: "cpu"
        case let .gpu(_, d): "gpu: \(d.name) (\(d.arch))"
        }
    }

    public var isGPU: Bool {
        if case .gpu = self { return true }
        return false
    }

    /// Picks the backend for `choice`.
    ///
    /// - Parameters:
    ///   - choice: `cpu`, `gpu` or `auto`.
    ///   - load: how to load the library (default `KernelLibrary.load()`; tests inject others).
    /// - Returns: the backend, and for `auto` without a GPU the one-line notice to print on stderr,
    ///   e.g. `notice: no GPU (libamdhip64: hipErrorNoDevice); using the CPU path`.
    /// - Throws: for `gpu`, the reason no GPU can be used.
    public static func select(
        _ choice: DeviceChoice, load: () throws(KernelError) -> KernelLibrary = { () throws(KernelError) in try KernelLibrary.load() }
    ) throws(KernelError) -> (backend: ComputeBackend, notice: String?) {
        if choice == .cpu { return (.cpu, nil) }
        do {
            let library = try load()
            let devices = try library.devices()
            return (.gpu(library, devices[0]), nil)
        } catch {
            if choice == .gpu { throw error }
            return (.cpu, "notice: \(Self.reasonLine(error)); using the CPU path")
        }
    }

    static func reasonLine(_ error: KernelError) -> String {
        switch error {
        case .noDevice: error.description
        default: "no GPU (\(error.description))"
        }
    }
}
