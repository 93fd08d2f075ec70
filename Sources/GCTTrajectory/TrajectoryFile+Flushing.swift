import CHDF5

/// The flush policy of a trajectory being written (docs/trajectory-format.md, "A killed run").
///
/// HDF5 keeps metadata (object headers, dataset extents, chunk B-trees) in its cache until it is
/// flushed, and writes a compressed chunk to a new place when it grows, freeing (and soon reusing) the
/// old place. So the file on disk is consistent only right after an `H5Fflush`, and any HDF5 write
/// after it can overwrite data that the on-disk metadata still points to. A writer therefore touches
/// the file only at *flush points*: it writes its tables' buffered rows (``TrajectoryTable/flush()``;
/// appending rows never calls HDF5) or creates objects, and calls ``flushFile()`` in the same step,
/// under one lock. It does so once its structure exists, every ``flushInterval`` of wall time (or when
/// a table buffers ``maxBufferedRows`` rows) while it writes, and at the end of each replication. A
/// SIGKILL between two flush points leaves the file exactly as the last one wrote it: it opens with
/// `status = "running"` and every dataset reads in full. Files are also created so that freed space
/// is never reused (``HDF5Call/setNoFreeSpaceReuse(_:)``): a kill during a flush point leaves the
/// chunks the last flush points to intact; only a kill while `H5Fflush` rewrites metadata in place
/// can leave a partly updated file.
extension TrajectoryFile {
    /// Wall time between two `H5Fflush` calls while rows are written: 2 s.
    public static let flushInterval = Duration.seconds(2)

    /// Rows a table may buffer before its writer makes a flush point early (bounds memory at high
    /// event rates: 65 536 rows is 512 KiB per 8-byte column).
    public static let maxBufferedRows = 65_536

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
