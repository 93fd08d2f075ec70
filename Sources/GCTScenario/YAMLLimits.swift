import Foundation

/// Resource limits on scenario text, so that a hostile or broken file is refused in well under a
/// second with a located error (an alias bomb expands exponentially; a megabyte of `[` nests deep).
public enum YAMLLimits {
    /// Largest scenario file, in bytes.
    public static let maximumFileBytes = 1 << 20
    /// Most nodes of one file once aliases are expanded.
    public static let maximumNodes = 100_000
    /// Deepest nesting of lists and mappings.
    public static let maximumDepth = 64
    /// Longest scalar, in characters.
    public static let maximumScalarLength = 10_000

    /// Counts one node of the expanded tree against the limits.
    static func account(at location: SourceLocation, depth: Int, budget: inout Int) throws(ScenarioError) {
        if depth > maximumDepth {
            throw ScenarioError(at: location, "YAML nested deeper than \(maximumDepth) levels")
        }
        budget -= 1
        if budget < 0 {
            throw ScenarioError(
                at: location, "YAML expands to more than \(maximumNodes) nodes (aliases included); a scenario needs far fewer")
        }
    }

    static func checkScalar(_ text: String, at location: SourceLocation) throws(ScenarioError) {
        if text.utf8.count > maximumScalarLength, text.count > maximumScalarLength {
            throw ScenarioError(at: location, "a value of \(text.count) characters is longer than \(maximumScalarLength)")
        }
    }

    /// Refuses text too large, or nesting flow collections (`[`, `{`) deeper than the limit,
    /// before the parser sees it (the parser recurses on nesting).
    static func checkText(_ text: String, origin: SourceLocation.Origin) throws(ScenarioError) {
        if text.utf8.count > maximumFileBytes {
            throw ScenarioError(
                at: SourceLocation(origin: origin, line: 1, column: 1),
                "the scenario is \(text.utf8.count) bytes, more than \(maximumFileBytes) (1 MiB)")
        }
        var depth = 0, line = 1, column = 0
        for byte in text.utf8 {
            column += 1
            switch byte {
            case UInt8(ascii: "\n"): line += 1; column = 0
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maximumDepth {
                    throw ScenarioError(
                        at: SourceLocation(origin: origin, line: line, column: column),
                        "YAML nested deeper than \(maximumDepth) levels")
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
    }

    /// Reads a scenario file (or a proposal, or any text file of at most 1 MiB) as UTF-8, or says why
    /// it cannot: no such file, a directory, not a regular file, empty, too large, not UTF-8 (with the
    /// byte offset), unreadable (the system's reason).
    public static func read(path: String) -> Result<String, ReadFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return .failure(ReadFailure(reason: errno == ENOENT ? "no such file" : String(cString: strerror(errno))))
        }
        let type = info.st_mode & S_IFMT
        if type == S_IFDIR { return .failure(ReadFailure(reason: "it is a directory")) }
        if type != S_IFREG { return .failure(ReadFailure(reason: "not a regular file")) }
        if info.st_size > off_t(maximumFileBytes) {
            return .failure(ReadFailure(reason: "\(info.st_size) bytes, more than \(maximumFileBytes) (1 MiB)"))
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return .failure(ReadFailure(reason: String(cString: strerror(errno))))
        }
        defer { try? handle.close() }
        let data: Data
        do { data = try handle.readToEnd() ?? Data() } catch {
            return .failure(ReadFailure(reason: "read error"))
        }
        if data.count > maximumFileBytes {
            return .failure(ReadFailure(reason: "more than \(maximumFileBytes) bytes (1 MiB)"))
        }
        if data.isEmpty { return .failure(ReadFailure(reason: "the file is empty")) }
        if let offset = invalidUTF8Offset(data) {
            return .failure(ReadFailure(reason: "not UTF-8 text (invalid byte at offset \(offset))"))
        }
        return .success(String(decoding: data, as: UTF8.self))
    }

    /// Why a file could not be read, as a few words for a message (`no such file`, `it is a directory`, …).
    public struct ReadFailure: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// The offset of the first byte that is not part of valid UTF-8 (a NUL byte counts as invalid), or `nil`.
    static func invalidUTF8Offset(_ data: Data) -> Int? {
        let bytes = [UInt8](data)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            if b == 0 { return i }
            if b < 0x80 { i += 1; continue }
            else if b >= 0xC2 && b <= 0xDF { length = 2 }
            else if b >= 0xE0 && b <= 0xEF { length = 3 }
            else if b >= 0xF0 && b <= 0xF4 { length = 4 }
            else { return i }
            guard i + length <= bytes.count else { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            let second = bytes[i + 1]
            if b == 0xE0 && second < 0xA0 { return i }
            if b == 0xED && second > 0x9F { return i }
            if b == 0xF0 && second < 0x90 { return i }
            if b == 0xF4 && second > 0x8F { return i }
            i += length
        }
        return nil
    }
}
