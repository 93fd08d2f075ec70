import Foundation
import GCTWorld
import Testing
import _GCTTestSupport

@testable import GCTScenario

/// One malformed scenario: an edit of `minimalScenario` and where and what the error must say.
struct MalformedCase: CustomTestStringConvertible, Sendable {
    var label: String
    /// (text to replace in `minimalScenario`, replacement); applied in order.
    var edits: [(String, String)]
    var overrides: [String] = []
    /// The location the error must print: `line:column` in the file, or the `--set` text.
    var location: String
    /// Fragments the one-line error must contain.
    var contains: [String]
    var suggestion: String? = nil

    var testDescription: String { label }

    var yaml: String {
        edits.reduce(minimalScenario) { text, edit in
            precondition(text.contains(edit.0), "fixture edit '\(edit.0)' not found")
            return text.replacingOccurrences(of: edit.0, with: edit.1)
        }
    }
}

@Suite("Scenario errors: one line, file:line:column, before anything runs")
struct ScenarioErrorTests {
    // Line and column of each case, counted in `minimalScenario` (lines 1-10):
    //   4 "  servers: 2"                     value at column 12
    //   8 "    arrival: {rate_per_s: 1}"     key rate_per_s at 15, its value at 27
    //   9 "    ops: {data_transfer: 1}"      key at 11
    //  10 "    budget: \"10\""               value at 13
    //   5 "  service_time: {default: {dist: exponential, mean: 1s}}"
    //       inner mapping '{' at 27, exponential at 34, mean's value at 53
    //   7 "  - name: u"                      value at 11
    static let cases: [MalformedCase] = [
        MalformedCase(
            label: "syntax error (unclosed flow mapping)", edits: [("{data_transfer: 1}", "{data_transfer: 1")],
            location: "10:11", contains: ["YAML syntax error", "flow mapping at line 9, column 10"]),
        MalformedCase(
            label: "unknown key with suggestion", edits: [("  servers: 2", "  sevrers: 2")], location: "4:3",
            contains: ["unknown key 'sevrers' in providers", "valid: servers, count, failure_probability, service_time, speed"],
            suggestion: "servers"),
        MalformedCase(
            label: "unknown top-level key with suggestion", edits: [("duration: 1h", "durration: 1h")], location: "2:1",
            contains: ["unknown key 'durration' in the top level"], suggestion: "duration"),
        MalformedCase(
            label: "wrong type (word for an integer)", edits: [("servers: 2", "servers: two")], location: "4:12",
            contains: ["providers.servers: expected a whole number >= 1, got 'two'"]),
        MalformedCase(
            label: "wrong type (list for a number)", edits: [("{rate_per_s: 1}", "{rate_per_s: [1]}")], location: "8:27",
            contains: ["users.0.arrival.rate_per_s: expected a number, got a list"]),
        MalformedCase(
            label: "negative rate", edits: [("{rate_per_s: 1}", "{rate_per_s: -1}")], location: "8:27",
            contains: ["users.0.arrival.rate_per_s must be > 0, got -1"]),
        MalformedCase(
            label: "zero servers", edits: [("servers: 2", "servers: 0")], location: "4:12",
            contains: ["providers.servers must be a whole number >= 1, got 0"]),
        MalformedCase(
            label: "unknown op with suggestion", edits: [("{data_transfer: 1}", "{data_transfr: 1}")], location: "9:11",
            contains: ["unknown op 'data_transfr' in users.0.ops", "valid: aura_kernel_execution, matrix_multiplication"],
            suggestion: "data_transfer"),
        MalformedCase(
            label: "bad duration unit", edits: [("duration: 1h", "duration: 1x")], location: "2:11",
            contains: ["duration: unknown duration unit 'x' in '1x'", "valid: d, h, m, s, ms, us, ns"]),
        MalformedCase(
            label: "duration without unit in a time distribution", edits: [("mean: 1s", "mean: 1")], location: "5:53",
            contains: ["providers.service_time.default.mean: duration '1' needs a unit"]),
        MalformedCase(
            label: "bad amount", edits: [("budget: \"10\"", "budget: \"1.2.3\"")], location: "10:13",
            contains: ["users.0.budget: bad amount", "more than one decimal point"]),
        MalformedCase(
            label: "negative amount", edits: [("budget: \"10\"", "budget: \"-5\"")], location: "10:13",
            contains: ["users.0.budget: amount must not be negative"]),
        MalformedCase(
            label: "amount finer than a base unit", edits: [("budget: \"10\"", "budget: \"0.0000000001\"")], location: "10:13",
            contains: ["10 decimal places, at most 9 allowed"]),
        MalformedCase(
            label: "unknown --set var with suggestion", edits: [("name: t", "vars: {arrival_rate: 1}\nname: t")],
            overrides: ["arival_rate=3"], location: "--set arival_rate=3",
            contains: ["unknown var 'arival_rate'", "valid: arrival_rate"], suggestion: "arrival_rate"),
        MalformedCase(
            label: "bad --set value for a number var",
            edits: [("name: t", "vars: {rate: 1}\nname: t"), ("{rate_per_s: 1}", "{rate_per_s: \"${rate}\"}")],
            overrides: ["rate=fast"], location: "--set rate=fast",
            contains: ["var 'rate' is a number (declared 1 at <scenario>:1:8), got 'fast'"]),
        MalformedCase(
            label: "bad --set value for a key", edits: [], overrides: ["providers.servers=-3"],
            location: "--set providers.servers=-3", contains: ["providers.servers must be a whole number >= 1, got -3"]),
        MalformedCase(
            label: "--set without '='", edits: [], overrides: ["servers"], location: "--set servers",
            contains: ["--set needs key=value"]),
        MalformedCase(
            label: "--set list index out of range", edits: [], overrides: ["users.3.count=2"], location: "--set users.3.count=2",
            contains: ["'3' is not an index of the list users, which has 1 item(s)"]),
        MalformedCase(
            label: "--set unknown key suggests", edits: [], overrides: ["providers.sever=2"], location: "--set providers.sever=2",
            contains: ["unknown key 'sever' in providers"], suggestion: "servers"),
        MalformedCase(
            label: "unknown var in ${}", edits: [("servers: 2", "servers: ${n}")], location: "4:12",
            contains: ["unknown var 'n': the scenario declares no vars"]),
        MalformedCase(
            label: "validators without stake", edits: [("name: t", "name: t\nvalidators: {count: 3}")], location: "2:13",
            contains: ["missing required key 'stake' in validators"]),
        MalformedCase(
            label: "missing required key", edits: [("duration: 1h\n", "")], location: "1:1",
            contains: ["missing required key 'duration' in the top level"]),
        MalformedCase(
            label: "duplicate key", edits: [("  servers: 2", "  servers: 2\n  servers: 3")], location: "5:3",
            contains: ["duplicate key 'servers'", "first at line 4, column 3"]),
        MalformedCase(
            label: "failure probability out of range", edits: [("servers: 2", "servers: 2\n  failure_probability: 1")],
            location: "5:24", contains: ["providers.failure_probability must be in [0, 1), got 1"]),
        MalformedCase(
            label: "shares do not sum to 1",
            edits: [("name: t", "name: t\neconomy: {distribution: {provider: \"0.8\", validators: \"0.1\", fee_pool: \"0.05\"}}")],
            location: "2:25", contains: ["must add up to exactly 1, got 0.8 + 0.1 + 0.05 = 0.95"]),
        MalformedCase(
            label: "unknown enum value suggests", edits: [("name: t", "name: t\npricing: {mode: dynamc}")], location: "2:17",
            contains: ["pricing.mode: unknown value 'dynamc'", "valid: dynamic, fixed"], suggestion: "dynamic"),
        MalformedCase(
            label: "fixed pricing without a price", edits: [("name: t", "name: t\npricing: {mode: fixed}")], location: "2:17",
            contains: ["pricing.fixed_price is required when pricing.mode is fixed"]),
        MalformedCase(
            label: "unknown distribution suggests",
            edits: [("dist: exponential", "dist: exponental")], location: "5:34",
            contains: ["unknown distribution 'exponental'"], suggestion: "exponential"),
        MalformedCase(
            label: "distribution parameter of another kind", edits: [("mean: 1s", "mean: 1s, sd: 1s")], location: "5:57",
            contains: ["unknown key 'sd' in providers.service_time.default", "valid: dist, mean"]),
        MalformedCase(
            label: "non-positive exponential mean", edits: [("mean: 1s", "mean: 0s")], location: "5:27",
            contains: ["providers.service_time.default: exponential mean must be > 0"]),
        MalformedCase(
            label: "all op weights zero", edits: [("{data_transfer: 1}", "{data_transfer: 0}")], location: "9:10",
            contains: ["users.0.ops needs at least one op with weight > 0"]),
        MalformedCase(
            label: "daily profile of the wrong length", edits: [("{rate_per_s: 1}", "{rate_per_s: 1, daily_profile: [1, 2]}")],
            location: "8:45", contains: ["daily_profile must have 24 hourly weights (hour 0 first), got 2"]),
        MalformedCase(
            label: "duplicate user class", edits: [("    budget: \"10\"\n", "    budget: \"10\"\n  - {name: u, arrival: {rate_per_s: 1}, ops: {data_transfer: 1}, budget: \"1\"}\n")],
            location: "11:12", contains: ["duplicate user class name 'u' (first at <scenario>:7:11)"]),
        MalformedCase(
            label: "zero replications", edits: [("name: t", "name: t\nreplications: 0")], location: "2:15",
            contains: ["replications must be a whole number >= 1, got 0"]),
    ]

