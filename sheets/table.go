package sheets

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// table is a contract sheet as read: its header row and its non-blank data
// rows, with the values of the contract's columns only.
type table struct {
	def  templates.Sheet
	name string // the sheet's name in the workbook
	file string
	// header is the 1-based row number of the header row.
	header int
	// width is the number of cells of the header row, headed or not.
	width int
	// cols maps canonical column names to 1-based column numbers; shared
	// by the Origin of every row.
	cols map[string]int
	// index is the column number of each def.Columns entry (0 = absent).
	index []int
	rows  []tableRow
}

type tableRow struct {
	n int
	// vals holds the cleaned text of each def.Columns entry.
	vals []string
}

func (t *table) origin(r tableRow) scoring.Origin {
	return scoring.Origin{File: t.file, Sheet: t.name, Row: r.n, Cols: t.cols}
}

// value returns the cleaned text of column col in row r ("" when the column
// is absent).
func (t *table) value(r tableRow, col string) string {
	for i, c := range t.def.Columns {
		if c.Name == col {
			return r.vals[i]
		}
	}
	return ""
}

// has reports whether the sheet has column col.
func (t *table) has(col string) bool { return t.cols[col] > 0 }

// readTable reads the sheet named name as the contract sheet def, reporting
// problems with the sheet's layout and cells to diags. It returns nil when
// the sheet cannot be used (no header row with the required columns).
// Cells it reports as unreadable are added to invalid.
func (w *Workbook) readTable(name string, def templates.Sheet, diags *scoring.Diagnostics, invalid map[scoring.Ref]bool) (*table, error) {
	rows, err := w.scan.Rows(name)
	if err != nil {
		return nil, w.corrupt(name, err)
	}
	defer rows.Close()
	t := &table{def: def, name: name, file: w.Path, index: make([]int, len(def.Columns))}
	sheetRef := scoring.Ref{File: w.Path, Sheet: name}
	type candidate struct {
		row     int
		cells   []string
		matched int
	}
	var best candidate
	rowNum, dataRows := 0, 0
	// Blank cells are kept only for a sheet that may hold formulas (see
	// checkFormulas): in a big Results sheet most Status, Pole and Note
	// cells are blank.
	facts, raw := w.rawSheetFacts(name)
	formulas := !raw || facts.hasFormula
	var blanks []blankCell
	var vals []string // the block rows' values are cut from (see newVals)
	for rows.Next() {
		rowNum++
		w.progress.addRow()
		cells, err := rows.Columns()
		if err != nil {
			return nil, w.corrupt(name, err)
		}
		if t.header == 0 {
			if rowNum > templates.HeaderSearchRows {
				break
			}
			matched, complete := t.matchHeader(cells)
			if matched > best.matched {
				best = candidate{rowNum, cells, matched}
			}
			if complete {
				t.header, t.width = rowNum, len(cells)
				t.setHeader(cells, rowNum, diags)
			}
			continue
		}
		vals = newVals(vals, len(def.Columns))
		r := tableRow{n: rowNum, vals: vals[len(vals)-len(def.Columns) : len(vals) : len(vals)]}
		blank := true
		for i, col := range t.index {
			if col == 0 || col > len(cells) {
				continue
			}
			v := cells[col-1]
			if len(v) > w.limits.MaxCellChars {
				diags.Errorf(scoring.Ref{File: w.Path, Sheet: name, Row: rowNum, Col: col}, scoring.CodeTooLong, hintShorten,
					"the cell holds %d characters; podium reads at most %d", len(v), w.limits.MaxCellChars)
				v = v[:w.limits.MaxCellChars]
			}
			r.vals[i] = scoring.CleanText(v)
			if c := def.Columns[i]; isName(c) && utf8.RuneCountInString(r.vals[i]) > maxNameChars {
				diags.Errorf(scoring.Ref{File: w.Path, Sheet: name, Row: rowNum, Col: col}, scoring.CodeTooLong, hintNameAlone,
					"%s is %d characters long; podium accepts up to %d here", strings.ToLower(c.Name[:1])+c.Name[1:], utf8.RuneCountInString(r.vals[i]), maxNameChars)
				r.vals[i] = string([]rune(r.vals[i])[:maxNameChars])
			}
			if r.vals[i] != "" {
				blank = false
			} else if formulas {
				// A formula without a saved result reads as blank too.
				blanks = append(blanks, blankCell{len(t.rows), i})
			}
		}
		if blank {
			// This row's blanks are the last ones listed.
			for len(blanks) > 0 && blanks[len(blanks)-1].row == len(t.rows) {
				blanks = blanks[:len(blanks)-1]
			}
			vals = vals[:len(vals)-len(def.Columns)] // all blank: the next row's
			continue
		}
		dataRows++
		if dataRows > w.limits.MaxRows {
			diags.Errorf(scoring.Ref{File: w.Path, Sheet: name, Row: rowNum}, scoring.CodeTooManyRows, hintTooManyRows,
				"the sheet has more than %d rows with data; podium stopped reading here", w.limits.MaxRows)
			break
		}
		t.rows = append(t.rows, r)
	}
	if err := rows.Error(); err != nil {
		return nil, w.corrupt(name, err)
	}
	if t.header == 0 {
		t.reportMissingHeader(best.row, best.cells, sheetRef, diags)
		return nil, nil
	}
	if err := w.fillMerged(t, facts, raw); err != nil {
		return nil, err
	}
	if formulas {
		if err := w.checkFormulas(t, blanks, diags, invalid); err != nil {
			return nil, err
		}
	}
	return t, nil
}

