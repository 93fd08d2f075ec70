import CHDF5
import Foundation

/// The type of one field of a ``RecordDataset`` row.
public enum RecordFieldType: Sendable, Equatable {
    /// Signed 64-bit integer.
    case int64
    /// IEEE double.
    case double
    /// A fixed-length, NUL-padded byte string of this many bytes (numpy `S<n>`).
    case string(Int)

    var size: Int {
        switch self {
        case .int64, .double: 8
        case .string(let n): max(n, 1)
        }
    }
}

/// One field (column) of a ``RecordDataset``.
public struct RecordField: Sendable, Equatable {
    public var name: String
    public var type: RecordFieldType

    public init(_ name: String, _ type: RecordFieldType) {
        self.name = name
        self.type = type
    }
}

/// One value of a record row.
public enum RecordValue: Sendable, Equatable, Hashable, CustomStringConvertible {
    case int64(Int64)
    case double(Double)
    case string(String)

    public var doubleValue: Double {
        switch self {
        case .int64(let v): Double(v)
        case .double(let v): v
        case .string(let s): Double(s) ?? .nan
        }
    }

    public var int64Value: Int64? {
        if case .int64(let v) = self { return v }
        return nil
    }

    public var description: String {
        switch self {
        case .int64(let v): String(v)
        case .double(let v): String(v)
        case .string(let s): s
        }
    }
}

/// An HDF5 file of row tables stored as rank-1 compound datasets (one HDF5 "record" per row), e.g. the
/// `/sweep` table of `gctsim sweep`: `pd.DataFrame(h5py.File(path)["sweep"][:])` reads one in a line.
///
/// Files are created like ``TrajectoryFile`` (no object time stamps, fixed format bounds), with
/// `/meta` (`format_version`, `status`) and `/provenance` groups; they can be reopened to append
/// (resuming an interrupted writer).
public final class RecordFile: @unchecked Sendable {  // callers serialize access
    public let path: String
    let file: HDF5Handle
    let groupCreation: HDF5Handle
    var groups: [String: TrajectoryGroup] = [:]
    var datasets: [RecordDataset] = []
    public private(set) var isClosed = false

    private init(path: String, file: HDF5Handle, groupCreation: HDF5Handle) {
        self.path = path
        self.file = file
        self.groupCreation = groupCreation
    }

