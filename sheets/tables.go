package sheets

import (
	"maps"

	"github.com/podium-dev/podium/scoring"
)

// Table is a sheet of the workbook contract as read: where its header
// and rows are, which column holds what, and the cleaned text of its
// cells. It is what the import (package sheets/importer) needs to edit
// the sheets it writes beside the season read from them.
type Table struct{ t *table }

// Name returns the sheet's name in the workbook.
func (t Table) Name() string { return t.t.name }

// Header returns the 1-based row number of the header row.
func (t Table) Header() int { return t.t.header }

// Width returns the number of cells of the header row, headed or not.
func (t Table) Width() int { return t.t.width }

// Columns returns the 1-based column number of each canonical column the
// sheet has.
func (t Table) Columns() map[string]int { return maps.Clone(t.t.cols) }

// Rows returns the 1-based row numbers of the sheet's rows, in sheet
// order.
func (t Table) Rows() []int {
	ns := make([]int, len(t.t.rows))
	for i, r := range t.t.rows {
		ns[i] = r.n
	}
	return ns
}

// Value returns the cleaned text of column col in the i-th row of Rows
// ("" when the sheet has no such column).
func (t Table) Value(i int, col string) string { return t.t.value(t.t.rows[i], col) }

// SeasonTables reads the season as Season does, and returns with it the
// sheets of the contract found, by their canonical names.
func (w *Workbook) SeasonTables() (*scoring.Season, scoring.Diagnostics, map[string]Table, error) {
	s, diags, tables, err := w.season()
	out := make(map[string]Table, len(tables))
	for name, t := range tables {
		if t != nil {
			out[name] = Table{t}
		}
	}
	return s, diags, out, err
}
