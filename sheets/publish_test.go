package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/xuri/excelize/v2"
)

const almsPath = "../samples/alms-2019-20.xlsx"

var testDate = time.Date(2020, 2, 24, 0, 0, 0, 0, time.UTC)

// scoredSample reads and scores a sample season.
func scoredSample(t testing.TB, path string) (*scoring.Season, *scoring.Standings) {
	t.Helper()
	season, diags, err := Read(path, OpenOptions{})
	if err != nil || diags.HasErrors() {
		t.Fatalf("reading %s: %v %v", path, err, diags.Err())
	}
	st, _ := scoring.Score(season, scoring.Options{})
	return season, st
}

func standingsWorkbook(t *testing.T) *excelize.File {
	t.Helper()
	season, st := scoredSample(t, almsPath)
	var buf bytes.Buffer
	if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: testDate}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestStandingsWorkbookSheets(t *testing.T) {
	f := standingsWorkbook(t)
	want := []string{
		"LMP2 Teams", "LMP2 Drivers", "LMP2 Am Teams", "LMP2 Am Drivers", "LMP3 Teams", "LMP3 Drivers",
		"GT Teams", "GT Drivers", "GT Am Teams", "GT Am Drivers", "Winners", "Breakdown",
		"LMP2 Progression", "LMP2 Am Progression", "LMP3 Progression", "GT Progression", "GT Am Progression",
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Errorf("sheets:\n got %q\nwant %q", got, want)
	}
}

