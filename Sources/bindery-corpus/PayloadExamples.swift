import BinderyCore
import BinderyModel
import BinderyOpenAPI

/// An example a description documents for a response body (or a component schema), with the generated Swift type
/// that decodes it.
struct PayloadExample: Sendable, Hashable {
    /// Where it is: `GET /pets 200 example`, `GET /pets 200 examples.cat`, `schema Pet`.
    var label: String
    /// The generated type of its schema.
    var type: SwiftType
    var value: JSONInstance
    /// Why the value does not validate against its own schema; `nil` when it does.
    var problem: String?

    var isValid: Bool { problem == nil }
}

/// Collects the examples of a description that the generated code can decode: the JSON response bodies' (the
/// media type the generated client decodes: `application/json`, else the first JSON one) `example` and
/// `examples`, and the `example` of every schema that is a generated type.
enum PayloadExamples {
    /// Reads the description again, with its examples, and translates it as the generator did (same module name
    /// and references followed as far, so the same type names).
    static func collect(
        specPath: String, moduleName: String, loader: DocumentLoader = DocumentLoader()
    ) throws(Diagnostic) -> (examples: [PayloadExample], typeNames: TypeNames) {
        let reader = OpenAPIReader(loader: loader)
        reader.readsExamples = true
        let document = try reader.read(path: specPath)
        let (model, _) = try ModelTranslator.translate(document, options: .init(moduleName: moduleName))
        return (collect(document: document, model: model), model.typeNames)
    }

    static func collect(document: OpenAPIDocument, model: CodeModel) -> [PayloadExample] {
        let validator = SchemaValidator(schemas: document.schemas)
        let reader = InstanceReader(schemas: document.schemas)
        var operations: [String: OperationDefinition] = [:]
        for api in model.apis {
            for operation in api.operations where operation.streamingVariantOf == nil {
                operations[operation.method + " " + operation.path] = operation
            }
        }

        var examples: [PayloadExample] = []
        func add(_ label: String, _ value: SpecValue, schema: JSONSchema?, type: SwiftType) {
            let instance = reader.instance(value, schema: schema)
            let problem = schema.flatMap { validator.problem(instance, $0) }
            examples.append(PayloadExample(label: label, type: type, value: instance, problem: problem))
        }

        for operation in document.operations {
            let key = operation.method.name + " " + operation.path
            guard let definition = operations[key] else { continue }
            for response in operation.responses {
                guard let result = definition.responses.first(where: { $0.status == response.status }),
                    case .json(let type) = result.body,
                    let mediaType = decodedMediaType(response.content)
                else { continue }
                for example in mediaType.examples {
                    let label = "\(key) \(response.status) " + (example.name.map { "examples.\($0)" } ?? "example")
                    add(label, example.value, schema: mediaType.schema, type: type)
                }
            }
        }

        let names = model.typeNames.qualifiedNames
        for (id, schema) in document.schemas.entries {
            guard let example = schema.example else { continue }
            let typeID = TypeID(file: id.file, pointer: id.pointer.description)
            guard names[typeID] != nil else { continue }
            add("schema \(document.schemas.name(of: id))", example, schema: schema, type: .named(typeID))
        }
        return examples
    }

    /// The media type whose schema the generated client decodes a response with (as `ModelTranslator` chooses):
    /// `application/json`, else the first JSON type; streams are not.
    static func decodedMediaType(_ content: [MediaType]) -> MediaType? {
        let whole = content.filter { StreamFormat($0.essence) == nil }
        return whole.first { $0.essence == "application/json" } ?? whole.first { $0.isJSON }
    }
}
