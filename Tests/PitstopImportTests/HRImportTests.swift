import Foundation
import PitstopModel
import Testing
@testable import PitstopImport
@testable import PitstopScenario

/// An English, comma-separated UTF-8 export and its Danish Excel twin.
enum Exports {
    static let rows: [[String]] = [
        ["Medarbejdernr.", "Navn", "Stilling", "Nærmeste leder", "Afdeling", "Arbejdssted", "Normering", "Løn", "E-mail"],
        ["1001", "Birgitte Østergaard", "Bibliotekschef", "", "Ledelse", "Hovedbiblioteket", "1", "720000", "bo@x.dk"],
        ["1002", "Søren Krogh", "Afdelingsleder", "1001", "Børn; unge", "Hovedbiblioteket", "1", "560000", "sk@x.dk"],
        ["1003", "Anne Krogh", "Bibliotekar", "1002", "Børn; unge", "Hovedbiblioteket", "0.8", "432000.5", "ak@x.dk"],
        ["1004", "Jens \"JJ\" Ærø", "Bibliotekar", "1002", "Børn; unge", "Filial 1", "1", "540000", "line\nbreak"],
        ["1005", "Vakant", "Pædagog", "1002", "Børn; unge", "Filial 1", "0.5", "250000", ""],
    ]

    static func cell(_ s: String, separator: Character) -> String {
        s.contains(separator) || s.contains("\"") || s.contains("\n") ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }

    /// UTF-8, `,`, decimal point, thousands comma.
    static var english: String {
        rows.enumerated().map { index, row in
            row.enumerated().map { column, value in
                var v = value
                if index > 0, column == 7, let x = Double(value) { v = thousands(x, group: ",", decimal: ".") }
                return cell(v, separator: ",")
            }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
    }

    /// `;`, decimal comma, thousands point, CRLF (as Excel saves "CSV (semikolonsepareret)").
    static var danish: String { danish(separator: ";") }

    static func danish(separator: Character) -> String {
        rows.enumerated().map { index, row in
            row.enumerated().map { column, value in
                var v = value
                if index > 0, column == 6 { v = value.replacingOccurrences(of: ".", with: ",") }
                if index > 0, column == 7, let x = Double(value) { v = thousands(x, group: ".", decimal: ",") }
                return cell(v, separator: separator)
            }.joined(separator: String(separator))
        }.joined(separator: "\r\n") + "\r\n"
    }

    static func thousands(_ x: Double, group: String, decimal: String) -> String {
        let whole = Int(x)
        var digits = String(whole), out = ""
        while digits.count > 3 {
            out = group + digits.suffix(3) + out
            digits.removeLast(3)
        }
        out = digits + out
        let fraction = x - Double(whole)
        return fraction == 0 ? out : out + decimal + String(String(format: "%.1f", fraction).dropFirst(2))
    }

    static func windows1252(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar -> UInt8 in
            precondition(scalar.value < 0x100, "not in Latin-1: \(scalar)")
            return UInt8(scalar.value)
        }
    }
}

@Suite struct HRImportTests {
    func scenario(_ bytes: [UInt8], file: String = "hr.csv") throws -> (Scenario, String) {
        let table = try CSVTable.parse(bytes: bytes, file: file).get()
        let result = HRImport(options: .init(name: "Biblioteket")).run(table)
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let yaml = try #require(result.yaml)
        let loaded = ScenarioLoader.load(yaml: yaml, path: "out.yaml")
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.renderedDiagnostics)")
        return (try #require(loaded.scenario), result.reading)
    }