type blankCell struct{ row, col int } // index into t.rows and def.Columns

// valsBlock is how many values a block of newVals holds.
const valsBlock = 4096

// newVals extends block by n blank values, in a new block when it has no
// room: one allocation for hundreds of rows rather than one a row. The n
// values end the result (a row takes them with its capacity cut, so that
// an append to its values never writes into the next row's).
func newVals(block []string, n int) []string {
	if len(block)+n > cap(block) {
		block = make([]string, 0, max(valsBlock, n))
	}
	return block[:len(block)+n]
}

// matchHeader counts the contract columns a row's cells name and reports
// whether every required column is among them.
func (t *table) matchHeader(cells []string) (matched int, complete bool) {
	found := make([]bool, len(t.def.Columns))
	for _, cell := range cells {
		key := templates.Normalize(cell)
		if key == "" {
			continue
		}
		for i, c := range t.def.Columns {
			if !found[i] && c.Matches(key) {
				found[i] = true
				matched++
				break
			}
		}
	}
	complete = true
	for i, c := range t.def.Columns {
		if c.Required && !found[i] {
			complete = false
		}
	}
	return matched, complete
}

// setHeader maps the header row's cells to contract columns, reporting
// columns given twice and headers that look like a mistyped column name.
func (t *table) setHeader(cells []string, row int, diags *scoring.Diagnostics) {
	t.cols = make(map[string]int, len(t.def.Columns))
	known := t.headerNames()
	for j, cell := range cells {
		col := j + 1
		ref := scoring.Ref{File: t.file, Sheet: t.name, Row: row, Col: col}
		text := scoring.CleanText(cell)
		if text == "" {
			continue
		}
		c, ok := t.def.Column(text)
		if !ok {
			if guess := scoring.Closest(text, known, 2); guess != "" {
				diags.Warnf(ref, scoring.CodeUnknownColumn, fmt.Sprintf(hintUnknownColumn, guess, strings.Join(t.def.SheetColumnNames(), ", ")),
					"column %q is not one podium reads, so it is ignored", text)
			}
			continue
		}
		if first, dup := t.cols[c.Name]; dup {
			diags.Errorf(ref, scoring.CodeDuplicateColumn, hintDeleteOrRename,
				"column %s appears twice: %s and %s", c.Name, scoring.ColumnName(first)+fmt.Sprint(row), ref.Cell())
			continue
		}
		t.cols[c.Name] = col
	}
	for i, c := range t.def.Columns {
		t.index[i] = t.cols[c.Name]
	}
}

// headerNames lists every accepted header of the sheet (names and aliases).
func (t *table) headerNames() []string {
	var names []string
	for _, c := range t.def.Columns {
		names = append(names, c.Name)
		names = append(names, c.Aliases...)
	}
	return names
}

func (t *table) reportMissingHeader(row int, cells []string, sheetRef scoring.Ref, diags *scoring.Diagnostics) {
	required := t.def.RequiredColumns()
	if row == 0 {
		diags.Errorf(sheetRef, scoring.CodeNoHeader, fmt.Sprintf(hintNoHeader, strings.Join(required, ", ")),
			"no header row found in the first %d rows: expected a row with the columns %s", templates.HeaderSearchRows, strings.Join(required, ", "))
		return
	}
	present := map[string]bool{}
	var seen []string
	for _, cell := range cells {
		if c, ok := t.def.Column(cell); ok {
			present[c.Name] = true
		} else if s := scoring.CleanText(cell); s != "" {
			seen = append(seen, s) // only unrecognised headers can be typos
		}
	}
	for _, name := range required {
		if present[name] {
			continue
		}
		hint := fmt.Sprintf(hintAddHeader, name)
		// The header row, or the cell of the header probably meant.
		ref := scoring.Ref{File: t.file, Sheet: t.name, Row: row}
		if guess := closestHeader(name, seen); guess != "" {
			hint = fmt.Sprintf(hintRenameHeader, guess, name)
			ref.Col = 1 + slices.IndexFunc(cells, func(c string) bool { return scoring.CleanText(c) == guess })
		}
		diags.Errorf(ref, scoring.CodeMissingColumn, hint, "required column %s is missing from the header row", name)
	}
}

