import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Every file a command writes goes through here (`run`, `check`, `calibrate`, `attack`, `sweep`,
/// `merge`, `proposal`, `keys`): nothing is overwritten without `--force`, and only a regular file is
/// ever replaced — never a symbolic link (nor written through it), a directory or a device, even
/// with `--force`. Files are written beside the target and renamed over it.
public enum OutputFile {
    /// Why `path` cannot be written, or `nil` when it can: a symbolic link, directory, device, fifo or
    /// socket at `path`; a regular file there without `force`; a missing or unwritable directory.
    public static func problem(_ path: String, force: Bool, option: String) -> String? {
        if path.isEmpty { return "\(option): the path is empty" }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK: return "\(option) '\(path)' is a symbolic link; refusing to replace it (write to its target's path instead)"
            case S_IFDIR: return "\(option) '\(path)' is a directory"
            case S_IFREG:
                if !force { return "\(option) '\(path)' already exists (use --force to overwrite it)" }
            default: return "\(option) '\(path)' is not a regular file (a device, fifo or socket); refusing to replace it"
            }
        }
        let parent = parentDirectory(path)
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory) {
            return "\(option) '\(path)': directory '\(parent)' does not exist"
        }
        if !isDirectory.boolValue { return "\(option) '\(path)': '\(parent)' is not a directory" }
        if access(parent, W_OK) != 0 { return "\(option) '\(path)': directory '\(parent)' is not writable" }
        return nil
    }

    /// Whether something (of any kind, a dangling symbolic link included) is at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether a regular file (not a link to one) is at `path`.
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// A fresh name beside `path` for writing it (`DIR/.NAME.tmp-PID`), to be renamed over it with
    /// ``moveIntoPlace(_:to:force:option:)``.
    public static func temporaryPath(for path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return parentDirectory(path) + "/.\(name).tmp-\(getpid())"
    }

    /// Writes `text` to a temporary file beside `path` and renames it over `path`, after checking
    /// again that `path` is absent or a regular file (and `force` allows replacing it).
    public static func write(_ text: String, to path: String, force: Bool, option: String) throws(OutputError) {
        if let problem = problem(path, force: force, option: option) { throw OutputError(message: problem) }
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw OutputError(message: "\(option) '\(path)': cannot create a temporary file: \(String(cString: strerror(errno)))")
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                close(fd); unlink(temporary)
                throw OutputError(message: "\(option) '\(path)': cannot write: \(reason)")
            }
            written += n
        }
        close(fd)
        try moveIntoPlace(temporary, to: path, force: force, option: option)
    }

    /// Renames `temporary` (a file this process wrote, in `path`'s folder) over `path`, after checking
    /// again that `path` is absent or a regular file that `force` allows replacing; on refusal the
    /// temporary file is removed unless `keepOnRefusal`.
    public static func moveIntoPlace(
        _ temporary: String, to path: String, force: Bool, option: String, keepOnRefusal: Bool = false
    ) throws(OutputError) {
        if let problem = problem(path, force: force, option: option) {
            if !keepOnRefusal { unlink(temporary) }
            throw OutputError(message: problem)
        }
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            if !keepOnRefusal { unlink(temporary) }
            throw OutputError(message: "\(option) '\(path)': cannot rename the temporary file into place: \(reason)")
        }
    }

    /// The folder of `path` (`.` for a bare name), without Foundation's path parsing.
    public static func parentDirectory(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    /// Why a file could not be written: one line, naming the option and the path.
    public struct OutputError: Error, Sendable, CustomStringConvertible {
        public var message: String
        public init(message: String) { self.message = message }
        public var description: String { message }
    }
}
