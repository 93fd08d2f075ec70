#!/usr/bin/env bash
# Checks that Package.swift declares exactly what each target imports (source and test targets).
#
#   scripts/check-imports.sh            # from the package root; exit 0 when every target matches
#
# For each target of `swift package dump-package`, the modules its Swift files import
# (`import X`, `@testable import X`, `internal import X`, ...) are compared with the target's
# declared dependencies (targets and products; a product counts under its name, which is its
# module's here). Reported, and the exit status is 1:
#   - "imports X, not declared": a module of this package or of a package dependency imported
#     without being declared;
#   - "declares X, never imported": a declared library dependency no file imports.
# Not counted: the toolchain's modules (Foundation, Testing, Glibc, ...), and dependencies on
# executable targets (a test target declares the command only to have it built).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v jq >/dev/null || { echo "check-imports: needs jq (make deps installs it)" >&2; exit 2; }
json=$(swift package dump-package 2>/dev/null)

# Modules the package can provide: its own targets and its dependencies' products.
own_targets=$(jq -r '.targets[].name' <<<"$json")
executables=$(jq -r '.targets[] | select(.type == "executable") | .name' <<<"$json")
products=$(jq -r '.targets[].dependencies[] | .product? // empty | .[0]' <<<"$json" | sort -u)
known=$(printf '%s\n%s\n' "$own_targets" "$products" | sort -u)

status=0
checked=0
while IFS=$'\t' read -r name path kind; do
    [[ $kind == system ]] && continue
    [[ $path != - ]] || path=$([[ $kind == test ]] && echo "Tests/$name" || echo "Sources/$name")
    [[ -d $path ]] || { echo "check-imports: $name: no folder $path" >&2; status=1; continue; }
    declared=$(jq -r --arg n "$name" '.targets[] | select(.name == $n) | .dependencies[]
        | (.byName? // .target? // .product?) | .[0]' <<<"$json" | sort -u)
    imported=$(find "$path" -name '*.swift' -print0 | xargs -0 -r awk '
        /^[ \t]*((@testable|@_exported|@_implementationOnly|public|package|internal|fileprivate|private)[ \t]+)*import[ \t]+/ {
            for (i = 1; i <= NF; i++) if ($i == "import") {
                m = $(i + 1)
                if (m ~ /^(struct|class|enum|protocol|func|var|let|typealias)$/) m = $(i + 2)
                sub(/\..*/, "", m); print m; break
            }
        }' | sort -u | comm -12 - <(echo "$known"))
    checked=$((checked + 1))
    while read -r m; do
        [[ -z $m || $m == "$name" ]] && continue
        grep -qxF "$m" <<<"$declared" || { echo "check-imports: $name imports $m, not declared in Package.swift"; status=1; }
    done <<<"$imported"
    while read -r d; do
        [[ -z $d ]] && continue
        grep -qxF "$d" <<<"$executables" && continue
        grep -qxF "$d" <<<"$imported" || { echo "check-imports: $name declares $d, never imported"; status=1; }
    done <<<"$declared"
done < <(jq -r '.targets[] | [.name, (.path // "-"), .type] | @tsv' <<<"$json")

if [[ $status == 0 ]]; then
    echo "check-imports: $checked targets: Package.swift dependencies match the imports"
fi
exit $status
