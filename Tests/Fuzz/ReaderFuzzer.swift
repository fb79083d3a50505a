// libFuzzer harness for the Swift path from bytes to the intermediate model: YAMLDocument (the C shim) →
// OpenAPIReader → ModelTranslator. Built and run by Tests/Fuzz/run.sh, never by `swift build`.
//
// Every input must end in a model or in one located error: a crash, a trap, a leak or a hang is a bug, and so is
// an error whose position is not 1-based.
import BinderyModel
import BinderyOpenAPI
import BinderyYAML

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    do {
        let yaml = try YAMLDocument(bytes: bytes, file: "fuzz.yaml")
        let reader = OpenAPIReader()
        reader.readsExamples = true
        let document = try reader.read(root: yaml.root)
        let translator = ModelTranslator(document: document, options: .init(moduleName: "Fuzz"))
        _ = try translator.translate()
        for diagnostic in reader.warnings + reader.notes + translator.warnings + translator.notes {
            check(diagnostic.location)
        }
    } catch let error as YAMLError {
        check(error.location)
    } catch let error as Diagnostic {
        check(error.location)
    } catch {
        fatalError("unexpected error type: \(error)")
    }
    return 0
}

/// A location must name a 1-based line and column.
private func check(_ location: SourceLocation) {
    if location.line < 1 || location.column < 1 {
        fatalError("position out of range: \(location)")
    }
}
