import CHDF5
import Foundation

/// Reading and writing attributes of an open group or dataset, through ``HDF5Call``.
enum HDF5Attributes {
    /// Writes (or rewrites) attribute `name`: an existing attribute of that name is deleted first
    /// (`H5Adelete`), so a value may change type or size, e.g. `status` from `running` to `complete`.
    static func write(_ value: AttributeValue, named name: String, on object: HDF5Handle) throws(HDF5Error) {
        if try HDF5Call.attributeExists(object, name) {
            try HDF5Call.deleteAttribute(object, name)
        }
        let path = "\(object.path)@\(name)"
        switch value {
        case .string(let string):
            let type = try HDF5Call.createVariableStringType(path: path)
            let attribute = try HDF5Call.createAttribute(object, name, type: type.id, space: try HDF5Call.createScalarSpace(path: path))
            // `withCString` rethrows untyped errors: carry the typed error out as a Result.
            let result: Result<Void, HDF5Error> = string.withCString { cString in
                var pointer: UnsafePointer<CChar>? = cString
                return withUnsafePointer(to: &pointer) { buffer in
                    Result { () throws(HDF5Error) in try HDF5Call.writeAttribute(attribute, type: type.id, buffer) }
                }
            }
            try result.get()
        case .int64(let number):
            try writeScalar(number, type: HDF5Call.nativeInt64, name: name, on: object)
        case .uint64(let number):
            try writeScalar(number, type: HDF5Call.nativeUInt64, name: name, on: object)
        case .double(let number):
            try writeScalar(number, type: HDF5Call.nativeDouble, name: name, on: object)
        case .int64s(let numbers):
            try writeArray(numbers, type: HDF5Call.nativeInt64, name: name, on: object)
        case .uint64s(let numbers):
            try writeArray(numbers, type: HDF5Call.nativeUInt64, name: name, on: object)
        case .doubles(let numbers):
            try writeArray(numbers, type: HDF5Call.nativeDouble, name: name, on: object)
        case .strings(let strings):
            let type = try HDF5Call.createVariableStringType(path: path)
            let space = try HDF5Call.createSimpleSpace(count: strings.count, unlimited: false, path: path)
            let attribute = try HDF5Call.createAttribute(object, name, type: type.id, space: space)
            let pointers: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
            defer { pointers.forEach { free($0) } }
            if !pointers.isEmpty {
                try pointers.withUnsafeBufferPointer { (buffer) throws(HDF5Error) in
                    try HDF5Call.writeAttribute(attribute, type: type.id, UnsafeRawPointer(buffer.baseAddress!))
                }
            }
        }
    }

    private static func writeScalar<T>(_ value: T, type: hid_t, name: String, on object: HDF5Handle) throws(HDF5Error) {
        let space = try HDF5Call.createScalarSpace(path: "\(object.path)@\(name)")
        let attribute = try HDF5Call.createAttribute(object, name, type: type, space: space)
        var copy = value
        try withUnsafePointer(to: &copy) { (buffer) throws(HDF5Error) in
            try HDF5Call.writeAttribute(attribute, type: type, buffer)
        }
    }

    private static func writeArray<T>(_ values: [T], type: hid_t, name: String, on object: HDF5Handle) throws(HDF5Error) {
        let space = try HDF5Call.createSimpleSpace(count: values.count, unlimited: false, path: "\(object.path)@\(name)")
        let attribute = try HDF5Call.createAttribute(object, name, type: type, space: space)
        if values.isEmpty { return }
        try values.withUnsafeBufferPointer { (buffer) throws(HDF5Error) in
            try HDF5Call.writeAttribute(attribute, type: type, UnsafeRawPointer(buffer.baseAddress!))
        }
    }

