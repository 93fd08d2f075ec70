import Foundation
import Testing
@testable import GCTTrajectory

@Suite("Trajectory tables: streaming rows, columns, final arrays")
struct TrajectoryTableTests {
    @Test("1 000 000 rows across many flushes read back; rows reach the file only at a flush")
    func millionRows() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("million.h5")
        let file = try TrajectoryFile.create(path: path, overwrite: false)
        let table = try file.makeTable(at: "/rep_0000/events/executions", columns: [
            .int64("time_us", units: "us", description: "completion time"),
            .double("wait_s", units: "s", description: "time in queue"),
            .category("status", categories: ["completed", "failed", "cancelled"], description: "outcome"),
        ])
        let time = try table.column("time_us", as: Int64.self)
        let wait = try table.column("wait_s", as: Double.self)
        let status = try table.column("status", as: UInt8.self)
        #expect(table.bufferCapacity == table.chunkRows)
        #expect(table.chunkRows == TrajectoryFormat.defaultChunkRows)
        var maxBuffered = 0
        var writtenBetweenFlushes = false
        for i in 0..<1_000_000 {
            let written = table.writtenRows
            try table.appendRow { row in
                row[time] = Int64(i) * 7
                row[wait] = Double(i) / 4
                row[status] = UInt8(i % 3)
            }
            writtenBetweenFlushes = writtenBetweenFlushes || table.writtenRows != written
            maxBuffered = max(maxBuffered, table.bufferedRows)
            if i % 100_000 == 99_999 {
                try file.flush()
                #expect(table.writtenRows == i + 1 && table.bufferedRows == 0)
            }
        }
        // Appending never writes (the file changes only at a flush); the buffers grew by doubling to
        // hold the 100 000 rows between two flushes, and no more.
        #expect(!writtenBetweenFlushes)
        #expect(maxBuffered == 100_000)
        #expect(table.bufferCapacity == 131_072)
        #expect(table.rowCount == 1_000_000)
        try file.close(status: .complete)

