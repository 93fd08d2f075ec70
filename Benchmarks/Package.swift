// swift-tools-version:6.1
// Benchmarks for GCTSim, in a nested package so that the product has no benchmark dependencies.
// Run: cd Benchmarks && swift package --disable-sandbox benchmark
import PackageDescription

let package = Package(
    name: "GCTSimBenchmarks",
    dependencies: [
        .package(name: "GCTSim", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EngineBenchmarks",
            dependencies: [
                .product(name: "GCTEngine", package: "GCTSim"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/EngineBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "WorldBenchmarks",
            dependencies: [
                .product(name: "GCTWorld", package: "GCTSim"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/WorldBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
