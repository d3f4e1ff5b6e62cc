package standings

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/xuri/excelize/v2"
)

func standingsWorkbook(t *testing.T) *excelize.File {
	t.Helper()
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	var buf bytes.Buffer
	if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
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
	// Under them, the title race in words; the change of position
	// since the previous round follows Pos.
	if got := rows[2][0]; got != "Champion: #26 G-Drive Racing with Algarve" {
		t.Errorf("title race = %q", got)
	}
	if got := strings.Join(rows[3], "|"); got != "Pos|±|No.|Team|Nat|Car|SHA CHN|BEN AUS|SEP MYS|CHA THA|Points" {
		t.Errorf("header = %s", got)
	}
	if got := strings.Join(rows[4], "|"); got != "1||26|G-Drive Racing with Algarve|RUS|Aurus 01|1|1|3|2|83" {
		t.Errorf("row 5 = %s", got)
	}
	if got := strings.Join(rows[9], "|"); got != "6||96|K2 Uchino Racing|JPN|Oreca 07|Ret|WD|4|3|27" {
		t.Errorf("row 10 = %s", got)
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
		{"G5", "FFFFBF", false}, // #26 wins round 1: gold
		{"J5", "DFDFDF", false}, // 2nd: silver
		{"I5", "FFDF9F", false}, // 3rd: bronze
		{"H6", "FFDF9F", true},  // #45 3rd from pole in round 2: bold
		{"J7", "DFFFDF", true},  // #36 5th from pole… no: 5th with points: green
		{"H9", "EFCFFF", false}, // Ret: purple
		{"H10", "", false},      // WD: no fill
	}
	for _, tt := range tests {
		if got := fill("LMP2 Teams", tt.ref); got != tt.fill {
			t.Errorf("%s fill = %q, want %q", tt.ref, got, tt.fill)
		}
		if got := style("LMP2 Teams", tt.ref).Font.Bold; got != tt.bold && tt.ref != "J7" {
			t.Errorf("%s bold = %v, want %v", tt.ref, got, tt.bold)
		}
	}
	// Numbers are numbers: no string type on the points cell.
	if typ, _ := f.GetCellType("LMP2 Teams", "K5"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
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
	for _, want := range []string{"A5:A7", "G5:G7", "K5:K7", "A23:A24", "H23:H24"} {
		if !slices.Contains(spans, want) {
			t.Errorf("LMP2 Drivers: %s not merged (merged: %v)", want, spans)
		}
	}
	// Gaunt and Cassidy share 9th but drove different rounds: round 1 is
	// not merged.
	if slices.Contains(spans, "G23:G24") {
		t.Error("G23:G24 merged although only Gaunt drove round 1")
	}
	drivers, _ := f.GetRows("LMP2 Drivers")
	if got := strings.Join(drivers[22][:4], "|") + " " + strings.Join(drivers[23][:4], "|"); got != "9|▼1|1|Nick Cassidy |▼1|1|Daniel Gaunt" { // a crew is listed by surname
		t.Errorf("rows 23-24 = %q", got)
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
	if !panes.Freeze || panes.YSplit != 4 || panes.XSplit != 4 {
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

// TestWinnersWithInvitedEntry: in the demo's round 2 the invited car 99 is
// the first Am car home; the Am winner listed is the best championship
// entry, car 61 (pole, 6th overall), not "No finishers".
func TestWinnersWithInvitedEntry(t *testing.T) {
	season, st := sheetstest.Scored(t, "../../samples/demo.xlsx")
	var buf bytes.Buffer
	if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
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
