import ArgumentParser
import Foundation
import GCTTrajectory

/// `gctsim _write-sample-trajectory PATH`: writes a small, deterministic trajectory with every kind of
/// object of the format (meta attributes, two replication groups with a time series, an events table
/// with a categorical column, final arrays). Hidden: it exists for the Python format checks
/// (Tests/python) and the command tests.
struct WriteSampleTrajectoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_write-sample-trajectory",
        abstract: "Write a small sample trajectory (for format tests).",
        shouldDisplay: false
    )

    @Argument(help: "The file to write (replaced if present).")
    var path: String

    @Option(help: "Time-series rows per replication.")
    var rows = 200

    @Flag(help: "After writing and flushing half the rows, kill this process with SIGKILL (no close).")
    var abandonAfterFlush = false

    func run() throws {
        do {
            try write()
        } catch let error as TrajectoryError {
            FileHandle.standardError.write(Data("gctsim _write-sample-trajectory: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }

    private func write() throws {
        let file = try TrajectoryFile.create(path: path, overwrite: true)
        let replications = 2
        try file.meta.setAttribute("scenario_name", "sample")
        try file.meta.setAttribute("scenario_yaml", "name: sample\nseed: 42\nreplications: 2\nend: 1h\n")
        try file.meta.setAttribute("seed", UInt64(42))
        try file.meta.setAttribute("replications", replications)
        try file.meta.setAttribute("gctsim_version", GCTSimVersion.string)
        try file.meta.setAttribute("git_commit", "0000000")
        try file.meta.setAttribute("time_resolution", "1 us")
        try file.provenance.setAttribute("host", ProcessInfo.processInfo.hostName)
        var eventsProcessed: UInt64 = 0
        for replication in 0..<replications {
            let root = String(format: "/rep_%04d", replication)
            let group = try file.group(root)
            try group.setAttribute("replication_index", replication)
            let series = try file.makeTable(at: root + "/timeseries", columns: [
                .double("time_s", units: "s", description: "simulated time at the sample"),
                .int64("queue_length", units: "jobs", description: "jobs waiting in the queue"),
                .double("price", units: "GCT/GPU-hour", description: "market price (display only)"),
            ], chunkRows: 64)
            let events = try file.makeTable(at: root + "/events/executions", columns: [
                .int64("time_us", units: "us", description: "completion time"),
                .double("wait_s", units: "s", description: "time the job waited in the queue"),
                .category("status", categories: ["completed", "failed"], description: "outcome of the execution"),
            ], chunkRows: 64)
            for i in 0..<rows {
                let k = Int64(i)
                try series.appendRow { row in
                    row.set(0, double: Double(i) * 60)
                    row.set(1, int64: (k * 7 + Int64(replication)) % 13)
                    row.set(2, double: 1 + Double((k * 31 + Int64(replication)) % 100) / 400)
                }
                try events.appendRow { row in
                    row.set(0, int64: k * 60_000_000 + 1_500)
                    row.set(1, double: Double((k * 17) % 11) / 2)
                    row.set(2, category: i % 9 == 4 ? 1 : 0)
                }
                eventsProcessed += 2
                if abandonAfterFlush && i == rows / 2 {
                    try file.flush()
                    kill(getpid(), SIGKILL)
                }
            }
            try file.writeArray(
                at: root + "/final/balances", [1_000_000_000, 250_000_000, -0] as [Int64],
                units: "base units (1 GCT = 1e9)", description: "final balance per account")
            try file.writeArray(
                at: root + "/final/account_kind", codes: [0, 1, 1], categories: ["provider", "consumer"],
                description: "kind of each account")
        }
        try file.meta.setAttribute("end_time_us", Int64(rows - 1) * 60_000_000)
        try file.meta.setAttribute("events_processed", eventsProcessed)
        try file.close(status: .complete)
    }
}