// TestStandingsTableLooksPublished checks the LMP2 tables cell by cell
// against the published layout: values, colour key, pole in bold, crews
// merged, numbers as numbers.
func TestStandingsTableLooksPublished(t *testing.T) {
	f := standingsWorkbook(t)
	rows, err := f.GetRows("LMP2 Teams")
	if err != nil {
		t.Fatal(err)
	}
	// The title rows say which championship, series, round and status.
	if got := rows[0][0] + "\n" + rows[1][0]; got != "LMP2 Teams' Championship\nAsian Le Mans Series 2019–20 · After round 4 (4 Hours of Buriram) · Final" {
		t.Errorf("title rows = %q", got)
	}
	if got := strings.Join(rows[2], "|"); got != "Pos|No.|Team|Nat|Car|SHA CHN|BEN AUS|SEP MYS|CHA THA|Points" {
		t.Errorf("header = %s", got)
	}
	if got := strings.Join(rows[3], "|"); got != "1|26|G-Drive Racing with Algarve|RUS|Aurus 01|1|1|3|2|83" {
		t.Errorf("row 4 = %s", got)
	}
	if got := strings.Join(rows[8], "|"); got != "6|96|K2 Uchino Racing|JPN|Oreca 07|Ret|WD|4|3|27" {
		t.Errorf("row 9 = %s", got)
	}
	style := func(sheet, ref string) *excelize.Style {
		id, err := f.GetCellStyle(sheet, ref)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	fill := func(sheet, ref string) string {
		s := style(sheet, ref)
		if len(s.Fill.Color) == 0 {
			return ""
		}
		return s.Fill.Color[0]
	}
	tests := []struct {
		ref, fill string
		bold      bool
	}{
		{"F4", "FFFFBF", false}, // #26 wins round 1: gold
		{"I4", "DFDFDF", false}, // 2nd: silver
		{"H4", "FFDF9F", false}, // 3rd: bronze
		{"G5", "FFDF9F", true},  // #45 3rd from pole in round 2: bold
		{"I6", "DFFFDF", true},  // #36 5th from pole… no: 5th with points: green
		{"G8", "EFCFFF", false}, // Ret: purple
		{"G9", "", false},       // WD: no fill
	}
	for _, tt := range tests {
		if got := fill("LMP2 Teams", tt.ref); got != tt.fill {
			t.Errorf("%s fill = %q, want %q", tt.ref, got, tt.fill)
		}
		if got := style("LMP2 Teams", tt.ref).Font.Bold; got != tt.bold && tt.ref != "I6" {
			t.Errorf("%s bold = %v, want %v", tt.ref, got, tt.bold)
		}
	}
	// Numbers are numbers: no string type on the points cell.
	if typ, _ := f.GetCellType("LMP2 Teams", "J4"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("points cell type %v, want a number", typ)
	}
	// Crews share a row span: position, results and points merged.
	merged, err := f.GetMergeCells("LMP2 Drivers")
	if err != nil {
		t.Fatal(err)
	}
	var spans []string
	for _, m := range merged {
		spans = append(spans, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"A4:A6", "F4:F6", "J4:J6", "A22:A23", "G22:G23"} {
		if !slices.Contains(spans, want) {
			t.Errorf("LMP2 Drivers: %s not merged (merged: %v)", want, spans)
		}
	}
	// Gaunt and Cassidy share 9th but drove different rounds: round 1 is
	// not merged.
	if slices.Contains(spans, "F22:F23") {
		t.Error("F22:F23 merged although only Gaunt drove round 1")
	}
	drivers, _ := f.GetRows("LMP2 Drivers")
	if got := strings.Join(drivers[21][:3], "|") + " " + strings.Join(drivers[22][:3], "|"); got != "9|1|Nick Cassidy |1|Daniel Gaunt" { // a crew is listed by surname
		t.Errorf("rows 22-23 = %q", got)
	}
	// The key under the table.
	var text []string
	for _, r := range rows[11:] {
		text = append(text, strings.Join(r, " "))
	}
	key := strings.Join(text, "\n")
	for _, want := range []string{"Winner", "Retired (Ret)", "Disqualified (DSQ)", "Bold – pole position", "Italics – fastest lap", "(brackets) – result dropped"} {
		if !strings.Contains(key, want) {
			t.Errorf("legend lacks %q", want)
		}
	}
	// Print setup, header and footer.
	layout, _ := f.GetPageLayout("LMP2 Teams")
	if *layout.Orientation != "landscape" || *layout.FitToWidth != 1 {
		t.Errorf("page layout %+v", layout)
	}
	hf, _ := f.GetHeaderFooter("LMP2 Teams")
	if hf.OddHeader != "&LAsian Le Mans Series 2019–20&C&BLMP2 Teams' Championship&RFinal · 24 February 2020" || hf.OddFooter != "&LAfter round 4 (4 Hours of Buriram)&RPage &P of &N" {
		t.Errorf("header %q footer %q", hf.OddHeader, hf.OddFooter)
	}
	panes, _ := f.GetPanes("LMP2 Teams")
	if !panes.Freeze || panes.YSplit != 3 {
		t.Errorf("panes %+v", panes)
	}
}

func TestWinnersAndBreakdown(t *testing.T) {
	f := standingsWorkbook(t)
	rows, _ := f.GetRows("Winners")
	if got := strings.Join(rows[1], "|"); !strings.HasPrefix(got, "1|SHA|4 Hours of Shanghai|Shanghai International Circuit|") ||
		!strings.HasSuffix(got, "|LMP2|26|G-Drive Racing with Algarve|James French / Leonard Hoogenboom / Roman Rusinov") {
		t.Errorf("Winners row 2 = %s", got)
	}
	if got := strings.Join(rows[5][5:8], "|"); got != "GT Am||No finishers" {
		t.Errorf("GT Am round 1 = %s", got)
	}
	b, _ := f.GetRows("Breakdown")
	var rigon []string
	for _, r := range b {
		if len(r) > 3 && r[0] == "GT" && r[3] == "Davide Rigon" {
			rigon = append(rigon, strings.Join(r, "|"))
		}
	}
	want := []string{
		"GT|Drivers|7|Davide Rigon|27|1|6|8||1||1|||9|6th: 8; pole position: 1",
		"GT|Drivers|7|Davide Rigon|27|2|2|18||||1|||18|2nd: 18",
		"GT|Drivers|7|Davide Rigon|27|3|2|18||1||1|||19|2nd: 18; pole position: 1",
	}
	if strings.Join(rigon, "\n") != strings.Join(want, "\n") {
		t.Errorf("Breakdown for Rigon:\n got %s\nwant %s", strings.Join(rigon, "\n"), strings.Join(want, "\n"))
	}
}

func TestProgressionChart(t *testing.T) {
	f := standingsWorkbook(t)
	rows, _ := f.GetRows("GT Progression")
	if got := strings.Join(rows[2], "|"); got != "#27 HubAuto Corsa|9|27|46|71" { // 8 + pole, 18, 18 + pole, 25
		t.Errorf("GT progression row 3 = %s", got)
	}
	// Crews are one line: Shibata and Motojima together.
	found := false
	for _, r := range rows {
		if len(r) > 0 && r[0] == "Yuya Motojima / Yusaku Shibata" {
			found = true
		}
	}
	if !found {
		t.Error("no crew line for Motojima / Shibata")
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	zr, _ := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
			// Every line has a colour of its own, not the theme's: a
			// workbook saved by LibreOffice has no theme, and its lines
			// would not show.
			rc, _ := zf.Open()
			xml, _ := io.ReadAll(rc)
			rc.Close()
			series := strings.Count(string(xml), "<ser>")
			if lines := strings.Count(string(xml), `<a:ln cap="rnd" w="25400"><a:solidFill><a:srgbClr val=`); series == 0 || lines != series {
				t.Errorf("%s: %d series, %d with a line colour", zf.Name, series, lines)
			}
		}
	}
	if charts != 10 { // teams and drivers, five classifications
		t.Errorf("%d charts, want 10", charts)
	}
}

func TestSheetNames(t *testing.T) {
	p := newPublisher(excelize.NewFile(), &scoring.Season{}, &scoring.Standings{}, PublishOptions{Reserved: []string{"Results", "GT Teams"}})
	tests := []struct{ in, want string }{
		{"LMP2 Teams", "LMP2 Teams"},
		{"GT Teams", "GT Teams (2)"},
		{"results", "results (2)"},
		{"A/B: C*? [x] Teams", "A-B- C-- -x- Teams"},
		{"A very long class name indeed Drivers", "A very long class name indeed D"},
		{"A very long class name indeed Drivers", "A very long class name inde (2)"},
		{"'Quoted'", "Quoted"},
	}
	for _, tt := range tests {
		if got := p.sheetName(tt.in); got != tt.want {
			t.Errorf("sheetName(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// organiserWorkbook is the ALMS season with what an organiser adds: an
// extra sheet with formatting, a comment, a data validation, a defined
// name, a chart and a formula.
func organiserWorkbook(t *testing.T) string {
	t.Helper()
	f, err := excelize.OpenFile(almsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err = f.NewSheet("Budget")
	must(err)
	must(f.SetSheetRow("Budget", "A1", &[]any{"Item", "Cost"}))
	must(f.SetSheetRow("Budget", "A2", &[]any{"Trophies", 1200}))
	must(f.SetSheetRow("Budget", "A3", &[]any{"Timing", 3400}))
	must(f.SetCellFormula("Budget", "B4", "SUM(B2:B3)"))
	must(f.SetCellValue("Budget", "B4", 4600))
	must(f.SetCellFormula("Budget", "B4", "SUM(B2:B3)"))
	red, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FF0000"}}})
	must(err)
	must(f.SetCellStyle("Budget", "A1", "B1", red))
	must(f.AddComment("Results", excelize.Comment{Cell: "D3", Author: "Clerk", Text: "Confirmed by the stewards"}))
	dv := excelize.NewDataValidation(true)
	dv.Sqref = "C2:C10"
	must(dv.SetDropList([]string{"paid", "open"}))
	must(f.AddDataValidation("Budget", dv))
	must(f.SetDefinedName(&excelize.DefinedName{Name: "Costs", RefersTo: "Budget!$B$2:$B$3"}))
	must(f.AddChart("Budget", "E2", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{Name: "Budget!$B$1", Categories: "Budget!$A$2:$A$3", Values: "Budget!$B$2:$B$3"}}}))
	path := filepath.Join(t.TempDir(), "season.xlsx")
	must(f.SaveAs(path))
	return path
}

func TestWriteBackKeepsOrganiserContent(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	var first []byte
	for run := 1; run <= 2; run++ {
		before, _ := os.ReadFile(path)
		report, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
		if err != nil {
			t.Fatalf("run %d: %v", run, err)
		}
		if len(report.Sheets) != 17 || (run == 2) != (len(report.Replaced) == 17) {
			t.Errorf("run %d: wrote %d sheets, replaced %d", run, len(report.Sheets), len(report.Replaced))
		}
		if backup, _ := os.ReadFile(report.Backup); !bytes.Equal(backup, before) {
			t.Errorf("run %d: the backup is not the previous version", run)
		}
		if run == 1 {
			first, _ = os.ReadFile(path)
		}
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if !slices.Equal(sheets[:8], []string{"Instructions", "Season", "Calendar", "Points", "Entries", "Drivers", "Results", "Penalties"}) || sheets[9] != "Budget" || sheets[10] != "LMP2 Teams" {
		t.Errorf("sheet order %q", sheets)
	}
	if v, _ := f.GetCellValue("Budget", "B4"); v != "4600" {
		t.Errorf("Budget!B4 = %q", v)
	}
	if formula, _ := f.GetCellFormula("Budget", "B4"); formula != "SUM(B2:B3)" {
		t.Errorf("Budget!B4 formula = %q", formula)
	}
	id, _ := f.GetCellStyle("Budget", "A1")
	if s, _ := f.GetStyle(id); len(s.Fill.Color) == 0 || s.Fill.Color[0] != "FF0000" {
		t.Errorf("Budget!A1 lost its fill")
	}
	comments, _ := f.GetComments("Results")
	if len(comments) != 1 || comments[0].Text != "Confirmed by the stewards" {
		t.Errorf("comments = %+v", comments)
	}
	dvs, _ := f.GetDataValidations("Budget")
	if len(dvs) != 1 || dvs[0].Sqref != "C2:C10" {
		t.Errorf("validations = %+v", dvs)
	}
	names := f.GetDefinedName()
	if !slices.ContainsFunc(names, func(d excelize.DefinedName) bool { return d.Name == "Costs" && d.RefersTo == "Budget!$B$2:$B$3" }) {
		t.Errorf("defined names = %+v", names)
	}
	// The organiser's chart plus ten standings charts; the ten of the first
	// run were removed, not left behind.
	data, _ := os.ReadFile(path)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 11 {
		t.Errorf("%d charts after two runs, want 11", charts)
	}
	if len(data) > len(first)+len(first)/20 {
		t.Errorf("the workbook grew from %d to %d bytes on the second run", len(first), len(data))
	}
	// The season still reads as it did.
	if _, diags, err := Read(path, OpenOptions{}); err != nil || len(diags) > 0 {
		t.Errorf("after write-back: %v %v", err, diags)
	}
}

func TestWriteBackRefusesOpenWorkbook(t *testing.T) {
	for _, lock := range []string{"~$season.xlsx", ".~lock.season.xlsx#", "~$ason.xlsx"} {
		t.Run(lock, func(t *testing.T) {
			path := organiserWorkbook(t)
			before, _ := os.ReadFile(path)
			os.WriteFile(filepath.Join(filepath.Dir(path), lock), []byte("owner"), 0o644)
			season, st := scoredSample(t, path)
			_, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
			if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), "(lock file "+lock+") (close it in Excel or LibreOffice and run podium again)") {
				t.Errorf("error = %v", err)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
				t.Error("the workbook changed")
			}
		})
	}
}

// TestWriteBackInterrupted: a failure after the new file is complete and
// before it replaces the workbook leaves the workbook byte-identical and no
// temporary file behind.
func TestWriteBackInterrupted(t *testing.T) {
	path := organiserWorkbook(t)
	before, _ := os.ReadFile(path)
	season, st := scoredSample(t, path)
	var tmpSeen string
	_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, writeBackHooks{beforeRename: func(tmp string) error {
		tmpSeen = tmp
		if info, err := os.Stat(tmp); err != nil || info.Size() == 0 {
			t.Errorf("the temporary file is not complete: %v", err)
		}
		return errors.New("power cut")
	}})
	if err == nil || !strings.Contains(err.Error(), "power cut (the original file is unchanged; run podium again)") {
		t.Errorf("error = %v", err)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if _, err := os.Stat(tmpSeen); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("temporary file %s left behind", tmpSeen)
	}
}

// zipPart is a part to add to a package.
type zipPart struct {
	name string
	data []byte
}

// rezip rewrites a package with edit applied to each part (nil drops it),
// then the parts of add appended.
func rezip(t *testing.T, data []byte, edit func(name string, b []byte) []byte, add ...zipPart) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	write := func(name string, b []byte) {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if b = edit(zf.Name, b); b != nil {
			write(zf.Name, b)
		}
	}
	for _, p := range add {
		write(p.name, p.data)
	}
	zw.Close()
	return out.Bytes()
}

// keep is the identity edit for rezip.
func keep(_ string, b []byte) []byte { return b }

// cutElement is a rezip edit removing the element from open to close in
// one part.
func cutElement(part, open, close string) func(string, []byte) []byte {
	return func(name string, b []byte) []byte {
		if name != part {
			return b
		}
		i := bytes.Index(b, []byte(open))
		j := bytes.Index(b, []byte(close))
		return append(append([]byte{}, b[:i]...), b[j+len(close):]...)
	}
}

// TestVerifyWriteBack: each kind of loss is named, and nothing is named
// when all is kept.
func TestVerifyWriteBack(t *testing.T) {
	orig, err := os.ReadFile(organiserWorkbook(t))
	if err != nil {
		t.Fatal(err)
	}
	withMacros := rezip(t, orig, keep, zipPart{"xl/vbaProject.bin", []byte("\xd0\xcf\x11\xe0 macros")})
	replace := func(part, old, new string) func(string, []byte) []byte {
		return func(name string, b []byte) []byte {
			if name == part {
				return bytes.Replace(b, []byte(old), []byte(new), 1)
			}
			return b
		}
	}
	tests := []struct {
		name    string
		orig    []byte
		updated []byte
		want    string
	}{
		{"nothing lost", orig, orig, ""},
		{"a part dropped", withMacros, orig, "xl/vbaProject.bin (macros (VBA))"},
		{"an opaque part changed", withMacros, rezip(t, withMacros, replace("xl/vbaProject.bin", "macros", "MACROS")), "xl/vbaProject.bin (macros (VBA)) would change"},
		{"a formula changed", orig, rezip(t, orig, replace("xl/worksheets/sheet10.xml", "SUM(B2:B3)", "SUM(B2:B2)")), "sheet Budget: the formula in B4"},
		{"a value changed", orig, rezip(t, orig, replace("xl/worksheets/sheet10.xml", "<v>1200</v>", "<v>1300</v>")), `sheet Budget, cell B2: "1200" would become "1300"`},
		{"a shared string changed", orig, rezip(t, orig, replace("xl/sharedStrings.xml", "<si><t>", "<si><t>Changed ")), `would become "Changed `},
		{"a sheet element dropped", orig, rezip(t, orig, cutElement("xl/worksheets/sheet10.xml", "<dataValidations", "</dataValidations>")), "sheet Budget: its dataValidations"},
		{"a defined name dropped", orig, rezip(t, orig, cutElement("xl/workbook.xml", "<definedNames>", "</definedNames>")), "the defined name Costs (Budget!$B$2:$B$3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lost, err := verifyWriteBack(tt.orig, tt.updated, nil, nil, DefaultLimits())
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(lost, "; ")
			if tt.want == "" && got != "" || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("lost = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestWriteBackRefusesLoss: when the new workbook would lack something of
// the organiser's — here the Budget sheet's comment-free chart drawing and a
// changed cell, standing in for content excelize could not carry — the
// workbook stays as it was, no backup is written, and the error says what
// and suggests --out.
func TestWriteBackRefusesLoss(t *testing.T) {
	path := organiserWorkbook(t)
	before, _ := os.ReadFile(path)
	season, st := scoredSample(t, path)
	damage := func(updated []byte) []byte {
		return rezip(t, updated, func(name string, b []byte) []byte {
			switch name {
			case "xl/charts/chart1.xml": // the organiser's chart
				return nil
			case "xl/worksheets/sheet10.xml":
				return bytes.Replace(b, []byte("<v>3400</v>"), []byte("<v>0</v>"), 1)
			}
			return b
		})
	}
	_, err := writeBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}, writeBackHooks{damage: damage})
	want := `the workbook would lose some of its content: xl/charts/chart1.xml (chart); sheet Budget, cell B3: "3400" would become "0"; the workbook was not changed (use --out STANDINGS.xlsx to write the standings to a separate workbook)`
	if !errors.Is(err, ErrWouldLose) || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error:\n got %v\nwant …%s", err, want)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the workbook changed")
	}
	if _, err := os.Stat(BackupPath(path)); !errors.Is(err, os.ErrNotExist) {
		t.Error("a backup was written for a refused run")
	}
}

// TestDeterministic: the same input and date give the same bytes (the
// press pack's zip: press.TestDeterministic).
func TestDeterministic(t *testing.T) {
	season, st := scoredSample(t, almsPath)
	var a, b bytes.Buffer
	opts := PublishOptions{Generated: testDate}
	if err := WriteStandingsWorkbook(&a, season, st, opts); err != nil {
		t.Fatal(err)
	}
	if err := WriteStandingsWorkbook(&b, season, st, opts); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two standings workbooks differ")
	}
	var outs [2][]byte
	for i := range outs {
		path := organiserWorkbook(t)
		if _, err := WriteBack(path, season, st, opts, Limits{}); err != nil {
			t.Fatal(err)
		}
		outs[i], _ = os.ReadFile(path)
	}
	if !bytes.Equal(outs[0], outs[1]) {
		t.Error("two write-backs of the same workbook differ")
	}
}

