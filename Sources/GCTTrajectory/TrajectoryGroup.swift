/// An open group of a trajectory file (e.g. `/meta`, `/rep_0000/timeseries`), owning its HDF5 handle.
public final class TrajectoryGroup {
    /// The absolute in-file path, e.g. `/rep_0000/timeseries`.
    public let path: String
    let handle: HDF5Handle

    init(path: String, handle: HDF5Handle) {
        self.path = path
        self.handle = handle
    }

    /// Writes or rewrites attribute `name` (an existing attribute of that name is replaced).
    /// - Throws: ``TrajectoryError/hdf5(_:)`` naming the failed call; ``TrajectoryError/closed(path:)``
    ///   after the file was closed.
    public func setAttribute(_ name: String, _ value: AttributeValue) throws {
        guard handle.isOpen else { throw TrajectoryError.closed(path: path) }
        do { try HDF5Attributes.write(value, named: name, on: handle) } catch { throw TrajectoryError.hdf5(error) }
    }

    /// Writes a string attribute (variable-length UTF-8).
    public func setAttribute(_ name: String, _ value: String) throws { try setAttribute(name, .string(value)) }
    /// Writes an `int64` attribute.
    public func setAttribute(_ name: String, _ value: Int64) throws { try setAttribute(name, .int64(value)) }
    /// Writes an `int64` attribute.
    public func setAttribute(_ name: String, _ value: Int) throws { try setAttribute(name, .int64(Int64(value))) }
    /// Writes a `uint64` attribute (e.g. a seed).
    public func setAttribute(_ name: String, _ value: UInt64) throws { try setAttribute(name, .uint64(value)) }
    /// Writes a `float64` attribute.
    public func setAttribute(_ name: String, _ value: Double) throws { try setAttribute(name, .double(value)) }

    /// Reads attribute `name` back, or nil when the group has none of that name.
    public func attribute(_ name: String) throws -> AttributeValue? {
        guard handle.isOpen else { throw TrajectoryError.closed(path: path) }
        do {
            guard try HDF5Call.attributeExists(handle, name) else { return nil }
            return try HDF5Attributes.read(named: name, on: handle)
        } catch { throw TrajectoryError.hdf5(error) }
    }
}
