// Package rowscan reads the rows of a workbook's worksheets fast: a
// scanner of the worksheet XML that gives exactly the values of excelize's
// Rows iterator (with RawCellValue), handing over to excelize's own
// iterator wherever it is not sure. The contract reader reads every sheet
// through it.
package rowscan

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// Reading a contract sheet through excelize's Rows iterator costs about 40
// allocations a cell: every element goes through encoding/xml's tokeniser.
// rowScanner reads the worksheet part's bytes directly and gives exactly
// the values excelize's Rows and Columns give with RawCellValue, by the
// same rules (the row and cell numbering, the types b, d, e, n, s, str and
// inlineStr, rich-text runs, entities and character references, line
// endings, _xHHHH_ escapes), call for call. What it is not sure of — a
// comment or CDATA section, an element or attribute the contract sheets
// never hold, a shared string table excelize keeps in a temporary file —
// it does not guess: it hands over to excelize's own iterator, replayed to
// the same row, so the result is excelize's in every case.
//
// TestScannerMatchesExcelize reads every workbook of the project both ways
// and FuzzRowScanner holds it to excelize on arbitrary sheet XML.

// Rows is a row iterator over a sheet: excelize's or the scanner. Its
// methods are those of excelize's Rows; Columns gives raw cell values.
type Rows interface {
	Next() bool
	Columns() ([]string, error)
	Error() error
	Close() error
}

// Reader reads the sheets of one workbook, opened by excelize with
// RawCellValue. It keeps the shared strings the scanner has read; it is
// not safe for concurrent use.
type Reader struct {
	f *excelize.File
	// Whether excelize read the shared strings, their values as read so
	// far, whether excelize holds them in memory, and whether the scanner
	// is off for this workbook.
	sharedStringsRead bool
	sst               []*string
	sstInMemory       bool
	noScan            bool
}

// New returns a Reader of the workbook f, which must have been opened with
// excelize's RawCellValue option.
func New(f *excelize.File) *Reader { return &Reader{f: f} }

// excelizeRows adapts excelize's iterator.
type excelizeRows struct{ *excelize.Rows }

func (r excelizeRows) Columns() ([]string, error) { return r.Rows.Columns() }

// Rows returns an iterator over the named sheet's rows: the scanner when
// the sheet's part is in memory as it was in the file, excelize's Rows
// otherwise.
func (rd *Reader) Rows(sheet string) (Rows, error) {
	if sc := rd.scanner(sheet); sc != nil {
		return sc, nil
	}
	rows, err := rd.f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	return excelizeRows{rows}, nil
}

// scanner returns a rowScanner for the sheet, or nil when excelize must
// read it.
func (rd *Reader) scanner(sheet string) *rowScanner {
	if rd.noScan {
		return nil
	}
	part, ok := rd.sheetPartPath(sheet)
	if !ok {
		return nil
	}
	if _, loaded := rd.f.Sheet.Load(part); loaded {
		return nil // excelize reads its own, possibly edited, copy
	}
	data, ok := rd.part(part)
	if !ok {
		return nil
	}
	if !rd.sharedStringsRead {
		// excelize reads the shared strings on the first Columns call,
		// and fails every call when it cannot: read them as it does.
		rd.sharedStringsRead = true
		rows, err := rd.f.Rows(sheet)
		if err != nil {
			return nil
		}
		_, err = rows.Columns()
		rows.Close()
		if err != nil || rd.f.SharedStrings == nil {
			rd.noScan = true
			return nil
		}
		rd.sst = make([]*string, len(rd.f.SharedStrings.SI))
		_, rd.sstInMemory = rd.f.Pkg.Load("xl/sharedStrings.xml")
	}
	start, name, empty, ok := sheetDataStart(data)
	if !ok {
		return nil
	}
	sc := &rowScanner{rd: rd, sheet: sheet, x: xscan{d: data, p: start}, sheetData: name}
	if empty {
		sc.x.p = len(data)
		sc.ended = true
	}
	return sc
}

// sheetDataStart decodes the worksheet up to its sheetData element as
// excelize's iterator does, and returns the offset after its start tag.
// It reports false when the decoder would fail before, or would meet a
// row element outside sheetData.
func sheetDataStart(data []byte) (start int, name []byte, empty, ok bool) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		before := int(dec.InputOffset())
		tok, err := dec.Token()
		if err != nil {
			return 0, nil, false, false
		}
		if el, isStart := tok.(xml.StartElement); isStart {
			switch el.Name.Local {
			case "row", "c":
				return 0, nil, false, false
			case "sheetData":
				off := int(dec.InputOffset())
				if before >= off || data[before] != '<' {
					return 0, nil, false, false
				}
				x := xscan{d: data, p: before + 1}
				name, _, ok := x.xname()
				if !ok {
					return 0, nil, false, false
				}
				return off, name, bytes.HasSuffix(data[:off], []byte("/>")), true
			}
		}
	}
}

