import Foundation

/// Helpers shared by the test targets.
public enum GCTTestSupport {
    /// The package root (the folder holding Package.swift), found from this file's path.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }
}

/// A small, seedable, deterministic generator for property tests (SplitMix64).
///
/// Every property test prints the seed of a failing case so it can be replayed.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    public var state: UInt64
    public init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The result of running a command.
public struct CommandResult: Sendable {
    public var status: Int32
    public var signalled: Bool
    public var stdout: String
    public var stderr: String
}

extension GCTTestSupport {
    /// The debug `gctsim` binary (built by `swift build --build-tests`).
    public static var debugBinary: URL { packageRoot.appendingPathComponent(".build/debug/gctsim") }

    /// Runs `binary` (default: the debug `gctsim`) in the package root and waits for it.
    public static func run(
        _ arguments: [String], binary: URL = debugBinary, environment: [String: String] = [:]
    ) throws -> CommandResult {
        try start(arguments, binary: binary, environment: environment).wait()
    }

    /// Starts `binary` in the package root, with `environment` added to this process's; `wait()`
    /// collects its output.
    public static func start(
        _ arguments: [String], binary: URL = debugBinary, environment: [String: String] = [:]
    ) throws -> RunningCommand {
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        if !environment.isEmpty { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        p.currentDirectoryURL = packageRoot
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        return RunningCommand(process: p, out: out, err: err)
    }

    /// A fresh scratch folder.
    public static func scratchDirectory(_ tag: String = "gctsim") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(tag)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A command started by `GCTTestSupport.start`.
public struct RunningCommand {
    public let process: Process
    let out: Pipe
    let err: Pipe

    public func wait() -> CommandResult {
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal,
            stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }
}

/// Runs the release `gctsim` (built by `make test`) in the package root.
public func runReleaseGCTSim(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let binary = GCTTestSupport.packageRoot.appendingPathComponent(".build/release/gctsim")
    guard FileManager.default.isExecutableFile(atPath: binary.path) else {
        throw GCTSimTestError("the statistical validation runs the release build: run `make test` (or `swift build -c release --product gctsim`) first")
    }
    return try runProcess(binary, arguments)
}

public func runProcess(_ binary: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
    let r = try GCTTestSupport.run(arguments, binary: binary)
    return (r.status, r.stdout, r.stderr)
}

public struct GCTSimTestError: Error, CustomStringConvertible {
    public var description: String
    public init(_ d: String) { description = d }
}
