import Foundation
import Testing
@testable import GCTTrajectory

@Suite("Record tables: columns declared with the field they hold")
struct TrajectoryRecordTableTests {
    struct Job {
        var arrivalUs: Int64
        var wait: Double
        var gpu: Bool
        var servers: Int32
    }

    static let jobs = TrajectoryRecordColumns<Job>([
        .int64("time_us", units: "us", description: "arrival", \.arrivalUs),
        .double("wait_s", units: "s", description: "queueing delay", \.wait),
        .category("kind", categories: ["cpu", "gpu"], description: "job kind", { $0.gpu ? 1 : 0 }),
        .int64("servers", units: "servers", description: "servers used", { Int64($0.servers) }),
    ])

    @Test("rows written by record read back column by column, across a chunk boundary")
    func roundTrip() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("records.h5")
        let file = try TrajectoryFile.create(path: path, overwrite: false)
        let table = try file.makeTable(at: "/rep_0000/events/jobs", records: Self.jobs, chunkRows: 16)
        #expect(table.table.columns.map(\.name) == ["time_us", "wait_s", "kind", "servers"])
        var jobs: [Job] = []
        for i in 0..<40 {
            jobs.append(Job(arrivalUs: Int64(i) * 1_000, wait: Double(i) / 8, gpu: i % 3 == 0, servers: Int32(40 - i)))
        }
        for j in jobs { try table.append(j) }
        try file.close(status: .complete)

        let reader = try TrajectoryReader(path: path)
        let g = "/rep_0000/events/jobs/"
        #expect(try reader.int64Values(at: g + "time_us", range: 0..<40) == jobs.map(\Job.arrivalUs))
        #expect(try reader.doubleValues(at: g + "wait_s", range: 0..<40) == jobs.map(\Job.wait))
        #expect(try reader.uint8Values(at: g + "kind", range: 0..<40) == jobs.map { (j: Job) -> UInt8 in j.gpu ? 1 : 0 })
        #expect(try reader.int64Values(at: g + "servers", range: 0..<40) == jobs.map { (j: Job) -> Int64 in Int64(j.servers) })
        #expect(try reader.dataset(at: g + "kind").attributes["description"] == .string("job kind"))
    }

    @Test("the same rows written by position and by record give the same columns")
    func sameAsPositional() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let job = Job(arrivalUs: 7, wait: 0.25, gpu: true, servers: 3)
        var values: [[String]] = []
        for (i, byRecord) in [false, true].enumerated() {
            let path = scratch.path("t\(i).h5")
            let file = try TrajectoryFile.create(path: path, overwrite: false)
            if byRecord {
                try file.makeTable(at: "/t", records: Self.jobs).append(job)
            } else {
                try file.makeTable(at: "/t", columns: Self.jobs.columns).appendRow { row in
                    row.set(0, int64: 7); row.set(1, double: 0.25); row.set(2, category: 1); row.set(3, int64: 3)
                }
            }
            try file.close(status: .complete)
            let r = try TrajectoryReader(path: path)
            values.append([
                "\(try r.int64Values(at: "/t/time_us", range: 0..<1))", "\(try r.doubleValues(at: "/t/wait_s", range: 0..<1))",
                "\(try r.uint8Values(at: "/t/kind", range: 0..<1))", "\(try r.int64Values(at: "/t/servers", range: 0..<1))",
            ])
        }
        #expect(values[0] == values[1])
    }
}
