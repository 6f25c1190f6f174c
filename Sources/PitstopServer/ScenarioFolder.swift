import Foundation
import PitstopScenario

/// The folder of scenario files the explorer serves. Clients name a scenario by its id —
/// its file name, as listed — and never by a path: an id is only ever looked up in a
/// fresh listing, so `..`, encoded variants, absolute paths and links out of the folder
/// reach nothing.
public struct ScenarioFolder: Sendable {
    /// The folder with every symbolic link resolved.
    public let root: URL
    /// The folder as the user gave it, for messages.
    public let display: String

    /// A file of the listing.
    public struct File: Sendable, Hashable {
        /// The file name (`pitstop.yaml`): the scenario's id in the API.
        public let id: String
        /// The absolute path the loader reads (links resolved, inside ``ScenarioFolder/root``).
        public let path: String
    }

    /// Opens `path`, which must be a folder.
    public init(path: String) throws(ExplorerError) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ExplorerError(.notFound, "'\(path)' is not a folder of scenarios")
        }
        root = URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL.resolvingSymlinksInPath()
        display = path
    }

    /// The scenario files directly in the folder, sorted by name: regular files (or links
    /// to regular files inside the folder) named `*.yaml` or `*.yml`, not hidden, whose
    /// name is a safe id. Anything else — subfolders, links leading out — is left out.
    public func files() -> [File] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap(file(named:))
    }

    /// The listed file with id `id`, or `nil`.
    public func file(id: String) -> File? {
        guard ScenarioFolder.isSafeID(id) else { return nil }
        return files().first { $0.id == id }
    }

    private func file(named name: String) -> File? {
        guard ScenarioFolder.isSafeID(name), name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { return nil }
        let resolved = root.appendingPathComponent(name).resolvingSymlinksInPath().standardizedFileURL
        guard resolved.deletingLastPathComponent().path == root.path || isInside(resolved) else { return nil }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isFolder), !isFolder.boolValue,
            let attributes = try? FileManager.default.attributesOfItem(atPath: resolved.path),
            attributes[.type] as? FileAttributeType == .typeRegular
        else { return nil }
        return File(id: name, path: resolved.path)
    }

    private func isInside(_ url: URL) -> Bool {
        let base = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return url.path.hasPrefix(base)
    }

    /// Letters, digits, `.`, `-` and `_`, not starting with `.`, at most 200 characters.
    public static func isSafeID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != ".", id.utf8.count <= 200 else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0)) }
    }

    /// A path the loader reported, as the client may see it: relative to the folder
    /// (`pitstop.yaml`, `../shared/base.yaml`), never the server's absolute path.
    public func shown(_ path: String) -> String {
        guard path.hasPrefix("/") else { return path }
        return ScenarioPaths.relativePath(from: root.path, to: path)
    }

    /// The stem of a file id: `pitstop.yaml` → `pitstop`.
    public static func stem(_ id: String) -> String {
        for suffix in [".yaml", ".yml"] where id.hasSuffix(suffix) { return String(id.dropLast(suffix.count)) }
        return id
    }
}
