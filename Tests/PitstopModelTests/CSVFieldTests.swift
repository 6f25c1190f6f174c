import PitstopModel
import Testing

/// CSV cells the program writes: quoted when needed, formulas neutralised (OWASP).
@Suite struct CSVFieldTests {
    @Test(arguments: ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2", "@SUM(A1:A2)", "\tx", "\rx"])
    func aCellAFormulaCouldStartWithIsNeutralisedInsideQuotes(_ text: String) {
        let cell = csvField(text)
        #expect(cell.hasPrefix("\"'"), "\(cell)")
        #expect(cell.hasSuffix("\""))
    }

    @Test func quotesAreDoubledAndSeparatorsQuoted() {
        #expect(csvField("a,b") == "\"a,b\"")
        #expect(csvField("a;b") == "\"a;b\"")
        #expect(csvField("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(csvField("=\"x\"") == "\"'=\"\"x\"\"\"")
    }

    @Test func plainTextIsLeftAlone() {
        #expect(csvField("Hovedbiblioteket") == "Hovedbiblioteket")
        #expect(csvField("main/family") == "main/family")
        #expect(csvField("") == "")
    }
}