    @Test("A malformed scenario gives one line naming the place, the key and the choices", arguments: cases)
    func malformed(_ c: MalformedCase) throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.load(yaml: c.yaml, file: "<scenario>", overrides: c.overrides)
        }
        let text = error.description
        #expect(!text.contains("\n"), "not one line: \(text)")
        let prefix = c.location.hasPrefix("--set") ? c.location : "<scenario>:\(c.location)"
        #expect(text.hasPrefix(prefix + ": error: "), "\(text)")
        for fragment in c.contains {
            #expect(text.contains(fragment), "missing '\(fragment)' in: \(text)")
        }
        #expect(error.suggestion == c.suggestion, "\(text)")
        if let s = c.suggestion { #expect(text.hasSuffix("did you mean '\(s)'?")) }
    }

    @Test("At least 30 malformed cases are covered (the issue asks for 12)")
    func enough() { #expect(Self.cases.count >= 30) }

    @Test("A missing scenario file is named, with no line")
    func missingFile() throws {
        let dir = try ScenarioScratch()
        let path = dir.path("nope.yaml")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(file: path) }
        #expect(error.description == "\(path): error: cannot read scenario file '\(path)': no such file")
    }

    @Test("A long --set value is shortened and its location keeps the ':' before 'error:' (issue 19)")
    func longSetValue() throws {
        let error = try #require(throws: ScenarioError.self) {
            try ScenarioLoader.load(yaml: minimalScenario, overrides: ["pricing.mode=" + String(repeating: "v", count: 5_000)])
        }
        let line = error.description
        #expect(line.count <= ErrorText.maximumLength, "\(line)")
        #expect(line.range(of: #"^--set pricing\.mode=v+…: error: "#, options: .regularExpression) != nil, "\(line)")
        #expect(ErrorText.oneLine("--set k=\(String(repeating: "x", count: 200)): error: bad").contains("x…: error: bad"))
    }

    @Test("A missing extends target is reported at the extends line")
    func missingExtends() throws {
        let dir = try ScenarioScratch()
        let child = try dir.write("child.yaml", "name: c\nextends: gone.yaml\n")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(file: child) }
        #expect(error.description.hasPrefix("\(child):2:10: error: cannot read extended scenario '"))
        #expect(error.description.hasSuffix("gone.yaml': no such file"))
    }

    @Test("An extends cycle is detected and shown, at the extends that closes it")
    func extendsCycle() throws {
        let dir = try ScenarioScratch()
        let a = try dir.write("a.yaml", "extends: b.yaml\nname: a\n")
        try dir.write("b.yaml", "# b\nextends: c.yaml\n")
        try dir.write("c.yaml", "extends: a.yaml\n")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(file: a) }
        #expect(error.description == "\(dir.path("c.yaml")):1:10: error: extends cycle: a.yaml -> b.yaml -> c.yaml -> a.yaml")
        // A file extending itself.
        let selfish = try dir.write("self.yaml", "extends: self.yaml\n")
        let selfError = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(file: selfish) }
        #expect(selfError.description.hasSuffix("extends cycle: self.yaml -> self.yaml"))
    }

    @Test("Errors in an extended file name that file's line")
    func errorInParent() throws {
        let dir = try ScenarioScratch()
        try dir.write("base.yaml", minimalScenario.replacingOccurrences(of: "servers: 2", with: "servers: 0"))
        let child = try dir.write("child.yaml", "extends: base.yaml\nname: c\n")
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(file: child) }
        #expect(error.description.hasPrefix("\(dir.path("base.yaml")):4:12: error: providers.servers must be"))
    }

    @Test("An empty file and a non-mapping file are errors")
    func emptyAndScalar() throws {
        #expect(throws: ScenarioError.self) { try ScenarioLoader.load(yaml: "") }
        let error = try #require(throws: ScenarioError.self) { try ScenarioLoader.load(yaml: "- a\n- b\n") }
        #expect(error.description.hasPrefix("<scenario>:1:1: error: a scenario must be a mapping"))
    }
}