// TestWriteBackRecognisesRenamedSheets: a standings sheet the organiser
// renamed is still podium's, found by its sheet ID, and replaced.
func TestWriteBackRecognisesRenamedSheets(t *testing.T) {
	path := organiserWorkbook(t)
	season, st := scoredSample(t, path)
	if _, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetName("LMP2 Teams", "Our LMP2 table"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	report, err := WriteBack(path, season, st, PublishOptions{Generated: testDate}, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(report.Replaced, "Our LMP2 table") {
		t.Errorf("replaced %q, want the renamed sheet among them", report.Replaced)
	}
	g, _ := excelize.OpenFile(path)
	defer g.Close()
	sheets := g.GetSheetList()
	if slices.Contains(sheets, "Our LMP2 table") || !slices.Contains(sheets, "LMP2 Teams") || len(sheets) != 10+17 {
		t.Errorf("sheets after the second run: %q", sheets)
	}
}

// TestWinnersWithInvitedEntry: in the demo's round 2 the invited car 99 is
// the first Am car home; the Am winner listed is the best championship
// entry, car 61 (pole, 6th overall), not "No finishers".
func TestWinnersWithInvitedEntry(t *testing.T) {
	season, st := scoredSample(t, "../samples/demo.xlsx")
	var buf bytes.Buffer
	if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: testDate}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Winners")
	var got []string
	for _, r := range rows[1:] {
		if r[0] == "2" {
			got = append(got, strings.Join(r[5:], "|"))
		}
	}
	want := []string{
		// Drivers in championship order.
		"Pro|22|Northern Lights Motorsport|Jonas Berg / Mikko Virtanen",
		"Am|61|Aurora Motorsport|Kenji Watanabe / Erik Haugen",
		"Bronze Cup|61|Aurora Motorsport|Erik Haugen / Kenji Watanabe",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("round 2 winners:\n got %s\nwant %s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
