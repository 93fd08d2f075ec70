import CHDF5

/// Reading values of rank-1 datasets.
extension TrajectoryReader {
    /// Values of an integer, real or enum dataset converted to `Int64` by HDF5 (enum codes as their numbers).
    /// - Parameters:
    ///   - path: the dataset.
    ///   - range: the rows to read (default: all).
    /// - Throws: ``TrajectoryError``; `.wrongType` for string datasets or a range outside the dataset.
    public func int64Values(at path: String, range: Range<Int>? = nil) throws -> [Int64] {
        try values(at: path, range: range, type: HDF5Call.nativeInt64, zero: Int64(0))
    }

    /// Values of a numeric dataset converted to `Double` by HDF5.
    public func doubleValues(at path: String, range: Range<Int>? = nil) throws -> [Double] {
        try values(at: path, range: range, type: HDF5Call.nativeDouble, zero: 0.0)
    }

    /// Values of a `uint8` or `enum(uint8)` dataset (category codes).
    public func uint8Values(at path: String, range: Range<Int>? = nil) throws -> [UInt8] {
        try values(at: path, range: range, type: HDF5Call.nativeUInt8, zero: UInt8(0))
    }

    /// The value at row `index` of a rank-1 numeric dataset, as an ``AttributeValue`` of its natural
    /// kind (`int64` for signed and enum, `uint64` for unsigned, `double` for reals); negative indices
    /// count from the end (`-1` is the last row). Nil for an empty dataset.
    /// - Throws: ``TrajectoryError``; `.wrongType` for string or multi-dimensional datasets.
    public func value(at path: String, index: Int) throws -> AttributeValue? {
        let info = try dataset(at: path)
        guard let rows = info.rowCount else {
            throw TrajectoryError.wrongType(object: path, expected: "a rank-1 dataset", found: "shape \(info.shape ?? [])")
        }
        let row = index < 0 ? rows + index : index
        guard row >= 0, row < rows else { return nil }
        switch info.dtype ?? "" {
        case "float32", "float64":
            return .double(try doubleValues(at: path, range: row..<(row + 1))[0])
        case let dtype where dtype.hasPrefix("uint"):
            return .uint64(try values(at: path, range: row..<(row + 1), type: HDF5Call.nativeUInt64, zero: UInt64(0))[0])
        case let dtype where dtype.hasPrefix("int"):
            return .int64(try int64Values(at: path, range: row..<(row + 1))[0])
        case let dtype where dtype.hasPrefix("enum"):
            return .int64(Int64(try uint8Values(at: path, range: row..<(row + 1))[0]))
        default:
            throw TrajectoryError.wrongType(object: path, expected: "a numeric dataset", found: info.dtype ?? "?")
        }
    }

    /// The last row's value (see ``value(at:index:)``), nil for an empty dataset.
    public func lastValue(at path: String) throws -> AttributeValue? {
        try value(at: path, index: -1)
    }

    private func values<T>(at path: String, range: Range<Int>?, type: hid_t, zero: T) throws -> [T] {
        let dataset = try openDatasetForValues(path)
        do {
            let fileSpace = try HDF5Call.datasetSpace(dataset)
            let dims = try HDF5Call.dimensions(fileSpace)
            guard dims.count == 1 else {
                throw TrajectoryError.wrongType(object: path, expected: "a rank-1 dataset", found: "shape \(dims)")
            }
            let facts = try HDF5Call.describeType(try HDF5Call.datasetType(dataset))
            var memoryType: HDF5Handle?
            switch facts {
            case .integer, .float: break
            case .enumeration(let size, _):
                // HDF5 converts no enum to integer: read with the file's own (1-byte) enum type.
                guard size == 1, T.self == UInt8.self || T.self == Int64.self else {
                    throw TrajectoryError.wrongType(object: path, expected: "uint8 codes", found: "enum of \(size) bytes")
                }
                memoryType = try HDF5Call.datasetType(dataset)
            default:
                throw TrajectoryError.wrongType(object: path, expected: "a numeric dataset", found: Self.dtypeName(facts))
            }
            let rows = range ?? 0..<dims[0]
            guard rows.lowerBound >= 0, rows.upperBound <= dims[0] else {
                throw TrajectoryError.wrongType(
                    object: path, expected: "rows \(rows.lowerBound)..<\(rows.upperBound)", found: "\(dims[0]) rows")
            }
            if rows.isEmpty { return [] }
            try HDF5Call.selectRange(fileSpace, start: rows.lowerBound, count: rows.count)
            let memorySpace = try HDF5Call.createSimpleSpace(count: rows.count, unlimited: false, path: path)
            if memoryType != nil {
                var codes = [UInt8](repeating: 0, count: rows.count)
                try codes.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
                    try HDF5Call.read(dataset, memoryType: memoryType!.id, memorySpace: memorySpace.id,
                                      fileSpace: fileSpace.id, buffer.baseAddress!)
                }
                if T.self == UInt8.self { return codes as! [T] }
                return codes.map { Int64($0) } as! [T]
            }
            var result = [T](repeating: zero, count: rows.count)
            try result.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
                try HDF5Call.read(dataset, memoryType: type, memorySpace: memorySpace.id,
                                  fileSpace: fileSpace.id, UnsafeMutableRawPointer(buffer.baseAddress!))
            }
            return result
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }

    /// Strings of a string dataset (variable or fixed length).
    public func stringValues(at path: String) throws -> [String] {
        let dataset = try openDatasetForValues(path)
        do {
            let space = try HDF5Call.datasetSpace(dataset)
            let count = try HDF5Call.dimensions(space).reduce(1, *)
            guard case .string(let variable, let size) = try HDF5Call.describeType(try HDF5Call.datasetType(dataset)) else {
                throw TrajectoryError.wrongType(object: path, expected: "string", found: "numeric")
            }
            return try HDF5Attributes.readStrings(count: count, variable: variable, size: size, path: path) {
                (memoryType, buffer) throws(HDF5Error) in
                try HDF5Call.read(dataset, memoryType: memoryType.id, memorySpace: HDF5Call.all, fileSpace: HDF5Call.all, buffer)
            } reclaim: { (memoryType, buffer) throws(HDF5Error) in
                try HDF5Call.reclaim(type: memoryType, space: space, buffer)
            }
        } catch let error as HDF5Error {
            throw TrajectoryError.hdf5(error)
        }
    }
}
