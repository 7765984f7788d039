// swift-tools-version: 6.2
import PackageDescription

let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Luoshi",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "luoshi", targets: ["luoshi"]),
        .executable(name: "luoshi-rules-bench", targets: ["luoshi-rules-bench"]),
        .executable(name: "luoshi-bulletin-bench", targets: ["luoshi-bulletin-bench"]),
        .executable(name: "luoshi-write-bench", targets: ["luoshi-write-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .target(name: "LuoshiDomain", swiftSettings: strictSettings),
        .target(name: "LuoshiHTML", swiftSettings: strictSettings),
        .target(
            name: "LuoshiOffice",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "LuoshiApp",
            dependencies: [
                "LuoshiDomain",
                "LuoshiHTML",
                "LuoshiOffice",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources/Sample")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "luoshi",
            dependencies: [
                "LuoshiApp",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            swiftSettings: strictSettings
        ),
        // Times the colour computation of scripts/bench (pure domain, no server).
        .executableTarget(name: "luoshi-rules-bench", dependencies: ["LuoshiDomain"], swiftSettings: strictSettings),
        // Times bulletin generation for many counties (domain and Word file, no server).
        .executableTarget(name: "luoshi-bulletin-bench", dependencies: ["LuoshiDomain", "LuoshiOffice"], swiftSettings: strictSettings),
        // Drives concurrent report writes (and mixed reads) through the API of a running server.
        .executableTarget(
            name: "luoshi-write-bench",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "LuoshiDomainTests", dependencies: ["LuoshiDomain"], swiftSettings: strictSettings),
        .testTarget(name: "LuoshiHTMLTests", dependencies: ["LuoshiHTML"], swiftSettings: strictSettings),
        .testTarget(
            name: "LuoshiOfficeTests",
            dependencies: ["LuoshiOffice", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "LuoshiAppTests",
            dependencies: [
                "LuoshiApp",
                "LuoshiDomain",
                "LuoshiOffice",
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