    @Test func aDanishExcelExportImportsToTheSameScenarioAsItsEnglishTwin() throws {
        let (english, englishReading) = try scenario(Array(Exports.english.utf8))
        #expect(englishReading == "UTF-8, ',' separated, decimal point, thousands comma")
        let variants: [(bytes: [UInt8], reading: String)] = [
            (Exports.windows1252(Exports.danish), "Windows-1252, ';' separated, decimal comma, thousands point"),
            (Array(Exports.danish.utf8), "UTF-8, ';' separated, decimal comma, thousands point"),
            ([0xEF, 0xBB, 0xBF] + Array(Exports.danish.utf8), "UTF-8 with BOM, ';' separated, decimal comma, thousands point"),
            ([0xFF, 0xFE] + Array(Exports.danish.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] },
             "UTF-16, ';' separated, decimal comma, thousands point"),
            (Array(Exports.danish(separator: "\t").utf8), "UTF-8, tab separated, decimal comma, thousands point"),
        ]
        for variant in variants {
            let (danish, reading) = try scenario(variant.bytes)
            #expect(reading == variant.reading)
            #expect(danish == english)
        }
        let anne = try #require(english.staffMember("anne-krogh"))
        #expect(anne.fte == 0.8)
        #expect(anne.cost == (432_000.5 * 1.25).rounded())
        #expect(english.staffMember("jens-jj-aeroe")?.name == "Jens \"JJ\" Ærø")
        #expect(english.staffMember("vakant-paedagog")?.isVacant == true)
        #expect(english.unit("boern-unge")?.name == "Børn; unge")
        #expect(english.unit("boern-unge")?.lead == "soeren-krogh")
        #expect(english.organisation.leaderForum?.chair == "birgitte-oestergaard")
    }

    @Test func anUnknownManagerACycleAndABadFTEAreAllReportedAtTheirCells() throws {
        let csv = """
            Medarbejdernr.;Navn;Leder;Normering
            1;Ida Top;;1
            2;Bo Ek;3;1
            3;Al Fa;2;1
            4;Cy Do;11;0,8
            5;Di Em;1;2,5
            6;Ed Fi;1;en

            """
        let table = try CSVTable.parse(bytes: Array(csv.utf8), file: "HR.csv").get()
        let result = HRImport().run(table)
        #expect(result.yaml == nil)
        #expect(result.diagnostics.flatMap { $0.rendered.split(separator: "\n").map(String.init) } == [
            "HR.csv:3:3: error: reporting cycle: Bo Ek (row 3) → Al Fa (row 4) → Bo Ek (row 3)",
            "HR.csv:3:3: note: someone in a cycle must report to a manager outside it",
            "HR.csv:5:3: error: unknown manager '11': no row has that employee number",
            "HR.csv:5:3: note: did you mean '1'?",
            "HR.csv:6:4: error: FTE must be more than 0 and at most 1.5, found 2.5",
            "HR.csv:7:4: error: the FTE 'en' is not a number",
            "HR.csv:7:4: note: this file writes numbers with a decimal comma, thousands point, e.g. 0,8 or 540.000",
        ])
    }

    @Test func duplicateNumbersEmptyCellsAndASecondTopAreReported() throws {
        let csv = "Employee ID,Name,Manager,Salary\n1,Ida Top,,x\n1,Bo Ek,1,500000\n2,,1,500000\n3,Al Fa,,500000\n"
        let result = HRImport().run(try CSVTable.parse(bytes: Array(csv.utf8), file: "hr.csv").get())
        let messages = result.diagnostics.map { "\($0.location!.line):\($0.location!.column) \($0.message)" }
        #expect(messages == [
            "2:4 the salary 'x' is not a number",
            "3:1 duplicate employee number '1'",
            "4:2 the name is empty",
            "5:3 'Al Fa' has no manager, and neither has 'Ida Top' (row 2)",
        ])
        #expect(result.yaml == nil)
    }

    @Test func idsAreDanishSlugsUniqueAndIndependentOfRowOrder() throws {
        let csv = "id,navn,leder\n7,Søren Krogh,\n8,Anne Krogh,7\n9,Anne Krogh,7\n"
        let reversed = "id,navn,leder\n9,Anne Krogh,7\n8,Anne Krogh,7\n7,Søren Krogh,\n"
        func load(_ text: String) throws -> Scenario {
            let yaml = try #require(HRImport(options: .init(name: "x")).run(try CSVTable.parse(bytes: Array(text.utf8), file: "a.csv").get()).yaml)
            return try #require(ScenarioLoader.load(yaml: yaml, path: "a.yaml").scenario)
        }
        let a = try load(csv), b = try load(reversed)
        #expect(a.staff.map(\.id) == ["soeren-krogh", "anne-krogh-8", "anne-krogh-9"])
        #expect(Set(b.staff.map(\.id)) == Set(a.staff.map(\.id)))
        #expect(danishSlug("Søren Krogh") == "soeren-krogh")
        #expect(danishSlug("Ærø Å-strand, Café") == "aeroe-aa-strand-cafe")
    }

    @Test func mappedColumnsAreUsedAndUnmappedOnesListed() throws {
        let csv = "Nr;Fuldt navn;Chef-nr;Timer pr. uge;Månedsløn;Mobil\n1;Ida Top;;37;40.000;1\n2;Bo Ek;1;29,6;35.000;2\n"
        let options = HRImport.Options(mappings: [ColumnMapping(column: "Nr", field: .id), ColumnMapping(column: "fuldt navn", field: .name),
                                                  ColumnMapping(column: "Chef-nr", field: .manager)], name: "x")
        let result = HRImport(options: options).run(try CSVTable.parse(bytes: Array(csv.utf8), file: "hr.csv").get())
        #expect(result.diagnostics.isEmpty)
        #expect(result.unmappedColumns.map(\.header) == ["Mobil"])
        let yaml = try #require(result.yaml)
        #expect(yaml.contains("# Not imported: 'Mobil' (column 6)"))
        #expect(yaml.contains("× 1.25"))
        let scenario = try #require(ScenarioLoader.load(yaml: yaml, path: "x.yaml").scenario)
        #expect(scenario.staffMember("bo-ek")?.fte == 0.8)
        #expect(scenario.staffMember("bo-ek")?.cost == 35_000 * 12 * 1.25)
        #expect(ColumnMapping.parse("Leder=mgr") == .failure(.unknownField("mgr", suggestion: nil)))
        #expect(ColumnMapping.parse("Leder=manger") == .failure(.unknownField("manger", suggestion: "manager")))
    }

    @Test func numbersFollowTheFilesConvention() {
        #expect(NumberConvention.decimalComma.parse("540.000") == 540_000)
        #expect(NumberConvention.decimalComma.parse("1.234.567,5 kr.") == 1_234_567.5)
        #expect(NumberConvention.decimalComma.parse("0,8") == 0.8)
        #expect(NumberConvention.decimalComma.parse("54.00") == nil)
        #expect(NumberConvention.decimalPoint.parse("540,000") == 540_000)
        #expect(NumberConvention.decimalPoint.parse("0.8") == 0.8)
        #expect(NumberConvention.decimalPoint.parse("abc") == nil)
        #expect(NumberConvention.detect(fractions: ["1", "0,8"], separator: ",") == .decimalComma)
        #expect(NumberConvention.detect(fractions: ["1", "1"], separator: ";") == .decimalComma)
        #expect(NumberConvention.detect(fractions: ["1", "0.5"], separator: ";") == .decimalPoint)
    }

    @Test func anUnclosedQuoteAndAnEmptyFileAreOneErrorEach() {
        if case .failure(let problem) = CSVTable.parse(bytes: Array("a,b\n1,\"open\n2,3\n".utf8), file: "x.csv") {
            #expect(problem.diagnostic.rendered == "x.csv:2:2: error: a quoted cell is never closed: the quote opened here runs to the end of the file")
        } else {
            Issue.record("an unclosed quote was accepted")
        }
        if case .failure(let problem) = CSVTable.parse(bytes: [], file: "x.csv") {
            #expect(problem.diagnostic.message == "the file is empty")
        } else {
            Issue.record("an empty file was accepted")
        }
    }
}


