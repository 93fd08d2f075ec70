/// A group of equal-length rank-1 datasets (one per column) that grows by rows, e.g.
/// `/rep_0000/timeseries` or `/rep_0000/events/executions`.
///
/// Rows go into in-memory column buffers and reach the file only in ``flush()`` (one `H5Dset_extent`
/// + hyperslab `H5Dwrite` per column); ``appendRow(_:)`` never calls HDF5. So a writer that flushes its
/// tables and then the file (`H5Fflush`) in one step touches the file only at those flush points, and
/// a process killed between two of them leaves the file exactly as the last `H5Fflush` wrote it
/// (docs/trajectory-format.md, "A killed run"). A buffer starts at ``chunkRows`` rows and doubles when
/// full, so memory is bounded by the rows appended between two flushes: writers flush at least every
/// ``TrajectoryFile/flushInterval`` or when ``bufferedRows`` reaches ``TrajectoryFile/maxBufferedRows``.
/// Columns are equal-length by construction (a row sets every column; a column not set in a row holds
/// 0) and this is checked against the file at every flush.
///
/// Create one with ``TrajectoryFile/makeTable(at:columns:chunkRows:)``.
public final class TrajectoryTable {
    /// The group path holding the column datasets.
    public let path: String
    /// The columns, in the order rows address them.
    public let columns: [TrajectoryColumn]
    /// Rows per chunk on disk (and the initial capacity of each column buffer).
    public let chunkRows: Int
    /// Rows already written to the file.
    public private(set) var writtenRows = 0
    /// Rows in the buffers, not yet written (all rows appended since the last ``flush()``).
    public private(set) var bufferedRows = 0
    /// The capacity of each column buffer, in rows: ``chunkRows``, doubled each time it fills.
    public private(set) var bufferCapacity: Int

    let group: HDF5Handle
    let datasets: [HDF5Handle]
    /// The memory type of each column (native int64/double, or the column's enum type).
    let memoryTypes: [HDF5Handle?]
    /// One buffer of `bufferCapacity × elementSize` bytes per column (reallocated when it grows).
    let buffers: UnsafeMutablePointer<UnsafeMutableRawPointer>
    /// The element kind code of each column (see ``TrajectoryRow``), for the setters' checks.
    let kinds: UnsafeMutablePointer<UInt8>
    private(set) var isClosed = false

