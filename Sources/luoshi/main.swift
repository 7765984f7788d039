import Foundation
import LuoshiApp
import Logging
import Vapor

// The executable: read the environment, configure the app, run the command, and turn any
// start-up failure into one clear line on standard error.
var environment: Environment
do {
    environment = try Environment.detect()
    try LoggingSystem.bootstrap(from: &environment)
} catch {
    FileHandle.standardError.write(Data("luoshi: \(error)\n".utf8))
    exit(2)
}

let app = try await Application.make(environment)
var exitCode: Int32 = 0
do {
    let config = try AppConfig.fromEnvironment()
    try await configure(app, config: config)
    try await app.startup()
    try await app.running?.onStop.get()
} catch {
    FileHandle.standardError.write(Data("luoshi: \(StartupFailure.describe(error))\n".utf8))
    exitCode = 1
}
try? await app.asyncShutdown()
exit(exitCode)
