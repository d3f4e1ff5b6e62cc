package importer

import "github.com/podium-dev/podium/sheets"

// table is a sheet of the workbook as the import reads and edits it: the
// contract reader's sheets.Table with its places at hand.
type table struct {
	src    sheets.Table
	name   string
	header int
	width  int
	cols   map[string]int
	rows   []tableRow
}

// tableRow is a row of a table: its row number, and its index in the
// table's rows.
type tableRow struct{ n, i int }

// newTables gives the import's view of the sheets read.
func newTables(read map[string]sheets.Table) map[string]*table {
	tables := make(map[string]*table, len(read))
	for name, src := range read {
		t := &table{src: src, name: src.Name(), header: src.Header(), width: src.Width(), cols: src.Columns()}
		for i, n := range src.Rows() {
			t.rows = append(t.rows, tableRow{n: n, i: i})
		}
		tables[name] = t
	}
	return tables
}

// value returns the cleaned text of column col in row r ("" when the
// column is absent).
func (t *table) value(r tableRow, col string) string { return t.src.Value(r.i, col) }

// has reports whether the sheet has column col.
func (t *table) has(col string) bool { return t.cols[col] > 0 }