        let reader = try TrajectoryReader(path: path)
        for name in ["time_us", "wait_s", "status"] {
            #expect(try reader.dataset(at: "/rep_0000/events/executions/\(name)").shape == [1_000_000])
        }
        // Rows on both sides of a chunk boundary (4096) and at a flush boundary (100 000).
        #expect(try reader.int64Values(at: "/rep_0000/events/executions/time_us", range: 4_095..<4_097) == [28_665, 28_672])
        #expect(try reader.doubleValues(at: "/rep_0000/events/executions/wait_s", range: 99_999..<100_001) == [24_999.75, 25_000])
        #expect(try reader.uint8Values(at: "/rep_0000/events/executions/status", range: 999_997..<1_000_000) == [1, 2, 0])
        #expect(try reader.lastValue(at: "/rep_0000/events/executions/time_us") == .int64(6_999_993))
    }

    @Test("columns carry units, description, categories and the documented dtypes")
    func columnAttributesAndTypes() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("columns.h5")
        _ = try writeSmallTrajectory(to: path, rows: 1_000, provenanceHost: "h")
        let reader = try TrajectoryReader(path: path)
        let time = try reader.dataset(at: "/rep_0000/events/executions/time_us")
        #expect(time.dtype == "int64")
        #expect(time.attributes["units"] == .string("us"))
        #expect(time.attributes["description"] == .string("completion time"))
        #expect(try reader.dataset(at: "/rep_0000/events/executions/wait_s").dtype == "float64")
        let status = try reader.dataset(at: "/rep_0000/events/executions/status")
        #expect(status.dtype == "enum(uint8)")
        #expect(status.attributes["categories"] == .strings(["completed", "failed"]))
        // Row i is failed (code 1) when i % 7 == 0: rows 0 and 7 of the first eight.
        #expect(try reader.uint8Values(at: "/rep_0000/events/executions/status", range: 0..<8) == [1, 0, 0, 0, 0, 0, 0, 1])
        let balances = try reader.dataset(at: "/rep_0000/final/balances")
        #expect(balances.shape == [3])
        #expect(try reader.int64Values(at: "/rep_0000/final/balances") == [5, -3, 7])
        // Equal lengths in the events group.
        let lengths = try reader.objects().filter { $0.path.hasPrefix("/rep_0000/events/executions/") }.map(\.rowCount)
        #expect(lengths == [1_000, 1_000, 1_000])
    }

    @Test("a column not set in a row holds 0; typed handles check the type once")
    func unsetColumnsAndHandles() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let path = scratch.path("unset.h5")
        let file = try TrajectoryFile.create(path: path, overwrite: false)
        let table = try file.makeTable(at: "/t", columns: [
            .int64("a", units: "", description: "a"), .double("b", units: "", description: "b"),
        ], chunkRows: 2)
        #expect(throws: TrajectoryError.wrongType(object: "/t/a", expected: "float64", found: "int64")) {
            try table.column("a", as: Double.self)
        }
        #expect(throws: TrajectoryError.self) { try table.column("zzz", as: Int64.self) }
        try table.appendRow { $0.set(0, int64: 9); $0.set(1, double: 2.5) }
        try table.appendRow { $0.set(0, int64: 8) }  // fills the 2-row buffer: flushed
        try table.appendRow { $0.set(1, double: 1.5) }
        try file.close(status: .complete)
        #expect(throws: TrajectoryError.closed(path: "/t")) { try table.appendRow { _ in } }
        let reader = try TrajectoryReader(path: path)
        #expect(try reader.int64Values(at: "/t/a") == [9, 8, 0])
        #expect(try reader.doubleValues(at: "/t/b") == [2.5, 0, 1.5])
    }

    @Test("invalid tables and clashing paths are reported with the object and the failing call")
    func invalidTables() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        let file = try TrajectoryFile.create(path: scratch.path("invalid.h5"), overwrite: false)
        #expect(throws: TrajectoryError.invalidTable(object: "/t", reason: "no columns")) {
            try file.makeTable(at: "/t", columns: [])
        }
        #expect(throws: TrajectoryError.invalidTable(object: "/t", reason: "duplicate column names")) {
            try file.makeTable(at: "/t", columns: [.int64("x", units: "", description: ""), .int64("x", units: "", description: "")])
        }
        #expect(throws: TrajectoryError.invalidObjectPath("relative/path")) { try file.group("relative/path") }
        #expect(throws: TrajectoryError.invalidObjectPath("/a//b")) { try file.group("/a//b") }
        _ = try file.makeTable(at: "/t", columns: [.int64("x", units: "", description: "")])
        do {
            _ = try file.makeTable(at: "/t", columns: [.int64("x", units: "", description: "")])
            Issue.record("expected an error")
        } catch let TrajectoryError.hdf5(error) {
            #expect(error.call == "H5Dcreate2")
            #expect(error.path == "/t/x")
            #expect(error.detail.contains("already exists"), "\(error)")
        }
        #expect(throws: TrajectoryError.wrongType(object: "/t/x", expected: "group", found: "dataset")) {
            try file.group("/t/x/inner")
        }
        try file.close(status: .failed)
    }

    @Test("the reader reports a missing file, a non-HDF5 file and a missing object")
    func readerErrors() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.cleanup() }
        #expect(throws: TrajectoryError.cannotOpen(path: scratch.path("nope.h5"), reason: "no such file")) {
            try TrajectoryReader(path: scratch.path("nope.h5"))
        }
        let text = scratch.path("text.h5")
        try "not hdf5".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: TrajectoryError.notHDF5(path: text)) { try TrajectoryReader(path: text) }
        let path = scratch.path("ok.h5")
        try TrajectoryFile.create(path: path, overwrite: false).close(status: .complete)
        #expect(throws: TrajectoryError.notFound(object: "/rep_0000/x")) {
            try TrajectoryReader(path: path).dataset(at: "/rep_0000/x")
        }
    }
}