// rowScanner is the scanner's iterator, the state of excelize's Rows
// kept field for field.
type rowScanner struct {
	rd    *Reader
	sheet string
	x     xscan
	// sheetData is the raw name of the sheetData element ("x:sheetData").
	sheetData []byte
	// curRow, seekRow and pending are excelize's curRow, seekRow and token.
	curRow, seekRow int
	pending         *scanEvent
	err             error
	ended           bool // the decoder has no more tokens
	// calls records Next (N) and Columns (C), so that excelize's iterator
	// can be brought to the same place when the scanner hands over.
	calls []byte
	xl    Rows // excelize's iterator, once handed over
	// width is the most cells a row had, to size the next rows' slices.
	width int
}

type eventKind int

const (
	evEOF         eventKind = iota // no more tokens
	evRow                          // a row start tag
	evCell                         // a whole c element
	evUnsupported                  // something the scanner does not read
)

type scanEvent struct {
	kind eventKind
	// hasR and r: the r attribute, of a row or a cell.
	hasR bool
	r    string
	// Of a cell: its type, value (the last v), whether it has a formula
	// and its inline string.
	t      string
	v      string
	hasF   bool
	is     *inlineString
	hasStr bool // is != nil
}

// inlineString is an is element as excelize decodes it: the last t, and
// the last t of each run.
type inlineString struct {
	t    *string
	runs []*string
}

func (s *inlineString) String() string {
	var sb strings.Builder
	if s.t != nil {
		sb.WriteString(*s.t)
	}
	for _, r := range s.runs {
		if r != nil {
			sb.WriteString(*r)
		}
	}
	if sb.Len() == 0 {
		return ""
	}
	return bstrUnmarshal(sb.String())
}

// Next is excelize's Rows.Next.
func (r *rowScanner) Next() bool {
	if r.xl != nil {
		return r.xl.Next()
	}
	r.calls = append(r.calls, 'N')
	r.seekRow++
	if r.curRow >= r.seekRow {
		return true
	}
	for {
		ev := r.next()
		switch ev.kind {
		case evUnsupported:
			return r.handOver().Next()
		case evEOF:
			return false
		case evRow:
			r.curRow++
			n := 0
			if ev.hasR {
				n, _ = strconv.Atoi(ev.r)
			}
			if n > excelize.TotalRows {
				r.err = excelize.ErrMaxRows
				return false
			}
			if n != 0 {
				r.curRow = n
			}
			r.pending = &ev
			return true
		}
	}
}

// Columns is excelize's Rows.Columns with RawCellValue.
func (r *rowScanner) Columns() ([]string, error) {
	if r.xl != nil {
		return r.xl.Columns()
	}
	r.calls = append(r.calls, 'C')
	if r.curRow > r.seekRow {
		return nil, nil
	}
	var cells []string // nil for a row without cells, as excelize's
	col := 0
	defer func() { r.width = max(r.width, len(cells)) }()
	for {
		var ev scanEvent
		fromPending := r.pending != nil
		if fromPending {
			ev = *r.pending
		} else {
			ev = r.next()
		}
		switch ev.kind {
		case evUnsupported:
			return r.handOver().Columns()
		case evEOF:
			return cells, nil
		case evRow:
			n := 0
			var err error
			if ev.hasR {
				n, err = strconv.Atoi(ev.r)
			}
			if n != 0 {
				r.curRow = n
			} else if !fromPending {
				r.curRow++
			}
			r.pending = nil
			if r.curRow > r.seekRow || err != nil {
				return cells, err
			}
		case evCell:
			col++
			if ev.r != "" { // excelize ignores an empty r
				c, err := cellColumn(ev.r)
				if err != nil {
					return cells, err
				}
				col = c
			}
			val, ok := r.value(&ev)
			if !ok {
				return r.handOver().Columns()
			}
			if val != "" || ev.hasF {
				if cells == nil {
					cells = make([]string, 0, max(r.width, col))
				}
				blank := col - len(cells)
				for i := 1; i < blank; i++ {
					cells = append(cells, "")
				}
				cells = append(cells, val)
			}
		}
	}
}

