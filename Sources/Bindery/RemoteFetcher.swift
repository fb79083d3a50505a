import BinderyOpenAPI
import CBinderyFetch

#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// How remote `$ref`s (`https://…`) are fetched, when they are (`--allow-remote-refs`).
///
/// Through libcurl, which `bindery` loads only when it fetches (`CBinderyFetch`): linking Foundation's `URLSession`
/// instead would load libcurl, and FoundationNetworking with it, into every run, about 7 MB more memory and a few
/// milliseconds more to start, for a feature most runs never use.
public struct RemoteReferences: Sendable {
    /// How long one document may take, from the request to its last byte.
    public var timeout: Duration
    /// The largest document fetched: a larger one is an error, read no further than this.
    public var maximumSize: Int

    public init(timeout: Duration = .seconds(30), maximumSize: Int = 32 << 20) {
        self.timeout = timeout
        self.maximumSize = maximumSize
    }

    /// Fetches `url`, waiting for it (the reader is synchronous).
    func fetch(_ url: URL) throws(DocumentLoader.FetchFailure) -> [UInt8] {
        let (seconds, attoseconds) = timeout.components
        let milliseconds = max(1, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
        var result = bindery_fetch_result()
        bindery_fetch(url.absoluteString, milliseconds, max(0, maximumSize), &result)
        defer { bindery_fetch_free(&result) }
        switch result.outcome {
        case BINDERY_FETCH_OK:
            guard let bytes = result.bytes else { return [] }
            return Array(UnsafeBufferPointer(start: bytes, count: result.count))
        case BINDERY_FETCH_NO_LIBCURL:
            throw DocumentLoader.FetchFailure(
                "fetching needs libcurl (on Debian and Ubuntu: apt-get install libcurl4), which could not be loaded: "
                    + Self.text(of: &result))
        case BINDERY_FETCH_HTTP_STATUS: throw DocumentLoader.FetchFailure("HTTP status \(result.status)")
        case BINDERY_FETCH_TOO_LARGE: throw DocumentLoader.FetchFailure(tooLarge)
        case BINDERY_FETCH_TIMED_OUT: throw DocumentLoader.FetchFailure(timedOut)
        case BINDERY_FETCH_CANNOT_CONNECT: throw DocumentLoader.FetchFailure("cannot connect to the server")
        case BINDERY_FETCH_UNKNOWN_HOST: throw DocumentLoader.FetchFailure("unknown host")
        default: throw DocumentLoader.FetchFailure(Self.text(of: &result))
        }
    }

    /// `no whole answer within 0.5 s`, or `30 s`: the timeout to the millisecond.
    var timedOut: String {
        let (seconds, attoseconds) = timeout.components
        var fraction = String(attoseconds / 1_000_000_000_000_000 + 1000).dropFirst()
        while fraction.last == "0" { fraction.removeLast() }
        return "no whole answer within \(seconds)\(fraction.isEmpty ? "" : "." + fraction) s"
    }

    private var tooLarge: String {
        "it is larger than " + (maximumSize % (1 << 20) == 0 ? "\(maximumSize >> 20) MiB" : "\(maximumSize) bytes")
    }

    /// The result's message, as text.
    private static func text(of result: inout bindery_fetch_result) -> String {
        withUnsafeBytes(of: &result.message) { buffer in
            let bytes = buffer.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
