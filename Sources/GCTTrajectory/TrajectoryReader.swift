import CHDF5
import Foundation

/// Read-only access to a trajectory file (or any HDF5 file): objects with shape and type, attributes,
/// and values of rank-1 numeric datasets. Used by `gctsim inspect` and the tests.
///
/// HDF5 file locking is turned off for the reader, so it can read a file a running simulation holds
/// open; what it sees is the state as of the writer's last flush.
public final class TrajectoryReader {
    /// The file system path.
    public let path: String
    let file: HDF5Handle

    /// Opens `path` read-only.
    /// - Throws: ``TrajectoryError/cannotOpen(path:reason:)`` for a missing or unreadable file,
    ///   ``TrajectoryError/notHDF5(path:)`` for a file in another format, ``TrajectoryError/hdf5(_:)``.
    public init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw TrajectoryError.cannotOpen(path: path, reason: "no such file")
        }
        if isDirectory.boolValue { throw TrajectoryError.cannotOpen(path: path, reason: "it is a directory") }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw TrajectoryError.cannotOpen(path: path, reason: "permission denied")
        }
        do {
            guard try HDF5Call.isHDF5(path) else { throw TrajectoryError.notHDF5(path: path) }
            let access = try HDF5Call.createPlist(.fileAccess, path: path)
            try HDF5Call.setFileLocking(access, false)
            file = try HDF5Call.openFile(path, writable: false, fapl: access)
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Every group and dataset, depth first in name order, starting with the root group `/`.
    /// - Throws: ``TrajectoryError/hdf5(_:)``.
    public func objects() throws -> [TrajectoryObjectInfo] {
        var result: [TrajectoryObjectInfo] = []
        do {
            try visit(group: file, path: "/", into: &result)
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
        return result
    }

    private func visit(group: HDF5Handle, path: String, into result: inout [TrajectoryObjectInfo]) throws {
        result.append(TrajectoryObjectInfo(
            path: path, kind: .group, shape: nil, dtype: nil, attributes: try HDF5Attributes.readAll(on: group)))
        for name in try HDF5Call.linkNames(group) {
            let child = TrajectoryObjectPath.join(path, name)
            let type = try HDF5Call.objectType(file, child)
            if type == H5O_TYPE_GROUP {
                try visit(group: try HDF5Call.openGroup(file, child), path: child, into: &result)
            } else if type == H5O_TYPE_DATASET {
                result.append(try datasetInfo(HDF5Call.openDataset(file, child)))
            }
        }
    }

    private func datasetInfo(_ dataset: HDF5Handle) throws(HDF5Error) -> TrajectoryObjectInfo {
        let shape = try HDF5Call.dimensions(try HDF5Call.datasetSpace(dataset))
        let facts = try HDF5Call.describeType(try HDF5Call.datasetType(dataset))
        return TrajectoryObjectInfo(
            path: dataset.path, kind: .dataset, shape: shape, dtype: Self.dtypeName(facts),
            attributes: try HDF5Attributes.readAll(on: dataset))
    }

    static func dtypeName(_ facts: HDF5Call.TypeFacts) -> String {
        switch facts {
        case .integer(let signed, let size): return (signed ? "int" : "uint") + String(size * 8)
        case .float(let size): return "float" + String(size * 8)
        case .string: return "string"
        case .enumeration(let size, _): return "enum(uint\(size * 8))"
        case .other(let cls): return "class\(cls)"
        }
    }

    /// The description of one dataset (shape, dtype, attributes).
    /// - Throws: ``TrajectoryError/notFound(object:)``, ``TrajectoryError/hdf5(_:)``.
    public func dataset(at path: String) throws -> TrajectoryObjectInfo {
        do { return try datasetInfo(try openDatasetForValues(path)) } catch let error as HDF5Error { throw TrajectoryError.hdf5(error) }
    }

    /// The attributes of the group or dataset at `path`.
    /// - Throws: ``TrajectoryError/notFound(object:)``, ``TrajectoryError/hdf5(_:)``.
    public func attributes(at path: String) throws -> [String: AttributeValue] {
        do {
            let components = try TrajectoryObjectPath.components(path)
            if components.isEmpty { return try HDF5Attributes.readAll(on: file) }
            try requireExists(path)
            if try HDF5Call.objectType(file, path) == H5O_TYPE_GROUP {
                return try HDF5Attributes.readAll(on: try HDF5Call.openGroup(file, path))
            }
            return try HDF5Attributes.readAll(on: try HDF5Call.openDataset(file, path))
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// One attribute, or nil when the object has none of that name.
    public func attribute(_ name: String, at path: String) throws -> AttributeValue? {
        try attributes(at: path)[name]
    }

    private func requireExists(_ path: String) throws {
        let components = try TrajectoryObjectPath.components(path)
        var current = ""
        for part in components {
            current += "/" + part
            guard try HDF5Call.linkExists(file, current) else { throw TrajectoryError.notFound(object: path) }
        }
    }

    func openDatasetForValues(_ path: String) throws -> HDF5Handle {
        try requireExists(path)
        guard try HDF5Call.objectType(file, path) == H5O_TYPE_DATASET else {
            throw TrajectoryError.wrongType(object: path, expected: "dataset", found: "group")
        }
        return try HDF5Call.openDataset(file, path)
    }
}