@Suite struct HRImportTextTests {
    /// Names and titles with every kind of awkward text still give a file that loads with
    /// the same text back.
    @Test func awkwardTextLoadsBackAsWritten() throws {
        let names = [
            "O'Brien", "Anna: Holm", "#1 Jensen", "- Bo", "  Ida  ", "yes", "null", "123", "Ærø & Co", "Zoë 🙂 Æbelø",
            "say \"hi\"", "back\\slash", "tab\there", "[list]", "{map}", "&anchor", "*alias", "!tag", "%pct", "@at", "`tick`",
            "Line\u{2028}Sep", "ctl\u{1}x",
        ]
        var csv = "id,name,title,manager\n0,Top,Chef,\n"
        for (i, name) in names.enumerated() {
            csv += "\(i + 1),\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",0\n"
        }
        let result = HRImport(options: .init(name: "x")).run(try CSVTable.parse(bytes: Array(csv.utf8), file: "n.csv").get())
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.rendered))")
        let yaml = try #require(result.yaml)
        let loaded = ScenarioLoader.load(yaml: yaml, path: "n.yaml")
        #expect(!loaded.hasErrors, "\(loaded.renderedDiagnostics)")
        let scenario = try #require(loaded.scenario)
        let trimmed = names.map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(scenario.staff.dropFirst().compactMap(\.name) == trimmed)
        #expect(scenario.staff.dropFirst().map(\.title) == trimmed)
        #expect(Set(scenario.staff.map(\.id)).count == names.count + 1)
    }
}
