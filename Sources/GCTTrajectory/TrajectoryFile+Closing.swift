/// Flushing and closing.
extension TrajectoryFile {
    /// Closes one table and lets the file forget it, so its buffers are freed now (a run with many
    /// replications keeps memory flat).
    public func closeTable(_ table: TrajectoryTable) throws {
        try table.close()
        tables.removeAll { $0 === table }
    }

    /// Writes every table's buffered rows and flushes HDF5's caches to disk (`H5Fflush`), so the file
    /// as it stands is readable if the process dies now (its `status` still says `running`).
    /// - Throws: ``TrajectoryError``.
    public func flush() throws {
        if isClosed { throw TrajectoryError.closed(path: path) }
        for table in tables where !table.isClosed { try table.flush() }
        do { try HDF5Call.flush(file) } catch { throw TrajectoryError.hdf5(error) }
    }

    /// Flushes all tables, rewrites `/meta` `status`, and closes the file. Tables and groups of this
    /// file are closed too; using them afterwards throws ``TrajectoryError/closed(path:)``.
    /// - Parameter status: how the run ended.
    /// - Throws: ``TrajectoryError``; the file is closed even when a flush fails.
    public func close(status: TrajectoryStatus) throws {
        if isClosed { throw TrajectoryError.closed(path: path) }
        var firstError: (any Error)?
        for table in tables {
            do { try table.close() } catch { firstError = firstError ?? error }
        }
        do { try meta.setAttribute(TrajectoryFormat.statusAttribute, status.rawValue) } catch { firstError = firstError ?? error }
        isClosed = true
        do {
            // The root group shares the file's identifier; it is closed with the file.
            for (path, group) in groups where path != "/" { try group.handle.close() }
            try groupCreation.close()
            try HDF5Call.flush(file)
            try file.close()
        } catch {
            firstError = firstError ?? TrajectoryError.hdf5(error)
        }
        if let firstError { throw firstError }
    }
}
