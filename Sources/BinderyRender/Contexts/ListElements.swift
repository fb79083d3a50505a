import BinderyModel

// The package's lists of every API and every model (`apis` and `models`, which the README iterates), made for
// one file, and the operations of a whole API. Holding every operation's and model's context at once, while the
// other threads render, was most of the render stage's peak memory (GitHub: 7 of 47 MB); their elements make those
// contexts as a template reaches them, and answer what the definitions alone give without them.

/// An operation in the operations of a whole API (the package's `apis`, or a file rendered per API): what the
/// operation alone gives (its name, method, path, summary…) at once, and the rest from its ``OperationContext``,
/// made when a template first asks for a value that needs it, one operation of the list at a time
/// (``OperationContext/value(of:forKey:context:)``).
final class OperationElement: RenderContext {
    let operation: OperationDefinition
    let position: Int
    /// The operations' contexts, one at a time.
    let contexts: LatestElement<OperationContext>

    init(operation: OperationDefinition, position: Int, contexts: LatestElement<OperationContext>) {
        self.operation = operation
        self.position = position
        self.contexts = contexts
    }

    /// The elements for `operations`, in order.
    static func list(of operations: [OperationDefinition], index: TypeIndex) -> [any RenderContext] {
        let contexts = LatestElement { OperationContext(operation: operations[$0], index: index) }
        return operations.enumerated().map { position, operation in
            OperationElement(operation: operation, position: position, contexts: contexts)
        }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        OperationContext.value(of: operation, forKey: key) { contexts.value(at: position) }
    }
}

/// A top-level model in the package's `models`: what the definition alone gives (its name, kind, description…) at
/// once, and the rest from its ``ModelContext``, made when a template first asks for a value that needs it, one
/// model of the list at a time (``ModelContext/value(of:forKey:context:)``).
final class ModelListElement: RenderContext {
    let definition: TypeDefinition
    let position: Int
    /// The models' contexts, one at a time.
    let contexts: LatestElement<ModelContext>

    init(definition: TypeDefinition, position: Int, contexts: LatestElement<ModelContext>) {
        self.definition = definition
        self.position = position
        self.contexts = contexts
    }

    /// The elements for `models`, in order.
    static func list(
        of types: [TypeDefinition], index: TypeIndex, options: OptionsContext, renderer: (any TemplateRenderer)?
    ) -> [any RenderContext] {
        let contexts = LatestElement {
            ModelContext(definition: types[$0], index: index, options: options, renderer: renderer)
        }
        return types.enumerated().map { position, definition in
            ModelListElement(definition: definition, position: position, contexts: contexts)
        }
    }

    func value(forKey key: RenderKey) -> RenderValue? {
        ModelContext.value(of: definition, forKey: key) { contexts.value(at: position) }
    }
}
