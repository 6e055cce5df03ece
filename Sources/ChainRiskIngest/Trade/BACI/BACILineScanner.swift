import ChainRiskCore

/// Scans BACI data lines (`t,i,j,k,v,q`) straight from bytes into columns: the hot loop of `BACIColumnReader`.
///
/// It accepts the shape CEPII publishes — unsigned integers for `t`, `i`, `j`, `k`; a decimal number or nothing for
/// `v` and `q`; LF or CRLF line ends; empty lines — and parses every number exactly as `BACIReader` does (values
/// through `NumberParser`'s rules, with its exact-decimal fast path inlined). Anything else (quotes, blanks inside
/// integer fields, signs, a missing or extra field, a code outside the code book) makes `scan` return false without
/// deciding whether the line is valid: the caller then reads the file with `BACIReader`, which either accepts the
/// line or reports the error with its file, line and column.
struct BACILineScanner {
    /// Country codes at or above this are left to `BACIReader` (CEPII codes have three digits).
    static let codeBookSize = 1000

    /// True when the reporter is the importer `j` (import view), false for the exporter `i`.
    let importView: Bool
    /// 10⁰ … 10¹⁵, exact doubles; held by the scanner so that the hot loop reads no lazily initialised global.
    private let powersOfTen: [Double] = (0...15).map { exponent in
        var value = 1.0
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    init(importView: Bool) { self.importView = importView }

    /// Column storage the scanner writes into: one buffer per column, all of `capacity` flows, reused chunk after chunk.
    final class Columns {
        let capacity: Int
        private(set) var count = 0
        private let years: UnsafeMutablePointer<UInt16>
        private let reporters: UnsafeMutablePointer<UInt16>
        private let partners: UnsafeMutablePointer<UInt16>
        private let products: UnsafeMutablePointer<UInt32>
        private let values: UnsafeMutablePointer<Double>

        init(capacity: Int) {
            self.capacity = capacity
            years = .allocate(capacity: capacity)
            reporters = .allocate(capacity: capacity)
            partners = .allocate(capacity: capacity)
            products = .allocate(capacity: capacity)
            values = .allocate(capacity: capacity)
        }

        deinit {
            years.deallocate()
            reporters.deallocate()
            partners.deallocate()
            products.deallocate()
            values.deallocate()
        }

        /// The flows of the last scan as a block (a copy).
        func takeBlock() -> TradeFlowColumns.Block {
            var block = TradeFlowColumns.Block()
            block.years = Array(UnsafeBufferPointer(start: years, count: count))
            block.reporters = Array(UnsafeBufferPointer(start: reporters, count: count))
            block.partners = Array(UnsafeBufferPointer(start: partners, count: count))
            block.products = Array(UnsafeBufferPointer(start: products, count: count))
            block.values = Array(UnsafeBufferPointer(start: values, count: count))
            return block
        }

        /// Scans `start..<end` (see `BACILineScanner.scan`) into the emptied storage.
        func scan(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, with scanner: BACILineScanner) -> Bool {
            var sink = Sink(
                years: years, reporters: reporters, partners: partners, products: products, values: values,
                capacity: capacity, count: 0)
            defer { count = sink.count }
            return scanner.scan(start, end, into: &sink)
        }
    }

    /// Where `scan` stores flows: raw column pointers and a count, so that a row costs five stores and one check.
    struct Sink {
        let years: UnsafeMutablePointer<UInt16>
        let reporters: UnsafeMutablePointer<UInt16>
        let partners: UnsafeMutablePointer<UInt16>
        let products: UnsafeMutablePointer<UInt32>
        let values: UnsafeMutablePointer<Double>
        let capacity: Int
        var count: Int
    }

    /// Stores the flows of the complete lines in `start..<end` in `sink`; false at the first line it does not handle
    /// (or when `sink` is full).
    ///
    /// `start` must be the beginning of a line, and the byte at `end` must be readable and a line feed (a sentinel
    /// the caller writes), so that the loop needs no bounds checks: every field scan stops at that line feed.
    /// - Complexity: O(end − start), no allocation.
    func scan(_ start: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>, into sink: inout Sink) -> Bool {
        var cursor = start
        let powersOfTen = self.powersOfTen
        while cursor < end {
            if cursor[0] == .lineFeed {
                cursor += 1
                continue
            }
            if cursor[0] == .carriageReturn && cursor[1] == .lineFeed {
                cursor += 2
                continue
            }
            guard sink.count < sink.capacity,
                let year = Self.unsigned(&cursor, maxDigits: 5), TradeFlow.plausibleYears.contains(year),
                let exporter = Self.unsigned(&cursor, maxDigits: 9), exporter < Self.codeBookSize,
                let importer = Self.unsigned(&cursor, maxDigits: 9), importer < Self.codeBookSize,
                let product = Self.unsigned(&cursor, maxDigits: 6),
                let value = Self.value(&cursor, terminator: .comma, powersOfTen: powersOfTen),
                Self.value(&cursor, terminator: .lineFeed, powersOfTen: powersOfTen) != nil
            else { return false }
            let row = sink.count
            sink.years[row] = UInt16(year)
            sink.reporters[row] = UInt16(importView ? importer : exporter)
            sink.partners[row] = UInt16(importView ? exporter : importer)
            sink.products[row] = UInt32(product)
            sink.values[row] = value
            sink.count = row + 1
        }
        return true
    }

    /// An unsigned decimal of 1 to `maxDigits` digits followed by a comma, which is consumed; nil otherwise.
    @inline(__always)
    private static func unsigned(_ cursor: inout UnsafePointer<UInt8>, maxDigits: Int) -> Int? {
        var value = 0
        var digits = 0
        while true {
            let digit = cursor[digits] &- .zero
            guard digit <= 9 else { break }
            value = value &* 10 &+ Int(digit)
            digits &+= 1
            if digits > maxDigits { return nil }
        }
        guard digits > 0, cursor[digits] == .comma else { return nil }
        cursor += digits + 1
        return value
    }

    /// A value field up to `terminator` (consumed, with a CR before a final line feed): NaN when empty, the number
    /// when `NumberParser` accepts the trimmed bytes, nil otherwise.
    ///
    /// Plain decimals with at most 15 digits (`12.345`, `-0.5`) take the exact case of `NumberParser.double`
    /// inline — mantissa / 10^fraction digits, correctly rounded because both are exact doubles — so the result is
    /// the same `Double` bit for bit; other forms go through `NumberParser`.
    @inline(__always)
    private static func value(_ cursor: inout UnsafePointer<UInt8>, terminator: UInt8, powersOfTen: [Double]) -> Double?
    {
        let start = cursor
        var position = 0
        let negative = start[0] == .minus
        if negative { position = 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var fractionDigits = -1
        while true {
            let byte = start[position]
            let digit = byte &- .zero
            if digit <= 9 {
                mantissa = mantissa &* 10 &+ UInt64(digit)
                digits &+= 1
                if fractionDigits >= 0 { fractionDigits &+= 1 }
            } else if byte == .period && fractionDigits < 0 {
                fractionDigits = 0
            } else {
                break
            }
            position &+= 1
        }
        var fieldEnd = position
        if terminator == .lineFeed && start[fieldEnd] == .carriageReturn && start[fieldEnd + 1] == .lineFeed {
            fieldEnd += 1
        }
        guard start[fieldEnd] == terminator else { return slowValue(&cursor, terminator: terminator) }
        if digits > 0 && digits <= 15 {
            cursor = start + fieldEnd + 1
            let value = Double(mantissa) / powersOfTen[max(fractionDigits, 0)]
            return negative ? -value : value
        }
        if position == 0 {
            cursor = start + fieldEnd + 1
            return .nan
        }
        return slowValue(&cursor, terminator: terminator)
    }

    /// The general case of `value`: the field's bytes through `NumberParser`, as `CSVReader.double` does.
    private static func slowValue(_ cursor: inout UnsafePointer<UInt8>, terminator: UInt8) -> Double? {
        let start = cursor
        var length = 0
        while start[length] != terminator {
            if start[length] == .lineFeed || start[length] == .comma || start[length] == .quote { return nil }
            length += 1
        }
        var fieldLength = length
        if terminator == .lineFeed && fieldLength > 0 && start[fieldLength - 1] == .carriageReturn { fieldLength -= 1 }
        let trimmed = NumberParser.trim(UnsafeRawBufferPointer(start: start, count: fieldLength))
        let value: Double?
        if trimmed.isEmpty {
            value = .nan
        } else {
            guard let number = NumberParser.double(trimmed) else { return nil }
            value = number
        }
        cursor = start + length + 1
        return value
    }
}

extension UInt8 {
    fileprivate static var lineFeed: UInt8 { UInt8(ascii: "\n") }
    fileprivate static var carriageReturn: UInt8 { UInt8(ascii: "\r") }
    fileprivate static var comma: UInt8 { UInt8(ascii: ",") }
    fileprivate static var period: UInt8 { UInt8(ascii: ".") }
    fileprivate static var minus: UInt8 { UInt8(ascii: "-") }
    fileprivate static var quote: UInt8 { UInt8(ascii: "\"") }
    fileprivate static var zero: UInt8 { UInt8(ascii: "0") }
}
