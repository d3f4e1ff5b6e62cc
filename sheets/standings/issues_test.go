package standings

import (
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// BenchmarkIssues writes the Issues sheet of 100,000 warnings into a
// workbook and serialises it: what a write-back of a season with that
// many warnings pays for them.
//
//	go test ./sheets/standings -run '^$' -bench Issues -benchmem -count 3
func BenchmarkIssues(b *testing.B) {
	warnings := manyWarnings(100_000)
	b.ReportAllocs()
	for b.Loop() {
		f := excelize.NewFile()
		p := newPublisher(f, &scoring.Season{}, &scoring.Standings{}, PublishOptions{Generated: sheetstest.Date, Warnings: warnings})
		p.placeholder = "Sheet1"
		if err := p.issues(); err != nil {
			b.Fatal(err)
		}
		if err := ooxml.WriteStable(f, io.Discard, p.splices); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	b.ReportMetric(float64(len(warnings)), "warnings")
}

// TestIssuesSheet: the Issues sheet lists each warning with its kind,
// place, problem and suggestion, long texts wrapped in rows as tall as
// their lines; the header row is frozen, filtered and printed on every
// page.
func TestIssuesSheet(t *testing.T) {
	var warnings scoring.Diagnostics
	warnings.Warnf(scoring.Ref{Sheet: "Drivers", Row: 17, Col: 2}, scoring.CodeSimilarNames, "if they are the same person, spell the name the same way in both cells",
		"%q looks like %q at Drivers!B14 (one letter differs)", "Kenji Watanbe", "Kenji Watanabe")
	warnings.Warnf(scoring.Ref{Sheet: "Results", Row: 9, Col: 3}, scoring.CodePosGap, "", "%s", strings.Repeat("a long problem ", 20))
	f := excelize.NewFile()
	defer f.Close()
	p := newPublisher(f, &scoring.Season{}, &scoring.Standings{}, PublishOptions{Generated: sheetstest.Date, Warnings: warnings})
	p.placeholder = "Sheet1"
	if err := p.issues(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := ooxml.WriteStable(f, &buf, p.splices); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rows, err := g.GetRows("Issues")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"Severity", "Kind", "Place", "Problem", "Suggestion"},
		{"warning", "similar-names", "Drivers!B17", `"Kenji Watanbe" looks like "Kenji Watanabe" at Drivers!B14 (one letter differs)`, "if they are the same person, spell the name the same way in both cells"},
		{"warning", "position-gap", "Results!C9", strings.Repeat("a long problem ", 20)},
	}
	if fmt.Sprintf("%q", rows) != fmt.Sprintf("%q", want) {
		t.Errorf("rows\n got %q\nwant %q", rows, want)
	}
	if h, _ := g.GetRowHeight("Issues", 2); h != 2*rowHeight {
		t.Errorf("row 2 (a suggestion of two lines) is %v points tall, want %v", h, 2*rowHeight)
	}
	if h, _ := g.GetRowHeight("Issues", 3); h != 4*rowHeight {
		t.Errorf("row 3 (four lines) is %v points tall, want %v", h, 4*rowHeight)
	}
	for _, cell := range []string{"A2", "D3", "E2"} {
		id, _ := g.GetCellStyle("Issues", cell)
		st, err := g.GetStyle(id)
		if err != nil || st.Alignment == nil || !st.Alignment.WrapText {
			t.Errorf("%s: style %d does not wrap", cell, id)
		}
	}
	panes, err := g.GetPanes("Issues")
	if err != nil || !panes.Freeze || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v, %v: the header row is not frozen", panes, err)
	}
	names := g.GetDefinedName()
	found := false
	for _, n := range names {
		found = found || n.Name == "_xlnm._FilterDatabase" && n.RefersTo == "'Issues'!$A$1:$E$3"
	}
	if !found {
		t.Errorf("no filter over A1:E3 in %+v", names)
	}
	found = false
	for _, n := range names {
		found = found || n.Name == "_xlnm.Print_Titles" && n.Scope == "Issues" && n.RefersTo == "'Issues'!$1:$1"
	}
	if !found {
		t.Errorf("no print titles in %+v", names)
	}
	props, err := g.GetSheetProps("Issues")
	if err != nil || props.FitToPage == nil || !*props.FitToPage {
		t.Errorf("sheet props %+v, %v: not fitted to the page width", props, err)
	}
}

// manyWarnings makes n warnings of the shape a large season gives: a
// position gap per class and round, each at its own cell.
func manyWarnings(n int) scoring.Diagnostics {
	var l scoring.Diagnostics
	for i := range n {
		l.Warnf(scoring.Ref{Sheet: "Results", Row: i + 2, Col: 3}, scoring.CodePosGap, "check for a missing car or a mistyped position",
			"positions in Class %d in round %d jump to %d: no car is position %d", i%20+1, i/20%40+1, i%7+3, i%7+2)
	}
	return l
}
