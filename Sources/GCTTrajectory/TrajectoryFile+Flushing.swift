import CHDF5

/// The flush policy of a trajectory being written (docs/trajectory-format.md, "A killed run").
///
/// HDF5 keeps metadata (object headers, dataset extents, B-trees) in its cache until it is flushed;
/// a file whose writer is killed before any flush does not open. So a writer flushes the file once
/// its structure exists, every ``flushInterval`` of wall time while it writes, and at the end of each
/// replication: a SIGKILL loses at most the rows of the last `flushInterval` seconds, and the file
/// opens with `status = "running"`.
extension TrajectoryFile {
    /// Wall time between two `H5Fflush` calls while rows are written: 2 s.
    public static let flushInterval = Duration.seconds(2)

    /// `H5Fflush` now, without flushing any table's buffered rows (callers flush their own tables,
    /// under `TrajectoryObserver.fileLock`).
    /// - Throws: ``TrajectoryError``.
    public func flushFile() throws {
        if isClosed { throw TrajectoryError.closed(path: path) }
        do { try HDF5Call.flush(file) } catch { throw TrajectoryError.hdf5(error) }
        lastFileFlush = ContinuousClock.now
    }

    /// ``flushFile()`` if ``flushInterval`` has passed since the last flush.
    public func flushFileIfDue() throws {
        if ContinuousClock.now - lastFileFlush >= Self.flushInterval { try flushFile() }
    }
}