// Error is excelize's Rows.Error.
func (r *rowScanner) Error() error {
	if r.xl != nil {
		return r.xl.Error()
	}
	return r.err
}

// Close is excelize's Rows.Close.
func (r *rowScanner) Close() error {
	if r.xl != nil {
		return r.xl.Close()
	}
	return r.err
}

// handOver replaces the scanner with excelize's iterator, brought to the
// place the scanner was before the current call by the same calls.
func (r *rowScanner) handOver() Rows {
	calls := r.calls[:len(r.calls)-1]
	rows, err := r.rd.f.Rows(r.sheet)
	if err != nil {
		r.xl = &failedRows{err: err}
		return r.xl
	}
	r.xl = excelizeRows{rows}
	for _, c := range calls {
		if c == 'N' {
			r.xl.Next()
		} else {
			r.xl.Columns()
		}
	}
	return r.xl
}

// failedRows is an iterator that could not be made.
type failedRows struct{ err error }

func (f *failedRows) Next() bool                 { return false }
func (f *failedRows) Columns() ([]string, error) { return nil, f.err }
func (f *failedRows) Error() error               { return f.err }
func (f *failedRows) Close() error               { return f.err }

// value is excelize's getValueFrom with RawCellValue; false when the
// value is in a shared string table excelize keeps outside memory.
func (r *rowScanner) value(ev *scanEvent) (string, bool) {
	switch ev.t {
	case "s":
		if ev.v == "" {
			return "", true
		}
		i, _ := strconv.Atoi(strings.TrimSpace(ev.v))
		if !r.rd.sstInMemory {
			return "", false
		}
		if i < 0 || i >= len(r.rd.sst) {
			return "", true
		}
		if p := r.rd.sst[i]; p != nil {
			return *p, true
		}
		s := r.rd.f.SharedStrings.SI[i].String()
		r.rd.sst[i] = &s
		return s, true
	case "inlineStr":
		if ev.hasStr {
			return ev.is.String(), true
		}
	}
	return ev.v, true
}

// cellColumn is the column of excelize's CellNameToCoordinates, reading
// the common form (capital letters, then a row number) itself.
func cellColumn(ref string) (int, error) {
	col, i := 0, 0
	for i < len(ref) && i < 3 && ref[i] >= 'A' && ref[i] <= 'Z' {
		col = col*26 + int(ref[i]-'A'+1)
		i++
	}
	digits := ref[i:]
	simple := i > 0 && col <= excelize.MaxColumns && len(digits) > 0 && len(digits) <= 7 && digits[0] != '0'
	row := 0
	for j := 0; simple && j < len(digits); j++ {
		if digits[j] < '0' || digits[j] > '9' {
			simple = false
			break
		}
		row = row*10 + int(digits[j]-'0')
	}
	if simple && row <= excelize.TotalRows {
		return col, nil
	}
	c, _, err := excelize.CellNameToCoordinates(ref)
	return c, err
}

// next reads the next token excelize's iterator acts on: a row start tag
// or a whole cell; the end of sheetData and everything after read as the
// end (the part after sheetData is checked to hold no row).
func (r *rowScanner) next() scanEvent {
	if r.ended {
		return scanEvent{kind: evEOF}
	}
	unsupported := scanEvent{kind: evUnsupported}
	for {
		if !r.x.skipText() {
			return unsupported
		}
		if r.x.p >= len(r.x.d) {
			return unsupported // sheetData not closed: the decoder fails
		}
		tag, ok := r.x.tag()
		if !ok {
			return unsupported
		}
		switch {
		case tag.end && string(tag.local) == "sheetData" && len(r.x.open) == 0:
			if !bytes.Equal(tag.name, r.sheetData) || hasRowTag(r.x.d[r.x.p:]) {
				return unsupported
			}
			r.ended = true
			return scanEvent{kind: evEOF}
		case tag.end && string(tag.local) == "row" && len(r.x.open) == 1:
			if !bytes.Equal(tag.name, r.x.open[0]) {
				return unsupported
			}
			r.x.open = r.x.open[:0]
		case !tag.end && string(tag.local) == "row" && len(r.x.open) == 0:
			ev := scanEvent{kind: evRow}
			if !allValid(tag.attrs) {
				return unsupported
			}
			for _, a := range tag.attrs {
				if string(a.local) != "r" {
					continue
				}
				if ev.hasR {
					return unsupported // repeated
				}
				v, ok := attrValue(a.val)
				if !ok {
					return unsupported
				}
				ev.hasR, ev.r = true, v
			}
			if !tag.empty {
				r.x.open = append(r.x.open, tag.name)
			}
			return ev
		case !tag.end && string(tag.local) == "c" && len(r.x.open) == 1:
			return r.cell(tag)
		default:
			return unsupported
		}
	}
}

