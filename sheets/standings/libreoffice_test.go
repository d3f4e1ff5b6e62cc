package standings

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/present"
	"github.com/xuri/excelize/v2"
)

// TestLibreOfficeReadsStandings converts every standings sheet to CSV with
// LibreOffice and checks that it reads the values podium wrote: values,
// not formulas, in a form another application shows the same way.
func TestLibreOfficeReadsStandings(t *testing.T) {
	bin := testkit.Soffice(t)
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	dir := t.TempDir()
	path := filepath.Join(dir, "standings.xlsx")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteStandingsWorkbook(f, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	out := filepath.Join(dir, "csv")
	// Filter options: comma, double quote, UTF-8, from row 1, …, sheet -1:
	// every sheet to its own file (standings-<Sheet>.csv).
	testkit.Convert(t, bin, "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", path, out)
	wb, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	checked := 0
	for _, sheet := range wb.GetSheetList() {
		if !strings.HasSuffix(sheet, " Teams") && !strings.HasSuffix(sheet, " Drivers") && !strings.HasSuffix(sheet, " Progression") {
			continue
		}
		want, err := wb.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		want = testkit.TrimRows(want)
		got := testkit.ReadCSV(t, filepath.Join(out, "standings-"+sheet+".csv"))
		if len(got) != len(want) {
			t.Errorf("%s: LibreOffice reads %d rows, podium wrote %d", sheet, len(got), len(want))
			continue
		}
		for i := range want {
			if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
				t.Errorf("%s row %d: LibreOffice reads %q, podium wrote %q", sheet, i+1, got[i], want[i])
				break
			}
		}
		checked++
	}
	if checked != 15 {
		t.Errorf("checked %d sheets, want 15", checked)
	}
}

