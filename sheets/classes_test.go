package sheets

import (
	"strings"
	"testing"
)

// TestClassTypos: a class or cup typed wrong on one car would make a
// championship of its own that the car wins. A near-miss of a class of
// more cars is a warning at the cell; a class the workbook's own list
// (Lists sheet, or a Points sheet giving each class its table) does not
// hold is an error.
func TestClassTypos(t *testing.T) {
	classes := func(b *book, names ...any) {
		for i, n := range names {
			b.set("Entries", "B"+string(rune('2'+i)), n)
		}
	}
	lists := func(b *book, names ...any) {
		rows := [][]any{{"Classes", nil, "Status", "Meaning"}}
		for _, n := range names {
			rows = append(rows, []any{n, nil, "Ret", "retired"})
		}
		b.sheets = append(b.sheets, bookSheet{"Lists", rows})
	}
	tests := []struct {
		name string
		edit func(b *book)
		want []string
	}{
		{
			name: "one letter dropped, among the cars of the class meant",
			edit: func(b *book) { classes(b, "Touring", "Touring", "Tourng", "Touring") },
			want: []string{`Entries!B4: warning: class "Tourng" (1 car) looks like a misspelling of "Touring" (3 cars) (did you mean Touring? A class of its own is scored as a separate championship)`},
		},
		{
			name: "two letters swapped",
			edit: func(b *book) { classes(b, "LMP3", "LMP3", "LPM3", "LMP2") },
			want: []string{`Entries!B4: warning: class "LPM3" (1 car) looks like a misspelling of "LMP3" (2 cars) (did you mean LMP3? A class of its own is scored as a separate championship)`},
		},
		{
			name: "classes that differ in a digit, a word or a letter of a short name are different classes",
			edit: func(b *book) {
				classes(b, "GT", "GT", "GT3", "GTE")
				b.add("Entries", 5, "LMP2", "Team Five", nil, "1")
				b.add("Entries", 6, "LMP2", "Team Six", nil, "1")
				b.add("Entries", 7, "LMP2 Am", "Team Seven", nil, "1")
				b.add("Entries", 8, "LMP3", "Team Eight", nil, "1")
			},
			want: nil,
		},
		{
			name: "two classes of one car each: neither is the more common",
			edit: func(b *book) { classes(b, "Touring", "Tourng", "GT", "GT") },
			want: nil,
		},
		{
			name: "a cup typed wrong",
			edit: func(b *book) {
				b.set("Entries", "D2", "Am Cup")
				b.set("Entries", "D3", "Am Cup")
				b.set("Entries", "D4", "Am Cpu")
			},
			want: []string{`Entries!D4: warning: cup "Am Cpu" (1 car) looks like a misspelling of "Am Cup" (2 cars) (did you mean Am Cup? A class of its own is scored as a separate championship)`},
		},
		{
			name: "the Lists sheet lists the classes: one not in it is an error",
			edit: func(b *book) {
				classes(b, "Touring", "Touring", "Tourng", "GT")
				b.set("Entries", "D2", "Touring Am")
				lists(b, "Touring", "Touring Am", "GT", "GT Am")
				b.set("Entries", "D5", "GT Pro")
			},
			want: []string{
				`Entries!B4: class "Tourng" is not in the class list of the Lists sheet (did you mean Touring? Otherwise add it to the Classes column of the Lists sheet)`,
				`Entries!D5: cup "GT Pro" is not in the class list of the Lists sheet (add it to the Classes column of the Lists sheet, or choose one of Touring, Touring Am, GT, GT Am)`,
			},
		},
		{
			name: "a Lists sheet left from another series is not the workbook's list",
			edit: func(b *book) { lists(b, "LMP2", "LMP3", "GT") },
			want: nil,
		},
		{
			name: "the Points sheet gives each class its table: a class without one is an error at its cell",
			edit: func(b *book) {
				classes(b, "Touring", "Touring", "Tourng", "GT")
				for _, c := range []string{"C2", "C3", "C4"} {
					b.set("Points", c, "Touring")
				}
				b.add("Points", 1, 25, "GT")
			},
			want: []string{`Entries!B4: class "Tourng" has no points table in the Points sheet, which gives each class its own (did you mean Touring? Otherwise add its points to the Points sheet)`},
		},
		{
			name: "near-miss of a class the Points sheet names",
			edit: func(b *book) {
				classes(b, "GT", "GT", "Tourng", "GT")
				b.add("Points", "Pole", 2, "Touring")
			},
			want: []string{
				`Points!C7: class "Touring" is not the class or cup of any entry (did you mean Tourng?)`,
				`Entries!B4: warning: class "Tourng" looks like a misspelling of "Touring", which the Points sheet lists (did you mean Touring? A class of its own is scored as a separate championship)`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := baseBook()
			tt.edit(b)
			_, diags := readBook(t, b)
			got := diagLines(diags)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("diagnostics:\n got: %s\nwant: %s", strings.Join(got, "\n      "), strings.Join(tt.want, "\n      "))
			}
		})
	}
}
