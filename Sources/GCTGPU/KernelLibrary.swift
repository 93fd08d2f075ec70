import CGCTKernels
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The HIP kernel library (`gpu/build/libgctkernels_hip.so`, built by `make gpu`), opened with `dlopen`.
///
/// All calls into the library go through this type, which turns status codes into `KernelError`s.
/// The handle is closed when the last reference goes away. Calls are serialized by the HIP runtime;
/// the type holds only immutable function pointers, hence `@unchecked Sendable`.
public final class KernelLibrary: @unchecked Sendable {
    /// Where the library was loaded from.
    public let path: String
    private let handle: UnsafeMutableRawPointer
    private let abiVersion: gct_gpu_abi_version_fn
    private let deviceCountFn: gct_gpu_device_count_fn
    private let deviceInfoFn: gct_gpu_device_info_fn
    private let oracleBatchFn: gct_gpu_oracle_batch_fn
    private let tokenflowFn: gct_gpu_tokenflow_ensemble_fn
    private let benchFn: gct_gpu_bench_fn
    private let lastErrorFn: gct_gpu_last_error_fn

    /// The environment variable naming the library file explicitly.
    public static let environmentVariable = "GCTSIM_GPU_LIB"
    /// The HIP library's file name.
    public static let fileName = "libgctkernels_hip.so"

    /// The places searched, in order: `$GCTSIM_GPU_LIB`; the executable's folder; `gpu/build` of the
    /// working directory; `gpu/build` of the package this module was built from.
    public static func candidatePaths(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        if let explicit = environment[environmentVariable], !explicit.isEmpty { return [explicit] }
        var paths: [String] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        paths.append(executable.deletingLastPathComponent().appendingPathComponent(fileName).path)
        paths.append(FileManager.default.currentDirectoryPath + "/gpu/build/" + fileName)
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        paths.append(packageRoot.appendingPathComponent("gpu/build/" + fileName).path)
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    /// Loads the first candidate that exists.
    ///
    /// - Throws: `KernelError.library` naming the paths tried, or the `dlopen` / `dlsym` failure.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(KernelError)
        -> KernelLibrary
    {
        let candidates = candidatePaths(environment: environment)
        guard let path = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            throw .library(reason: "no kernel library (\(fileName) not found; run `make gpu`, or set \(environmentVariable))")
        }
        return try KernelLibrary(path: path)
    }

    /// Opens the library at `path`. The corresponding C calls are `dlopen` and `dlsym`.
    public init(path: String) throws(KernelError) {
        guard let h = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "unknown error"
            throw .library(reason: "cannot load \(path): \(reason)")
        }
        func symbol<F>(_ name: String, as _: F.Type) throws(KernelError) -> F {
            guard let s = dlsym(h, name) else {
                dlclose(h)
                throw .library(reason: "\(path) lacks \(name)")
            }
            return unsafeBitCast(s, to: F.self)
        }
        self.path = path
        handle = h
        abiVersion = try symbol("gct_gpu_abi_version", as: gct_gpu_abi_version_fn.self)
        deviceCountFn = try symbol("gct_gpu_device_count", as: gct_gpu_device_count_fn.self)
        deviceInfoFn = try symbol("gct_gpu_device_info", as: gct_gpu_device_info_fn.self)
        oracleBatchFn = try symbol("gct_gpu_oracle_batch", as: gct_gpu_oracle_batch_fn.self)
        tokenflowFn = try symbol("gct_gpu_tokenflow_ensemble", as: gct_gpu_tokenflow_ensemble_fn.self)
        benchFn = try symbol("gct_gpu_bench", as: gct_gpu_bench_fn.self)
        lastErrorFn = try symbol("gct_gpu_last_error", as: gct_gpu_last_error_fn.self)
        let version = abiVersion()
        guard version == GCT_KERNELS_ABI_VERSION else {
            throw .library(reason: "\(path) has ABI \(version), this build expects \(GCT_KERNELS_ABI_VERSION); rebuild with `make gpu`")
        }
    }

    deinit { dlclose(handle) }

    /// The library's last error line (`gct_gpu_last_error`).
    func lastError() -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        _ = lastErrorFn(&buffer, Int32(buffer.count))
        return Self.text(buffer)
    }

    func check(_ status: Int32, _ call: String) throws(KernelError) {
        guard status == GCT_OK else { throw KernelError.from(status: status, call: call, detail: lastError()) }
    }

    /// The devices the HIP runtime reports (`hipGetDeviceCount`, `hipGetDeviceProperties`).
    ///
    /// - Throws: `KernelError.noDevice` with the runtime's reason when there is none.
    public func devices() throws(KernelError) -> [DeviceInfo] {
        var count: Int32 = 0
        var message = [CChar](repeating: 0, count: 512)
        let status = deviceCountFn(&count, &message, Int32(message.count))
        guard status == GCT_OK, count > 0 else {
            throw .noDevice(reason: "libamdhip64: " + Self.text(message).replacingOccurrences(of: "hipGetDeviceCount: ", with: ""))
        }
        var found: [DeviceInfo] = []
        for i in 0 ..< count {
            var info = gct_device_info()
            try check(deviceInfoFn(i, &info), "hipGetDeviceProperties")
            found.append(DeviceInfo(
                index: Int(i), name: Self.string(&info.name), arch: Self.string(&info.arch),
                totalMemoryBytes: info.total_memory, computeUnits: Int(info.compute_units), clockKHz: Int(info.clock_khz)))
        }
        return found
    }

    /// A NUL-terminated C buffer as a String.
    static func text(_ buffer: [CChar]) -> String {
        String(decoding: buffer.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func string<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }

    func oracleBatch(_ p: UnsafePointer<gct_oracle_params>, _ stake: UnsafePointer<Int64>, _ rep: UnsafePointer<Int64>,
                     _ biases: UnsafePointer<Double>, _ count: UInt32, _ out: UnsafeMutablePointer<gct_oracle_round_result>) -> Int32 {
        oracleBatchFn(p, stake, rep, biases, count, out)
    }

    func tokenflow(_ p: UnsafePointer<gct_tokenflow_params>, _ daily: UnsafeMutablePointer<gct_tokenflow_day>?,
                   _ finals: UnsafeMutablePointer<gct_tokenflow_day>) -> Int32 {
        tokenflowFn(p, daily, finals)
    }

    func bench(_ op: Int32, _ size: Int64, _ out: UnsafeMutablePointer<gct_bench_result>) -> Int32 {
        benchFn(op, size, out)
    }
}
