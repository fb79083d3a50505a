#if canImport(FoundationEssentials)
    import FoundationEssentials
#else
    import Foundation
#endif

/// A JSON Pointer (RFC 6901): the path to a value inside a document, `/components/schemas/Pet`.
public struct JSONPointer: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The reference tokens, unescaped.
    public var tokens: [String]

    public init(tokens: [String]) {
        self.tokens = tokens
    }

    /// The pointer for `text`, which is empty or starts with `/`; `nil` when it is not a pointer.
    public init?(_ text: String) {
        if text.isEmpty {
            self.tokens = []
            return
        }
        guard text.hasPrefix("/") else { return nil }
        self.tokens = text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.utf8.contains(UInt8(ascii: "~"))
                ? $0.replacingEvery("~1", with: "/").replacingEvery("~0", with: "~") : String($0)
        }
    }

    /// The pointer one level deeper.
    public func appending(_ token: String) -> JSONPointer {
        JSONPointer(tokens: tokens + [token])
    }

    /// The last token: the name a component is known by.
    public var lastToken: String? { tokens.last }

    public var description: String {
        var text = ""
        for token in tokens {
            text += "/"
            // Most tokens have neither `~` nor `/`: they are appended as they are.
            if token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) {
                text += token.replacingEvery("~", with: "~0").replacingEvery("/", with: "~1")
            } else {
                text += token
            }
        }
        return text
    }

    public static func < (lhs: JSONPointer, rhs: JSONPointer) -> Bool {
        lhs.tokens.lexicographicallyPrecedes(rhs.tokens)
    }
}

extension StringProtocol {
    /// `self` with every `target` replaced.
    func replacingEvery(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
