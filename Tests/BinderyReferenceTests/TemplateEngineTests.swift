import Bindery
import BinderyMustache
import BinderyRender
import Foundation
import TestExecutors
import Testing

/// The compiled engine against swift-mustache: the same bytes for Bindery's templates on the Canopy and Features
/// descriptions, and for what users' templates may do beyond the specification's cases (``MustacheSpecTests``).
@Suite(.computing) struct TemplateEngineTests {
    @Test(arguments: [Support.canopySpec, Support.repositoryRoot + "/Tests/Specs/features.yaml"])
    func bothEnginesRenderEveryFile(_ spec: String) throws {
        let compiled = try Generator.render(specPath: spec, engine: .compiled).files
        let mustache = try Generator.render(specPath: spec, engine: .swiftMustache).files
        #expect(compiled.map(\.path) == mustache.map(\.path))
        #expect(compiled.count > 30)
        for (ours, theirs) in zip(compiled, mustache) {
            #expect(ours.contents == theirs.contents, "\(ours.path) differs")
        }
    }
}

/// Templates made of random pieces (tags, whitespace, line ends, set delimiters, partials, blocks, transforms,
/// combining marks), rendered by both engines: each must render the same bytes, or both must reject the template.
@Suite(.computing) struct TemplateEngineDifferentialTests {
    struct Item: RenderContext {
        var name: String
        var children: [Item] = []

        func value(forKey key: RenderKey) -> RenderValue? {
            switch key {
            case "name": .text(name)
            case "list": .list(children)
            case "a": .flag(!children.isEmpty)
            default: nil
            }
        }
    }

    struct Root: RenderContext {
        func value(forKey key: RenderKey) -> RenderValue? {
            switch key {
            case "name": .text("<R&D \"root\">")
            case "a": .flag(true)
            case "b": .flag(false)
            case "empty": .text("")
            case "none": .list([])
            case "list":
                .list([
                    Item(name: "one", children: [Item(name: "1.1"), Item(name: "1.2")]), Item(name: "two"),
                    Item(name: "three\nlines\r\n"),
                ])
            case "ctx": .context(Item(name: "inner", children: [Item(name: "deep")]))
            default: nil
            }
        }
    }

    /// What the root's names fall back to, as the package context around an API.
    struct Outer: RenderContext {
        func value(forKey key: RenderKey) -> RenderValue? {
            key == "outerName" ? .text("outer") : key == "name" ? .text("hidden") : nil
        }
    }

    /// Tags, text and whitespace; ``sections`` wrap pieces in balanced sections.
    static let pieces = [
        "{{name}}", "{{{name}}}", "{{& name }}", "{{.}}", "{{>p}}", "{{> q }}", "\n  {{>p}}\n", "\n\t{{> q }}\r\n",
        "{{>*name}}", "{{! comment }}",
        "{{!\n}}", "{{=<% %>=}}<%name%><%={{ }}=%>", "{{=| |=}}", "|name|", "|={{ }}=|", "{{isFirst}}", "{{isLast}}",
        "{{outerName}}", "{{.name}}", "{{ctx.name}}", "{{ctx.list.name}}", "{{index()}}", "{{count(list)}}",
        "{{plusone(count(list))}}", "{{empty(none)}}", "{{first()}}", "{{% CONTENT_TYPE: HTML}}",
        "{{%CONTENT_TYPE:TEXT}}", "{{missing}}", "{{", "}}", "{", "}", "\n", "\n", "\n", "\n", "\r\n", "\r", "  ",
        "  ", "\t", " ", "x", "é", "e\u{301}", "\u{301}", "&", "\u{2028}", "{{<p}}{{$blk}}over{{/blk}}{{/p}}",
        "{{$blk}}default{{/blk}}", "{{#a}}", "{{/b}}",
    ]

    /// Section names, each opened with `#` or `^` and closed with `/`.
    static let sections = [
        "a", "b", "list", "none", "ctx", "empty", "missing", "isLast", "first()", "first(list)", "reversed(list)",
        "name", "ctx.list",
    ]

