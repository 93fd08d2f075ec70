import Foundation
import Testing
import _GCTTestSupport

/// Runs the built `gctsim` binary (`swift build` first) and checks stdout, stderr and the exit status.
@Suite struct QuoteCommandTests {
    struct Run { var status: Int32; var stdout: String; var stderr: String }

    static func gctsim(_ args: [String]) throws -> Run {
        let r = try GCTTestSupport.run(args)
        return Run(status: r.status, stdout: r.stdout, stderr: r.stderr)
    }

    static func json(_ args: [String]) throws -> [String: Any] {
        let r = try gctsim(args + ["--json"])
        #expect(r.status == 0, "stderr: \(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func computeJSONAndHuman() throws {
        // 0.15 × (1 + 0.4 + 0.1 + 0.2) = 0.255
        let args = ["quote", "compute", "--op", "matrix_multiplication", "--memory-gb", "4", "--compute-units", "2", "--minutes", "10"]
        let j = try Self.json(args)
        #expect(j["cost_gct"] as? String == "0.255")
        #expect(j["cost_base_units"] as? Int == 255_000_000)
        #expect(j["floor_applied"] as? Bool == false)
        let h = try Self.gctsim(args)
        #expect(h.status == 0 && h.stdout.contains("0.255 GCT (255000000 base units)"))
        // floor: 0.01 × 1 × 0.05 = 0.0005 → 0.001
        let f = try Self.json(["quote", "compute", "--op", "data_transfer", "--memory-gb", "0", "--compute-units", "0",
                               "--minutes", "0", "--demand", "0.05"])
        #expect(f["cost_gct"] as? String == "0.001" && f["floor_applied"] as? Bool == true)
        // market factors: 0.255 × 1.2 / 0.8 × 1.1 = 0.42075
        let m = try Self.json(args + ["--demand", "1.2", "--supply", "0.8", "--congestion", "1.1"])
        #expect(m["cost_gct"] as? String == "0.42075")
    }

