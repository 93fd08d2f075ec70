import Foundation
import Testing
import _GCTTestSupport

/// Runs the built `gctsim` binary (`swift build --build-tests` builds it) and captures its output.
struct GCTSimRun {
    var status: Int32
    var stdout: String
    var stderr: String

    static var binary: URL { GCTTestSupport.packageRoot.appendingPathComponent(".build/debug/gctsim") }

    static func run(_ arguments: [String]) throws -> GCTSimRun {
        let r = try GCTTestSupport.run(arguments, binary: binary)
        return GCTSimRun(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }
}

@Suite("gctsim validate (the binary)")
struct ValidateCommandTests {
    static func scratch(_ files: [String: String]) throws -> URL {
        let dir = try GCTTestSupport.scratchDirectory("gctsim-validate")
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    static let valid = """
        name: tiny
        duration: 1h
        providers:
          servers: 2
          service_time: {default: {dist: exponential, mean: 1s}}
        users:
          - name: u
            arrival: {rate_per_s: 1}
            ops: {data_transfer: 1}
            budget: "10"

        """

    @Test("The shipped scenarios validate: 'ok: NAME (hash …)' on stdout, exit 0", arguments: ["mmc-validation", "market-small"])
    func shipped(name: String) throws {
        let r = try GCTSimRun.run(["validate", "scenarios/\(name).yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: \(name) (hash "))
        #expect(r.stderr.isEmpty)
    }

    @Test("The shipped full-economy scenarios validate; the summary counts validators, stakers and proposals", arguments: [
        ("baseline", "baseline", ", 60 validators, 500 stakers, 1 proposal)"),
        ("ci/smoke", "ci-smoke", ", 5 validators, 20 stakers, 1 proposal)"),
        ("ci/attacks", "ci-attacks", ", 7 validators, 10 stakers)"),
        ("ci/fixed-pool", "ci-fixed-pool", ", 3 validators, 5 stakers)"),
    ])
    func shippedFullEconomy(file: String, name: String, tail: String) throws {
        let r = try GCTSimRun.run(["validate", "scenarios/\(file).yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("ok: \(name) (hash "))
        #expect(r.stdout.hasSuffix(tail + "\n"), "\(r.stdout)")
    }

    @Test("docs/scenarios.md shows the real output of its validate commands")
    func docsShowRealOutputFullEconomy() throws {
        let r = try GCTSimRun.run(["validate", "scenarios/baseline.yaml"])
        let docs = try String(contentsOf: GCTTestSupport.packageRoot.appendingPathComponent("docs/scenarios.md"), encoding: .utf8)
        #expect(docs.contains("$ gctsim validate scenarios/baseline.yaml\n" + r.stdout), "update docs/scenarios.md to: \(r.stdout)")
    }

    @Test("docs/scenarios.md shows the real output of its first command")
    func docsShowRealOutput() throws {
        let r = try GCTSimRun.run(["validate", "scenarios/mmc-validation.yaml"])
        let docs = try String(contentsOf: GCTTestSupport.packageRoot.appendingPathComponent("docs/scenarios.md"), encoding: .utf8)
        #expect(docs.contains("$ gctsim validate scenarios/mmc-validation.yaml\n" + r.stdout), "update docs/scenarios.md to: \(r.stdout)")
    }

    @Test("--set overrides reach the summary, and --print emits canonical YAML")
    func setAndPrint() throws {
        let r = try GCTSimRun.run(["validate", "scenarios/mmc-validation.yaml", "--set", "servers=12", "--set", "replications=20", "--print"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("12 servers, 20 replications"))
        #expect(r.stdout.contains("\nproviders:\n  servers: 12\n"))
    }

    /// (files, the file to validate, extra arguments, expected start of the stderr line after the temp folder).
    static let failures: [(String, [String: String], String, [String], String)] = [
        ("unknown key", ["s.yaml": valid.replacingOccurrences(of: "  servers: 2", with: "  sevrers: 2")], "s.yaml", [],
         "s.yaml:4:3: error: unknown key 'sevrers' in providers; valid: servers, count, failure_probability, service_time, speed, groups; did you mean 'servers'?"),
        ("syntax error", ["s.yaml": "name: t\nduration: 1h\n  bad: indent\n"], "s.yaml", [],
         "s.yaml:3:6: error: YAML syntax error: mapping values are not allowed in this context"),
        ("zero servers", ["s.yaml": valid.replacingOccurrences(of: "servers: 2", with: "servers: 0")], "s.yaml", [],
         "s.yaml:4:12: error: providers.servers must be a whole number >= 1, got 0"),
        ("unknown --set var", ["s.yaml": "vars: {rate: 1}\n" + valid], "s.yaml", ["--set", "rat=2"],
         "--set rat=2: error: unknown var 'rat'; valid: rate; did you mean 'rate'?"),
        ("extends cycle", ["a.yaml": "extends: b.yaml\n", "b.yaml": "extends: a.yaml\n"], "a.yaml", [],
         "b.yaml:1:10: error: extends cycle: a.yaml -> b.yaml -> a.yaml"),
        ("missing file", [:], "missing.yaml", [], "missing.yaml: error: cannot read scenario file"),
        ("unknown proposal parameter",
         ["s.yaml": valid + "governance:\n  proposals:\n    - {title: p, at: 1m, parameters: {burn_rat: \"0.01\"}}\n"], "s.yaml", [],
         "s.yaml:13:39: error: unknown parameter 'burn_rat' in governance.proposals.0.parameters; valid: burn_rate, mining_reward_rate, "),
    ]

    @Test("A bad scenario prints one error line on stderr, nothing on stdout, and exits 1", arguments: 0..<failures.count)
    func failure(index: Int) throws {
        let (label, files, file, extra, expected) = Self.failures[index]
        let dir = try Self.scratch(files)
        let r = try GCTSimRun.run(["validate", dir.appendingPathComponent(file).path] + extra)
        #expect(r.status == 1, "\(label)")
        #expect(r.stdout.isEmpty, "\(label): \(r.stdout)")
        let lines = r.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(label): \(r.stderr)")
        let line = String(lines.first ?? "")
        let shown = line.hasPrefix(dir.path + "/") ? String(line.dropFirst(dir.path.count + 1)) : line
        #expect(shown.hasPrefix(expected), "\(label): \(line)")
        // A shortened line keeps its end: the suggestion survives a long list of valid choices.
        if label.contains("parameter") || expected.contains("unknown parameter") {
            #expect(line.hasSuffix("did you mean 'burn_rate'?"), "\(label): \(line)")
        }
        #expect(line.count <= 300, "\(label): \(line.count) characters")
    }
}
