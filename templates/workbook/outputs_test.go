package workbook

import (
	"strings"
	"testing"

	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// TestTemplateLooksFinished: every header cell has the header style (the
// Calendar's Date header too, although its column has a date format), the
// Season sheet's help wraps inside its column in rows tall enough for it,
// and the class list starts empty, as the Instructions say.
func TestTemplateLooksFinished(t *testing.T) {
	f := generate(t, Options{Rounds: 3})
	style := func(sheet, cell string) *excelize.Style {
		t.Helper()
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	for _, s := range templates.V1().Sheets {
		for i, col := range s.Columns {
			cell := cellName(i+1, 1)
			st := style(s.Name, cell)
			if st.Font == nil || !st.Font.Bold || st.Font.Color != "FFFFFF" || len(st.Fill.Color) == 0 {
				t.Errorf("%s!%s (%s): header not styled: font %+v, fill %v", s.Name, cell, col.Name, st.Font, st.Fill.Color)
			}
			if col.Kind == templates.Date {
				if st := style(s.Name, cellName(i+1, 2)); st.CustomNumFmt == nil || *st.CustomNumFmt != "d mmm yyyy" {
					t.Errorf("%s!%s: no date format below the header", s.Name, cellName(i+1, 2))
				}
			}
		}
	}
	width, err := f.GetColWidth(templates.SheetSeason, "C")
	if err != nil {
		t.Fatal(err)
	}
	for i, field := range templates.V1().Fields {
		cell := cellName(3, i+2)
		if st := style(templates.SheetSeason, cell); st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("Season!%s: the help of %s does not wrap", cell, field.Name)
		}
		height, err := f.GetRowHeight(templates.SheetSeason, i+2)
		if err != nil {
			t.Fatal(err)
		}
		if need := float64(templates.WrappedLines(field.Help, width)) * lineHeight; height < need {
			t.Errorf("Season row %d (%s): %v points tall, its help needs %v", i+2, field.Name, height, need)
		}
	}
	lists, _ := f.GetRows(templates.SheetLists)
	for _, r := range lists[1:] {
		if len(r) > 0 && r[0] != "" {
			t.Errorf("Lists: class %q in a new template", r[0])
		}
	}
	instructions, _ := f.GetRows(templates.SheetInstructions)
	var text []string
	for _, r := range instructions {
		text = append(text, strings.Join(r, " "))
	}
	if want := "The class list starts empty: type your classes there before filling in Entries."; !strings.Contains(strings.Join(text, "\n"), want) {
		t.Errorf("Instructions do not say %q", want)
	}
}
