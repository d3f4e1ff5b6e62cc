package ooxml

import (
	"bytes"
	"crypto/rand"
	"encoding/binary"
	"fmt"
	"strconv"
)

// RowSplices holds rows of worksheet XML written for the sheets of one
// workbook (by the standings writer), until parallelZip writes the
// package: each sheet is streamed with a placeholder row (Add), which
// parallelZip replaces with the sheet's rows. It holds runs of cells too,
// for sheets excelize writes from memory: a placeholder number cell
// (AddCells) that parallelZip replaces with the run.
type RowSplices struct {
	// marker starts the placeholder text of every sheet of the
	// workbook, followed by the sheet's index in rows. It is random,
	// so that no text of the organiser's can be taken for it.
	marker string
	rows   [][]byte
	done   []bool
	// cellBase is the number the first placeholder cell holds (see
	// AddCells): a random multiple of a million of 16 digits, below 2^53
	// (so that it is written exactly), the next ones adding their index
	// in cells to its last six digits. cellMark is what a placeholder
	// cell's XML holds of it: the end of its start tag and its value's
	// first ten digits.
	cellBase  int64
	cellMark  []byte
	cells     [][]byte
	cellsDone []bool
}

// maxCellSplices is how many placeholder cells a workbook can have: the
// last six digits of their numbers.
const maxCellSplices = 1_000_000

// NewRowSplices returns an empty set of rows with a marker of its own.
func NewRowSplices() *RowSplices {
	var r [8]byte
	rand.Read(r[:])
	// 4,000,000,000,000,000 to 8,999,999,999,000,000, below 2^53.
	base := (4_000_000_000 + int64(binary.LittleEndian.Uint64(r[:])%5_000_000_000)) * maxCellSplices
	mark := append([]byte(`"><v>`), strconv.FormatInt(base, 10)[:10]...)
	return &RowSplices{marker: "podium rows " + rand.Text() + " ", cellBase: base, cellMark: mark}
}

// AddCells keeps the XML of a run of cells for a sheet written cell by
// cell (not streamed), as excelize writes such cells, and returns the
// number to set in the placeholder cell they replace: the first of the
// run, which must have no style.
func (s *RowSplices) AddCells(cells []byte) (float64, error) {
	if len(s.cells) == maxCellSplices {
		return 0, fmt.Errorf("more than %d runs of cells in one workbook", maxCellSplices)
	}
	s.cells = append(s.cells, cells)
	s.cellsDone = append(s.cellsDone, false)
	return float64(s.cellBase + int64(len(s.cells)-1)), nil
}

// spliceCells returns data, a part of a sheet written cell by cell whole,
// with its placeholder cells (<c r="B3"><v>number</v></c>) replaced by
// their cells; data itself when it holds none.
func (s *RowSplices) spliceCells(data []byte) ([]byte, error) {
	at := bytes.Index(data, s.cellMark)
	if at < 0 {
		return data, nil
	}
	out := make([]byte, 0, len(data)+len(data)/2)
	last := 0
	for at >= 0 {
		start := bytes.LastIndex(data[last:at], []byte(`<c r="`))
		digits := at + len(s.cellMark)
		end := bytes.Index(data[digits:], []byte(`</v></c>`))
		if start < 0 || end != 6 || bytes.IndexByte(data[last+start+len(`<c r="`):at], '"') >= 0 {
			return nil, fmt.Errorf("a placeholder cell %q of a standings sheet is not podium's", data[at:min(len(data), digits+16)])
		}
		id, err := strconv.Atoi(string(data[digits : digits+6]))
		if err != nil || id >= len(s.cells) || s.cellsDone[id] {
			return nil, fmt.Errorf("a placeholder cell %q of a standings sheet is not podium's", data[at:digits+6])
		}
		s.cellsDone[id] = true
		out = append(out, data[last:last+start]...)
		out = append(out, s.cells[id]...)
		s.cells[id] = nil
		last = digits + 6 + len(`</v></c>`)
		if at = bytes.Index(data[last:], s.cellMark); at >= 0 {
			at += last
		}
	}
	return append(out, data[last:]...), nil
}

// Add keeps a sheet's data — its columns if any, then SheetDataTag and its
// rows — and returns the text of its placeholder cell.
func (s *RowSplices) Add(rows []byte) string {
	s.rows = append(s.rows, rows)
	s.done = append(s.done, false)
	return s.marker + strconv.Itoa(len(s.rows)-1)
}

// SheetDataTag starts a sheet's data.
const SheetDataTag = `<sheetData>`

// placeholderRow is the start of the sheet's data as SetRow writes it for
// the placeholder cell in a sheet streamed without columns; the marker
// follows. It is replaced, from its start, by the sheet's data (Add).
const placeholderRow = SheetDataTag + `<row r="1"><c r="A1" t="inlineStr"><is><t>`

// placeholderEnd ends the placeholder row.
const placeholderEnd = `</t></is></c></row>`

// splice finds a placeholder row in head, the start of a sheet part, and
// returns the part's start with the placeholder replaced by its data
// (before, rows, after). found is false when head holds no placeholder
// (yet).
func (s *RowSplices) splice(head []byte) (before, rows, after []byte, found bool, err error) {
	start := bytes.Index(head, []byte(placeholderRow+s.marker))
	if start < 0 {
		return nil, nil, nil, false, nil
	}
	idText := head[start+len(placeholderRow)+len(s.marker):]
	n := bytes.IndexByte(idText, '<')
	if n < 0 || !bytes.HasPrefix(idText[n:], []byte(placeholderEnd)) {
		return nil, nil, nil, false, nil // not all of it yet
	}
	id, convErr := strconv.Atoi(string(idText[:n]))
	if convErr != nil || id < 0 || id >= len(s.rows) || s.done[id] {
		return nil, nil, nil, false, fmt.Errorf("a standings sheet's placeholder %q is not podium's", idText[:n])
	}
	s.done[id] = true
	end := start + len(placeholderRow) + len(s.marker) + n + len(placeholderEnd)
	rows, s.rows[id] = s.rows[id], nil
	return head[:start], rows, head[end:], true, nil
}

// check reports a sheet whose rows or cells were not written.
func (s *RowSplices) check() error {
	for i, d := range s.done {
		if !d {
			return fmt.Errorf("the rows of standings sheet %d were not written", i+1)
		}
	}
	for i, d := range s.cellsDone {
		if !d {
			return fmt.Errorf("the cells of standings run %d were not written", i+1)
		}
	}
	return nil
}
