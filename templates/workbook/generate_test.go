package workbook

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

func generate(t *testing.T, opts Options) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, opts); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// TestCommittedTemplateIsCurrent: the committed template is exactly what
// the generator makes, byte for byte.
func TestCommittedTemplateIsCurrent(t *testing.T) {
	committed, err := os.ReadFile(TemplateFile)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, Options{V2: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, buf.Bytes()) {
		t.Errorf("%s differs from what the generator makes; run go generate ./... and commit it", TemplateFile)
	}
}

func TestGenerateIsDeterministic(t *testing.T) {
	var a, b bytes.Buffer
	opts := Options{Series: "S", Season: "2025", Rounds: 3}
	if err := Write(&a, opts); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two runs with the same options differ")
	}
}

func TestTemplateSheetsAndHeaders(t *testing.T) {
	f := generate(t, Options{})
	want := []string{templates.SheetInstructions, templates.SheetSeason, templates.SheetCalendar, templates.SheetPoints, templates.SheetEntries, templates.SheetDrivers, templates.SheetResults, templates.SheetPenalties, templates.SheetLists}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Error("the Instructions sheet is not the one that opens")
	}
	for _, s := range templates.V1().Sheets {
		rows, err := f.GetRows(s.Name)
		if err != nil {
			t.Fatal(err)
		}
		header := rows[0][:len(s.Columns)]
		if !slices.Equal(header, s.SheetColumnNames()) {
			t.Errorf("%s header = %v, want %v", s.Name, header, s.SheetColumnNames())
		}
		panes, err := f.GetPanes(s.Name)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen (%+v, %v)", s.Name, panes, err)
		}
	}
}

func TestTemplateDropDownsAndHelp(t *testing.T) {
	f := generate(t, Options{})
	dvs, err := f.GetDataValidations(templates.SheetResults)
	if err != nil {
		t.Fatal(err)
	}
	bySqref := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		bySqref[dv.Sqref] = dv
	}
	tests := []struct {
		sqref, formula, prompt string
	}{
		{"A2:A2001", "Calendar!$A$2:$A$31", "Required. Round number (from the Calendar)."},
		{"B2:B2001", "Entries!$A$2:$A$201", "Required. Car number (from Entries)."},
		{"D2:D2001", `"NC,Ret,DNS,DSQ,WD,DNQ,EX"`, "Blank when classified; otherwise NC, Ret (DNF), DNS, DSQ (DQ), WD, DNQ or EX."},
		{"E2:E2001", `"Y"`, "Y for the pole position of the car's class. A pole in its cup only: type the cup's name (GT Am); in both: Y, GT Am."},
		{"D1", "", "Blank when classified; otherwise NC, Ret (DNF), DNS, DSQ (DQ), WD, DNQ or EX."},
		{"A1", "", "Required. Round number (from the Calendar)."},
	}
	for _, tt := range tests {
		dv, ok := bySqref[tt.sqref]
		if !ok {
			t.Errorf("Results!%s has no data validation", tt.sqref)
			continue
		}
		if dv.Formula1 != tt.formula {
			t.Errorf("Results!%s list = %q, want %q", tt.sqref, dv.Formula1, tt.formula)
		}
		if dv.Prompt == nil || *dv.Prompt != tt.prompt {
			t.Errorf("Results!%s input message = %v, want %q", tt.sqref, dv.Prompt, tt.prompt)
		}
	}
	entries, _ := f.GetDataValidations(templates.SheetEntries)
	found := false
	for _, dv := range entries {
		if dv.Sqref == "B2:B201" && dv.Formula1 == "Lists!$A$2:$A$51" {
			found = true
		}
	}
	if !found {
		t.Error("Entries!Class has no drop-down from the Lists sheet")
	}
}

func TestTemplatePrefill(t *testing.T) {
	f := generate(t, Options{Series: "Asian Le Mans Series", Season: "2019–20", Rounds: 4})
	points, _ := f.GetRows(templates.SheetPoints)
	var got []string
	for _, r := range points[1:] {
		got = append(got, strings.Join(r, "="))
	}
	want := "1=25 2=18 3=15 4=12 5=10 6=8 7=6 8=4 9=2 10=1 Other=0.5 Pole=1"
	if strings.Join(got, " ") != want {
		t.Errorf("points = %s, want %s", strings.Join(got, " "), want)
	}
	season, _ := f.GetRows(templates.SheetSeason)
	wantSeason := [][2]string{{"Series", "Asian Le Mans Series"}, {"Season", "2019–20"}, {"Status", "Provisional"}, {"Best results", ""}, {"Classification threshold", "70%"}, {"Tie-break", "countback"}}
	for i, w := range wantSeason {
		r := append(season[i+1], "", "")
		if r[0] != w[0] || r[1] != w[1] {
			t.Errorf("Season row %d = %q, %q; want %q, %q", i+2, r[0], r[1], w[0], w[1])
		}
	}
	cal, _ := f.GetRows(templates.SheetCalendar)
	if len(cal) != 5 || cal[4][0] != "4" || cal[4][6] != "1" {
		t.Errorf("calendar = %q, want rounds 1–4 with factor 1", cal)
	}
	lists, _ := f.GetRows(templates.SheetLists)
	if lists[1][0] != "" || lists[1][2] != "(blank)" || lists[3][2] != "Ret" { // the class list starts empty
		t.Errorf("Lists = %q", lists)
	}
}
