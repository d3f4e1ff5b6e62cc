package sheets

import (
	"github.com/podium-dev/podium/internal/testkit"

	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/xuri/excelize/v2"
)

// book is a workbook described in a test: sheets in order, rows of values
// starting at A1.
type book struct {
	sheets []bookSheet
	// edits run on the excelize file after the rows are written (merges,
	// formulas, styles).
	edits []func(f *excelize.File) error
}

type bookSheet struct {
	name string
	rows [][]any
}

func (b *book) sheet(name string) *bookSheet {
	for i := range b.sheets {
		if b.sheets[i].name == name {
			return &b.sheets[i]
		}
	}
	panic("test book has no sheet " + name)
}

// set puts v at the A1 reference cell of a sheet, growing rows as needed.
func (b *book) set(sheet, cell string, v any) {
	col, row, err := excelize.CellNameToCoordinates(cell)
	if err != nil {
		panic(err)
	}
	s := b.sheet(sheet)
	for len(s.rows) < row {
		s.rows = append(s.rows, nil)
	}
	for len(s.rows[row-1]) < col {
		s.rows[row-1] = append(s.rows[row-1], nil)
	}
	s.rows[row-1][col-1] = v
}

func (b *book) add(sheet string, row ...any) {
	s := b.sheet(sheet)
	s.rows = append(s.rows, row)
}

func (b *book) remove(sheet string) {
	b.sheets = slices.DeleteFunc(b.sheets, func(s bookSheet) bool { return s.name == sheet })
}

func (b *book) rename(from, to string) { b.sheet(from).name = to }

// insertRows puts rows above the sheet's first row (a title, say).
func (b *book) insertRows(sheet string, rows ...[]any) {
	s := b.sheet(sheet)
	s.rows = append(rows, s.rows...)
}

func (b *book) edit(fn func(f *excelize.File) error) { b.edits = append(b.edits, fn) }

// write saves the book as an .xlsx file in a temporary folder.
func (b *book) write(t testing.TB) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, e := range b.edits {
		if err := e(f); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(t.TempDir(), "season.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// baseBook is a small valid season: 3 rounds, classes A and B with two cars
// each, one driver per car, results with overall positions.
func baseBook() *book {
	return &book{sheets: []bookSheet{
		{"Season", [][]any{
			{"Field", "Value"},
			{"Series", "Test Series"},
			{"Season", "2025"},
			{"Status", "Provisional"},
			{"Tie-break", "countback"},
		}},
		{"Calendar", [][]any{
			{"Round", "Code", "Race", "Date", "Factor"},
			{1, "ONE", "Race One", "2025-03-01", 1},
			{2, "TWO", "Race Two", "2025-04-01", 1},
			{3, "THR", "Race Three", "2025-05-01", 2},
		}},
		{"Points", [][]any{
			{"Award", "Points", "Class"},
			{1, 25}, {2, 18}, {3, 15},
			{"Other", 0.5},
			{"Pole", 1},
		}},
		{"Entries", [][]any{
			{"No.", "Class", "Team", "Cup", "Rounds", "Scores"},
			{1, "A", "Team One"},
			{2, "A", "Team Two"},
			{3, "B", "Team Three"},
			{4, "B", "Team Four", nil, "1-2"},
		}},
		{"Drivers", [][]any{
			{"No.", "Driver", "Rounds", "Ineligible"},
			{1, "Alice Adams"},
			{2, "Bruno Brown"},
			{3, "Carla Chen"},
			{4, "David Dunn"},
		}},
		{"Results", [][]any{
			// rows 2-5 round 1, 6-9 round 2, 10-12 round 3
			{"Round", "No.", "Pos", "Status", "Pole", "Fastest lap"},
			{1, 1, 1, nil, "Y"},
			{1, 2, 2},
			{1, 3, 3, nil, "Y"},
			{1, 4, 4},
			{2, 2, 1, nil, "Y"},
			{2, 1, 2},
			{2, 4, 3},
			{2, 3, nil, "Ret", "Y"},
			{3, 1, 1},
			{3, 2, 2},
			{3, 3, 3},
		}},
		{"Penalties", [][]any{
			{"Round", "No.", "Points", "Driver", "Reason"},
		}},
	}}
}

// readBook writes and reads a test book, failing the test on a file error.
func readBook(t *testing.T, b *book) (*scoring.Season, scoring.Diagnostics) {
	t.Helper()
	season, diags, err := Read(b.write(t), OpenOptions{})
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return season, diags
}

func TestBaseBookIsClean(t *testing.T) {
	season, diags := readBook(t, baseBook())
	if len(diags) != 0 {
		t.Fatalf("diagnostics on the base book:\n%s", strings.Join(diagLines(diags), "\n"))
	}
	if got := len(season.Results); got != 11 {
		t.Errorf("results = %d, want 11", got)
	}
}

// diagLines are the diagnostics as the terminal prints them
// (testkit.DiagLines).
var diagLines = testkit.DiagLines
