import CHDF5

/// Arrays written once (e.g. `/rep_0000/final/...`).
extension TrajectoryFile {
    /// Writes a complete `int64` array as a dataset at `path` (parents created), with `units` and
    /// `description`; stored like a table column (chunked, compressed, extendible).
    /// - Throws: ``TrajectoryError``.
    public func writeArray(at path: String, _ values: [Int64], units: String, description: String) throws {
        try writeColumn(at: path, TrajectoryColumn.int64(leaf(path), units: units, description: description), count: values.count) {
            (dataset, type) throws(HDF5Error) in
            try values.withUnsafeBufferPointer { (buffer) throws(HDF5Error) in
                try Self.writeAll(dataset, type: type, count: values.count, UnsafeRawPointer(buffer.baseAddress))
            }
        }
    }

    /// Writes a complete `float64` array (see ``writeArray(at:_:units:description:)-(_,[Int64],_,_)``).
    public func writeArray(at path: String, _ values: [Double], units: String, description: String) throws {
        try writeColumn(at: path, TrajectoryColumn.double(leaf(path), units: units, description: description), count: values.count) {
            (dataset, type) throws(HDF5Error) in
            try values.withUnsafeBufferPointer { (buffer) throws(HDF5Error) in
                try Self.writeAll(dataset, type: type, count: values.count, UnsafeRawPointer(buffer.baseAddress))
            }
        }
    }

    /// Writes a complete categorical array: `codes[i]` indexes `categories`.
    public func writeArray(
        at path: String, codes: [UInt8], categories: [String], units: String = "", description: String
    ) throws {
        let column = TrajectoryColumn.category(leaf(path), categories: categories, units: units, description: description)
        try writeColumn(at: path, column, count: codes.count) { (dataset, type) throws(HDF5Error) in
            try codes.withUnsafeBufferPointer { (buffer) throws(HDF5Error) in
                try Self.writeAll(dataset, type: type, count: codes.count, UnsafeRawPointer(buffer.baseAddress))
            }
        }
    }

    private func leaf(_ path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    private func writeColumn(
        at path: String, _ column: TrajectoryColumn, count: Int,
        write: (HDF5Handle, hid_t) throws(HDF5Error) -> Void
    ) throws {
        if isClosed { throw TrajectoryError.closed(path: self.path) }
        let parts = try TrajectoryObjectPath.components(path)
        guard !parts.isEmpty else { throw TrajectoryError.invalidObjectPath(path) }
        let parent = try group("/" + parts.dropLast().joined(separator: "/"))
        let chunkRows = min(max(count, 1), TrajectoryFormat.defaultChunkRows)
        let (dataset, enumType) = try createColumn(column, in: parent.path, rows: count, chunkRows: chunkRows)
        do {
            let type = enumType?.id ?? TrajectoryRow.nativeType(TrajectoryRow.kindCode(column.type))
            try write(dataset, type)
            try dataset.close()
            try enumType?.close()
        } catch { throw TrajectoryError.hdf5(error) }
    }

    private static func writeAll(_ dataset: HDF5Handle, type: hid_t, count: Int, _ buffer: UnsafeRawPointer?) throws(HDF5Error) {
        guard count > 0, let buffer else { return }
        try HDF5Call.write(dataset, memoryType: type, memorySpace: HDF5Call.all, fileSpace: HDF5Call.all, buffer)
    }
}
