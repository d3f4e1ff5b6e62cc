package workbook

import (
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// TestV2Sheets: a v2 workbook (the template) has the Championships sheet
// and v2's new columns; a v1 workbook (the samples) has neither.
func TestV2Sheets(t *testing.T) {
	for _, tt := range []struct {
		v2       bool
		contract templates.Contract
		desc     string
	}{
		{false, templates.V1(), "podium season workbook, contract v1"},
		{true, templates.V2(), "podium season workbook, contract v2"},
	} {
		f := generate(t, Options{V2: tt.v2})
		var want []string
		want = append(want, templates.SheetInstructions)
		want = append(want, tt.contract.SheetNames()...)
		want = append(want, templates.SheetLists)
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Errorf("V2 %v: sheets = %v, want %v", tt.v2, got, want)
		}
		for _, s := range tt.contract.Sheets {
			rows, err := f.GetRows(s.Name)
			if err != nil {
				t.Fatal(err)
			}
			if got := rows[0][:len(s.Columns)]; !slices.Equal(got, s.SheetColumnNames()) {
				t.Errorf("V2 %v: %s header = %v, want %v", tt.v2, s.Name, got, s.SheetColumnNames())
			}
		}
		props, err := f.GetDocProps()
		if err != nil || props.Description != tt.desc {
			t.Errorf("V2 %v: description %q (%v), want %q", tt.v2, props.Description, err, tt.desc)
		}
	}
	entries, _ := templates.V2().Sheet(templates.SheetEntries)
	if !slices.Contains(entries.SheetColumnNames(), templates.ColMake) {
		t.Error("Entries of contract v2 has no Make column")
	}
	for _, tt := range []struct {
		contract templates.Contract
		want     bool
	}{{templates.V1(), false}, {templates.V2(), true}} {
		points, _ := tt.contract.Sheet(templates.SheetPoints)
		if got := slices.Contains(points.SheetColumnNames(), templates.ColScheme); got != tt.want {
			t.Errorf("Points of contract v%s has a Scheme column: %v, want %v", tt.contract.Version, got, tt.want)
		}
	}
}

// TestV2ChampionshipsPrefill: the template's Championships sheet holds the
// rows a workbook without it runs, and the Season sheet the new setting.
func TestV2ChampionshipsPrefill(t *testing.T) {
	f := generate(t, Options{V2: true})
	rows, _ := f.GetRows(templates.SheetChampionships)
	var got []string
	for _, r := range rows[1:] {
		got = append(got, strings.Join(r, "|"))
	}
	if want := []string{"Teams|Car", "Drivers|Driver"}; !slices.Equal(got, want) {
		t.Errorf("Championships rows = %q, want %q", got, want)
	}
	season, _ := f.GetRows(templates.SheetSeason)
	var fields []string
	for _, r := range season[1:] {
		fields = append(fields, r[0]+"="+r[1])
	}
	if want := "Tie-break=countback Ties shown as=1, 1, 2"; !strings.Contains(strings.Join(fields, " "), want) {
		t.Errorf("Season rows = %q, want them to hold %q", fields, want)
	}
}

// TestV2DropDowns: the Championships sheet offers its choices; lists whose
// values hold a comma are kept in the Lists sheet, as a data validation
// list cannot hold them.
func TestV2DropDowns(t *testing.T) {
	f := generate(t, Options{V2: true})
	dvs, err := f.GetDataValidations(templates.SheetChampionships)
	if err != nil {
		t.Fatal(err)
	}
	formulas := map[string]string{}
	for _, dv := range dvs {
		formulas[dv.Sqref] = dv.Formula1
	}
	tests := []struct{ sqref, formula string }{
		{"B2:B31", `"Car,Driver,Team,Make,Nation"`},
		{"D2:D31", `"All,1,2,3,Nominated"`},
		{"G2:G31", "Lists!$F$2:$F$8"},
		{"H2:H31", "Lists!$G$2:$G$3"},
	}
	for _, tt := range tests {
		if formulas[tt.sqref] != tt.formula {
			t.Errorf("Championships!%s list = %q, want %q", tt.sqref, formulas[tt.sqref], tt.formula)
		}
	}
	lists, _ := f.GetCols(templates.SheetLists)
	var got []string
	for _, col := range lists[5:] {
		got = append(got, strings.TrimRight(strings.Join(col, "|"), "|"))
	}
	want := []string{
		"Tie-break|" + strings.Join(templates.TieBreakChoices(), "|"),
		"Ties shown as|1, 1, 2|1, 1, 3",
	}
	if !slices.Equal(got, want) {
		t.Errorf("Lists columns F on = %q, want %q", got, want)
	}
	for sheet, sqref := range map[string]string{templates.SheetCalendar: "H2:H31", templates.SheetResults: "I2:I2001"} {
		dvs, _ := f.GetDataValidations(sheet)
		if !slices.ContainsFunc(dvs, func(dv *excelize.DataValidation) bool { return dv.Sqref == sqref && dv.Formula1 == `"N"` }) {
			t.Errorf("%s!%s (Droppable) offers no N", sheet, sqref)
		}
	}
}

