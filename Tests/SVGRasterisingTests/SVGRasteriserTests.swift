import Foundation
import Testing
@testable import SVGRasterising

@Suite struct SVGRasteriserTests {
    static let square = """
    <svg xmlns="http://www.w3.org/2000/svg" width="40pt" height="20pt" viewBox="0 0 40 20">
    <rect x="0" y="0" width="20" height="20" fill="#ff0000"/><rect x="20" y="0" width="20" height="20" fill="#0000ff"/>
    </svg>
    """

    @Test func sizeComesFromWidthAndHeightInCSSPixels() throws {
        let size = try SVGRasteriser.size(of: Self.square)
        #expect(abs(size.width - 40 * 4 / 3) < 0.01 && abs(size.height - 20 * 4 / 3) < 0.01)
    }

    @Test func sizeFallsBackToTheViewBox() throws {
        let size = try SVGRasteriser.size(of: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 760 300\"><rect width=\"5\" height=\"5\"/></svg>")
        #expect(size.width == 760 && size.height == 300)
    }

    @Test func drawsAPNGOfTheAskedSizeWithTheDrawingsColours() throws {
        let png = try SVGRasteriser.png(Self.square, width: 80, height: 40)
        let image = try PNGPixels(png)
        #expect(image.width == 80 && image.height == 40)
        #expect(image.rgb(10, 20) == (255, 0, 0))
        #expect(image.rgb(70, 20) == (0, 0, 255))
    }

    @Test func drawsOnlyTheRegionAsked() throws {
        // The right half only: all blue.
        let png = try SVGRasteriser.png(Self.square, region: (26.67, 0, 26.67, 26.67), width: 30, height: 30)
        let image = try PNGPixels(png)
        #expect(image.rgb(3, 15) == (0, 0, 255) && image.rgb(26, 15) == (0, 0, 255))
    }

    @Test func theSameDrawingGivesTheSameBytes() throws {
        #expect(try SVGRasteriser.png(Self.square, width: 64, height: 32) == SVGRasteriser.png(Self.square, width: 64, height: 32))
    }

    @Test func badInputIsAnErrorNotACrash() {
        #expect(throws: SVGRasteriser.Failure.self) { try SVGRasteriser.png("", width: 10, height: 10) }
        #expect(throws: SVGRasteriser.Failure.self) { try SVGRasteriser.png("<svg", width: 10, height: 10) }
        #expect(throws: SVGRasteriser.Failure.self) { try SVGRasteriser.png("not svg at all", width: 10, height: 10) }
        #expect(throws: SVGRasteriser.Failure.self) { try SVGRasteriser.png(Self.square, width: 0, height: 10) }
        #expect(throws: SVGRasteriser.Failure.self) { try SVGRasteriser.png(Self.square, width: 100_000, height: 100_000) }
        #expect(throws: SVGRasteriser.Failure.self) { try SVGRasteriser.png(Self.square, width: 10, height: 10, background: "red") }
    }
}

/// The pixels of an 8-bit RGB or RGBA PNG without interlacing (what cairo writes), decoded
/// with zlib through Foundation-free inflate of stored/fixed/dynamic blocks.
struct PNGPixels {
    var width = 0
    var height = 0
    var channels = 0
    var pixels: [UInt8] = []

    struct Unsupported: Error {}

    init(_ bytes: [UInt8]) throws {
        func u32(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
        var i = 8, data: [UInt8] = []
        var colourType = 0
        while i + 8 <= bytes.count {
            let length = u32(i)
            let type = String(decoding: bytes[(i + 4)..<(i + 8)], as: UTF8.self)
            if type == "IHDR" {
                width = u32(i + 8)
                height = u32(i + 12)
                colourType = Int(bytes[i + 17])
                guard bytes[i + 16] == 8, bytes[i + 20] == 0 else { throw Unsupported() }
            }
            if type == "IDAT" { data += bytes[(i + 8)..<(i + 8 + length)] }
            i += 12 + length
        }
        channels = colourType == 6 ? 4 : colourType == 2 ? 3 : 0
        guard channels > 0 else { throw Unsupported() }
        let raw = try Inflate.zlib(data)
        let stride = width * channels
        var previous = [UInt8](repeating: 0, count: stride)
        for row in 0..<height {
            let start = row * (stride + 1)
            let filter = raw[start]
            var line = Array(raw[(start + 1)...(start + stride)])
            for x in 0..<stride {
                let a = x >= channels ? Int(line[x - channels]) : 0
                let b = Int(previous[x])
                let c = x >= channels ? Int(previous[x - channels]) : 0
                let predictor: Int
                switch filter {
                case 0: predictor = 0
                case 1: predictor = a
                case 2: predictor = b
                case 3: predictor = (a + b) / 2
                case 4:
                    let p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c)
                    predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c
                default: throw Unsupported()
                }
                line[x] = UInt8((Int(line[x]) + predictor) & 0xFF)
            }
            pixels += line
            previous = line
        }
    }

