package standings

import (
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/podium-dev/podium/internal/testkit"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/xuri/excelize/v2"
)

// TestSheetNamesFitExcel: generated sheet names follow Excel's rules for
// every kind of class name — 31 UTF-16 units (an emoji is two), cut
// between characters as a reader sees them, unique ignoring case, none of
// : \ / ? * [ ], no apostrophe at either end.
func TestSheetNamesFitExcel(t *testing.T) {
	reserved := []string{"Results", "GT Teams", "ärger"}
	a := func(n int) string { return strings.Repeat("A", n) }
	flag := "\U0001F3C1" // chequered flag: two UTF-16 units
	tests := []struct {
		name, class, kind, want string
		again                   bool // the name asked for a second time
	}{
		{name: "plain", class: "LMP2", kind: "Teams", want: "LMP2 Teams"},
		{name: "taken by the organiser", class: "GT", kind: "Teams", want: "GT Teams (2)"},
		{name: "taken, other case", class: "RESULTS", want: "RESULTS (2)"},
		{name: "taken, other case beyond ASCII", class: "ÄRGER", want: "ÄRGER (2)"},
		{name: "reserved by Excel", class: "history", want: "history (2)"},
		{name: "taken again", class: "LMP2", kind: "Teams", want: "LMP2 Teams (2)", again: true},
		{name: "forbidden characters", class: "A/B: C*? [x]", kind: "Teams", want: "A-B- C-- -x- Teams"},
		{name: "control character", class: "GT\u0007", kind: "Teams", want: "GT- Teams"},
		{name: "apostrophes", class: "'Quoted'", want: "Quoted"},
		{name: "apostrophe bared by the cut", class: a(30) + "'B", want: a(30)},
		{name: "only apostrophes", class: "''", want: "Sheet"},
		{name: "only apostrophes, with a kind", class: "''", kind: "Teams", want: "Teams"},
		{name: "long", class: "A very long class name indeed", kind: "Drivers", want: "A very long class name Drivers"},
		{name: "long, again", class: "A very long class name indeed", kind: "Drivers", want: "A very long class n Drivers (2)", again: true},
		{name: "long, no kind", class: "A very long class name indeed Drivers", want: "A very long class name indeed D"},
		{name: "emoji", class: strings.Repeat(flag, 16), want: strings.Repeat(flag, 15)},
		{name: "emoji, again", class: strings.Repeat(flag, 16), want: strings.Repeat(flag, 13) + " (2)", again: true},
		{name: "emoji, with a kind", class: strings.Repeat(flag, 16), kind: "Progression", want: strings.Repeat(flag, 9) + " Progression"},
		{name: "emoji at the limit", class: "GT " + flag + " Pro-Am Championship", kind: "Teams", want: "GT " + flag + " Pro-Am Championship Teams"},
		{name: "emoji, cut at the limit", class: "GT " + flag + " Pro-Am Championship Teams and more", want: "GT " + flag + " Pro-Am Championship Teams"},
		{name: "emoji across the limit", class: a(30) + flag, want: a(30)},
		{name: "combining accent", class: a(30) + "e\u0301x", want: a(30)},
		{name: "variation selector", class: a(30) + "\u2764\uFE0F", want: a(30)},
		{name: "flag of two letters", class: a(29) + "\U0001F1EB\U0001F1F7", want: a(29)},
		{name: "two flags", class: a(27) + "\U0001F1EB\U0001F1F7\U0001F1E9\U0001F1EA", want: a(27) + "\U0001F1EB\U0001F1F7"},
		{name: "joined emoji", class: a(27) + "\U0001F469\u200D\U0001F469\u200D\U0001F467", want: a(27)},
		{name: "skin tone", class: a(29) + "\U0001F44D\U0001F3FD", want: a(29)},
		{name: "CJK", class: "全日本スーパーフォーミュラ選手権クラス別ドライバーズ選手権チーム", want: "全日本スーパーフォーミュラ選手権クラス別ドライバーズ選手権チー"},
		{name: "CJK, again", class: "全日本スーパーフォーミュラ選手権クラス別ドライバーズ選手権チーム", want: "全日本スーパーフォーミュラ選手権クラス別ドライバーズ選 (2)", again: true},
		{name: "CJK, with a kind", class: "全日本スーパーフォーミュラ選手権クラス別", kind: "Drivers", want: "全日本スーパーフォーミュラ選手権クラス別 Drivers"},
		{name: "one character longer than the limit", class: strings.Repeat("\U0001F469\u200D", 16), want: strings.Repeat("\U0001F469\u200D", 10)},
	}
	for _, tt := range tests {
		p := newPublisher(excelize.NewFile(), &scoring.Season{}, &scoring.Standings{}, PublishOptions{Reserved: reserved})
		if tt.again {
			p.kindSheetName(tt.class, tt.kind)
		}
		got := p.kindSheetName(tt.class, tt.kind)
		if got != tt.want {
			t.Errorf("%s: kindSheetName(%q, %q) = %q, want %q", tt.name, tt.class, tt.kind, got, tt.want)
		}
		if n := len(utf16.Encode([]rune(got))); n > 31 {
			t.Errorf("%s: %q takes %d UTF-16 units", tt.name, got, n)
		}
		f := excelize.NewFile()
		if _, err := f.NewSheet(got); err != nil {
			t.Errorf("%s: excelize refuses %q: %v", tt.name, got, err)
		}
		f.Close()
	}
}

