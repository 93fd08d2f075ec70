import Foundation
@testable import GCTTrajectory

/// A fresh temporary directory for one test, removed by `cleanup()`.
struct ScratchDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("gct-trajectory-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

/// The result of running a tool.
struct ToolResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs an executable and collects its output.
func runTool(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws -> ToolResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ToolResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// Writes a small deterministic trajectory: meta attributes, one replication group with a time
/// series table (`rows` rows), an events table with a categorical column, and final arrays.
/// `provenanceHost` goes to `/provenance`; `perturb` changes one event value.
func writeSmallTrajectory(
    to path: String, rows: Int = 10_000, provenanceHost: String, perturb: Bool = false, close: Bool = true
) throws -> TrajectoryFile {
    let file = try TrajectoryFile.create(path: path, overwrite: true)
    try file.meta.setAttribute("scenario_name", "baseline")
    try file.meta.setAttribute("seed", UInt64(42))
    try file.provenance.setAttribute("host", provenanceHost)
    let series = try file.makeTable(at: "/rep_0000/timeseries", columns: [
        .double("time_s", units: "s", description: "simulated time"),
        .int64("queue_length", units: "jobs", description: "jobs waiting"),
    ])
    let events = try file.makeTable(at: "/rep_0000/events/executions", columns: [
        .int64("time_us", units: "us", description: "completion time"),
        .double("wait_s", units: "s", description: "time in queue"),
        .category("status", categories: ["completed", "failed"], description: "outcome"),
    ], chunkRows: 512)
    for i in 0..<rows {
        try series.appendRow { row in
            row.set(0, double: Double(i) * 0.5)
            row.set(1, int64: Int64(i % 17))
        }
        try events.appendRow { row in
            row.set(0, int64: Int64(i) * 1_000 + (perturb && i == rows / 2 ? 1 : 0))
            row.set(1, double: Double(i % 5) / 4)
            row.set(2, category: UInt8(i % 7 == 0 ? 1 : 0))
        }
    }
    try file.writeArray(at: "/rep_0000/final/balances", [5, -3, 7] as [Int64], units: "base units", description: "final balances")
    if close { try file.close(status: .complete) }
    return file
}