    init(path: String, columns: [TrajectoryColumn], chunkRows: Int, group: HDF5Handle,
         datasets: [HDF5Handle], memoryTypes: [HDF5Handle?]) {
        self.path = path
        self.columns = columns
        self.chunkRows = chunkRows
        self.group = group
        self.datasets = datasets
        self.memoryTypes = memoryTypes
        bufferCapacity = chunkRows
        buffers = .allocate(capacity: columns.count)
        kinds = .allocate(capacity: columns.count)
        for (index, column) in columns.enumerated() {
            let bytes = chunkRows * column.elementSize
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 8)
            buffer.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
            (buffers + index).initialize(to: buffer)
            (kinds + index).initialize(to: TrajectoryRow.kindCode(column.type))
        }
    }

    deinit {
        for index in 0..<columns.count { buffers[index].deallocate() }
        buffers.deallocate()
        kinds.deallocate()
    }

    /// Rows appended so far (written + buffered).
    public var rowCount: Int { writtenRows + bufferedRows }

    /// The index of the column named `name`.
    /// - Throws: ``TrajectoryError/invalidTable(object:reason:)`` if there is none.
    public func columnIndex(_ name: String) throws -> Int {
        guard let index = columns.firstIndex(where: { $0.name == name }) else {
            throw TrajectoryError.invalidTable(object: path, reason: "no column '\(name)'")
        }
        return index
    }

    /// A typed handle on column `name`, checked once here so row setters need no check.
    /// - Throws: ``TrajectoryError/wrongType(object:expected:found:)`` when the column holds another type.
    public func column<Value: TrajectoryValue>(_ name: String, as: Value.Type = Value.self) throws -> TrajectoryColumnHandle<Value> {
        let index = try columnIndex(name)
        guard kinds[index] == Value.kindCode else {
            throw TrajectoryError.wrongType(
                object: TrajectoryObjectPath.join(path, name), expected: Value.dtypeName, found: columns[index].dtypeName)
        }
        return TrajectoryColumnHandle(index: index)
    }

    /// Appends one row to the buffers: `fill` sets the row's values (columns it does not set hold 0).
    /// Nothing is written to the file (see ``flush()``); a full buffer doubles.
    ///
    /// - Parameter fill: sets values with ``TrajectoryRow/set(_:int64:)``-style setters or column handles.
    /// - Throws: ``TrajectoryError/closed(path:)`` when the table is closed.
    /// - Complexity: O(1) amortized; no allocation except when the buffers double.
    public func appendRow(_ fill: (inout TrajectoryRow) -> Void) throws {
        if isClosed { throw TrajectoryError.closed(path: path) }
        if bufferedRows == bufferCapacity { grow() }
        var row = TrajectoryRow(buffers: buffers, kinds: kinds, columnCount: columns.count, row: bufferedRows)
        fill(&row)
        bufferedRows += 1
    }

    /// Doubles every column buffer, keeping the buffered rows; the new part is zeroed.
    private func grow() {
        let capacity = bufferCapacity * 2
        for (index, column) in columns.enumerated() {
            let old = buffers[index]
            let bytes = capacity * column.elementSize, used = bufferedRows * column.elementSize
            let buffer = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 8)
            buffer.copyMemory(from: old, byteCount: used)
            (buffer + used).initializeMemory(as: UInt8.self, repeating: 0, count: bytes - used)
            buffers[index] = buffer
            old.deallocate()
        }
        bufferCapacity = capacity
    }

    /// Writes buffered rows to the file (extends every column dataset by ``bufferedRows`` and writes
    /// the hyperslab), then checks that all columns have the same length on disk.
    /// - Throws: ``TrajectoryError/hdf5(_:)`` naming the call and dataset, or
    ///   ``TrajectoryError/unequalColumns(object:lengths:)``.
    ///
    /// - Parameter wholeChunks: write only the rows up to the last chunk boundary and keep the rest
    ///   buffered, so no chunk on disk is left partial (and none is rewritten by the next flush). A
    ///   writer uses it when a table's buffers are large, not on its timed flushes.
    public func flush(wholeChunks: Bool = false) throws {
        if isClosed { throw TrajectoryError.closed(path: path) }
        let end = wholeChunks ? (writtenRows + bufferedRows) / chunkRows * chunkRows : writtenRows + bufferedRows
        guard end > writtenRows else { return }
        let start = writtenRows, count = end - writtenRows, newLength = end
        var lengths: [String: Int] = [:]
        do {
            let memorySpace = try HDF5Call.createSimpleSpace(count: count, unlimited: false, path: path)
            for (index, dataset) in datasets.enumerated() {
                try HDF5Call.setExtent(dataset, count: newLength)
                let fileSpace = try HDF5Call.datasetSpace(dataset)
                lengths[columns[index].name] = try HDF5Call.dimensions(fileSpace).first ?? 0
                try HDF5Call.selectRange(fileSpace, start: start, count: count)
                try HDF5Call.write(
                    dataset, memoryType: memoryTypes[index]?.id ?? TrajectoryRow.nativeType(kinds[index]),
                    memorySpace: memorySpace.id, fileSpace: fileSpace.id, UnsafeRawPointer(buffers[index]))
            }
        } catch {
            throw TrajectoryError.hdf5(error)
        }
        if Set(lengths.values).count != 1 || lengths.values.first != newLength {
            throw TrajectoryError.unequalColumns(object: path, lengths: lengths)
        }
        let left = bufferedRows - count
        for (index, column) in columns.enumerated() {
            let size = column.elementSize
            if left > 0 { buffers[index].copyMemory(from: buffers[index] + count * size, byteCount: left * size) }
            (buffers[index] + left * size).initializeMemory(as: UInt8.self, repeating: 0, count: count * size)
        }
        writtenRows = newLength
        bufferedRows = left
    }

    /// Flushes, then closes the datasets and the group; later appends throw ``TrajectoryError/closed(path:)``.
    func close() throws {
        if isClosed { return }
        try flush()
        isClosed = true
        do {
            for dataset in datasets { try dataset.close() }
            for type in memoryTypes { try type?.close() }
            try group.close()
        } catch { throw TrajectoryError.hdf5(error) }
    }
}
