package scoring

import (
	"strconv"
	"strings"
)

// Ref is the place of a problem: a cell, a row or a whole sheet in a
// workbook, or a field, a line or the whole of a text file (a timing
// system's CSV). Row, Line and Col are 1-based; a zero Col means the whole
// row or line, a zero Row the whole sheet, and a zero Line the whole text
// file. A Ref with a Line, or with a File but no Sheet and no Row, is a
// place in a text file.
type Ref struct {
	File  string `json:"file,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row,omitempty"`
	Col   int    `json:"col,omitempty"`
	// Line is the line of a text file (the row when the file is opened in
	// a spreadsheet); Col is then the field's number on the line.
	Line int `json:"line,omitempty"`
	// Field is the header of a text file's column Col, as written.
	Field string `json:"field,omitempty"`
}

// InText reports whether r is a place in a text file rather than in a
// workbook.
func (r Ref) InText() bool {
	return r.Line > 0 || r.File != "" && r.Sheet == "" && r.Row == 0
}

// Cell returns the A1 reference of r ("D14"), "14" for a whole row, or "" for
// a whole sheet.
func (r Ref) Cell() string {
	switch {
	case r.Row <= 0:
		return ""
	case r.Col <= 0:
		return strconv.Itoa(r.Row) + ":" + strconv.Itoa(r.Row) // a whole row, as Excel writes it
	}
	return ColumnName(r.Col) + strconv.Itoa(r.Row)
}

// String renders r the way spreadsheet formulas do: "Results!D14",
// "Results!14:14" for a row, or "Results" for a sheet. Sheet names that need
// quoting in a formula are quoted ('Race Results'!D14). A place in a text
// file is its name and line, with the field's cell and header when known:
// "race.csv", "race.csv:14", "race.csv:14 (cell E14, LAPS)".
func (r Ref) String() string {
	if r.InText() {
		return r.textPlace()
	}
	sheet := r.Sheet
	if needsQuoting(sheet) {
		sheet = "'" + strings.ReplaceAll(sheet, "'", "''") + "'"
	}
	if c := r.Cell(); c != "" {
		if sheet == "" {
			return c
		}
		return sheet + "!" + c
	}
	return sheet
}

// textPlace renders a place in a text file: the file, its line, and the
// field as the cell it is when the file is opened in a spreadsheet, with
// its header.
func (r Ref) textPlace() string {
	if r.Line <= 0 {
		return r.File
	}
	place := r.File + ":" + strconv.Itoa(r.Line)
	switch {
	case r.Col > 0 && r.Field != "":
		place += " (cell " + ColumnName(r.Col) + strconv.Itoa(r.Line) + ", " + r.Field + ")"
	case r.Col > 0:
		place += " (cell " + ColumnName(r.Col) + strconv.Itoa(r.Line) + ")"
	}
	return place
}

func needsQuoting(sheet string) bool {
	for _, r := range sheet {
		if !(r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127) {
			return true
		}
	}
	return false
}

// ColumnName returns the spreadsheet letters of the 1-based column n
// (1 → "A", 27 → "AA"). It returns "" for n < 1.
func ColumnName(n int) string {
	if n < 1 {
		return ""
	}
	var b [8]byte
	i := len(b)
	for n > 0 {
		n--
		i--
		b[i] = byte('A' + n%26)
		n /= 26
	}
	return string(b[i:])
}

// Origin records where a record was read from: the sheet, the row and the
// column of each field. The Cols map is shared by all rows of one sheet.
type Origin struct {
	File  string
	Sheet string
	Row   int
	// Cols maps a canonical column name (as defined by the workbook
	// contract, e.g. "Pos") to its 1-based column number.
	Cols map[string]int
}

// At returns the reference of the cell holding the field named col in this
// record's row, or the whole row when the column is not present.
func (o Origin) At(col string) Ref {
	return Ref{File: o.File, Sheet: o.Sheet, Row: o.Row, Col: o.Cols[col]}
}

// RowRef returns the reference of the record's whole row.
func (o Origin) RowRef() Ref {
	return Ref{File: o.File, Sheet: o.Sheet, Row: o.Row}
}
