package ooxml

import (
	"bytes"
	"crypto/rand"
	"fmt"
	"strconv"
)

// RowSplices holds rows of worksheet XML written for the sheets of one
// workbook (by the standings writer), until parallelZip writes the
// package: each sheet is streamed with a placeholder row (Add), which
// parallelZip replaces with the sheet's rows.
type RowSplices struct {
	// marker starts the placeholder text of every sheet of the
	// workbook, followed by the sheet's index in rows. It is random,
	// so that no text of the organiser's can be taken for it.
	marker string
	rows   [][]byte
	done   []bool
}

// NewRowSplices returns an empty set of rows with a marker of its own.
func NewRowSplices() *RowSplices {
	return &RowSplices{marker: "podium rows " + rand.Text() + " "}
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

// check reports a sheet whose rows were not written.
func (s *RowSplices) check() error {
	for i, d := range s.done {
		if !d {
			return fmt.Errorf("the rows of standings sheet %d were not written", i+1)
		}
	}
	return nil
}