@Suite("Scenario durations and suggestions")
struct ScenarioValueTests {
    @Test(
        "Durations parse exactly to nanoseconds",
        arguments: [
            ("90s", 90_000_000_000), ("15m", 900_000_000_000), ("24h", 86_400_000_000_000),
            ("365d", 31_536_000_000_000_000), ("250ms", 250_000_000), ("1.5s", 1_500_000_000), ("0s", 0),
            ("2_000s", 2_000_000_000_000), ("1ns", 1), ("0.5us", 500),
        ] as [(String, Int64)])
    func durations(text: String, nanoseconds: Int64) throws {
        let d = try DurationText.parse(text).get()
        #expect(d.nanoseconds == nanoseconds)
        // The canonical text parses back to the same length.
        #expect(try DurationText.parse(d.canonicalText).get() == d)
    }

    @Test("Bad durations are refused", arguments: ["90", "s", "1x", "-5s", "1.5ns", "1.2.3s", "400000d", ""])
    func badDurations(text: String) {
        #expect(throws: DurationText.Problem.self) { try DurationText.parse(text).get() }
    }

    @Test("Canonical duration text uses the largest exact unit")
    func canonical() {
        #expect(ScenarioDuration.days(365).canonicalText == "365d")
        #expect(ScenarioDuration.seconds(200_000).canonicalText == "200000s")
        #expect(ScenarioDuration.seconds(7200).canonicalText == "2h")
        #expect(ScenarioDuration(nanoseconds: 1_500_000_000).canonicalText == "1500ms")
    }

