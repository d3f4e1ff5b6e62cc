package scoring

import (
	"strconv"
	"strings"
)

// Ref is the place of a cell, a row or a whole sheet in a workbook.
// Row and Col are 1-based; a zero Col means the whole row and a zero Row the
// whole sheet.
type Ref struct {
	File  string `json:"file,omitempty"`
	Sheet string `json:"sheet,omitempty"`
	Row   int    `json:"row,omitempty"`
	Col   int    `json:"col,omitempty"`
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
// quoting in a formula are quoted ('Race Results'!D14).
func (r Ref) String() string {
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
