import CHDF5
import Foundation

/// A trajectory being written: an HDF5 file with `/meta`, `/provenance` and any groups, tables and
/// arrays the caller adds (docs/trajectory-format.md).
///
/// The file is created with `/meta` attributes `format_version` and `status = "running"`; call
/// ``flush()`` periodically so a killed run leaves a readable file that says `running`, and
/// ``close(status:)`` to write the final status. Object time stamps are off and the format version
/// bounds fixed, so two identical runs differ only under `/provenance`.
public final class TrajectoryFile: @unchecked Sendable {  // file-level calls are serialized by callers (TrajectoryObserver.fileLock); HDF5 itself is thread-safe here
    /// The file system path.
    public let path: String
    /// `/meta`: deterministic facts about the run.
    public let meta: TrajectoryGroup
    /// `/provenance`: facts that differ between identical runs (wall clock, host).
    public let provenance: TrajectoryGroup

    let file: HDF5Handle
    let groupCreation: HDF5Handle
    var groups: [String: TrajectoryGroup] = [:]
    var tables: [TrajectoryTable] = []
    /// Whether ``close(status:)`` was called.
    public internal(set) var isClosed = false
    /// When HDF5's caches were last flushed to disk (``flushFileIfDue()``).
    var lastFileFlush = ContinuousClock.now

    private init(path: String, file: HDF5Handle, groupCreation: HDF5Handle, meta: TrajectoryGroup, provenance: TrajectoryGroup) {
        self.path = path
        self.file = file
        self.groupCreation = groupCreation
        self.meta = meta
        self.provenance = provenance
        groups[meta.path] = meta
        groups[provenance.path] = provenance
    }