// hasRowTag reports whether XML may hold a row element (rowBreaks, after
// sheetData, is not one).
func hasRowTag(data []byte) bool {
	for {
		i := bytes.Index(data, []byte("row"))
		if i < 0 {
			return false
		}
		if i > 0 && (data[i-1] == '<' || data[i-1] == ':') && (i+3 >= len(data) || !nameByteASCII(data[i+3]) && data[i+3] < 0x80) {
			return true
		}
		data = data[i+3:]
	}
}

// cell reads a c element whose start tag was read.
func (r *rowScanner) cell(tag xtag) scanEvent {
	unsupported := scanEvent{kind: evUnsupported}
	ev := scanEvent{kind: evCell}
	var seen [3]bool
	for _, a := range tag.attrs {
		k := -1
		switch string(a.local) {
		case "r":
			k = 0
		case "s":
			k = 1
		case "t":
			k = 2
		}
		if k < 0 {
			if !validAttr(a.val) {
				return unsupported
			}
			continue
		}
		if seen[k] {
			return unsupported
		}
		seen[k] = true
		v, ok := attrValue(a.val)
		if !ok {
			return unsupported
		}
		switch k {
		case 0:
			ev.hasR, ev.r = true, v
		case 1:
			if _, err := strconv.ParseInt(v, 10, 64); err != nil {
				return unsupported // excelize stops reading the cell
			}
		case 2:
			ev.t = v
		}
	}
	if tag.empty {
		return ev
	}
	name := tag.name
	for {
		if !r.x.skipText() || r.x.p >= len(r.x.d) {
			return unsupported
		}
		child, ok := r.x.tag()
		if !ok {
			return unsupported
		}
		if child.end {
			if !bytes.Equal(child.name, name) {
				return unsupported
			}
			return ev
		}
		switch string(child.local) {
		case "v":
			v, ok := r.x.element(child)
			if !ok {
				return unsupported
			}
			ev.v = v
		case "f":
			if !formulaAttrs(child.attrs) {
				return unsupported
			}
			if _, ok := r.x.element(child); !ok {
				return unsupported
			}
			ev.hasF = true
		case "is":
			is, ok := r.inline(child)
			if !ok {
				return unsupported
			}
			ev.is, ev.hasStr = is, true
		default:
			return unsupported
		}
	}
}

// inline reads an is element (as excelize decodes it into a string item).
func (r *rowScanner) inline(tag xtag) (*inlineString, bool) {
	is := &inlineString{}
	if !allValid(tag.attrs) {
		return nil, false
	}
	if tag.empty {
		return is, true
	}
	for {
		if !r.x.skipText() || r.x.p >= len(r.x.d) {
			return nil, false
		}
		child, ok := r.x.tag()
		if !ok {
			return nil, false
		}
		if child.end {
			return is, bytes.Equal(child.name, tag.name)
		}
		switch string(child.local) {
		case "t":
			t, ok := r.x.textElement(child)
			if !ok {
				return nil, false
			}
			is.t = &t
		case "r":
			run, ok := r.run(child)
			if !ok {
				return nil, false
			}
			is.runs = append(is.runs, run)
		case "rPh":
			for _, a := range child.attrs {
				if l := string(a.local); (l == "sb" || l == "eb") && !smallUint(a.val) || !validAttr(a.val) {
					return nil, false
				}
			}
			if _, ok := r.run(child); !ok {
				return nil, false
			}
		default:
			return nil, false
		}
	}
}

// run reads a rich-text run (or a phonetic run) and returns its last t.
func (r *rowScanner) run(tag xtag) (*string, bool) {
	if !allValid(tag.attrs) {
		return nil, false
	}
	var t *string
	if tag.empty {
		return nil, true
	}
	for {
		if !r.x.skipText() || r.x.p >= len(r.x.d) {
			return nil, false
		}
		child, ok := r.x.tag()
		if !ok {
			return nil, false
		}
		if child.end {
			return t, bytes.Equal(child.name, tag.name)
		}
		if string(child.local) != "t" {
			// Run properties are decoded into typed fields, which fail on
			// values excelize cannot read: left to excelize.
			return nil, false
		}
		s, ok := r.x.textElement(child)
		if !ok {
			return nil, false
		}
		t = &s
	}
}

