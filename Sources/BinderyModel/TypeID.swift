/// Where a generated type comes from, independent of the Swift name it ends up with: the description's file and
/// a JSON pointer to the schema (`openapi.yaml#/components/schemas/Pet`), or to the place an inline schema is
/// written as it was reached (`…/Pet/properties/status`, `…/paths/~1pets/get/responses/200/content/…/schema`).
///
/// Lookups, recursion analysis and links all go by identity; ``TypeNamer`` gives the names last, so overrides and
/// filters can change or drop a type without disturbing the others.
public struct TypeID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// `file#pointer`.
    public let rawValue: String
    /// `rawValue`'s hash, computed once: the model looks identities up in sets and dictionaries many times each, and
    /// hashing their long paths again on every lookup was a tenth of the model stage's time. It is FNV-1a over the
    /// UTF-8 bytes, which an identity inside this one (``appending(_:)``) continues over its own tokens alone
    /// (`String`'s hash went over the whole path again: 880 instructions an identity).
    private let hashCode: UInt64

    public init(_ rawValue: String) {
        var text = rawValue
        self.init(rawValue, hashCode: text.withUTF8 { Self.hash($0, continuing: Self.offsetBasis) })
    }

    private init(_ rawValue: String, hashCode: UInt64) {
        self.rawValue = rawValue
        self.hashCode = hashCode
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a of `bytes`, continuing `hash`.
    private static func hash(_ bytes: some Sequence<UInt8>, continuing hash: UInt64) -> UInt64 {
        var hash = hash
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        return hash
    }

    /// The identity of a place in a file: `file#pointer`.
    public init(file: String, pointer: String) {
        self.init(file + "#" + pointer)
    }

    public static func == (lhs: TypeID, rhs: TypeID) -> Bool {
        lhs.hashCode == rhs.hashCode && lhs.rawValue == rhs.rawValue
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(hashCode)
    }

    /// The identity of something written inside this one: `tokens` appended as JSON pointer tokens (`~` and `/`
    /// escaped).
    public func appending(_ tokens: String...) -> TypeID {
        // The identity is built as bytes, in one buffer, and hashed from them: appending to a `String` copied the
        // shared one, and grew it for each token.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(tokens.reduce(rawValue.utf8.count + 8) { $0 + 1 + $1.utf8.count })
        bytes.append(contentsOf: rawValue.utf8)
        let start = bytes.count
        for token in tokens {
            bytes.append(UInt8(ascii: "/"))
            Self.appendEscaped(token, to: &bytes)
        }
        let hash = Self.hash(bytes[start...], continuing: hashCode)
        return TypeID(String(decoding: bytes, as: UTF8.self), hashCode: hash)
    }

    /// `token` as a JSON pointer token (`~` as `~0`, `/` as `~1`). Most tokens have neither `~` nor `/`; one that a
    /// non-ASCII scalar follows may be part of a larger character (not escaped), so such tokens go character by
    /// character.
    private static func appendEscaped(_ token: String, to bytes: inout [UInt8]) {
        var token = token
        let escapedByBytes: Bool = token.withUTF8 { utf8 in
            guard let special = utf8.firstIndex(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
                bytes.append(contentsOf: utf8)
                return true
            }
            if utf8[special...].indices.contains(where: { index in
                (utf8[index] == UInt8(ascii: "~") || utf8[index] == UInt8(ascii: "/")) && index + 1 < utf8.count
                    && utf8[index + 1] >= 0x80
            }) {
                return false
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "~"):
                    bytes.append(UInt8(ascii: "~"))
                    bytes.append(UInt8(ascii: "0"))
                case UInt8(ascii: "/"):
                    bytes.append(UInt8(ascii: "~"))
                    bytes.append(UInt8(ascii: "1"))
                default: bytes.append(byte)
                }
            }
            return true
        }
        guard !escapedByBytes else { return }
        var escaped = ""
        for character in token {
            switch character {
            case "~": escaped += "~0"
            case "/": escaped += "~1"
            default: escaped.append(character)
            }
        }
        bytes.append(contentsOf: escaped.utf8)
    }

    public var description: String { rawValue }

    public static func < (lhs: TypeID, rhs: TypeID) -> Bool { lhs.rawValue < rhs.rawValue }
}
