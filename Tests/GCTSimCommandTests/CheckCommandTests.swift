import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import _GCTTestSupport

/// `gctsim check` through the (debug) binary on a tiny scenario: baseline round trip, a mutation
/// via --set, JUnit XML parsed and counted, and (debug builds) the injected ledger bug.
@Suite("gctsim check (the binary)", .serialized)
struct CheckCommandTests {
    static let tiny = """
        name: tiny-check
        seed: 5
        duration: 2h
        providers:
          servers: 2
          service_time: {default: {dist: exponential, mean: 1s}}
        users:
          - name: u
            count: 5
            arrival: {rate_per_s: 1}
            ops: {data_transfer: 1, matrix_multiplication: 1}
            budget: "1_000"

        """

    /// A folder with the scenario and an empty baselines folder.
    static func workspace() throws -> (scenarios: String, baselines: String) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gctsim-check-\(UUID().uuidString)")
        let scenarios = dir.appendingPathComponent("scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try tiny.write(to: scenarios.appendingPathComponent("tiny.yaml"), atomically: true, encoding: .utf8)
        return (scenarios.path, dir.appendingPathComponent("baselines").path)
    }

    static func check(_ w: (scenarios: String, baselines: String), _ extra: [String]) throws -> GCTSimRun {
        try GCTSimRun.run(["check", w.scenarios, "--baselines", w.baselines, "--replications", "3", "--threads", "2"] + extra)
    }

    @Test("--update-baselines writes the baseline; a rerun passes; JUnit counts match the report")
    func roundTrip() throws {
        let w = try Self.workspace()
        let first = try Self.check(w, ["--update-baselines"])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("baseline tiny-check: new (hash "))
        let file = (w.baselines as NSString).appendingPathComponent("tiny-check.json")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(json["gctsim_version"] as? String == "0.1.0")
        #expect(json["replications"] as? Int == 3)
        let wait = try #require((json["metrics"] as? [String: [String: Any]])?["mean_wait_s"])
        #expect(wait["n"] as? Int == 3 && (wait["ci95"] as? [Double])?.count == 2 && wait["sd"] is Double)
        #expect((json["metrics"] as? [String: Any])?["events_per_second"] == nil)  // wall clock excluded

        let junit = (w.baselines as NSString).appendingPathComponent("check.xml")
        let again = try Self.check(w, ["--junit", junit])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(again.stdout.contains("invariants: "))
        #expect(again.stdout.contains("check: all 1 scenarios passed"))
        let x = try JUnitCounts(path: junit)
        #expect(x.suites == ["tiny-check"])
        #expect(x.failureElements == 0 && x.declaredFailures == [0])
        #expect(x.declaredTests == [x.testcases])
        #expect(x.testcases == x.invariantCases + x.metricCases)
        #expect(x.invariantCases >= 7 && x.metricCases >= 15)
    }

    @Test("A 50 % burn rate fails with the metric named, exit 1; JUnit failure count matches; update prints old → new")
    func burnRateMutation() throws {
        let w = try Self.workspace()
        #expect(try Self.check(w, ["--update-baselines"]).status == 0)
        let junit = (w.baselines as NSString).appendingPathComponent("check.xml")
        let r = try Self.check(w, ["--set", "economy.burn_rate=0.5", "--junit", junit])
        #expect(r.status == 1)
        #expect(r.stdout.contains("failure: metric 'tokens_burned_gct' moved from"))
        #expect(r.stdout.contains("failure: baseline_current: the baseline is stale"))
        let x = try JUnitCounts(path: junit)
        #expect(x.failureElements >= 3)
        #expect(x.declaredFailures == [x.failureElements])
        #expect(x.failureMessages.contains { $0.contains("tokens_burned_gct") })

        let update = try Self.check(w, ["--set", "economy.burn_rate=0.5", "--update-baselines"])
        #expect(update.status == 0, "\(update.stdout)")
        let row = try #require(update.stdout.split(separator: "\n").first { $0.contains("tokens_burned_gct") })
        #expect(row.contains("%)"))  // old, new and the relative change
        #expect(update.stdout.contains(" → "))  // the hash moved
        #expect(try Self.check(w, ["--set", "economy.burn_rate=0.5"]).status == 0)
    }

    @Test("A change of seed alone passes")
    func seed() throws {
        let w = try Self.workspace()
        #expect(try Self.check(w, ["--update-baselines"]).status == 0)
        let r = try Self.check(w, ["--seed", "99"])
        #expect(r.status == 0, "\(r.stdout)")
    }

    @Test("Usage errors: too few replications, a missing path")
    func usage() throws {
        let r = try GCTSimRun.run(["check", "--replications", "1"])
        #expect(r.status != 0 && r.stderr.contains("--replications must be at least 2"))
        let m = try GCTSimRun.run(["check", "no/such/dir"])
        #expect(m.status == 1 && m.stderr.contains("no such scenario file or folder: 'no/such/dir'"))
    }

    #if DEBUG
    @Test("--inject-fault drop-unit-after:N (debug builds): supply_conservation fails")
    func injectedFault() throws {
        let w = try Self.workspace()
        let r = try Self.check(w, ["--inject-fault", "drop-unit-after:50"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL exact invariant supply_conservation"))
        #expect(r.stdout.contains("failure: supply_conservation failed in 3 of 3 replications"))
    }
    #endif
}

/// Counts in a JUnit XML file, read with Foundation's XMLParser (fails on malformed XML).
final class JUnitCounts: NSObject, XMLParserDelegate {
    var suites: [String] = []
    var declaredTests: [Int] = []
    var declaredFailures: [Int] = []
    var testcases = 0
    var invariantCases = 0
    var metricCases = 0
    var failureElements = 0
    var failureMessages: [String] = []
    var rootTests = -1

    init(path: String) throws {
        super.init()
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        parser.delegate = self
        guard parser.parse() else {
            throw GCTSimTestFailure("malformed JUnit XML: \(parser.parserError.map { "\($0)" } ?? "?")")
        }
        guard rootTests == testcases else { throw GCTSimTestFailure("<testsuites tests=\(rootTests)> but \(testcases) testcases") }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes a: [String: String] = [:]) {
        switch name {
        case "testsuites": rootTests = Int(a["tests"] ?? "") ?? -2
        case "testsuite":
            suites.append(a["name"] ?? "")
            declaredTests.append(Int(a["tests"] ?? "") ?? -1)
            declaredFailures.append(Int(a["failures"] ?? "") ?? -1)
        case "testcase":
            testcases += 1
            if a["classname"]?.hasSuffix(".invariant") == true { invariantCases += 1 }
            if a["classname"]?.hasSuffix(".metric") == true { metricCases += 1 }
        case "failure":
            failureElements += 1
            failureMessages.append(a["message"] ?? "")
        default: break
        }
    }
}

struct GCTSimTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}