// formulaAttrs reports whether an f element's attributes decode without
// error into excelize's formula.
func formulaAttrs(attrs []xattr) bool {
	for _, a := range attrs {
		if !validAttr(a.val) {
			return false
		}
		switch string(a.local) {
		case "aca", "dt2D", "dtr", "del1", "del2", "ca", "bx":
			switch string(a.val) {
			case "0", "1", "true", "false":
			default:
				return false
			}
		case "si":
			if !smallUint(a.val) {
				return false
			}
		}
	}
	return true
}

func smallUint(b []byte) bool {
	if len(b) == 0 || len(b) > 9 {
		return false
	}
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func allValid(attrs []xattr) bool {
	for _, a := range attrs {
		if !validAttr(a.val) {
			return false
		}
	}
	return true
}

// validAttr reports whether an attribute value decodes without error.
func validAttr(raw []byte) bool {
	_, ok := attrValue(raw)
	return ok
}

// attrValue decodes an attribute value; false when the decoder would
// fail or the scanner is not sure.
func attrValue(raw []byte) (string, bool) {
	if bytes.IndexByte(raw, '<') >= 0 {
		return "", false
	}
	return decodeXMLText(raw)
}

// bstrPattern is excelize's escape of a character XML cannot hold.
var bstrPattern = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal is excelize's: it turns _xHHHH_ into the character.
func bstrUnmarshal(s string) (result string) {
	if !strings.Contains(s, "_x") {
		return s
	}
	matches, l, cursor := bstrPattern.FindAllStringSubmatchIndex(s, -1), len(s), 0
	for _, match := range matches {
		result += s[cursor:match[0]]
		subStr := s[match[0]:match[1]]
		if subStr == "_x005F_" {
			cursor = match[1]
			result += "_"
			continue
		}
		if bstrPattern.MatchString(subStr) {
			cursor = match[1]
			v, _ := strconv.Unquote(`"\u` + s[match[0]+2:match[1]-1] + `"`)
			result += v
		}
	}
	if cursor < l {
		result += s[cursor:]
	}
	return result
}

// xscan reads XML bytes as encoding/xml's decoder would, for the subset
// spreadsheet programs write; ok false means "not sure".
type xscan struct {
	d    []byte
	p    int
	open [][]byte // the raw names of the open elements below sheetData
	// attrs is reused for each tag's attributes.
	attrs []xattr
}

// xtag is a start or end tag.
type xtag struct {
	name, local []byte
	attrs       []xattr
	empty, end  bool
}

type xattr struct{ local, val []byte }

// skipText reads character data up to the next tag, which must decode.
func (x *xscan) skipText() bool {
	start := x.p
	for x.p < len(x.d) {
		switch x.d[x.p] {
		case ' ', '\n', '\r', '\t':
			x.p++
			continue
		case '<':
			return true
		}
		lt := bytes.IndexByte(x.d[x.p:], '<')
		if lt < 0 {
			lt = len(x.d) - x.p
		}
		x.p += lt
		_, ok := decodeXMLText(x.d[start:x.p])
		return ok
	}
	return true
}

func nameByteASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.' || c == ':'
}

// xname reads a name: ASCII, at most one colon, neither first nor last.
func (x *xscan) xname() (name, local []byte, ok bool) {
	start := x.p
	if x.p >= len(x.d) {
		return nil, nil, false
	}
	if c := x.d[x.p]; !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_') {
		return nil, nil, false
	}
	colon := -1
	for x.p < len(x.d) && nameByteASCII(x.d[x.p]) {
		if x.d[x.p] == ':' {
			if colon >= 0 {
				return nil, nil, false
			}
			colon = x.p
		}
		x.p++
	}
	if x.p < len(x.d) && x.d[x.p] >= 0x80 {
		return nil, nil, false
	}
	name = x.d[start:x.p]
	local = name
	if colon >= 0 {
		if colon == x.p-1 {
			return nil, nil, false
		}
		local = x.d[colon+1 : x.p]
	}
	return name, local, true
}

func (x *xscan) space() {
	for x.p < len(x.d) {
		switch x.d[x.p] {
		case ' ', '\n', '\r', '\t':
			x.p++
			continue
		}
		return
	}
}

