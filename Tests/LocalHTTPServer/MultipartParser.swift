import Foundation

/// A multipart body as a server reads it (RFC 2046 §5.1.1): the boundary from the `Content-Type`, parts between
/// `--boundary` delimiters, each with header lines, an empty line and its bytes; the body ends with
/// `--boundary--`.
public enum MultipartParser {
    public struct Part: Sendable, Hashable {
        /// The part's header lines, in order, names as sent.
        public var headers: [RecordedRequest.Header]
        /// The part's bytes, between the empty line after its headers and the CRLF before the next delimiter.
        public var body: [UInt8]

        public init(headers: [RecordedRequest.Header], body: [UInt8]) {
            self.headers = headers
            self.body = body
        }

        /// The value of the first header of that name (case-insensitive); nil when there is none.
        public func header(_ name: String) -> String? {
            headers.first { asciiCaseInsensitiveEquals($0.name, name) }?.value
        }

        /// The body decoded as UTF-8.
        public var text: String { String(decoding: body, as: UTF8.self) }

        /// A parameter of `Content-Disposition: form-data; name="…"; filename="…"`.
        public func disposition(_ parameter: String) -> String? {
            guard let value = header("Content-Disposition") else { return nil }
            var rest = Substring(value)
            guard rest.hasPrefix("form-data") else { return nil }
            rest = rest.dropFirst("form-data".count)
            while let semicolon = rest.firstIndex(of: ";") {
                rest = rest[rest.index(after: semicolon)...].drop { $0 == " " }
                guard let equals = rest.firstIndex(of: "=") else { return nil }
                let key = rest[..<equals]
                rest = rest[rest.index(after: equals)...]
                var parsed = ""
                if rest.first == "\"" {
                    rest = rest.dropFirst()
                    guard let close = rest.firstIndex(of: "\"") else { return nil }
                    parsed = String(rest[..<close])
                    rest = rest[rest.index(after: close)...]
                } else {
                    let end = rest.firstIndex(of: ";") ?? rest.endIndex
                    parsed = String(rest[..<end])
                    rest = rest[end...]
                }
                if key == parameter { return parsed }
            }
            return nil
        }

        /// The `name` of its `Content-Disposition`.
        public var name: String? { disposition("name") }
        /// The `filename` of its `Content-Disposition`; nil for a part that is not a file.
        public var filename: String? { disposition("filename") }
    }

    /// A body that is not `multipart/form-data` as RFC 2046 lays it out; `description` says where.
    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    /// The parts of `body`, in order, with the boundary taken from `contentType`.
    public static func parse(_ body: [UInt8], contentType: String) throws -> [Part] {
        guard contentType.hasPrefix("multipart/form-data;"),
            let range = contentType.range(of: "boundary=")
        else { throw Malformed(description: "no boundary in '\(contentType)'") }
        var boundary = String(contentType[range.upperBound...])
        if boundary.hasPrefix("\""), boundary.hasSuffix("\"") { boundary = String(boundary.dropFirst().dropLast()) }
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [0x0D, 0x0A]
        guard body.starts(with: delimiter) else { throw Malformed(description: "the body does not start with it") }
        var position = delimiter.count
        var parts: [Part] = []
        while true {
            if Array(body[position..<min(body.count, position + 2)]) == Array("--".utf8) {
                guard Array(body[(position + 2)...]) == crlf else {
                    throw Malformed(description: "bytes after the closing delimiter")
                }
                return parts
            }
            guard Array(body[position..<min(body.count, position + 2)]) == crlf else {
                throw Malformed(description: "no CRLF after a delimiter")
            }
            position += 2
            guard let next = find(crlf + delimiter, in: body, from: position) else {
                throw Malformed(description: "a part without a following delimiter")
            }
            let part = Array(body[position..<next])
            guard let blank = find(crlf + crlf, in: part, from: 0) else {
                throw Malformed(description: "a part without an empty line after its headers")
            }
            let head = String(decoding: part[..<blank], as: UTF8.self)
            var headers: [RecordedRequest.Header] = []
            for line in head.components(separatedBy: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else {
                    throw Malformed(description: "header line without a colon: \(line)")
                }
                headers.append(
                    RecordedRequest.Header(
                        name: String(line[..<colon]),
                        value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
            }
            parts.append(Part(headers: headers, body: Array(part[(blank + 4)...])))
            position = next + crlf.count + delimiter.count
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count else { return nil }
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