    /// Creates a record file with `/meta` (`format_version`, `status = "running"`) and `/provenance`.
    /// - Throws: ``TrajectoryError/exists(path:)`` when `path` exists and `overwrite` is false.
    public static func create(path: String, overwrite: Bool) throws -> RecordFile {
        if FileManager.default.fileExists(atPath: path), !overwrite { throw TrajectoryError.exists(path: path) }
        do {
            let access = try HDF5Call.createPlist(.fileAccess, path: path)
            try HDF5Call.setLibverBounds(access, low: H5F_LIBVER_V18, high: H5F_LIBVER_V110)
            let creation = try HDF5Call.createPlist(.fileCreate, path: path)
            try HDF5Call.setTrackTimes(creation, false)
            let groupCreation = try HDF5Call.createPlist(.groupCreate, path: path)
            try HDF5Call.setTrackTimes(groupCreation, false)
            errno = 0
            let file: HDF5Handle
            do {
                file = try HDF5Call.createFile(path, truncate: overwrite, fcpl: creation, fapl: access)
            } catch {
                throw TrajectoryError.cannotCreate(path: path, reason: errno != 0 ? String(cString: strerror(errno)) : error.detail)
            }
            let result = RecordFile(path: path, file: file, groupCreation: groupCreation)
            let meta = try result.group(TrajectoryFormat.metaGroup)
            _ = try result.group(TrajectoryFormat.provenanceGroup)
            try meta.setAttribute(TrajectoryFormat.formatVersionAttribute, TrajectoryFormat.version)
            try meta.setAttribute(TrajectoryFormat.statusAttribute, TrajectoryStatus.running.rawValue)
            return result
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Opens an existing record file, read-only or to append. A read-only open does not lock the file.
    public static func open(path: String, writable: Bool) throws -> RecordFile {
        guard FileManager.default.fileExists(atPath: path) else { throw TrajectoryError.cannotOpen(path: path, reason: "no such file") }
        do {
            guard try HDF5Call.isHDF5(path) else { throw TrajectoryError.notHDF5(path: path) }
            let access = try HDF5Call.createPlist(.fileAccess, path: path)
            if writable {
                try HDF5Call.setLibverBounds(access, low: H5F_LIBVER_V18, high: H5F_LIBVER_V110)
            } else {
                try HDF5Call.setFileLocking(access, false)
            }
            let groupCreation = try HDF5Call.createPlist(.groupCreate, path: path)
            try HDF5Call.setTrackTimes(groupCreation, false)
            let file = try HDF5Call.openFile(path, writable: writable, fapl: access)
            return RecordFile(path: path, file: file, groupCreation: groupCreation)
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// The group at `path` (absolute, one level below the root or deeper), opened or created.
    public func group(_ path: String) throws -> TrajectoryGroup {
        if isClosed { throw TrajectoryError.closed(path: self.path) }
        if let g = groups[path] { return g }
        do {
            let handle = try HDF5Call.linkExists(file, path)
                ? try HDF5Call.openGroup(file, path) : try HDF5Call.createGroup(file, path, gcpl: groupCreation)
            let g = TrajectoryGroup(path: path, handle: handle)
            groups[path] = g
            return g
        } catch {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// All attributes of the group at `path` (empty when the group is absent).
    public func attributes(of path: String) throws -> [String: AttributeValue] {
        do {
            guard try HDF5Call.linkExists(file, path) else { return [:] }
            return try HDF5Attributes.readAll(on: try group(path).handle)
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Whether an object exists at `path`.
    public func exists(_ path: String) throws -> Bool {
        do { return try HDF5Call.linkExists(file, path) } catch { throw TrajectoryError.hdf5(error) }
    }

    /// Creates an empty, extendible, chunked, compressed compound dataset at `path` (a root-level name).
    public func createDataset(_ path: String, fields: [RecordField], chunkRows: Int = 1024) throws -> RecordDataset {
        if isClosed { throw TrajectoryError.closed(path: self.path) }
        guard !fields.isEmpty, Set(fields.map(\.name)).count == fields.count else {
            throw TrajectoryError.invalidTable(object: path, reason: "no fields, or duplicate field names")
        }
        do {
            let type = try RecordDataset.compoundType(fields, path: path)
            let creation = try HDF5Call.createPlist(.datasetCreate, path: path)
            try HDF5Call.setTrackTimes(creation, false)
            try HDF5Call.setChunk(creation, rows: chunkRows)
            try HDF5Call.setShuffle(creation)
            try HDF5Call.setDeflate(creation, level: TrajectoryFormat.deflateLevel)
            let space = try HDF5Call.createSimpleSpace(count: 0, unlimited: true, path: path)
            let dataset = try HDF5Call.createDataset(file, path, type: type.id, space: space, dcpl: creation)
            let result = RecordDataset(path: path, fields: fields, dataset: dataset, type: type, rows: 0)
            datasets.append(result)
            return result
        } catch {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Opens the compound dataset at `path`.
    public func openDataset(_ path: String) throws -> RecordDataset {
        do {
            guard try HDF5Call.linkExists(file, path) else { throw TrajectoryError.notFound(object: path) }
            let dataset = try HDF5Call.openDataset(file, path)
            let fileType = try HDF5Call.datasetType(dataset)
            let count = Int(H5Tget_nmembers(fileType.id))
            guard H5Tget_class(fileType.id) == H5T_COMPOUND, count > 0 else {
                throw TrajectoryError.wrongType(object: path, expected: "a compound dataset", found: "another type")
            }
            var fields: [RecordField] = []
            for i in 0..<UInt32(count) {
                guard let cName = H5Tget_member_name(fileType.id, i) else { throw HDF5Error(call: "H5Tget_member_name", path: path) }
                let name = String(cString: cName)
                HDF5Call.free(cName)
                let memberClass = H5Tget_member_class(fileType.id, i)
                let memberType = HDF5Handle(try HDF5Call.id("H5Tget_member_type", path) { H5Tget_member_type(fileType.id, i) }, kind: .datatype, path: path)
                switch memberClass {
                case H5T_INTEGER: fields.append(RecordField(name, .int64))
                case H5T_FLOAT: fields.append(RecordField(name, .double))
                case H5T_STRING: fields.append(RecordField(name, .string(H5Tget_size(memberType.id))))
                default: throw TrajectoryError.wrongType(object: path, expected: "int64, float64 or string fields", found: "field \(name)")
                }
            }
            let rows = try HDF5Call.dimensions(try HDF5Call.datasetSpace(dataset)).first ?? 0
            let result = RecordDataset(
                path: path, fields: fields, dataset: dataset, type: try RecordDataset.compoundType(fields, path: path), rows: rows)
            datasets.append(result)
            return result
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Writes HDF5's caches to disk, so the file as it stands survives the process being killed.
    public func flush() throws {
        do { try HDF5Call.flush(file) } catch { throw TrajectoryError.hdf5(error) }
    }

    /// Sets `/meta` `status` (when given) and closes everything.
    public func close(status: TrajectoryStatus? = nil) throws {
        if isClosed { return }
        if let status { try group(TrajectoryFormat.metaGroup).setAttribute(TrajectoryFormat.statusAttribute, status.rawValue) }
        isClosed = true
        do {
            for d in datasets { try d.dataset.close(); try d.type.close() }
            for (_, g) in groups { try g.handle.close() }
            try groupCreation.close()
            try HDF5Call.flush(file)
            try file.close()
        } catch { throw TrajectoryError.hdf5(error) }
    }
}

/// A rank-1 compound dataset of a ``RecordFile``, appended to by rows.
public final class RecordDataset {
    public let path: String
    public let fields: [RecordField]
    public private(set) var rowCount: Int
    let dataset: HDF5Handle
    let type: HDF5Handle
    let offsets: [Int]
    let rowSize: Int

    init(path: String, fields: [RecordField], dataset: HDF5Handle, type: HDF5Handle, rows: Int) {
        self.path = path
        self.fields = fields
        self.dataset = dataset
        self.type = type
        self.rowCount = rows
        var offsets: [Int] = []
        var offset = 0
        for f in fields {
            offsets.append(offset)
            offset += f.type.size
        }
        self.offsets = offsets
        self.rowSize = max(offset, 1)
    }

    /// The packed native compound type of `fields`. The C functions are `H5Tcreate(H5T_COMPOUND)` and `H5Tinsert`.
    static func compoundType(_ fields: [RecordField], path: String) throws(HDF5Error) -> HDF5Handle {
        let size = max(fields.reduce(0) { $0 + $1.type.size }, 1)
        let type = HDF5Handle(try HDF5Call.id("H5Tcreate", path) { H5Tcreate(H5T_COMPOUND, size) }, kind: .datatype, path: path)
        var offset = 0
        for f in fields {
            switch f.type {
            case .int64:
                try HDF5Call.status("H5Tinsert", path) { H5Tinsert(type.id, f.name, offset, HDF5Call.nativeInt64) }
            case .double:
                try HDF5Call.status("H5Tinsert", path) { H5Tinsert(type.id, f.name, offset, HDF5Call.nativeDouble) }
            case .string(let n):
                let s = try HDF5Call.createFixedStringType(size: n, path: path)
                try HDF5Call.status("H5Tinsert", path) { H5Tinsert(type.id, f.name, offset, s.id) }
            }
            offset += f.type.size
        }
        return type
    }

    /// Appends rows (each one value per field, in field order).
    public func append(_ rows: [[RecordValue]]) throws {
        guard !rows.isEmpty else { return }
        var buffer = [UInt8](repeating: 0, count: rows.count * rowSize)
        for (r, row) in rows.enumerated() {
            guard row.count == fields.count else {
                throw TrajectoryError.invalidTable(object: path, reason: "a row has \(row.count) values for \(fields.count) fields")
            }
            let base = r * rowSize
            for (i, value) in row.enumerated() {
                let at = base + offsets[i]
                switch (fields[i].type, value) {
                case (.int64, .int64(let v)):
                    withUnsafeBytes(of: v.littleEndian) { for (k, b) in $0.enumerated() { buffer[at + k] = b } }
                case (.double, _):
                    withUnsafeBytes(of: value.doubleValue) { for (k, b) in $0.enumerated() { buffer[at + k] = b } }
                case (.string(let n), .string(let s)):
                    for (k, b) in s.utf8.prefix(n).enumerated() { buffer[at + k] = b }
                default:
                    throw TrajectoryError.invalidTable(object: path, reason: "field \(fields[i].name) cannot hold \(value)")
                }
            }
        }
        do {
            let newLength = rowCount + rows.count
            try HDF5Call.setExtent(dataset, count: newLength)
            let fileSpace = try HDF5Call.datasetSpace(dataset)
            try HDF5Call.selectRange(fileSpace, start: rowCount, count: rows.count)
            let memorySpace = try HDF5Call.createSimpleSpace(count: rows.count, unlimited: false, path: path)
            try buffer.withUnsafeBufferPointer { (raw) throws(HDF5Error) in
                try HDF5Call.write(dataset, memoryType: type.id, memorySpace: memorySpace.id, fileSpace: fileSpace.id, UnsafeRawPointer(raw.baseAddress!))
            }
            rowCount = newLength
        } catch {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Shortens the dataset to `rows` rows (drops a partly written tail).
    public func truncate(to rows: Int) throws {
        guard rows < rowCount else { return }
        do { try HDF5Call.setExtent(dataset, count: rows) } catch { throw TrajectoryError.hdf5(error) }
        rowCount = rows
    }

    /// Reads rows `range`.
    public func read(_ range: Range<Int>) throws -> [[RecordValue]] {
        guard range.lowerBound >= 0, range.upperBound <= rowCount else {
            throw TrajectoryError.wrongType(object: path, expected: "rows \(range)", found: "\(rowCount) rows")
        }
        if range.isEmpty { return [] }
        var buffer = [UInt8](repeating: 0, count: range.count * rowSize)
        do {
            let fileSpace = try HDF5Call.datasetSpace(dataset)
            try HDF5Call.selectRange(fileSpace, start: range.lowerBound, count: range.count)
            let memorySpace = try HDF5Call.createSimpleSpace(count: range.count, unlimited: false, path: path)
            try buffer.withUnsafeMutableBufferPointer { (raw) throws(HDF5Error) in
                try HDF5Call.read(dataset, memoryType: type.id, memorySpace: memorySpace.id, fileSpace: fileSpace.id, UnsafeMutableRawPointer(raw.baseAddress!))
            }
        } catch {
            throw TrajectoryError.hdf5(error)
        }
        var rows: [[RecordValue]] = []
        rows.reserveCapacity(range.count)
        buffer.withUnsafeBytes { raw in
            for r in 0..<range.count {
                let base = r * rowSize
                var row: [RecordValue] = []
                row.reserveCapacity(fields.count)
                for (i, f) in fields.enumerated() {
                    let at = base + offsets[i]
                    switch f.type {
                    case .int64: row.append(.int64(raw.loadUnaligned(fromByteOffset: at, as: Int64.self)))
                    case .double: row.append(.double(raw.loadUnaligned(fromByteOffset: at, as: Double.self)))
                    case .string(let n):
                        let bytes = raw[at..<(at + n)].prefix { $0 != 0 }
                        row.append(.string(String(decoding: bytes, as: UTF8.self)))
                    }
                }
                rows.append(row)
            }
        }
        return rows
    }
}
