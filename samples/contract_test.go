package samples

import (
	"reflect"
	"testing"

	"github.com/podium-dev/podium/templates"
)

// TestByColumn: cells go to their column's place in contract v2, a row
// ends at its last value, and a value in a column the contract does not
// have is refused (a blank one is not).
func TestByColumn(t *testing.T) {
	cols := []string{templates.ColNote, templates.ColRound, "Not a column", templates.ColNo}
	got, err := byColumn(templates.SheetResults, cols, [][]any{{"x", 1, nil, "7"}, {nil, 2, nil, "8"}, {}})
	if err != nil {
		t.Fatal(err)
	}
	want := [][]any{{1, "7", nil, nil, nil, nil, nil, "x"}, {2, "8"}, {}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
	for _, tc := range []struct {
		sheet string
		rows  [][]any
		want  string
	}{
		{templates.SheetResults, [][]any{{nil, 1, "y"}}, "Results row 1: the Results sheet of contract v2 has no column Not a column"},
		{templates.SheetResults, [][]any{{nil, 1, nil, "7", "z"}}, "Results row 1 has 5 cells for 4 columns"},
		{"Nowhere", nil, "contract v2 has no sheet Nowhere"},
	} {
		if _, err := byColumn(tc.sheet, cols, tc.rows); err == nil || err.Error() != tc.want {
			t.Errorf("%v: %v, want %s", tc.rows, err, tc.want)
		}
	}
}

// TestSeasonRows: one row per setting of contract v2, in its order, blank
// where no value is given; a name that is not a setting's is refused, an
// alias too (its value would be lost).
func TestSeasonRows(t *testing.T) {
	rows, err := seasonRows(map[string]any{templates.FieldTieBreak: "countback", templates.FieldSeries: "S"})
	if err != nil {
		t.Fatal(err)
	}
	fields := templates.V2().Fields
	if len(rows) != len(fields) {
		t.Fatalf("%d rows for %d settings", len(rows), len(fields))
	}
	for i, f := range fields {
		want := map[string]any{templates.FieldTieBreak: "countback", templates.FieldSeries: "S"}[f.Name]
		if rows[i][0] != f.Name || rows[i][1] != want {
			t.Errorf("row %d: %v, want %s %v", i+1, rows[i], f.Name, want)
		}
	}
	alias := ""
	for _, f := range fields {
		if len(f.Aliases) > 0 {
			alias = f.Aliases[0]
		}
	}
	for _, name := range []string{"Colour", alias} {
		want := "contract v2 has no Season setting named " + name
		if _, err := seasonRows(map[string]any{name: 1}); err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", name, err, want)
		}
	}
}