    /// A small linear congruential generator: the same templates on every run.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state
        }
    }

    /// A template of `pieces` (partials must not include themselves: both engines recurse without end).
    static func template(_ generator: inout Generator, pieces: [String] = pieces, depth: Int = 0) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...6, using: &generator) {
            if depth < 3, Int.random(in: 0..<4, using: &generator) == 0 {
                let name = sections.randomElement(using: &generator) ?? "a"
                let sigil = Bool.random(using: &generator) ? "#" : "^"
                let blank = ["", "  ", "\n", " \n"].randomElement(using: &generator) ?? ""
                text +=
                    "{{\(sigil)\(name)}}\(blank)\(template(&generator, pieces: pieces, depth: depth + 1)){{/\(name)}}\(blank)"
            } else {
                text += pieces.randomElement(using: &generator) ?? ""
            }
        }
        return text
    }

    @Test func randomTemplatesRenderTheSame() {
        var generator = Generator(state: 7)
        var rendered = 0
        for _ in 0..<1000 {
            let files = [
                "t.mustache": Self.template(&generator),
                "p.mustache": Self.template(
                    &generator, pieces: Self.pieces.filter { !$0.contains("{{>") && !$0.contains("{{<") }),
                "q.mustache": "  {{name}}\r\n{{#list}}\n  {{>p}}\n{{/list}}\n",
            ]
            let templates = TemplateSet(files: files)
            let contexts: [any RenderContext] = [Outer(), Root()]
            let compiled = Result { try CompiledTemplateRenderer(templates: templates).render("t", contexts: contexts) }
            let mustache = Result { try MustacheTemplateRenderer(templates: templates).render("t", contexts: contexts) }
            switch (compiled, mustache) {
            case (.success(let ours), .success(let theirs)):
                // swift-mustache writes a context it interpolates as Swift's description of its wrapper.
                if !theirs.contains("MustacheAdapter") && !theirs.contains("ReversedCollection") {
                    #expect(ours == theirs, "\(files)")
                    rendered += 1
                }
            case (.failure, .failure): break
            default: Issue.record("one engine rejects the templates: \(files)\n\(compiled)\n\(mustache)")
            }
        }
        #expect(rendered > 200)
    }
}

/// The compiled engine's errors: the file, the line and column of the tag at fault, and what is wrong; every
/// template swift-mustache rejects is rejected (``TemplateEngineDifferentialTests``).
@Suite(.computing) struct TemplateErrorTests {
    func error(_ text: String) -> TemplateError? {
        do {
            _ = try CompiledTemplateRenderer(templates: TemplateSet(files: ["broken.mustache": text]))
            return nil
        } catch {
            return error
        }
    }

    @Test func errorsNameTheTagAtFault() throws {
        let unclosed = try #require(error("line one\n  {{#operations}}\n{{swiftName}}\n"))
        #expect(
            unclosed.description
                == "(built-in)/broken.mustache:2:3: error: invalid template: section 'operations' is not closed")
        let mismatched = try #require(error("{{#a}}\n{{#b}}\n{{/a}}\n{{/b}}"))
        #expect(mismatched.line == 3 && mismatched.column == 1)
        #expect(mismatched.message == "invalid template: '/a' closes section 'b' opened at 2:1")
        let stray = try #require(error("x {{/a}}"))
        #expect(
            stray.line == 1 && stray.column == 3 && stray.message == "invalid template: '/a' closes no open section")
        let unfinished = try #require(error("é {{name x}}"))
        #expect(unfinished.line == 1 && unfinished.column == 10)
        #expect(unfinished.message == "invalid template: unfinished tag: expected '}}'")
        let pragma = try #require(error("\n\n{{% CONTENT_TYPE: XML}}"))
        #expect(pragma.line == 3 && pragma.message.contains("unknown pragma"))
        #expect(error("{{=<% %>=}}<%name%> {{! fine }}") == nil)
    }
}
