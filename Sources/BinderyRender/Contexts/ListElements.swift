import BinderyModel

// The package's lists of every API and every model (`apis` and `models`, which the README iterates), made for
// one file, and the operations of a whole API. Holding every operation's and model's context at once, while the
// other threads render, was most of the render stage's peak memory (GitHub: 7 of 47 MB); their elements make those
// contexts as a template reaches them, and answer what the definitions alone give without them.

/// A context whose values are partly its definition's alone: a list of them answers those without making the
/// context (``ListElement``).
protocol DefinitionContext: RenderContext {
    associatedtype Definition: Sendable
    /// The value named `key` of the context of `definition`, which `context` gives; `context` is called only for the
    /// keys that need more than the definition.
    static func value(of definition: Definition, forKey key: RenderKey, context: () -> Self) -> RenderValue?
}

extension OperationContext: DefinitionContext {}
extension ModelContext: DefinitionContext {}

/// An element of a list of operations (of a whole API: the package's `apis`, or a file rendered per API) or of
/// models (the package's `models`): what the definition alone gives (a name, a method, a path, a kind, a
/// summary…) at once, and the rest from its context, made when a template first asks for a value that needs it,
/// one element of the list at a time (``DefinitionContext/value(of:forKey:context:)``).
final class ListElement<Context: DefinitionContext>: RenderContext {
    let definition: Context.Definition
    let position: Int
    /// The elements' contexts, one at a time.
    let contexts: LatestElement<Context>

    init(definition: Context.Definition, position: Int, contexts: LatestElement<Context>) {
        self.definition = definition
        self.position = position
        self.contexts = contexts
    }

    /// The elements for `definitions`, in order, whose contexts `make` makes.
    static func list(
        of definitions: [Context.Definition], make: @escaping @Sendable (Context.Definition) -> Context
    ) -> [any RenderContext] {
        let contexts = LatestElement { make(definitions[$0]) }
        return definitions.enumerated().map { position, definition in
            ListElement(definition: definition, position: position, contexts: contexts)
        }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        Context.value(of: definition, forKey: key) { contexts.value(at: position) }
    }
}