    /// Reads attribute `name`: strings (variable or fixed length) as `String`, signed integers as `Int64`,
    /// unsigned as `UInt64`, reals as `Double`; rank-1 attributes as arrays. Other types (compound,
    /// enum) give a `string` describing the type.
    static func read(named name: String, on object: HDF5Handle) throws(HDF5Error) -> AttributeValue {
        let attribute = try HDF5Call.openAttribute(object, name)
        let type = try HDF5Call.attributeType(attribute)
        let space = try HDF5Call.attributeSpace(attribute)
        let dims = try HDF5Call.dimensions(space)
        let count = dims.reduce(1, *)
        let isScalar = dims.isEmpty
        switch try HDF5Call.describeType(type) {
        case .integer(let signed, _):
            if signed {
                var values = [Int64](repeating: 0, count: count)
                if count > 0 {
                    try values.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
                        try HDF5Call.readAttribute(attribute, type: HDF5Call.nativeInt64, buffer.baseAddress!)
                    }
                }
                return isScalar ? .int64(values[0]) : .int64s(values)
            } else {
                var values = [UInt64](repeating: 0, count: count)
                if count > 0 {
                    try values.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
                        try HDF5Call.readAttribute(attribute, type: HDF5Call.nativeUInt64, buffer.baseAddress!)
                    }
                }
                return isScalar ? .uint64(values[0]) : .uint64s(values)
            }
        case .float:
            var values = [Double](repeating: 0, count: count)
            if count > 0 {
                try values.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
                    try HDF5Call.readAttribute(attribute, type: HDF5Call.nativeDouble, buffer.baseAddress!)
                }
            }
            return isScalar ? .double(values[0]) : .doubles(values)
        case .string(let variable, let size):
            let strings = try readStrings(count: count, variable: variable, size: size, path: attribute.path) {
                (memoryType, buffer) throws(HDF5Error) in
                try HDF5Call.readAttribute(attribute, type: memoryType.id, buffer)
            } reclaim: { (memoryType, buffer) throws(HDF5Error) in
                try HDF5Call.reclaim(type: memoryType, space: space, buffer)
            }
            return isScalar ? .string(strings.first ?? "") : .strings(strings)
        case .enumeration(_, let names):
            return .string("enum(\(names.joined(separator: ",")))")
        case .other(let cls):
            return .string("<unsupported HDF5 type class \(cls)>")
        }
    }

    /// Reads `count` strings through `read`, with a memory type matching the stored kind.
    static func readStrings(
        count: Int, variable: Bool, size: Int, path: String,
        read: (HDF5Handle, UnsafeMutableRawPointer) throws(HDF5Error) -> Void,
        reclaim: (HDF5Handle, UnsafeMutableRawPointer) throws(HDF5Error) -> Void
    ) throws(HDF5Error) -> [String] {
        if count == 0 { return [] }
        if variable {
            let memoryType = try HDF5Call.createVariableStringType(path: path)
            var pointers = [UnsafeMutablePointer<CChar>?](repeating: nil, count: count)
            try pointers.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
                try read(memoryType, UnsafeMutableRawPointer(buffer.baseAddress!))
            }
            let strings = pointers.map { $0.map { String(cString: $0) } ?? "" }
            try pointers.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
                try reclaim(memoryType, UnsafeMutableRawPointer(buffer.baseAddress!))
            }
            return strings
        }
        let memoryType = try HDF5Call.createFixedStringType(size: size, path: path)
        var bytes = [UInt8](repeating: 0, count: count * size)
        try bytes.withUnsafeMutableBufferPointer { (buffer) throws(HDF5Error) in
            try read(memoryType, UnsafeMutableRawPointer(buffer.baseAddress!))
        }
        return (0..<count).map { index in
            let slice = bytes[(index * size)..<((index + 1) * size)]
            let end = slice.firstIndex(of: 0) ?? slice.endIndex
            return String(decoding: slice[slice.startIndex..<end], as: UTF8.self)
        }
    }

    /// All attributes of an object, by name.
    static func readAll(on object: HDF5Handle) throws(HDF5Error) -> [String: AttributeValue] {
        var result: [String: AttributeValue] = [:]
        for name in try HDF5Call.attributeNames(object) {
            result[name] = try read(named: name, on: object)
        }
        return result
    }
}
