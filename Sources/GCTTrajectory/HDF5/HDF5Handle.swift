import CHDF5

/// Owns one HDF5 identifier and closes it exactly once: explicitly with ``close()`` or in `deinit`.
///
/// The kind decides the closing call (`H5Fclose`, `H5Gclose`, `H5Dclose`, `H5Aclose`, `H5Sclose`,
/// `H5Tclose`, `H5Pclose`).
final class HDF5Handle {
    enum Kind: Sendable {
        case file, group, dataset, attribute, dataspace, datatype, propertyList
    }

    private(set) var id: hid_t
    let kind: Kind
    /// The file or object path, for error messages.
    let path: String

    init(_ id: hid_t, kind: Kind, path: String) {
        self.id = id
        self.kind = kind
        self.path = path
    }

    var isOpen: Bool { id >= 0 }

    /// Closes the identifier now; later calls do nothing.
    /// - Throws: ``HDF5Error`` naming the closing call.
    func close() throws(HDF5Error) {
        guard id >= 0 else { return }
        let old = id
        id = -1
        try HDF5Call.close(old, kind: kind, path: path)
    }

    deinit {
        if id >= 0 { try? HDF5Call.close(id, kind: kind, path: path) }
    }
}