// closestHeader returns the header among seen that is closest to the column
// name want, if any is close.
func closestHeader(want string, seen []string) string {
	best, bestDist := "", 3
	for _, s := range seen {
		if d := scoring.Distance(templates.Normalize(s), templates.Normalize(want)); d < bestDist {
			best, bestDist = s, d
		}
	}
	return best
}

// fillMerged gives every cell of a merged range the value of its top-left
// cell, as officials merge a car number over its drivers' rows.
func (w *Workbook) fillMerged(t *table, facts sheetFacts, raw bool) error {
	type merge struct {
		r1, c1, r2, c2 int
		value          string
		known          bool
	}
	var merges []merge
	if raw {
		for _, ref := range facts.merges {
			first, last, _ := strings.Cut(ref, ":")
			c1, r1, err1 := excelize.CellNameToCoordinates(first)
			c2, r2, err2 := excelize.CellNameToCoordinates(last)
			if err1 == nil && err2 == nil {
				merges = append(merges, merge{r1: r1, c1: c1, r2: r2, c2: c2})
			}
		}
	} else {
		mcs, err := w.f.GetMergeCells(t.name)
		if err != nil {
			return w.corrupt(t.name, err)
		}
		for _, mc := range mcs {
			c1, r1, err1 := excelize.CellNameToCoordinates(mc.GetStartAxis())
			c2, r2, err2 := excelize.CellNameToCoordinates(mc.GetEndAxis())
			if err1 == nil && err2 == nil {
				merges = append(merges, merge{r1, c1, r2, c2, scoring.CleanText(mc.GetCellValue()), true})
			}
		}
	}
	if len(merges) == 0 || len(t.rows) == 0 {
		return nil
	}
	rowAt := make(map[int]int, len(t.rows)) // row number → index in t.rows
	for i, r := range t.rows {
		rowAt[r.n] = i
	}
	colAt := map[int]int{} // column number → index in def.Columns
	for i, col := range t.index {
		if col > 0 {
			colAt[col] = i
		}
	}
	for _, m := range merges {
		if m.r2 <= t.header {
			continue
		}
		value := m.value
		if !m.known {
			// The top-left cell: from the rows read, or asked of excelize
			// when it lies outside the table's columns.
			if idx, ok := rowAt[m.r1]; ok {
				if ci, ok := colAt[m.c1]; ok {
					value = t.rows[idx].vals[ci]
				}
			}
			if value == "" {
				cell, _ := excelize.CoordinatesToCellName(m.c1, m.r1)
				v, err := w.f.GetCellValue(t.name, cell)
				if err != nil {
					return w.corrupt(t.name, err)
				}
				value = scoring.CleanText(v)
			}
		}
		if value == "" {
			continue
		}
		for i, col := range t.index {
			if col < m.c1 || col > m.c2 {
				continue
			}
			for rn := max(m.r1, t.header+1); rn <= m.r2; rn++ {
				if idx, ok := rowAt[rn]; ok && t.rows[idx].vals[i] == "" {
					t.rows[idx].vals[i] = value
				}
			}
		}
	}
	return nil
}

// checkFormulas reports blank cells that hold a formula without a saved
// value: podium reads the value a spreadsheet application saved, and a
// workbook written by some tools has none.
func (w *Workbook) checkFormulas(t *table, blanks []blankCell, diags *scoring.Diagnostics, invalid map[scoring.Ref]bool) error {
	for _, b := range blanks {
		if b.row >= len(t.rows) || t.rows[b.row].vals[b.col] != "" {
			continue // filled from a merged range
		}
		ref := scoring.Ref{File: w.Path, Sheet: t.name, Row: t.rows[b.row].n, Col: t.index[b.col]}
		formula, err := w.f.GetCellFormula(t.name, ref.Cell())
		if err != nil {
			return w.corrupt(t.name, err)
		}
		if formula != "" {
			invalid[ref] = true
			diags.Errorf(ref, scoring.CodeFormulaNoValue, hintFormulaValue,
				"the formula =%s has no saved result", formula)
		}
	}
	return nil
}

func (w *Workbook) corrupt(sheet string, err error) error {
	return &ooxml.FileError{Path: w.Path, Err: fmt.Errorf("%w: sheet %s cannot be read: %s", ooxml.ErrCorrupt, sheet, ooxml.CleanExcelizeError(err)), Hint: hintResaveWorkbook}
}

// maxNameChars bounds names and codes (teams, drivers, cars, classes): a
// longer one is a paste gone wrong, and would break every table it is
// printed in. Free text (Note, Reason) may be as long as a cell.
const maxNameChars = 200

// isName reports whether a column holds a name or code rather than free
// text.
func isName(c templates.Column) bool {
	switch c.Kind {
	case templates.Text, templates.ClassName, templates.CarNumber:
		return c.Name != templates.ColNote && c.Name != templates.ColReason && c.Name != templates.ColValue
	}
	return false
}