// tag reads a start or end tag at x.p ('<'); comments, CDATA sections,
// processing instructions and declarations are not read.
func (x *xscan) tag() (xtag, bool) {
	var t xtag
	x.p++ // <
	if x.p >= len(x.d) {
		return t, false
	}
	if x.d[x.p] == '/' {
		x.p++
		name, local, ok := x.xname()
		if !ok {
			return t, false
		}
		x.space()
		if x.p >= len(x.d) || x.d[x.p] != '>' {
			return t, false
		}
		x.p++
		return xtag{name: name, local: local, end: true}, true
	}
	name, local, ok := x.xname()
	if !ok {
		return t, false
	}
	t.name, t.local = name, local
	x.attrs = x.attrs[:0]
	for {
		x.space()
		if x.p >= len(x.d) {
			return t, false
		}
		switch x.d[x.p] {
		case '>':
			x.p++
			t.attrs = x.attrs
			return t, true
		case '/':
			if x.p+1 >= len(x.d) || x.d[x.p+1] != '>' {
				return t, false
			}
			x.p += 2
			t.empty = true
			t.attrs = x.attrs
			return t, true
		}
		_, alocal, ok := x.xname()
		if !ok {
			return t, false
		}
		x.space()
		if x.p >= len(x.d) || x.d[x.p] != '=' {
			return t, false
		}
		x.p++
		x.space()
		if x.p >= len(x.d) || x.d[x.p] != '"' && x.d[x.p] != '\'' {
			return t, false
		}
		q := x.d[x.p]
		end := bytes.IndexByte(x.d[x.p+1:], q)
		if end < 0 {
			return t, false
		}
		x.attrs = append(x.attrs, xattr{local: alocal, val: x.d[x.p+1 : x.p+1+end]})
		x.p += end + 2
	}
}

// element reads the text of an element whose start tag was read, as
// encoding/xml decodes it into a string; nested elements are not read.
func (x *xscan) element(t xtag) (string, bool) {
	if !allValid(t.attrs) {
		return "", false
	}
	if t.empty {
		return "", true
	}
	lt := bytes.IndexByte(x.d[x.p:], '<')
	if lt < 0 {
		return "", false
	}
	raw := x.d[x.p : x.p+lt]
	x.p += lt
	end, ok := x.tag()
	if !ok || !end.end || !bytes.Equal(end.name, t.name) {
		return "", false
	}
	return decodeXMLText(raw)
}

// textElement reads a t element (its xml:space attribute changes nothing
// in what excelize reads).
func (x *xscan) textElement(t xtag) (string, bool) { return x.element(t) }

// decodeXMLText decodes character data as encoding/xml does: entities and
// character references, line endings to \n; false on anything the
// decoder refuses or the scanner is not sure of.
func decodeXMLText(raw []byte) (string, bool) {
	plain := true
	for _, c := range raw {
		if c < 0x20 || c == '&' || c >= 0x80 || c == '>' {
			plain = false
			break
		}
	}
	if plain {
		return string(raw), true
	}
	if bytes.Contains(raw, []byte("]]>")) {
		return "", false
	}
	var out []byte
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		switch {
		case c == '&':
			semi := bytes.IndexByte(raw[i:], ';')
			if semi < 0 {
				return "", false
			}
			ref := string(raw[i+1 : i+semi])
			i += semi
			var r rune
			switch ref {
			case "lt":
				r = '<'
			case "gt":
				r = '>'
			case "amp":
				r = '&'
			case "apos":
				r = '\''
			case "quot":
				r = '"'
			default:
				if len(ref) < 2 || ref[0] != '#' {
					return "", false
				}
				base, ds := 10, ref[1:]
				if ds[0] == 'x' {
					base, ds = 16, ds[1:]
				}
				if ds == "" || len(ds) > 8 {
					return "", false
				}
				for _, d := range []byte(ds) {
					if !(d >= '0' && d <= '9' || base == 16 && (d >= 'a' && d <= 'f' || d >= 'A' && d <= 'F')) {
						return "", false
					}
				}
				n, err := strconv.ParseUint(ds, base, 32)
				if err != nil || !ooxml.XMLChar(rune(n)) || n >= 0xD800 && n <= 0xDFFF {
					return "", false
				}
				r = rune(n)
			}
			out = utf8.AppendRune(out, r)
		case c == '\r':
			out = append(out, '\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case c < 0x80:
			if c < 0x20 && c != '\t' && c != '\n' {
				return "", false
			}
			out = append(out, c)
		default:
			r, size := utf8.DecodeRune(raw[i:])
			if r == utf8.RuneError && size == 1 || !ooxml.XMLChar(r) {
				return "", false
			}
			out = append(out, raw[i:i+size]...)
			i += size - 1
		}
	}
	return string(out), true
}