// TestPrintSetup: every generated sheet prints on A4 landscape, one page
// wide (fit to page, any number of pages tall), with its header rows
// repeated on every page; the Progression sheets print each chart on its
// own page. (TestPrintedStandings checks the printed result.)
func TestPrintSetup(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	f := excelize.NewFile()
	p := newPublisher(f, season, st, PublishOptions{Generated: sheetstest.Date, Warnings: scoring.Diagnostics{{Severity: scoring.Warning, Message: "a warning"}}})
	p.placeholder = "Sheet1"
	if err := p.publish(); err != nil {
		t.Fatal(err)
	}
	data, err := stableBytes(f, p.splices)
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	wb, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	titles := map[string]string{}
	for _, d := range wb.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range wb.GetSheetList() {
		props, err := wb.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: not fit to page", sheet)
		}
		layout, err := wb.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if *layout.Size != 9 || *layout.Orientation != "landscape" || *layout.FitToWidth != 1 || *layout.FitToHeight != 0 {
			t.Errorf("%s: paper %d %s, %d wide, %d tall; want A4 (9) landscape, 1 wide, 0 (any) tall", sheet, *layout.Size, *layout.Orientation, *layout.FitToWidth, *layout.FitToHeight)
		}
		want := "'" + sheet + "'!$1:$1"
		switch {
		case strings.HasSuffix(sheet, " Teams") || strings.HasSuffix(sheet, " Drivers"):
			want = "'" + sheet + "'!$1:$4"
		case strings.HasSuffix(sheet, " Progression"):
			want = ""
		}
		if titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
		}
	}
	if len(titles) != 13 { // 10 tables, Winners, Breakdown, Issues
		t.Errorf("print titles on %d sheets, want 13: %v", len(titles), titles)
	}
}

// TestRowBreaks: page breaks fall between blocks (crews, the key), never
// inside one, and pages are filled up to their capacity.
func TestRowBreaks(t *testing.T) {
	height := func(int) float64 { return 15 }
	tests := []struct {
		name     string
		rows     int
		blocks   [][2]int
		capacity float64
		want     []int
	}{
		{"fits", 20, nil, 300, nil},
		{"plain rows", 50, nil, 150, []int{14, 24, 34, 44}},
		{"a crew would straddle", 30, [][2]int{{12, 14}}, 150, []int{12, 22}},
		{"a block at the top of a page stays", 30, [][2]int{{14, 16}}, 150, []int{14, 24}},
		{"the key moves whole", 40, [][2]int{{5, 6}, {20, 34}}, 300, []int{20, 40}},
		{"a block taller than a page is cut where it must", 40, [][2]int{{10, 35}}, 150, []int{10, 40}},
	}
	for _, tt := range tests {
		got := rowBreaks(tt.rows, height, 3, tt.blocks, tt.capacity)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: breaks %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestPaperSetting: the Season sheet's optional Paper size setting sets
// the standings sheets up for Letter; without it they print on A4; another
// value is refused at its cell.
func TestPaperSetting(t *testing.T) {
	tests := []struct {
		value string // "" leaves the setting out
		size  int
		diag  string
	}{
		{"", 9, ""},
		{"Letter", 1, ""},
		{"us letter", 1, ""},
		{"a4", 9, ""},
		{"A3", 0, `Season!B8: paper size "A3" is not A4 or Letter (choose A4 or Letter)`},
	}
	for _, tt := range tests {
		f, err := excelize.OpenFile(sheetstest.ALMS)
		if err != nil {
			t.Fatal(err)
		}
		if tt.value != "" {
			f.SetCellStr("Season", "A8", "Paper size")
			f.SetCellStr("Season", "B8", tt.value)
		}
		path := filepath.Join(t.TempDir(), "season.xlsx")
		if err := f.SaveAs(path); err != nil {
			t.Fatal(err)
		}
		f.Close()
		season, diags, err := sheets.Read(path, sheets.OpenOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(testkit.DiagLines(diags), "\n"); got != tt.diag {
			t.Errorf("%q: diagnostics %q, want %q", tt.value, got, tt.diag)
		}
		if tt.diag != "" {
			continue
		}
		st, _ := scoring.Score(season, scoring.Options{})
		var buf bytes.Buffer
		if err := WriteStandingsWorkbook(&buf, season, st, PublishOptions{Generated: sheetstest.Date}); err != nil {
			t.Fatal(err)
		}
		wb, err := excelize.OpenReader(&buf)
		if err != nil {
			t.Fatal(err)
		}
		for _, sheet := range wb.GetSheetList() {
			layout, _ := wb.GetPageLayout(sheet)
			if *layout.Size != tt.size {
				t.Errorf("%q: %s paper %d, want %d", tt.value, sheet, *layout.Size, tt.size)
			}
		}
		wb.Close()
	}
}

// stableBytes writes the workbook as the standings writer does, into
// memory.
var stableBytes = ooxml.StableBytes