// TestV2InstructionsExplainCompetitors: the Instructions explain each
// competitor kind with an example.
func TestV2InstructionsExplainCompetitors(t *testing.T) {
	f := generate(t, Options{V2: true})
	rows, _ := f.GetRows(templates.SheetInstructions)
	explained := map[string]string{}
	for _, r := range rows {
		if len(r) == 2 {
			explained[r[0]] = r[1]
		}
	}
	for _, c := range scoring.Competitors() {
		if !strings.Contains(explained[string(c)], "Example: ") {
			t.Errorf("Instructions: competitor %s is not explained with an example (%q)", c, explained[string(c)])
		}
	}
	if !strings.Contains(explained[templates.SheetChampionships], "Columns: Championship (required), Competitor (required), Class") {
		t.Errorf("Instructions: the Championships sheet is not described: %q", explained[templates.SheetChampionships])
	}
}

// TestV2RaceRules: the template offers the race rules of contract v2: the
// Calendar's Scheme, Meeting and Countback (N), the Points' Requires and
// an example Sprint scheme, the Results' Laps led and Fastest lap by, the
// Season's Shared drives, Disqualified places and Invited places with
// their values, and an Instructions line for each rule.
func TestV2RaceRules(t *testing.T) {
	f := generate(t, Options{V2: true})
	lists := map[string]string{}
	for _, sheet := range []string{templates.SheetCalendar, templates.SheetPoints, templates.SheetSeason} {
		dvs, err := f.GetDataValidations(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, dv := range dvs {
			if dv.Formula1 != "" {
				lists[sheet+"!"+dv.Sqref] = dv.Formula1
			}
		}
	}
	for _, tt := range []struct{ cell, formula string }{
		{"Calendar!K2:K31", `"N"`},
		{"Points!E2:E41", `"classified,started,any,top 10"`},
		{"Season!B9", `"full,split,none"`},
		{"Season!B10", `"promoted,vacant"`},
		{"Season!B11", `"removed,vacant"`},
	} {
		if lists[tt.cell] != tt.formula {
			t.Errorf("%s list = %q, want %q", tt.cell, lists[tt.cell], tt.formula)
		}
	}
	heads := map[string]string{templates.SheetCalendar: "Round|Code|Race|Circuit|Country|Date|Factor|Droppable|Scheme|Meeting|Countback",
		templates.SheetPoints:  "Award|Points|Class|Scheme|Requires",
		templates.SheetResults: "Round|No.|Pos|Status|Pole|Fastest lap|Laps|Note|Droppable|Laps led|Fastest lap by"}
	for sheet, want := range heads {
		rows, _ := f.GetRows(sheet)
		if got := strings.Join(rows[0], "|"); got != want {
			t.Errorf("%s header = %s, want %s", sheet, got, want)
		}
	}
	season, _ := f.GetRows(templates.SheetSeason)
	var fields []string
	for _, r := range season[8:11] {
		fields = append(fields, r[0]+"="+r[1])
	}
	if got, want := strings.Join(fields, " "), "Shared drives=full Disqualified places=promoted Invited places=removed"; got != want {
		t.Errorf("Season rows 9-11 = %q, want %q", got, want)
	}
	points, _ := f.GetRows(templates.SheetPoints)
	var sprint []string
	for _, r := range points[13:] {
		sprint = append(sprint, strings.Join(r, "|"))
	}
	if got, want := strings.Join(sprint, " "), "1|8||Sprint 2|7||Sprint 3|6||Sprint 4|5||Sprint 5|4||Sprint 6|3||Sprint 7|2||Sprint 8|1||Sprint"; got != want {
		t.Errorf("Points rows 14 on = %q, want %q", got, want)
	}
	rows, _ := f.GetRows(templates.SheetInstructions)
	explained := map[string]string{}
	for _, r := range rows {
		if len(r) == 2 {
			explained[r[0]] = r[1]
		}
	}
	for _, rule := range []string{"Sprint and race", "Meeting", "Countback", "Requires", "Start", "Lap led", "Most laps led", "Shared fastest lap", "Fastest lap by", "Driver in two cars", "Shared drives", "Disqualified places", "Invited places"} {
		if explained[rule] == "" {
			t.Errorf("Instructions: %s is not explained", rule)
		}
	}
	if want := "Example: Fastest lap | 1 | | | top 10"; !strings.Contains(explained["Requires"], want) {
		t.Errorf("Instructions: Requires = %q, want it to hold %q", explained["Requires"], want)
	}
	// A v1 workbook (the samples) has none of it.
	v1 := generate(t, Options{})
	if p, _ := v1.GetRows(templates.SheetPoints); len(p) != 13 || strings.Join(p[0], "|") != "Award|Points|Class" {
		t.Errorf("v1 Points: %d rows, header %v; want 13 and Award|Points|Class", len(p), p[0])
	}
}