    @Test func unknownOpSuggestsAndCustomOpAccepts() throws {
        let r = try Self.gctsim(["quote", "compute", "--op", "matrix_multiply", "--memory-gb", "4", "--compute-units", "2", "--minutes", "10"])
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("error: unknown op 'matrix_multiply' for --op; valid: aura_kernel_execution,"))
        #expect(r.stderr.contains("did you mean 'matrix_multiplication'?"))
        #expect(r.stderr.split(separator: "\n").count == 1)
        // custom op at the default 0.1: 0.1 × 1.7 = 0.17
        let j = try Self.json(["quote", "compute", "--op", "matrix_multiply", "--custom-op", "--memory-gb", "4",
                               "--compute-units", "2", "--minutes", "10"])
        #expect(j["cost_gct"] as? String == "0.17")
    }

    static let bad: [([String], String)] = [
        (["quote", "compute", "--op", "data_transfer", "--memory-gb", "1.5x", "--compute-units", "0", "--minutes", "0"],
         "error: invalid value '1.5x' for --memory-gb: unexpected character 'x'"),
        (["quote", "compute", "--op", "data_transfer", "--memory-gb", "1", "--compute-units", "0", "--minutes", "0", "--supply", "0"],
         "error: supply_factor must be greater than 0"),
        (["quote", "stake", "--amount=-5"], "error: invalid value '-5' for --amount: must not be negative"),
        (["quote", "priority", "--tokens", "10", "--u", "1.5"], "error: invalid value '1.5' for --u: expected a number in [0.0, 1.0)"),
        (["quote", "market", "--ratio", "0.0000000001"], "error: invalid value '0.0000000001' for --ratio: 10 decimal places, at most 9"),
        (["quote", "oracle", "--reports", "no/such/file.yaml"], "error: cannot read --reports file 'no/such/file.yaml'"),
    ]

    @Test(arguments: bad)
    func badInputs(args: [String], message: String) throws {
        let r = try Self.gctsim(args)
        #expect(r.status != 0)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix(message), "stderr: \(r.stderr)")
    }

    @Test func stake() throws {
        let j = try Self.json(["quote", "stake", "--amount", "50000"])  // 12 % + 5 % = 17 % → 8500
        #expect(j["apy"] as? String == "0.17" && j["annual_rewards_gct"] as? String == "8500")
        #expect(j["annual_rewards_base_units"] as? Int == 8_500_000_000_000)
        #expect(try Self.gctsim(["quote", "stake", "--amount", "2000000"]).stdout.contains("400000 GCT"))
    }

    @Test func priority() throws {
        let j = try Self.json(["quote", "priority", "--tokens", "1000000", "--u", "0.5"])
        // 10⁸ − ln(10⁴)·0.1 + 0.05
        #expect(j["token_priority"] as? Double == 100_000_000)
        #expect(abs((j["whale_penalty"] as? Double ?? 0) - 0.9210340371976184) < 1e-12)
        #expect(j["fairness"] as? Double == 0.05)
        #expect(abs((j["priority"] as? Double ?? 0) - 99_999_999.12896596) < 1e-6)
        let sqrt = try Self.json(["quote", "priority", "--tokens", "1000000", "--curve", "squareRoot"])
        #expect(abs((sqrt["priority"] as? Double ?? 0) - 1_000_000) < 1e-6)  // 10⁴·√10⁴
        #expect(try Self.gctsim(["quote", "priority", "--tokens", "50"]).stdout.contains("5000.0"))
    }

    @Test func market() throws {
        #expect(try Self.json(["quote", "market", "--ratio", "2.01", "--mode", "literal"])["multiplier"] as? String == "0.6")
        #expect(try Self.json(["quote", "market", "--ratio", "2.01"])["multiplier"] as? String == "0.7995")  // 0.8 − 0.01·0.05
        #expect(try Self.json(["quote", "market", "--ratio", "0"])["multiplier"] as? String == "3")
        #expect(try Self.gctsim(["quote", "market", "--ratio", "0", "--mode", "literal"]).stdout.contains("1.45"))
    }

    @Test func autoscale() throws {
        let up = try Self.json(["quote", "autoscale", "--velocity", "3", "--demand", "9", "--supply", "10"])
        #expect(up["action"] as? String == "scale_up" && up["factor"] as? String == "1.5")
        let keep = try Self.json(["quote", "autoscale", "--velocity", "2", "--demand", "9", "--supply", "10"])
        #expect(keep["action"] as? String == "maintain" && keep["factor"] as? String == "1")
        #expect(try Self.gctsim(["quote", "autoscale", "--velocity", "0.1", "--demand", "2", "--supply", "10"]).stdout.contains("scale_down"))
    }

    @Test func oracle() throws {
        let file = ["quote", "oracle", "--reports", "docs/examples/oracle-reports.yaml"]
        let j = try Self.json(file)
        // prices 0.10, 0.105, 0.11, 0.20 at equal weight: half at 0.105 → (0.105 + 0.11)/2 = 0.1075
        let consensus = try #require(j["consensus"] as? [[String: String]])
        #expect(consensus == [["field": "gpu_hour_price", "value": "0.1075"], ["field": "available_memory_gb", "value": "615"]])
        #expect(j["outliers"] as? [String] == ["val-d"])
        let reps = try #require(j["reputations"] as? [[String: String]])
        #expect(reps.map { $0["after"]! } == ["0.9", "0.9", "0.9", "0.7", "0"])
        #expect(j["confidence"] as? Double == 0.6)
        let h = try Self.gctsim(file)
        #expect(h.stdout.contains("val-d  0.9 -> 0.7 (outlier)"))
    }

    @Test func oracleNeedsThreeReports() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gctsim-oracle-\(getpid()).yaml")
        try """
            validators:
              - {id: a, stake: 1000, reputation: 0.9, values: {p: 1}}
              - {id: b, stake: 1000, reputation: 0.9, values: {p: 1}}
            """.write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        let r = try Self.gctsim(["quote", "oracle", "--reports", url.path])
        #expect(r.status != 0 && r.stdout.isEmpty)
        #expect(r.stderr == "error: Insufficient validator reports for consensus (need ≥3, got 2)\n")
    }
}