    func rgb(_ x: Int, _ y: Int) -> (Int, Int, Int) {
        let i = (y * width + x) * channels
        // cairo writes RGB24 as RGB and ARGB32 as RGBA (un-premultiplied).
        return (Int(pixels[i]), Int(pixels[i + 1]), Int(pixels[i + 2]))
    }
}

/// A small inflate (RFC 1950/1951) for the tests' PNG reader.
enum Inflate {
    struct Bad: Error {}

    static func zlib(_ data: [UInt8]) throws -> [UInt8] {
        guard data.count > 2 else { throw Bad() }
        var reader = Bits(data: data, position: 16)
        var out: [UInt8] = []
        var last = false
        while !last {
            last = try reader.read(1) == 1
            switch try reader.read(2) {
            case 0:
                reader.alignToByte()
                let length = try reader.read(16)
                _ = try reader.read(16)
                for _ in 0..<length { out.append(UInt8(try reader.read(8))) }
            case 1:
                try block(&reader, &out, Huffman.fixedLiterals, Huffman.fixedDistances)
            case 2:
                let hlit = try reader.read(5) + 257, hdist = try reader.read(5) + 1, hclen = try reader.read(4) + 4
                let order = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]
                var lengths = [Int](repeating: 0, count: 19)
                for k in 0..<hclen { lengths[order[k]] = try reader.read(3) }
                let codeLengths = Huffman(lengths)
                var all: [Int] = []
                while all.count < hlit + hdist {
                    let symbol = try codeLengths.decode(&reader)
                    switch symbol {
                    case 0..<16: all.append(symbol)
                    case 16: all += Array(repeating: all.last ?? 0, count: 3 + (try reader.read(2)))
                    case 17: all += Array(repeating: 0, count: 3 + (try reader.read(3)))
                    default: all += Array(repeating: 0, count: 11 + (try reader.read(7)))
                    }
                }
                try block(&reader, &out, Huffman(Array(all[0..<hlit])), Huffman(Array(all[hlit...])))
            default:
                throw Bad()
            }
        }
        return out
    }

    static let lengthBase = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
    static let lengthExtra = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
    static let distanceBase = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073,
                               4097, 6145, 8193, 12289, 16385, 24577]
    static let distanceExtra = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

    static func block(_ reader: inout Bits, _ out: inout [UInt8], _ literals: Huffman, _ distances: Huffman) throws {
        while true {
            let symbol = try literals.decode(&reader)
            if symbol < 256 {
                out.append(UInt8(symbol))
            } else if symbol == 256 {
                return
            } else {
                let k = symbol - 257
                guard k < lengthBase.count else { throw Bad() }
                let length = lengthBase[k] + (try reader.read(lengthExtra[k]))
                let d = try distances.decode(&reader)
                guard d < distanceBase.count else { throw Bad() }
                let distance = distanceBase[d] + (try reader.read(distanceExtra[d]))
                guard distance <= out.count else { throw Bad() }
                for _ in 0..<length { out.append(out[out.count - distance]) }
            }
        }
    }

    struct Bits {
        let data: [UInt8]
        var position: Int

        mutating func read(_ count: Int) throws -> Int {
            var value = 0
            for k in 0..<count {
                guard position / 8 < data.count else { throw Bad() }
                value |= Int(data[position / 8] >> UInt8(position % 8) & 1) << k
                position += 1
            }
            return value
        }

        mutating func alignToByte() { position = (position + 7) / 8 * 8 }
    }

    struct Huffman {
        var counts = [Int](repeating: 0, count: 16)
        var symbols: [Int] = []

        init(_ lengths: [Int]) {
            for l in lengths { counts[l] += 1 }
            counts[0] = 0
            var offsets = [Int](repeating: 0, count: 16)
            for l in 1..<16 { offsets[l] = offsets[l - 1] + counts[l - 1] }
            symbols = [Int](repeating: 0, count: lengths.count)
            for (symbol, l) in lengths.enumerated() where l > 0 {
                symbols[offsets[l]] = symbol
                offsets[l] += 1
            }
        }

        func decode(_ reader: inout Bits) throws -> Int {
            var code = 0, first = 0, index = 0
            for l in 1..<16 {
                code |= try reader.read(1)
                let count = counts[l]
                if code - count < first { return symbols[index + (code - first)] }
                index += count
                first += count
                first <<= 1
                code <<= 1
            }
            throw Bad()
        }

        static let fixedLiterals = Huffman((0..<288).map { $0 < 144 ? 8 : $0 < 256 ? 9 : $0 < 280 ? 7 : 8 })
        static let fixedDistances = Huffman(Array(repeating: 5, count: 30))
    }
}