    /// Creates a trajectory file.
    ///
    /// - Parameters:
    ///   - path: the file to create; its directory must exist.
    ///   - overwrite: replace an existing file (else it is an error).
    /// - Returns: the open file, with `/meta` (`format_version`, `status = "running"`) and
    ///   `/provenance` (`created_utc`, `hdf5_version`).
    /// - Throws: ``TrajectoryError/exists(path:)`` when the file exists and `overwrite` is false;
    ///   ``TrajectoryError/cannotCreate(path:reason:)`` for a missing directory, a directory at `path`,
    ///   an unwritable location; ``TrajectoryError/hdf5(_:)`` for other HDF5 failures.
    public static func create(path: String, overwrite: Bool) throws -> TrajectoryFile {
        try checkCreatable(path: path, overwrite: overwrite)
        let file: HDF5Handle
        let groupCreation: HDF5Handle
        do {
            // Format bounds: v1.8 objects at least (compact groups, v2 object headers without times),
            // at most v1.10; superblock v2, so a file left by a killed writer opens without `h5clear`.
            let access = try HDF5Call.createPlist(.fileAccess, path: path)
            try HDF5Call.setLibverBounds(access, low: H5F_LIBVER_V18, high: H5F_LIBVER_V110)
            let creation = try HDF5Call.createPlist(.fileCreate, path: path)
            try HDF5Call.setTrackTimes(creation, false)
            // Freed space is never reused while the file is open, so no write between two flushes (or
            // inside one) can overwrite data that the metadata on disk still points to.
            try HDF5Call.setNoFreeSpaceReuse(creation)
            groupCreation = try HDF5Call.createPlist(.groupCreate, path: path)
            try HDF5Call.setTrackTimes(groupCreation, false)
            errno = 0
            do {
                file = try HDF5Call.createFile(path, truncate: overwrite, fcpl: creation, fapl: access)
            } catch {
                let reason = errno != 0 ? String(cString: strerror(errno)) : error.detail
                throw TrajectoryError.cannotCreate(path: path, reason: reason)
            }
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
        func makeGroup(_ name: String) throws -> TrajectoryGroup {
            do {
                let handle = try HDF5Call.createGroup(file, name, gcpl: groupCreation)
                return TrajectoryGroup(path: name, handle: handle)
            } catch { throw TrajectoryError.hdf5(error) }
        }
        let meta = try makeGroup(TrajectoryFormat.metaGroup)
        let provenance = try makeGroup(TrajectoryFormat.provenanceGroup)
        let trajectory = TrajectoryFile(path: path, file: file, groupCreation: groupCreation, meta: meta, provenance: provenance)
        try meta.setAttribute(TrajectoryFormat.formatVersionAttribute, TrajectoryFormat.version)
        try meta.setAttribute(TrajectoryFormat.statusAttribute, TrajectoryStatus.running.rawValue)
        try provenance.setAttribute("created_utc", ISO8601DateFormatter().string(from: Date()))
        try provenance.setAttribute("hdf5_version", HDF5Call.libraryVersion())
        return trajectory
    }

    /// Checks, before HDF5 is asked, the cases a user hits: file exists, directory missing, a
    /// directory at the path, directory not writable.
    private static func checkCreatable(path: String, overwrite: Bool) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: path, isDirectory: &isDirectory) {
            if isDirectory.boolValue { throw TrajectoryError.cannotCreate(path: path, reason: "it is a directory") }
            if !overwrite { throw TrajectoryError.exists(path: path) }
        }
        // Not NSString.deletingLastPathComponent: it traps on some names (e.g. "=").
        let parent = path.lastIndex(of: "/").map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        if !manager.fileExists(atPath: parent, isDirectory: &isDirectory) {
            throw TrajectoryError.cannotCreate(path: path, reason: "directory \(parent) does not exist")
        }
        if !isDirectory.boolValue {
            throw TrajectoryError.cannotCreate(path: path, reason: "\(parent) is not a directory")
        }
        if access(parent, W_OK) != 0 {
            throw TrajectoryError.cannotCreate(path: path, reason: "directory \(parent) is not writable")
        }
    }

    /// The group at `path`, created (with any missing parents) if absent.
    ///
    /// - Parameter path: absolute, e.g. `/rep_0000/timeseries`.
    /// - Throws: ``TrajectoryError/invalidObjectPath(_:)``, ``TrajectoryError/wrongType(object:expected:found:)``
    ///   when a dataset is in the way, ``TrajectoryError/hdf5(_:)``.
    public func group(_ path: String) throws -> TrajectoryGroup {
        if isClosed { throw TrajectoryError.closed(path: self.path) }
        let parts = try TrajectoryObjectPath.components(path)
        let normalized = "/" + parts.joined(separator: "/")
        if let group = groups[normalized] { return group }
        if parts.isEmpty {
            let root = TrajectoryGroup(path: "/", handle: file)
            groups["/"] = root
            return root
        }
        do {
            var current = ""
            var handle: HDF5Handle?
            for part in parts {
                current += "/" + part
                if try HDF5Call.linkExists(file, current) {
                    if try HDF5Call.objectType(file, current) != H5O_TYPE_GROUP {
                        throw TrajectoryError.wrongType(object: current, expected: "group", found: "dataset")
                    }
                    if current == normalized { handle = try HDF5Call.openGroup(file, current) }
                } else {
                    let created = try HDF5Call.createGroup(file, current, gcpl: groupCreation)
                    if current == normalized { handle = created }
                }
            }
            let group = TrajectoryGroup(path: normalized, handle: handle!)
            groups[normalized] = group
            return group
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Creates a table: the group `path` holding one extendible, chunked, compressed rank-1 dataset per
    /// column, each with `units` and `description` attributes (and `categories` for categorical columns).
    ///
    /// - Parameters:
    ///   - path: the table's group, e.g. `/rep_0000/events/executions`; created with its parents if absent.
    ///   - columns: at least one, unique names.
    ///   - chunkRows: rows per chunk, and the initial capacity of the in-memory buffers (default 4096).
    /// - Throws: ``TrajectoryError/invalidTable(object:reason:)``, ``TrajectoryError/hdf5(_:)`` (e.g. a
    ///   column that already exists: `H5Dcreate2`).
    public func makeTable(
        at path: String, columns: [TrajectoryColumn], chunkRows: Int = TrajectoryFormat.defaultChunkRows
    ) throws -> TrajectoryTable {
        if isClosed { throw TrajectoryError.closed(path: self.path) }
        guard !columns.isEmpty else { throw TrajectoryError.invalidTable(object: path, reason: "no columns") }
        guard Set(columns.map(\.name)).count == columns.count else {
            throw TrajectoryError.invalidTable(object: path, reason: "duplicate column names")
        }
        guard chunkRows > 0 else { throw TrajectoryError.invalidTable(object: path, reason: "chunkRows must be positive") }
        let group = try self.group(path)
        let groupHandle: HDF5Handle
        var datasets: [HDF5Handle] = []
        var memoryTypes: [HDF5Handle?] = []
        do {
            groupHandle = try HDF5Call.openGroup(file, group.path)
            for column in columns {
                let (dataset, type) = try createColumn(column, in: group.path, rows: 0, chunkRows: chunkRows)
                datasets.append(dataset)
                memoryTypes.append(type)
            }
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
        let table = TrajectoryTable(
            path: group.path, columns: columns, chunkRows: chunkRows, group: groupHandle,
            datasets: datasets, memoryTypes: memoryTypes)
        tables.append(table)
        return table
    }

    /// Creates one column dataset of `rows` rows (extendible, chunked, shuffle + deflate, no time stamps)
    /// with its attributes; returns it and, for a categorical column, its enum type.
    func createColumn(
        _ column: TrajectoryColumn, in groupPath: String, rows: Int, chunkRows: Int
    ) throws -> (HDF5Handle, HDF5Handle?) {
        for character in column.name where character == "/" {
            throw TrajectoryError.invalidTable(object: groupPath, reason: "column name '\(column.name)' contains '/'")
        }
        let path = TrajectoryObjectPath.join(groupPath, column.name)
        let creation = try HDF5Call.createPlist(.datasetCreate, path: path)
        try HDF5Call.setTrackTimes(creation, false)
        try HDF5Call.setChunk(creation, rows: chunkRows)
        if column.elementSize > 1 { try HDF5Call.setShuffle(creation) }
        try HDF5Call.setDeflate(creation, level: TrajectoryFormat.deflateLevel)
        let space = try HDF5Call.createSimpleSpace(count: rows, unlimited: true, path: path)
        let enumType: HDF5Handle?
        let fileType: hid_t
        switch column.type {
        case .int64:
            enumType = nil
            fileType = HDF5Call.nativeInt64
        case .double:
            enumType = nil
            fileType = HDF5Call.nativeDouble
        case .category(let names):
            guard !names.isEmpty, names.count <= 256, Set(names).count == names.count else {
                throw TrajectoryError.invalidTable(
                    object: path, reason: "a categorical column needs 1 to 256 distinct category names")
            }
            let type = try HDF5Call.createEnumType(names: names, path: path)
            enumType = type
            fileType = type.id
        }
        let dataset = try HDF5Call.createDataset(file, path, type: fileType, space: space, dcpl: creation)
        try HDF5Attributes.write(.string(column.units), named: TrajectoryFormat.unitsAttribute, on: dataset)
        try HDF5Attributes.write(.string(column.description), named: TrajectoryFormat.descriptionAttribute, on: dataset)
        if case .category(let names) = column.type {
            try HDF5Attributes.write(.strings(names), named: TrajectoryFormat.categoriesAttribute, on: dataset)
        }
        return (dataset, enumType)
    }
}
