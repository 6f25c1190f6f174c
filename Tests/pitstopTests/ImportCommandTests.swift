import Foundation
import Testing

@Suite struct ImportCommandTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pitstop-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func anExportWithErrorsPrintsThemAllAndWritesNothing() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("HR.csv")
        try "Medarbejdernr.;Navn;Leder;Normering\n1;Ida Top;;1\n2;Bo Ek;3;1\n3;Al Fa;2;1\n4;Cy Do;11;0,8\n5;Di Em;1;2,5\n"
            .write(to: csv, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.yaml")
        let r = try CommandRunner.run(["import", csv.path, "--out", out.path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("HR.csv:3:3: error: reporting cycle: Bo Ek (row 3) → Al Fa (row 4) → Bo Ek (row 3)"))
        #expect(r.stderr.contains("HR.csv:5:3: error: unknown manager '11'"))
        #expect(r.stderr.contains("HR.csv:6:4: error: FTE must be more than 0 and at most 1.5, found 2.5"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["HR.csv"])
    }

    @Test func theExampleExportImportsAndValidates() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("people.yaml").path
        let r = try CommandRunner.run(["import", "docs/examples/hr.csv", "--out", out, "--on-cost", "1.3"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("Windows-1252, ';' separated, decimal comma, thousands point"))
        #expect(r.stderr.contains("not imported: 'E-mail' (column 9)"))
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("cost: 936000   # 720000 × 1.3"))
        #expect(try CommandRunner.run(["validate", out]).status == 0)
        #expect(try CommandRunner.run(["import", "docs/examples/hr.csv", "--map", "Leder=mangaer"]).stderr.contains("did you mean 'manager'?"))
        #expect(try CommandRunner.run(["import", "docs/examples/hr.csv", "--out", "docs/examples/hr.csv"]).status == 64)
    }

    @Test func initWritesAStarterThatComparesAtOnceAndNeverOverwrites() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = try CommandRunner.run(["init", dir.path])
        #expect(first.status == 0, "\(first.stderr)")
        let compare = try CommandRunner.run(["compare", "library.yaml", "one-more-librarian.yaml", "--days", "3", "--replications", "2",
                                             "--out", dir.appendingPathComponent("out").path], in: dir)
        #expect(compare.status == 0, "\(compare.stderr)")
        #expect(compare.stdout.contains("Mit bibliotek — en bibliotekar mere"))
        let library = dir.appendingPathComponent("library.yaml")
        try "changed\n".write(to: library, atomically: true, encoding: .utf8)
        let again = try CommandRunner.run(["init", dir.path])
        #expect(again.status == 1)
        #expect(again.stderr.contains("library.yaml"))
        #expect(try String(contentsOf: library, encoding: .utf8) == "changed\n")
    }

    @Test func schemaPrintsOneJSONDocument() throws {
        for kind in ["scenario", "sweep"] {
            let r = try CommandRunner.run(["schema", kind])
            #expect(r.status == 0)
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            #expect(json?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        }
        #expect(try CommandRunner.run(["schema", "scenarios"]).status == 64)
    }

    @Test func calibratePrintsTheFitAndWritesAnOverlayThatLoads() throws {
        let dir = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("calibrated.yaml").path
        let r = try CommandRunner.run(["calibrate", "docs/examples/counts.csv", "--extends", "Scenarios/library-base.yaml", "--out", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Hovedbiblioteket (main): "))
        #expect(r.stdout.contains("Day  Hour   Observed  Fitted"))
        #expect(r.stdout.contains("Counted while the site is closed: fri 21:00"))
        #expect(try CommandRunner.run(["validate", out]).status == 0)
    }
}