    @Test("Suggestions: transpositions and small typos match, unrelated words do not")
    func suggestions() {
        #expect(ClosestMatch.distance("sevrers", "servers") == 1)
        #expect(ClosestMatch.distance("kitten", "sitting") == 3)
        #expect(ClosestMatch.closest(to: "sevrers", in: ProviderConfiguration.keys.names) == "servers")
        #expect(ClosestMatch.closest(to: "speeed", in: ProviderConfiguration.keys.names) == "speed")
        #expect(ClosestMatch.closest(to: "banana", in: ProviderConfiguration.keys.names) == nil)
    }

    @Test("Distribution validation rules")
    func distributionRules() {
        #expect(DistributionSpec.exponential(mean: 1).validationProblem == nil)
        #expect(DistributionSpec.exponential(mean: 0).validationProblem != nil)
        #expect(DistributionSpec.uniform(min: 2, max: 1).validationProblem != nil)
        #expect(DistributionSpec.normal(mean: 1, sd: -1).validationProblem != nil)
        #expect(DistributionSpec.lognormal(mean: 1, cv: 0.5).validationProblem == nil)
        #expect(DistributionSpec.pareto(scale: 1, shape: 0).validationProblem != nil)
        #expect(DistributionSpec.empirical(values: [1, 2], weights: [1]).validationProblem != nil)
        #expect(DistributionSpec.empirical(values: [1, 2], weights: [0, 0]).validationProblem != nil)
        // Means: pareto α x_m / (α - 1) = 2.5 × 10 / 1.5 = 16.67; empirical (1×4 + 2×3 + 4×2 + 8×1) / 10 = 2.6.
        #expect(abs(DistributionSpec.pareto(scale: 10, shape: 2.5).mean! - 50.0 / 3) < 1e-12)
        #expect(DistributionSpec.pareto(scale: 10, shape: 1).mean == nil)
        #expect(abs(DistributionSpec.empirical(values: [1, 2, 4, 8], weights: [4, 3, 2, 1]).mean! - 2.6) < 1e-12)
    }

    @Test("Every distribution kind reads from YAML, with units for times")
    func allKinds() throws {
        let yaml = minimalScenario.replacingOccurrences(
            of: "    budget: \"10\"\n",
            with: """
                    budget: "10"
                    resources:
                      memory_gb: {dist: normal, mean: 4, sd: 1}
                      compute_units: {dist: empirical, values: [1, 2], weights: [3, 1]}
                      minutes: {dist: pareto, scale: 2, shape: 3}

                """
        ).replacingOccurrences(
            of: "  service_time: {default: {dist: exponential, mean: 1s}}\n",
            with: """
                  service_time:
                    default: 500ms
                    data_transfer: {dist: uniform, min: 1s, max: 2m}
                    hybrid_workflow: {dist: empirical, values: [1s, 1h], weights: [9, 1]}
                    kernel_compilation: {dist: lognormal, mean: 2s, cv: 0.5}

                """)
        let c = try ScenarioLoader.load(yaml: yaml).configuration
        #expect(c.providers.serviceTime.default == .constant(value: 0.5))
        #expect(c.providers.serviceTime.perOperation[.dataTransfer] == .uniform(min: 1, max: 120))
        #expect(c.providers.serviceTime.perOperation[.hybridWorkflow] == .empirical(values: [1, 3600], weights: [9, 1]))
        #expect(c.providers.serviceTime.perOperation[.kernelCompilation] == .lognormal(mean: 2, cv: 0.5))
        #expect(c.users[0].resources.memoryGB == .normal(mean: 4, sd: 1))
        #expect(c.users[0].resources.computeUnits == .empirical(values: [1, 2], weights: [3, 1]))
        #expect(c.users[0].resources.minutes == .pareto(scale: 2, shape: 3))
    }
}
