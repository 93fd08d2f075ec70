/// Where a piece of a scenario came from: a place in a file, or a `--set` argument.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public enum Origin: Hashable, Sendable {
        /// A file, by the path as the user wrote it (or as `extends` resolved it).
        case file(String)
        /// A command-line override, by its text `path=value`.
        case commandLine(String)
    }

    public var origin: Origin
    /// Line starting at 1; 0 when unknown (e.g. a file that could not be read).
    public var line: Int
    /// Column starting at 1 (counted in Unicode scalars); 0 when unknown.
    public var column: Int

    public init(origin: Origin, line: Int = 0, column: Int = 0) {
        self.origin = origin
        self.line = line
        self.column = column
    }

    public static func file(_ path: String, line: Int = 0, column: Int = 0) -> SourceLocation {
        SourceLocation(origin: .file(path), line: line, column: column)
    }

    public static func commandLine(_ text: String) -> SourceLocation {
        SourceLocation(origin: .commandLine(text))
    }

    /// The file path, if the location is in a file.
    public var file: String? {
        if case let .file(path) = origin { return path }
        return nil
    }

    /// `path:line:column`, `path` alone when the line is unknown, or `--set path=value`.
    public var description: String {
        switch origin {
        case let .file(path): return line > 0 ? "\(path):\(line):\(column)" : path
        case let .commandLine(text): return "--set \(text)"
        }
    }
}
