import CHDF5

/// The one layer through which GCTTrajectory calls HDF5's C API.
///
/// Each function wraps one C call (named in its doc comment), turns a negative `herr_t`/`hid_t`/`htri_t`
/// into an ``HDF5Error`` naming the call and the object, and keeps HDF5's automatic error printing off
/// (HDF5's error state is per thread in a thread-safe build, so it is switched off before each call).
enum HDF5Call {
    // MARK: Checking

    private static func innermostError() -> String {
        var buffer = [CChar](repeating: 0, count: 512)
        buffer.withUnsafeMutableBufferPointer { gct_H5E_innermost($0.baseAddress, $0.count) }
        let end = buffer.firstIndex(of: 0) ?? buffer.count
        return String(decoding: buffer[..<end].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    @inline(__always)
    static func id(_ call: String, _ path: String, _ body: () -> hid_t) throws(HDF5Error) -> hid_t {
        _ = gct_H5E_auto_print_off()
        let result = body()
        if result < 0 { throw HDF5Error(call: call, path: path, detail: innermostError()) }
        return result
    }

    @inline(__always)
    static func status(_ call: String, _ path: String, _ body: () -> herr_t) throws(HDF5Error) {
        _ = gct_H5E_auto_print_off()
        if body() < 0 { throw HDF5Error(call: call, path: path, detail: innermostError()) }
    }

    @inline(__always)
    static func truth(_ call: String, _ path: String, _ body: () -> htri_t) throws(HDF5Error) -> Bool {
        _ = gct_H5E_auto_print_off()
        let result = body()
        if result < 0 { throw HDF5Error(call: call, path: path, detail: innermostError()) }
        return result > 0
    }

    // MARK: Constants (macros exposed by shim.h)

    static var defaultPlist: hid_t { gct_H5P_DEFAULT() }
    static var nativeInt64: hid_t { gct_H5T_NATIVE_INT64() }
    static var nativeUInt64: hid_t { gct_H5T_NATIVE_UINT64() }
    static var nativeUInt8: hid_t { gct_H5T_NATIVE_UINT8() }
    static var nativeDouble: hid_t { gct_H5T_NATIVE_DOUBLE() }
    static var unlimited: hsize_t { gct_H5S_UNLIMITED() }
    static var all: hid_t { gct_H5S_ALL() }

    // MARK: Library

    /// The library's version. The corresponding C function is `H5get_libversion`.
    static func libraryVersion() -> String {
        var major: UInt32 = 0, minor: UInt32 = 0, release: UInt32 = 0
        _ = H5get_libversion(&major, &minor, &release)
        return "\(major).\(minor).\(release)"
    }

    /// Closes an identifier of the given kind (`H5Fclose`, `H5Gclose`, ...).
    static func close(_ id: hid_t, kind: HDF5Handle.Kind, path: String) throws(HDF5Error) {
        switch kind {
        case .file: try status("H5Fclose", path) { H5Fclose(id) }
        case .group: try status("H5Gclose", path) { H5Gclose(id) }
        case .dataset: try status("H5Dclose", path) { H5Dclose(id) }
        case .attribute: try status("H5Aclose", path) { H5Aclose(id) }
        case .dataspace: try status("H5Sclose", path) { H5Sclose(id) }
        case .datatype: try status("H5Tclose", path) { H5Tclose(id) }
        case .propertyList: try status("H5Pclose", path) { H5Pclose(id) }
        }
    }

    // MARK: Files

    /// Whether a file is HDF5. The corresponding C function is `H5Fis_hdf5`.
    static func isHDF5(_ path: String) throws(HDF5Error) -> Bool {
        try truth("H5Fis_hdf5", path) { H5Fis_hdf5(path) }
    }

    /// The corresponding C function is `H5Fcreate` (flags `H5F_ACC_TRUNC` or `H5F_ACC_EXCL`).
    static func createFile(_ path: String, truncate: Bool, fcpl: HDF5Handle, fapl: HDF5Handle) throws(HDF5Error) -> HDF5Handle {
        let flags = truncate ? gct_H5F_ACC_TRUNC() : gct_H5F_ACC_EXCL()
        let id = try id("H5Fcreate", path) { H5Fcreate(path, flags, fcpl.id, fapl.id) }
        return HDF5Handle(id, kind: .file, path: path)
    }

    /// The corresponding C function is `H5Fopen` (flag `H5F_ACC_RDONLY` or `H5F_ACC_RDWR`).
    static func openFile(_ path: String, writable: Bool, fapl: HDF5Handle) throws(HDF5Error) -> HDF5Handle {
        let flags = writable ? gct_H5F_ACC_RDWR() : gct_H5F_ACC_RDONLY()
        let id = try id("H5Fopen", path) { H5Fopen(path, flags, fapl.id) }
        return HDF5Handle(id, kind: .file, path: path)
    }

    /// Writes all buffers of the file to disk. The corresponding C function is `H5Fflush(id, H5F_SCOPE_GLOBAL)`.
    static func flush(_ file: HDF5Handle) throws(HDF5Error) {
        try status("H5Fflush", file.path) { H5Fflush(file.id, H5F_SCOPE_GLOBAL) }
    }

    // MARK: Property lists

    /// The corresponding C function is `H5Pcreate` with one of the class macros.
    static func createPlist(_ kind: PlistClass, path: String) throws(HDF5Error) -> HDF5Handle {
        let cls: hid_t
        switch kind {
        case .fileAccess: cls = gct_H5P_FILE_ACCESS()
        case .fileCreate: cls = gct_H5P_FILE_CREATE()
        case .datasetCreate: cls = gct_H5P_DATASET_CREATE()
        case .groupCreate: cls = gct_H5P_GROUP_CREATE()
        case .linkCreate: cls = gct_H5P_LINK_CREATE()
        }
        let id = try id("H5Pcreate", path) { H5Pcreate(cls) }
        return HDF5Handle(id, kind: .propertyList, path: path)
    }

    enum PlistClass { case fileAccess, fileCreate, datasetCreate, groupCreate, linkCreate }

    /// Pins the file format. The corresponding C function is `H5Pset_libver_bounds`.
    static func setLibverBounds(_ fapl: HDF5Handle, low: H5F_libver_t, high: H5F_libver_t) throws(HDF5Error) {
        try status("H5Pset_libver_bounds", fapl.path) { H5Pset_libver_bounds(fapl.id, low, high) }
    }

    /// Turns HDF5's advisory file locking on or off for files opened with this list (a reader turns it off
    /// so it can read a file a running simulation holds). The corresponding C function is `H5Pset_file_locking`.
    static func setFileLocking(_ fapl: HDF5Handle, _ use: Bool) throws(HDF5Error) {
        try status("H5Pset_file_locking", fapl.path) { H5Pset_file_locking(fapl.id, use, true) }
    }

    /// Turns object time stamps on or off. The corresponding C function is `H5Pset_obj_track_times`.
    static func setTrackTimes(_ plist: HDF5Handle, _ track: Bool) throws(HDF5Error) {
        try status("H5Pset_obj_track_times", plist.path) { H5Pset_obj_track_times(plist.id, track) }
    }

    /// Makes freed file space never reused (`H5Pset_file_space_strategy(fcpl, H5F_FSPACE_STRATEGY_NONE,
    /// persist: false, threshold: 1)`): no free-space manager, no aggregators, so a chunk that HDF5
    /// moves when it grows leaves its old copy in place until the file is closed.
    static func setNoFreeSpaceReuse(_ fcpl: HDF5Handle) throws(HDF5Error) {
        try status("H5Pset_file_space_strategy", fcpl.path) { H5Pset_file_space_strategy(fcpl.id, H5F_FSPACE_STRATEGY_NONE, false, 1) }
    }

    /// The corresponding C function is `H5Pset_chunk` (rank 1).
    static func setChunk(_ dcpl: HDF5Handle, rows: Int) throws(HDF5Error) {
        var dims: [hsize_t] = [hsize_t(rows)]
        try status("H5Pset_chunk", dcpl.path) { H5Pset_chunk(dcpl.id, 1, &dims) }
    }

    /// The corresponding C function is `H5Pset_shuffle`.
    static func setShuffle(_ dcpl: HDF5Handle) throws(HDF5Error) {
        try status("H5Pset_shuffle", dcpl.path) { H5Pset_shuffle(dcpl.id) }
    }

    /// The corresponding C function is `H5Pset_deflate`.
    static func setDeflate(_ dcpl: HDF5Handle, level: Int) throws(HDF5Error) {
        try status("H5Pset_deflate", dcpl.path) { H5Pset_deflate(dcpl.id, UInt32(level)) }
    }

    // MARK: Links and groups

    /// Whether a link exists. The corresponding C function is `H5Lexists`.
    static func linkExists(_ location: HDF5Handle, _ name: String) throws(HDF5Error) -> Bool {
        try truth("H5Lexists", name) { H5Lexists(location.id, name, gct_H5P_DEFAULT()) }
    }

    /// The corresponding C function is `H5Gcreate2`.
    static func createGroup(_ location: HDF5Handle, _ path: String, gcpl: HDF5Handle) throws(HDF5Error) -> HDF5Handle {
        let id = try id("H5Gcreate2", path) {
            H5Gcreate2(location.id, path, gct_H5P_DEFAULT(), gcpl.id, gct_H5P_DEFAULT())
        }
        return HDF5Handle(id, kind: .group, path: path)
    }

    /// The corresponding C function is `H5Gopen2`.
    static func openGroup(_ location: HDF5Handle, _ path: String) throws(HDF5Error) -> HDF5Handle {
        let id = try id("H5Gopen2", path) { H5Gopen2(location.id, path, gct_H5P_DEFAULT()) }
        return HDF5Handle(id, kind: .group, path: path)
    }

    /// The type of the object at `path`. The corresponding C function is `H5Oget_info_by_name2` (`H5O_INFO_BASIC`).
    static func objectType(_ location: HDF5Handle, _ path: String) throws(HDF5Error) -> H5O_type_t {
        var info = H5O_info_t()
        try status("H5Oget_info_by_name2", path) {
            H5Oget_info_by_name2(location.id, path, &info, UInt32(H5O_INFO_BASIC), gct_H5P_DEFAULT())
        }
        return info.type
    }

    /// The object's modification time stamp (0 when time tracking is off). The corresponding C function
    /// is `H5Oget_info_by_name2` (`H5O_INFO_TIME`).
    static func modificationTime(_ location: HDF5Handle, _ path: String) throws(HDF5Error) -> Int {
        var info = H5O_info_t()
        try status("H5Oget_info_by_name2", path) {
            H5Oget_info_by_name2(location.id, path, &info, UInt32(H5O_INFO_TIME), gct_H5P_DEFAULT())
        }
        return Int(info.mtime)
    }

    /// The names of the links in a group, in name order. The corresponding C function is `H5Literate`.
    static func linkNames(_ group: HDF5Handle) throws(HDF5Error) -> [String] {
        final class Names { var list: [String] = [] }
        let names = Names()
        var index: hsize_t = 0
        let context = Unmanaged.passUnretained(names).toOpaque()
        try status("H5Literate", group.path) {
            H5Literate(group.id, H5_INDEX_NAME, H5_ITER_INC, &index, { _, name, _, data in
                guard let name, let data else { return -1 }
                Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().list.append(String(cString: name))
                return 0
            }, context)
        }
        return withExtendedLifetime(names) { names.list }
    }

    // MARK: Dataspaces

    /// The corresponding C function is `H5Screate(H5S_SCALAR)`.
    static func createScalarSpace(path: String) throws(HDF5Error) -> HDF5Handle {
        let id = try id("H5Screate", path) { H5Screate(H5S_SCALAR) }
        return HDF5Handle(id, kind: .dataspace, path: path)
    }

    /// A rank-1 dataspace. The corresponding C function is `H5Screate_simple`.
    static func createSimpleSpace(count: Int, unlimited: Bool, path: String) throws(HDF5Error) -> HDF5Handle {
        var dims: [hsize_t] = [hsize_t(count)]
        var maxDims: [hsize_t] = [unlimited ? gct_H5S_UNLIMITED() : hsize_t(count)]
        let id = try id("H5Screate_simple", path) { H5Screate_simple(1, &dims, &maxDims) }
        return HDF5Handle(id, kind: .dataspace, path: path)
    }

    /// The dimensions of a dataspace (empty for a scalar). The corresponding C functions are
    /// `H5Sget_simple_extent_ndims` and `H5Sget_simple_extent_dims`.
    static func dimensions(_ space: HDF5Handle) throws(HDF5Error) -> [Int] {
        let rank = try id("H5Sget_simple_extent_ndims", space.path) { hid_t(H5Sget_simple_extent_ndims(space.id)) }
        if rank == 0 { return [] }
        var dims = [hsize_t](repeating: 0, count: Int(rank))
        _ = try id("H5Sget_simple_extent_dims", space.path) { hid_t(H5Sget_simple_extent_dims(space.id, &dims, nil)) }
        return dims.map { Int($0) }
    }

    /// Selects `count` elements from `start` of a rank-1 dataspace. The corresponding C function is
    /// `H5Sselect_hyperslab(H5S_SELECT_SET)`.
    static func selectRange(_ space: HDF5Handle, start: Int, count: Int) throws(HDF5Error) {
        var startArray: [hsize_t] = [hsize_t(start)]
        var countArray: [hsize_t] = [hsize_t(count)]
        try status("H5Sselect_hyperslab", space.path) {
            H5Sselect_hyperslab(space.id, H5S_SELECT_SET, &startArray, nil, &countArray, nil)
        }
    }

    // MARK: Datatypes

    /// A variable-length UTF-8 string type. The corresponding C functions are `H5Tcopy(H5T_C_S1)`,
    /// `H5Tset_size(H5T_VARIABLE)` and `H5Tset_cset(H5T_CSET_UTF8)`.
    static func createVariableStringType(path: String) throws(HDF5Error) -> HDF5Handle {
        let handle = HDF5Handle(try id("H5Tcopy", path) { H5Tcopy(gct_H5T_C_S1()) }, kind: .datatype, path: path)
        try status("H5Tset_size", path) { H5Tset_size(handle.id, gct_H5T_VARIABLE()) }
        try status("H5Tset_cset", path) { H5Tset_cset(handle.id, H5T_CSET_UTF8) }
        return handle
    }

    /// A fixed-length C string type of `size` bytes. The corresponding C functions are `H5Tcopy(H5T_C_S1)`
    /// and `H5Tset_size`.
    static func createFixedStringType(size: Int, path: String) throws(HDF5Error) -> HDF5Handle {
        let handle = HDF5Handle(try id("H5Tcopy", path) { H5Tcopy(gct_H5T_C_S1()) }, kind: .datatype, path: path)
        try status("H5Tset_size", path) { H5Tset_size(handle.id, max(size, 1)) }
        return handle
    }

    /// A uint8-based enumeration type, member `i` named `names[i]`. The corresponding C functions are
    /// `H5Tenum_create(H5T_NATIVE_UINT8)` and `H5Tenum_insert`.
    static func createEnumType(names: [String], path: String) throws(HDF5Error) -> HDF5Handle {
        let handle = HDF5Handle(
            try id("H5Tenum_create", path) { H5Tenum_create(gct_H5T_NATIVE_UINT8()) }, kind: .datatype, path: path)
        for (code, name) in names.enumerated() {
            var value = UInt8(code)
            try status("H5Tenum_insert", path) { H5Tenum_insert(handle.id, name, &value) }
        }
        return handle
    }

    /// The facts of a datatype the reader needs. The corresponding C functions are `H5Tget_class`,
    /// `H5Tget_size`, `H5Tget_sign`, `H5Tis_variable_str`, `H5Tget_nmembers`, `H5Tget_member_name`.
    static func describeType(_ type: HDF5Handle) throws(HDF5Error) -> TypeFacts {
        let cls = H5Tget_class(type.id)
        if cls == H5T_NO_CLASS { throw HDF5Error(call: "H5Tget_class", path: type.path, detail: innermostError()) }
        let size = H5Tget_size(type.id)
        if size == 0 { throw HDF5Error(call: "H5Tget_size", path: type.path, detail: innermostError()) }
        if cls == H5T_INTEGER {
            let sign = H5Tget_sign(type.id)
            if sign == H5T_SGN_ERROR { throw HDF5Error(call: "H5Tget_sign", path: type.path, detail: innermostError()) }
            return .integer(signed: sign == H5T_SGN_2, size: size)
        }
        if cls == H5T_FLOAT { return .float(size: size) }
        if cls == H5T_STRING {
            let variable = try truth("H5Tis_variable_str", type.path) { H5Tis_variable_str(type.id) }
            return .string(variable: variable, size: size)
        }
        if cls == H5T_ENUM {
            let count = try id("H5Tget_nmembers", type.path) { hid_t(H5Tget_nmembers(type.id)) }
            var names: [String] = []
            for member in 0..<UInt32(count) {
                guard let cName = H5Tget_member_name(type.id, member) else {
                    throw HDF5Error(call: "H5Tget_member_name", path: type.path, detail: innermostError())
                }
                names.append(String(cString: cName))
                _ = H5free_memory(cName)
            }
            return .enumeration(size: size, names: names)
        }
        return .other(String(describing: cls.rawValue))
    }

    enum TypeFacts: Equatable {
        case integer(signed: Bool, size: Int)
        case float(size: Int)
        case string(variable: Bool, size: Int)
        case enumeration(size: Int, names: [String])
        case other(String)
    }

    // MARK: Datasets

    /// The corresponding C function is `H5Dcreate2`.
    static func createDataset(
        _ location: HDF5Handle, _ path: String, type: hid_t, space: HDF5Handle, dcpl: HDF5Handle
    ) throws(HDF5Error) -> HDF5Handle {
        let id = try id("H5Dcreate2", path) {
            H5Dcreate2(location.id, path, type, space.id, gct_H5P_DEFAULT(), dcpl.id, gct_H5P_DEFAULT())
        }
        return HDF5Handle(id, kind: .dataset, path: path)
    }

    /// The corresponding C function is `H5Dopen2`.
    static func openDataset(_ location: HDF5Handle, _ path: String) throws(HDF5Error) -> HDF5Handle {
        let id = try id("H5Dopen2", path) { H5Dopen2(location.id, path, gct_H5P_DEFAULT()) }
        return HDF5Handle(id, kind: .dataset, path: path)
    }

    /// The corresponding C function is `H5Dget_space`.
    static func datasetSpace(_ dataset: HDF5Handle) throws(HDF5Error) -> HDF5Handle {
        HDF5Handle(try id("H5Dget_space", dataset.path) { H5Dget_space(dataset.id) }, kind: .dataspace, path: dataset.path)
    }

    /// The corresponding C function is `H5Dget_type`.
    static func datasetType(_ dataset: HDF5Handle) throws(HDF5Error) -> HDF5Handle {
        HDF5Handle(try id("H5Dget_type", dataset.path) { H5Dget_type(dataset.id) }, kind: .datatype, path: dataset.path)
    }

    /// Sets the length of a rank-1 dataset. The corresponding C function is `H5Dset_extent`.
    static func setExtent(_ dataset: HDF5Handle, count: Int) throws(HDF5Error) {
        var dims: [hsize_t] = [hsize_t(count)]
        try status("H5Dset_extent", dataset.path) { H5Dset_extent(dataset.id, &dims) }
    }

    /// The corresponding C function is `H5Dwrite`.
    static func write(
        _ dataset: HDF5Handle, memoryType: hid_t, memorySpace: hid_t, fileSpace: hid_t, _ buffer: UnsafeRawPointer
    ) throws(HDF5Error) {
        try status("H5Dwrite", dataset.path) {
            H5Dwrite(dataset.id, memoryType, memorySpace, fileSpace, gct_H5P_DEFAULT(), buffer)
        }
    }

    /// The corresponding C function is `H5Dread`.
    static func read(
        _ dataset: HDF5Handle, memoryType: hid_t, memorySpace: hid_t, fileSpace: hid_t, _ buffer: UnsafeMutableRawPointer
    ) throws(HDF5Error) {
        try status("H5Dread", dataset.path) {
            H5Dread(dataset.id, memoryType, memorySpace, fileSpace, gct_H5P_DEFAULT(), buffer)
        }
    }

    /// Frees the strings HDF5 allocated for a variable-length read. The corresponding C function is
    /// `H5Dvlen_reclaim`.
    static func reclaim(type: HDF5Handle, space: HDF5Handle, _ buffer: UnsafeMutableRawPointer) throws(HDF5Error) {
        try status("H5Dvlen_reclaim", type.path) { H5Dvlen_reclaim(type.id, space.id, gct_H5P_DEFAULT(), buffer) }
    }

    // MARK: Attributes

    /// The corresponding C function is `H5Aexists`.
    static func attributeExists(_ object: HDF5Handle, _ name: String) throws(HDF5Error) -> Bool {
        try truth("H5Aexists", "\(object.path)@\(name)") { H5Aexists(object.id, name) }
    }

    /// The corresponding C function is `H5Adelete`.
    static func deleteAttribute(_ object: HDF5Handle, _ name: String) throws(HDF5Error) {
        try status("H5Adelete", "\(object.path)@\(name)") { H5Adelete(object.id, name) }
    }

    /// The corresponding C function is `H5Acreate2`.
    static func createAttribute(
        _ object: HDF5Handle, _ name: String, type: hid_t, space: HDF5Handle
    ) throws(HDF5Error) -> HDF5Handle {
        let path = "\(object.path)@\(name)"
        let id = try id("H5Acreate2", path) {
            H5Acreate2(object.id, name, type, space.id, gct_H5P_DEFAULT(), gct_H5P_DEFAULT())
        }
        return HDF5Handle(id, kind: .attribute, path: path)
    }

    /// The corresponding C function is `H5Aopen`.
    static func openAttribute(_ object: HDF5Handle, _ name: String) throws(HDF5Error) -> HDF5Handle {
        let path = "\(object.path)@\(name)"
        return HDF5Handle(try id("H5Aopen", path) { H5Aopen(object.id, name, gct_H5P_DEFAULT()) }, kind: .attribute, path: path)
    }

    /// The corresponding C function is `H5Awrite`.
    static func writeAttribute(_ attribute: HDF5Handle, type: hid_t, _ buffer: UnsafeRawPointer) throws(HDF5Error) {
        try status("H5Awrite", attribute.path) { H5Awrite(attribute.id, type, buffer) }
    }

    /// The corresponding C function is `H5Aread`.
    static func readAttribute(_ attribute: HDF5Handle, type: hid_t, _ buffer: UnsafeMutableRawPointer) throws(HDF5Error) {
        try status("H5Aread", attribute.path) { H5Aread(attribute.id, type, buffer) }
    }

    /// The corresponding C function is `H5Aget_space`.
    static func attributeSpace(_ attribute: HDF5Handle) throws(HDF5Error) -> HDF5Handle {
        HDF5Handle(try id("H5Aget_space", attribute.path) { H5Aget_space(attribute.id) }, kind: .dataspace, path: attribute.path)
    }

    /// The corresponding C function is `H5Aget_type`.
    static func attributeType(_ attribute: HDF5Handle) throws(HDF5Error) -> HDF5Handle {
        HDF5Handle(try id("H5Aget_type", attribute.path) { H5Aget_type(attribute.id) }, kind: .datatype, path: attribute.path)
    }

    /// The names of an object's attributes, in name order. The corresponding C function is `H5Aiterate2`.
    static func attributeNames(_ object: HDF5Handle) throws(HDF5Error) -> [String] {
        final class Names { var list: [String] = [] }
        let names = Names()
        var index: hsize_t = 0
        let context = Unmanaged.passUnretained(names).toOpaque()
        try status("H5Aiterate2", object.path) {
            H5Aiterate2(object.id, H5_INDEX_NAME, H5_ITER_INC, &index, { _, name, _, data in
                guard let name, let data else { return -1 }
                Unmanaged<Names>.fromOpaque(data).takeUnretainedValue().list.append(String(cString: name))
                return 0
            }, context)
        }
        return withExtendedLifetime(names) { names.list }
    }

    /// Frees memory HDF5 allocated. The corresponding C function is `H5free_memory`.
    static func free(_ pointer: UnsafeMutableRawPointer?) {
        _ = H5free_memory(pointer)
    }
}
