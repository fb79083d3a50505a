import BinderyCore
import BinderyModel

// The package's lists of every API and every model (`apis` and `models`, which the README iterates), made for
// one file. Holding every operation's and model's context at once, while the other threads render, was most of the
// render stage's peak memory (GitHub: 7 of 47 MB); their elements make those contexts as a template reaches them.

/// A value made the first time it is asked for, then kept: a list of the package, for the file being rendered.
final class OnDemand<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: `made` is read and written under `lock` only.
    private let lock = Lock()
    private var made: Value?

    init() {}

    /// The value, made with `make` on the first call.
    func value(_ make: () -> Value) -> Value {
        lock.withLock {
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}

/// What the elements of one list make, for one element at a time: made when a template asks an element for it,
/// and kept until it asks another element. A template that goes through the list once makes each element's once;
/// the list never holds them all.
final class LatestElement<Value: Sendable>: @unchecked Sendable {
    // `@unchecked`: `latest` is read and written under `lock` only.
    private let lock = Lock()
    private var latest: (position: Int, value: Value)?
    private let make: @Sendable (Int) -> Value

    /// - Parameter make: the value of the element at a position of the list.
    init(make: @escaping @Sendable (Int) -> Value) {
        self.make = make
    }

    /// The value of the element at `position`.
    func value(at position: Int) -> Value {
        lock.withLock {
            if let latest, latest.position == position { return latest.value }
            let value = make(position)
            latest = (position, value)
            return value
        }
    }
}

/// An API in the package's `apis`: its ``APIContext``, whose `operations` are made when a template asks for them.
struct APIListElement: RenderContext {
    /// The API's context without operations.
    let api: APIContext
    let position: Int
    /// The operations' contexts, of one API of the list at a time.
    let operations: LatestElement<[OperationContext]>

    /// The elements for `apis`, in order.
    static func list(of apis: [APIDefinition], index: TypeIndex) -> [any RenderContext] {
        let operations = LatestElement { APIContext.contexts(of: apis[$0].operations, index: index) }
        return apis.enumerated().map { position, api in
            APIListElement(
                api: .withoutOperations(api, index: index), position: position, operations: operations)
        }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        key == "operations" ? .list(operations.value(at: position)) : api.value(forKey: key)
    }
}

/// A top-level model in the package's `models`: its ``ModelContext``, made when a template asks it anything.
struct ModelListElement: RenderContext {
    let position: Int
    /// The models' contexts, one at a time.
    let models: LatestElement<ModelContext>

    /// The elements for `models`, in order.
    static func list(
        of types: [TypeDefinition], index: TypeIndex, options: OptionsContext, renderer: (any TemplateRenderer)?
    ) -> [any RenderContext] {
        let models = LatestElement {
            ModelContext(definition: types[$0], index: index, options: options, renderer: renderer)
        }
        return types.indices.map { ModelListElement(position: $0, models: models) }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        models.value(at: position).value(forKey: key)
    }
}
