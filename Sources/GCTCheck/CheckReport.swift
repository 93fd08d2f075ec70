import Foundation

/// The results of `gctsim check` over several scenarios, as a readable table and as JUnit XML.
public struct CheckReport: Hashable, Sendable {
    public var results: [ScenarioCheckResult]

    public init(results: [ScenarioCheckResult]) { self.results = results }

    public var failureCount: Int { results.reduce(0) { $0 + $1.failureCount } }
    public var passed: Bool { failureCount == 0 }

    /// Per scenario: the metric table (metric, baseline (95 % CI), now, difference, verdict),
    /// then each invariant, then `invariants: N passed, M failed` and the failures in full.
    public var text: String {
        let f = MetricComparison.format
        var s = ""
        for r in results {
            s += "scenario \(r.scenario) (\(r.file), hash \(r.hash), seed \(r.seed), \(r.replications) replications)"
            if let b = r.baseline {
                s += r.isStale ? " — STALE baseline (hash \(b.scenarioHash))\n" : " vs baseline of gctsim \(b.gctsimVersion)\n"
            } else {
                s += " — no baseline\n"
            }
            var rows: [[String]] = [["metric", "baseline (95% CI)", "now", "diff", "verdict"]]
            for m in r.metrics {
                var base = "—"
                if let b = m.baseline {
                    base = f(b.mean)
                    if let ci = b.ci95 { base += " (\(f(ci[0])) … \(f(ci[1])))" }
                }
                let now = m.current.map { f($0.mean) } ?? "—"
                var diff = "—"
                if let d = m.difference {
                    diff = (d >= 0 ? "+" : "") + f(d)
                    if let b = m.baseline, b.mean != 0 { diff += " (\(Self.percent(d / abs(b.mean))))" }
                }
                let verdict: String
                switch m.verdict {
                case .pass: verdict = "ok"
                case .fail: verdict = "FAIL"
                case .skipped: verdict = "new"
                }
                rows.append([m.metric, base, now, diff, verdict])
            }
            s += Self.table(rows)
            for i in r.invariants {
                s += "  \(i.passed ? "ok  " : "FAIL") \(i.kind.rawValue) invariant \(i.name)"
                s += i.passed ? (i.detail.isEmpty ? "\n" : ": \(i.detail)\n") : "\n"
            }
            let failedInv = r.failedInvariants.count
            s += "invariants: \(r.invariants.count - failedInv) passed, \(failedInv) failed; "
            s += "metrics: \(r.metrics.count - r.failedMetrics.count) passed, \(r.failedMetrics.count) failed\n"
            for i in r.failedInvariants { s += "  failure: \(i.failure!)\n" }
            for m in r.failedMetrics { if case let .fail(msg) = m.verdict { s += "  failure: \(msg)\n" } }
            s += "\n"
        }
        s += passed ? "check: all \(results.count) scenarios passed\n" : "check: \(failureCount) failures\n"
        return s
    }

    /// A relative change as a signed percentage, with more digits below 0.1 %.
    static func percent(_ fraction: Double) -> String {
        let p = 100 * fraction
        return String(format: p != 0 && abs(p) < 0.1 ? "%+.2g%%" : "%+.1f%%", p)
    }

    static func table(_ rows: [[String]]) -> String {
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        var s = ""
        for row in rows {
            var line = " "
            for (i, cell) in row.enumerated() {
                line += " " + cell + (i < row.count - 1 ? String(repeating: " ", count: widths[i] - cell.count) : "")
            }
            s += line + "\n"
        }
        return s
    }

    /// JUnit XML: one `<testsuite>` per scenario, one `<testcase>` per invariant (classname
    /// `<scenario>.invariant`) and per metric (`<scenario>.metric`); failures carry the message,
    /// metrics without a baseline are `<skipped/>`.
    public var junitXML: String {
        var s = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let total = results.reduce(0) { $0 + $1.invariants.count + $1.metrics.count }
        s += "<testsuites name=\"gctsim check\" tests=\"\(total)\" failures=\"\(failureCount)\">\n"
        for r in results {
            let skipped = r.metrics.filter { if case .skipped = $0.verdict { true } else { false } }.count
            s += "  <testsuite name=\"\(Self.escape(r.scenario))\" tests=\"\(r.invariants.count + r.metrics.count)\" failures=\"\(r.failureCount)\" errors=\"0\" skipped=\"\(skipped)\">\n"
            s += "    <properties><property name=\"file\" value=\"\(Self.escape(r.file))\"/><property name=\"scenario_hash\" value=\"\(r.hash)\"/><property name=\"seed\" value=\"\(r.seed)\"/><property name=\"replications\" value=\"\(r.replications)\"/></properties>\n"
            for i in r.invariants {
                s += "    <testcase classname=\"\(Self.escape(r.scenario)).invariant\" name=\"\(Self.escape(i.name))\""
                if let failure = i.failure {
                    s += "><failure message=\"\(Self.escape(failure))\" type=\"\(i.kind.rawValue)\"/></testcase>\n"
                } else {
                    s += "/>\n"
                }
            }
            for m in r.metrics {
                s += "    <testcase classname=\"\(Self.escape(r.scenario)).metric\" name=\"\(Self.escape(m.metric))\""
                switch m.verdict {
                case .pass: s += "/>\n"
                case let .fail(msg): s += "><failure message=\"\(Self.escape(msg))\" type=\"regression\"/></testcase>\n"
                case let .skipped(msg): s += "><skipped message=\"\(Self.escape(msg))\"/></testcase>\n"
                }
            }
            s += "  </testsuite>\n"
        }
        s += "</testsuites>\n"
        return s
    }

    /// Escapes text for an XML attribute.
    static func escape(_ text: String) -> String {
        var s = ""
        for ch in text.unicodeScalars {
            switch ch {
            case "&": s += "&amp;"
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "\"": s += "&quot;"
            case "'": s += "&apos;"
            case "\n": s += "&#10;"
            default:
                if ch.value < 0x20 && ch != "\t" { s += "&#\(ch.value);" } else { s.unicodeScalars.append(ch) }
            }
        }
        return s
    }

    /// What `--update-baselines` changed: per scenario, each metric's old → new mean.
    public static func baselineChanges(old: ScenarioBaseline?, new: ScenarioBaseline) -> String {
        let f = MetricComparison.format
        var s = "baseline \(new.scenario): "
        if let old {
            s += old.scenarioHash == new.scenarioHash ? "hash \(new.scenarioHash)\n" : "hash \(old.scenarioHash) → \(new.scenarioHash)\n"
        } else {
            s += "new (hash \(new.scenarioHash))\n"
        }
        var rows: [[String]] = [["metric", "old", "new", "change"]]
        for name in Set(new.metrics.keys).union(old.map { Array($0.metrics.keys) } ?? []).sorted() {
            let o = old?.metrics[name], n = new.metrics[name]
            var change = ""
            if let o, let n {
                if o.mean == n.mean { change = "unchanged" } else {
                    change = (n.mean >= o.mean ? "+" : "") + f(n.mean - o.mean)
                    if o.mean != 0 { change += " (\(percent((n.mean - o.mean) / abs(o.mean))))" }
                }
            } else {
                change = o == nil ? "added" : "removed"
            }
            rows.append([name, o.map { f($0.mean) } ?? "—", n.map { f($0.mean) } ?? "—", change])
        }
        return s + table(rows)
    }
}
