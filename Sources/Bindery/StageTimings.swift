#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long each stage of a generation took (`bindery generate --timings`): wall-clock time, the CPU time of the
/// whole process, every thread counted (so more than the wall time where a stage runs in parallel), and the peak
/// memory (resident set) of the process when the stage ended.
public struct StageTimings: Sendable {
    public struct Stage: Sendable {
        public var name: String
        public var wall: Duration
        public var cpu: Duration
        /// The largest resident set of the process so far, in bytes.
        public var peakMemory: Int
    }

    public private(set) var stages: [Stage] = []

    public init() {}

    /// Runs `body` as the stage `name`.
    mutating func measure<Value, Failure: Error>(
        _ name: String, _ body: () throws(Failure) -> Value
    ) throws(Failure) -> Value {
        let wallStart = ContinuousClock.now
        let cpuStart = Self.processCPUTime()
        let value = try body()
        stages.append(
            Stage(
                name: name, wall: ContinuousClock.now - wallStart, cpu: Self.processCPUTime() - cpuStart,
                peakMemory: Self.peakMemory()))
        return value
    }

    static func processCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    static func peakMemory() -> Int {
        var usage = rusage()
        #if canImport(Darwin)
            getrusage(RUSAGE_SELF, &usage)
            return Int(usage.ru_maxrss)
        #else
            getrusage(RUSAGE_SELF.rawValue, &usage)
            return Int(usage.ru_maxrss) * 1024
        #endif
    }

    /// One line per stage and a total: `render     412.3 ms wall    801.0 ms CPU    48 MB peak`.
    public var table: String {
        func milliseconds(_ duration: Duration) -> String {
            let (seconds, attoseconds) = duration.components
            let value = Double(seconds) * 1000 + Double(attoseconds) / 1e15
            let text = String(Int((value * 10).rounded()))
            let padded = String(repeating: "0", count: max(0, 2 - text.count)) + text
            return "\(padded.dropLast()).\(padded.suffix(1)) ms"
        }
        func line(_ name: String, _ wall: Duration, _ cpu: Duration, _ memory: Int) -> String {
            let columns = [milliseconds(wall) + " wall", milliseconds(cpu) + " CPU", "\(memory / 1_000_000) MB peak"]
            return name + String(repeating: " ", count: max(0, 10 - name.count))
                + columns.map { String(repeating: " ", count: max(0, 16 - $0.count)) + $0 }.joined()
        }
        let total = stages.reduce((Duration.zero, Duration.zero)) { ($0.0 + $1.wall, $0.1 + $1.cpu) }
        let peak = stages.map(\.peakMemory).max() ?? 0
        return (stages.map { line($0.name, $0.wall, $0.cpu, $0.peakMemory) } + [line("total", total.0, total.1, peak)])
            .joined(separator: "\n")
    }
}
