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
        self.init(rawValue, hashCode: Self.hash(rawValue, from: 0, continuing: Self.offsetBasis))
    }

    private init(_ rawValue: String, hashCode: UInt64) {
        self.rawValue = rawValue
        self.hashCode = hashCode
    }

    private static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

    /// FNV-1a of `text`'s UTF-8 bytes from offset `start` on, continuing `hash`.
    private static func hash(_ text: String, from start: Int, continuing hash: UInt64) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash = hash
            for byte in bytes[start...] {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
            return hash
        }
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
        var raw = rawValue
        let start = rawValue.utf8.count
        for token in tokens {
            raw += "/"
            let utf8 = token.utf8
            // Most tokens have neither `~` nor `/`; one that a non-ASCII scalar follows may be part of a larger
            // character (not escaped), so such tokens go character by character.
            guard let special = utf8.firstIndex(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else {
                raw += token
                continue
            }
            if !utf8[special...].indices.contains(where: { index in
                (utf8[index] == UInt8(ascii: "~") || utf8[index] == UInt8(ascii: "/"))
                    && utf8.index(after: index) != utf8.endIndex && utf8[utf8.index(after: index)] >= 0x80
            }) {
                var bytes: [UInt8] = []
                bytes.reserveCapacity(utf8.count + 4)
                for byte in utf8 {
                    switch byte {
                    case UInt8(ascii: "~"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "0")]
                    case UInt8(ascii: "/"): bytes += [UInt8(ascii: "~"), UInt8(ascii: "1")]
                    default: bytes.append(byte)
                    }
                }
                raw += String(decoding: bytes, as: UTF8.self)
                continue
            }
            for character in token {
                switch character {
                case "~": raw += "~0"
                case "/": raw += "~1"
                default: raw.append(character)
                }
            }
        }
        return TypeID(raw, hashCode: Self.hash(raw, from: start, continuing: hashCode))
    }

    public var description: String { rawValue }

    public static func < (lhs: TypeID, rhs: TypeID) -> Bool { lhs.rawValue < rhs.rawValue }
}
