import BinderyOpenAPI
import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// How remote `$ref`s (`https://…`) are fetched, when they are (`--allow-remote-refs`).
public struct RemoteReferences: Sendable {
    /// How long one document may take, from the request to its last byte.
    public var timeout: Duration
    /// The largest document fetched: a larger one is an error, read no further than this.
    public var maximumSize: Int

    public init(timeout: Duration = .seconds(30), maximumSize: Int = 32 << 20) {
        self.timeout = timeout
        self.maximumSize = maximumSize
    }

    /// Fetches `url` with `URLSession`, waiting for it (the reader is synchronous).
    func fetch(_ url: URL) throws(DocumentLoader.FetchFailure) -> [UInt8] {
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = seconds
        configuration.timeoutIntervalForResource = seconds
        let download = Download(maximumSize: maximumSize, seconds: seconds)
        let session = URLSession(configuration: configuration, delegate: download, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: url)
        task.resume()
        // URLSession's own timeout comes first; this one in case it does not.
        if download.finished.wait(timeout: .now() + seconds + 1) == .timedOut {
            task.cancel()
            throw DocumentLoader.FetchFailure(download.timedOut)
        }
        return try download.result()
    }
}

/// One document being downloaded: fails on a status other than 2xx, and stops at the size limit.
private final class Download: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let maximumSize: Int
    let seconds: Double
    let finished = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var bytes: [UInt8] = []
    private var failure: String?

    init(maximumSize: Int, seconds: Double) {
        self.maximumSize = maximumSize
        self.seconds = seconds
    }

    var timedOut: String { "no whole answer within \(seconds.formatted()) s" }

    private var tooLarge: String {
        "it is larger than " + (maximumSize % (1 << 20) == 0 ? "\(maximumSize >> 20) MiB" : "\(maximumSize) bytes")
    }

    func result() throws(DocumentLoader.FetchFailure) -> [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        if let failure { throw DocumentLoader.FetchFailure(failure) }
        return bytes
    }

    /// Records why the download failed; the first reason counts.
    private func fail(_ reason: String) {
        lock.lock()
        if failure == nil { failure = reason }
        lock.unlock()
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping (URLSession.ResponseDisposition) -> Void
    ) {
        if let status = (response as? HTTPURLResponse)?.statusCode, !(200..<300).contains(status) {
            fail("HTTP status \(status)")
            completionHandler(.cancel)
        } else if response.expectedContentLength > maximumSize {
            fail(tooLarge)
            completionHandler(.cancel)
        } else {
            completionHandler(.allow)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        lock.lock()
        let fits = bytes.count + data.count <= maximumSize
        if fits { bytes.append(contentsOf: data) }
        lock.unlock()
        if !fits {
            fail(tooLarge)
            dataTask.cancel()
        }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        if let error {
            // On Linux, URLSession's own words are "The operation could not be completed" and a number.
            switch (error as? URLError)?.code {
            case .timedOut?: fail(timedOut)
            case .cannotConnectToHost?: fail("cannot connect to the server")
            case .cannotFindHost?, .dnsLookupFailed?: fail("unknown host")
            default: fail(error.localizedDescription)
            }
        }
        finished.signal()
    }
}
