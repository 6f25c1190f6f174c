import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed SVG: the texts of each node, cluster and edge group, keyed by `<title>`.
/// Shared by the rendering and diagram tests.
public struct SVGInspector: Sendable {
    public struct Group: Equatable, Sendable {
        public var kind: String  // "node", "cluster", "edge", "graph"
        public var id: String
        public var title: String
        public var texts: [String]
    }

    public var groups: [Group] = []
    public var allTexts: [String] { groups.flatMap(\.texts) }
    public var nodes: [Group] { groups.filter { $0.kind == "node" } }
    public var clusters: [Group] { groups.filter { $0.kind == "cluster" } }
    public var edges: [Group] { groups.filter { $0.kind == "edge" } }

    public func node(_ title: String) -> Group? { nodes.first { $0.title == title } }

    /// Parses `data` as XML; throws when it is not well-formed.
    public init(_ data: [UInt8]) throws {
        let delegate = Delegate()
        let parser = XMLParser(data: Data(data))
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw ParseFailure(message: parser.parserError.map { "\($0)" } ?? "unknown XML error")
        }
        groups = delegate.groups
    }

    public struct ParseFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "SVG is not well-formed XML: \(message)" }
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var groups: [Group] = []
        var stack: [Int?] = []  // index into groups for each open <g>, nil for other <g>
        var current: Int? { stack.last(where: { $0 != nil }) ?? nil }
        var buffer = ""
        var capturing: String?

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                    qualifiedName: String?, attributes: [String: String] = [:]) {
            switch name {
            case "g":
                if let cls = attributes["class"], ["node", "cluster", "edge", "graph"].contains(cls) {
                    groups.append(Group(kind: cls, id: attributes["id"] ?? "", title: "", texts: []))
                    stack.append(groups.count - 1)
                } else {
                    stack.append(nil)
                }
            case "title", "text":
                capturing = name
                buffer = ""
            default: break
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            if capturing != nil { buffer += string }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            switch name {
            case "g": _ = stack.popLast()
            case "title":
                if let i = current, groups[i].title.isEmpty { groups[i].title = buffer }
                capturing = nil
            case "text":
                if let i = current { groups[i].texts.append(buffer) }
                capturing = nil
            default: break
            }
        }
    }
}