// TestPrintedStandings prints a season of 40 three-driver cars (whose
// tables, breakdown and issues run over many pages) to PDF with
// LibreOffice and reads the pages as a person would: A4 landscape, every
// sheet one page wide with its header rows on every page, no crew cut by a
// page break, the colour key whole, and the title row saying which series,
// round and status the standings are.
func TestPrintedStandings(t *testing.T) {
	bin := testkit.Soffice(t)
	path := sheetstest.WriteSynthetic(t, samples.Synth{Cars: 40, Rounds: 6, Classes: 2, DriversPerCar: 3})
	season, diags, err := sheets.Read(path, sheets.OpenOptions{})
	if err != nil || diags.HasErrors() {
		t.Fatal(err, diags.Err())
	}
	st, _ := scoring.Score(season, scoring.Options{})
	var warnings scoring.Diagnostics
	for i := range 60 {
		warnings = append(warnings, scoring.Diagnostic{Severity: scoring.Warning, Ref: scoring.Ref{Sheet: "Results", Row: i + 2, Col: 4},
			Message: fmt.Sprintf("car %d: a warning long enough to need the whole width of the Problem column, which the page must still hold in one page width %d", i, i),
			Hint:    "a suggestion that is long as well, so that the Suggestion column is wide"})
	}
	// The sheets as write-back publishes them, with the Issues sheet.
	f := excelize.NewFile()
	p := newPublisher(f, season, st, PublishOptions{Generated: sheetstest.Date, Warnings: warnings})
	p.placeholder = "Sheet1"
	if err := p.publish(); err != nil {
		t.Fatal(err)
	}
	data, err := stableBytes(f, p.splices)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	book := filepath.Join(t.TempDir(), "standings.xlsx")
	if err := os.WriteFile(book, data, 0o644); err != nil {
		t.Fatal(err)
	}
	pages, size := printedPages(t, bin, book)
	if size != "841.89 x 595.304 pts (A4)" {
		t.Errorf("page size %q, want A4 landscape", size)
	}

	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	// The page header names the sheet printed; the longest title that a
	// page's first line holds is its sheet.
	titles := map[string]string{}
	for _, sheet := range wb.GetSheetList() {
		hf, _ := wb.GetHeaderFooter(sheet)
		_, centre, _ := strings.Cut(hf.OddHeader, "&C&B")
		centre, _, _ = strings.Cut(centre, "&R")
		titles[sheet] = centre
	}
	bySheet := map[string][]int{}
	for i, page := range pages {
		first, _, _ := strings.Cut(strings.TrimLeft(page, "\n"), "\n")
		best := ""
		for sheet, title := range titles {
			if strings.Contains(first, title) && (best == "" || len(title) > len(titles[best])) {
				best = sheet
			}
		}
		if best == "" {
			t.Fatalf("page %d: no sheet's title in its header %q", i+1, first)
		}
		bySheet[best] = append(bySheet[best], i)
	}
	context := "Synthetic Endurance Series 2026 · After round 6 · Provisional"
	if got := present.Context(season, st); got != context {
		t.Errorf("context line %q, want %q", got, context)
	}
	checked := map[string]bool{}
	for _, sheet := range wb.GetSheetList() {
		idx := bySheet[sheet]
		if len(idx) == 0 {
			t.Errorf("%s: not printed", sheet)
			continue
		}
		// One page wide: each page holds the first and the last column
		// of the header row, repeated on every page.
		first, last := "Pos", "Points"
		switch {
		case sheet == "Winners":
			first, last = "Round", "Drivers"
		case sheet == "Breakdown":
			first, last = "Classification", "Explanation"
		case sheet == "Issues":
			first, last = "Severity", "Suggestion"
		case strings.HasSuffix(sheet, " Progression"):
			first, last = "Competitor", present.RoundHeader(st.Rounds[len(st.Rounds)-1])
		}
		for _, i := range idx {
			if !strings.Contains(pages[i], first) || !strings.Contains(pages[i], last) {
				t.Errorf("%s, page %d: not the full width of the header (%s … %s):\n%s", sheet, i+1, first, last, pages[i])
			}
		}
		if !strings.HasSuffix(sheet, " Teams") && !strings.HasSuffix(sheet, " Drivers") {
			continue
		}
		checked[sheet] = true
		// The title race, repeated on every page with the title rows,
		// names competitors: a name is looked for in the rest.
		race, _ := wb.GetCellValue(sheet, ooxml.CellName(1, raceRow))
		pageOf := func(text string) []int {
			var on []int
			for _, i := range idx {
				if strings.Contains(strings.ReplaceAll(pages[i], race, ""), text) {
					on = append(on, i)
				}
			}
			return on
		}
		for _, i := range idx {
			if !strings.Contains(pages[i], context) {
				t.Errorf("%s, page %d: no title row %q", sheet, i+1, context)
			}
		}
		// The key on one page.
		keyPage := pageOf("† – driver not eligible for points in that round")
		for _, k := range present.KeyClasses() {
			if on := pageOf(k.Legend()); len(on) != 1 || len(keyPage) != 1 || on[0] != keyPage[0] {
				t.Errorf("%s: key line %q on pages %v, its last line on %v", sheet, k.Legend(), on, keyPage)
			}
		}
		// Each crew (merged rows) on one page.
		merged, err := wb.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		// The competitor's name follows Pos, the change of position when
		// there is one, and No.
		nameCol := 3
		if v, _ := wb.GetCellValue(sheet, ooxml.CellName(2, headerRow)); v == "±" {
			nameCol = 4
		}
		crews := 0
		for _, m := range merged {
			col, r1, _ := excelize.CellNameToCoordinates(m.GetStartAxis())
			_, r2, _ := excelize.CellNameToCoordinates(m.GetEndAxis())
			if col != 1 || r1 < firstLineRow { // the title race's row is merged too
				continue
			}
			crews++
			var where []int
			for r := r1; r <= r2; r++ {
				name, _ := wb.GetCellValue(sheet, ooxml.CellName(nameCol, r))
				on := pageOf(name)
				if len(on) != 1 {
					t.Errorf("%s: %q (row %d) on pages %v", sheet, name, r, on)
					continue
				}
				where = append(where, on[0])
			}
			if len(slices.Compact(where)) > 1 {
				t.Errorf("%s: the crew of rows %d-%d is cut over pages %v", sheet, r1, r2, where)
			}
		}
		if strings.HasSuffix(sheet, " Drivers") && (crews < 20 || len(idx) < 2) {
			t.Errorf("%s: %d crews on %d pages: the test needs crews over several pages", sheet, crews, len(idx))
		}
	}
	// Each warning prints whole: its end is on the page (long texts wrap
	// in their column instead of being cut at its edge).
	for i := range warnings {
		found := false
		for _, p := range bySheet["Issues"] {
			found = found || strings.Contains(pages[p], fmt.Sprintf("page width %d\n", i)) || strings.Contains(pages[p], fmt.Sprintf("page width %d ", i))
		}
		if !found {
			t.Errorf("Issues: the end of warning %d is not printed", i)
		}
	}
	if len(checked) != 4 || len(bySheet["Breakdown"]) < 2 || len(bySheet["Issues"]) < 2 {
		t.Errorf("tables %v, breakdown on %d pages, issues on %d: the test needs more", checked, len(bySheet["Breakdown"]), len(bySheet["Issues"]))
	}
}

// TestPrintedOnLetter: with Paper size = Letter the standings print on US
// Letter, landscape.
func TestPrintedOnLetter(t *testing.T) {
	bin := testkit.Soffice(t)
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	season.Paper = scoring.Letter
	path := filepath.Join(t.TempDir(), "standings.xlsx")
	if err := ooxml.WriteFile(path, false, func(w io.Writer) error {
		return WriteStandingsWorkbook(w, season, st, PublishOptions{Generated: sheetstest.Date})
	}); err != nil {
		t.Fatal(err)
	}
	if _, size := printedPages(t, bin, path); size != "792 x 612 pts (letter)" {
		t.Errorf("page size %q, want Letter landscape", size)
	}
}

// printedPages converts a workbook to PDF with LibreOffice and returns the
// text of each page (pdftotext -layout) and the page size.
func printedPages(t *testing.T, bin, path string) (pages []string, size string) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s (poppler-utils) is not installed; .ci/run installs it", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
	dir := t.TempDir()
	testkit.Convert(t, bin, "pdf", path, dir)
	pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".pdf")
	info, err := exec.Command("pdfinfo", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(string(info), "\n") {
		if rest, ok := strings.CutPrefix(line, "Page size:"); ok {
			size = strings.TrimSpace(rest)
		}
	}
	text, err := exec.Command("pdftotext", "-layout", pdf, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	pages = strings.Split(strings.TrimSuffix(string(text), "\f"), "\f")
	return pages, size
}
