import ArgumentParser
import Foundation
import GCTScenario

/// The command's entry point: parses the arguments, runs the command, and reports every error in
/// one line on stderr (`error: …; run 'gctsim SUB --help'`) instead of argument-parser's Usage block.
extension GCTSim {
    static func main() {
        let arguments = CommandLineErrors.acceptingNegativeNumbers(Array(CommandLine.arguments.dropFirst()))
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // Help, --version and ExitCode keep argument-parser's behaviour (help on stdout, exit 0).
            if code == .success || error is ExitCode || error is CleanExit { exit(withError: error) }
            let text = CommandLineErrors.oneLine(message(for: error))
            let hint = "run '\(CommandLineErrors.commandPath(arguments)) --help'"
            FileHandle.standardError.write(Data("error: \(text); \(hint)\n".utf8))
            Foundation.exit(code.rawValue)
        }
    }
}

enum CommandLineErrors {
    /// `--name -1` becomes `--name=-1`, so a negative number is read as the option's value, not as a flag.
    static func acceptingNegativeNumbers(_ arguments: [String]) -> [String] {
        var result: [String] = []
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--" { result += arguments[i...]; break }
            if a.hasPrefix("--"), !a.contains("="), i + 1 < arguments.count, looksNegative(arguments[i + 1]) {
                result.append("\(a)=\(arguments[i + 1])")
                i += 2
                continue
            }
            result.append(a)
            i += 1
        }
        return result
    }

    /// `-1`, `-0.5`, `-1e3`, `-.5`, `-inf`, `-nan`.
    static func looksNegative(_ s: String) -> Bool {
        guard s.hasPrefix("-"), s.count > 1 else { return false }
        let rest = s.dropFirst()
        if rest.lowercased() == "inf" || rest.lowercased() == "infinity" || rest.lowercased() == "nan" { return true }
        guard let first = rest.first else { return false }
        return first.isNumber || (first == "." && rest.dropFirst().first?.isNumber == true)
    }

    /// `gctsim` and the subcommand words given (`gctsim montecarlo oracle`).
    static func commandPath(_ arguments: [String]) -> String {
        var path = ["gctsim"]
        var commands: [ParsableCommand.Type] = GCTSim.configuration.subcommands
        for a in arguments {
            guard let sub = commands.first(where: { $0._commandName == a }) else { break }
            path.append(a)
            commands = sub.configuration.subcommands
        }
        return path.joined(separator: " ")
    }

    /// argument-parser's message without its `Error: ` prefix and Usage lines, on one line, shortened.
    static func oneLine(_ message: String) -> String {
        var lines = message.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.hasPrefix("Usage:") && !$0.hasPrefix("  See '") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        if lines.isEmpty { lines = ["invalid command line"] }
        var text = lines.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: "; ")
        for prefix in ["Error: ", "error: "] where text.hasPrefix(prefix) { text.removeFirst(prefix.count) }
        return ErrorText.oneLine(text)
    }

    /// A numeric option's range check, with the range in the message.
    static func check<T: Comparable>(_ value: T, _ name: String, in range: ClosedRange<T>) throws {
        guard range.contains(value) else {
            throw ValidationError("--\(name) must be in \(range.lowerBound)…\(range.upperBound), got \(value)")
        }
    }

    /// A finite number in a range (NaN and infinities refused).
    static func check(_ value: Double, _ name: String, in range: ClosedRange<Double>) throws {
        guard value.isFinite, range.contains(value) else {
            throw ValidationError("--\(name) must be a finite number in [\(range.lowerBound), \(range.upperBound)], got \(value)")
        }
    }
}
