package press

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
)

// hostileSeason has a class whose name is a path and a formula, a team and
// a driver named like formulas, and a penalty that leaves a car below zero.
func hostileSeason() (*scoring.Season, *scoring.Standings) {
	o := func(row int) scoring.Origin { return scoring.Origin{Sheet: "x", Row: row} }
	s := &scoring.Season{
		Rounds: []scoring.Round{{Number: 1, Code: "=R1", Factor: 1}},
		Points: []scoring.Award{{Kind: scoring.AwardPosition, Position: 1, Points: 10}},
		Entries: []scoring.Entry{
			{No: "1", Class: "../../etc/=passwd", Team: `=HYPERLINK("http://evil","x")`, Rounds: scoring.AllRounds(), Scores: true, Origin: o(1)},
			{No: "2", Class: "../../etc/=passwd", Team: "+Team Plus", Rounds: scoring.AllRounds(), Scores: true, Origin: o(2)},
			{No: "3", Class: `C:\Windows`, Team: "Normal", Rounds: scoring.AllRounds(), Scores: true, Origin: o(3)},
		},
		Drivers:   []scoring.Driver{{No: "1", Name: "@SUM(A1)", Key: "@sum(a1)", Rounds: scoring.AllRounds(), Origin: o(4)}},
		Results:   []scoring.Result{{Round: 1, No: "1", Pos: 1, Origin: o(5)}, {Round: 1, No: "2", Pos: 2, Origin: o(6)}, {Round: 1, No: "3", Pos: 1, Origin: o(7)}},
		Penalties: []scoring.Penalty{{Round: 1, No: "2", Points: 5, Origin: o(8)}},
	}
	st, _ := scoring.Score(s, scoring.Options{})
	return s, st
}

func TestCSVInjectionAndUnsafeNames(t *testing.T) {
	season, st := hostileSeason()
	root := t.TempDir()
	dir := filepath.Join(root, "press")
	names, err := WriteCSV(dir, season, st, CSVOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"etc-passwd-teams.csv", "etc-passwd-drivers.csv", "c-windows-teams.csv", "c-windows-drivers.csv", "results.csv", "standings.csv", "season.csv", "breakdown.csv"}
	if !slices.Equal(names, want) {
		t.Errorf("files %q, want %q", names, want)
	}
	// Nothing was written outside the folder.
	var all []string
	filepath.Walk(root, func(path string, info os.FileInfo, err error) error {
		if !info.IsDir() {
			rel, _ := filepath.Rel(dir, path)
			all = append(all, rel)
		}
		return nil
	})
	slices.Sort(all)
	sorted := append(slices.Clone(want), Manifest)
	slices.Sort(sorted)
	if !slices.Equal(all, sorted) {
		t.Errorf("files on disk %q", all)
	}
	teams, _ := os.ReadFile(filepath.Join(dir, "etc-passwd-teams.csv"))
	wantTeams := "Pos,Change,No.,Team,Nat,Car,=R1,Points,Title\n" +
		"1,,1,\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,,1,10,Champion\n" +
		"2,,2,'+Team Plus,,,2,-5,\n"
	// The round header is text from the Calendar: neutralised too.
	wantTeams = strings.Replace(wantTeams, ",=R1,", ",'=R1,", 1)
	if string(teams) != wantTeams {
		t.Errorf("teams CSV:\n%s\nwant:\n%s", teams, wantTeams)
	}
	standings, _ := os.ReadFile(filepath.Join(dir, "standings.csv"))
	for _, want := range []string{
		"../../etc/=passwd,Drivers,1,'@SUM(A1),1,1,1,10\n",    // classification names are not formulas: they start with "."
		"../../etc/=passwd,Teams,2,'+Team Plus,2,Total,,-5\n", // a negative total stays a number
	} {
		if !strings.Contains(string(standings), want) {
			t.Errorf("standings.csv lacks %q:\n%s", want, standings)
		}
	}
}

func TestSafeText(t *testing.T) {
	for in, want := range map[string]string{
		"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@A1": "'@A1", "\tx": "'\tx", "\rx": "'\rx",
		"Team": "Team", "": "", "1": "1", "Côme": "Côme",
	} {
		if got := safeText(in); got != want {
			t.Errorf("safeText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"LMP2": "lmp2", "LMP2 Am": "lmp2-am", "GT Am": "gt-am", "../../etc": "etc", `C:\x`: "c-x",
		"Pro-Am Cup": "pro-am-cup", "Élite": "elite", "": "class", "???": "class", "日本": "class",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCSVBOMAndOutputs(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	dir := t.TempDir()
	if _, err := WriteCSV(dir, season, st, CSVOptions{BOM: true}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "lmp2-drivers.csv"))
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBFPos,Change,No.,Driver")) || !bytes.Contains(data, []byte("Jakub Śmiechowski")) {
		t.Errorf("BOM file starts %q", data[:20])
	}
	var out bytes.Buffer
	if err := WriteStandingsCSV(&out, season, st, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out.String(), "Classification,Championship,Pos,Competitor,No.,Round,Result,Points\nLMP2,Teams,1,G-Drive Racing with Algarve,26,1,1,25\n") {
		t.Errorf("stdout CSV starts %q", out.String()[:120])
	}
	var z bytes.Buffer
	if err := WriteCSVZip(&z, season, st, CSVOptions{}); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(z.Bytes()), int64(z.Len()))
	if err != nil || len(zr.File) != 14 || zr.File[0].Name != "lmp2-teams.csv" || zr.File[13].Name != "breakdown.csv" {
		t.Errorf("zip: %v, %d files", err, len(zr.File))
	}
	// A file where the folder should be is refused.
	file := filepath.Join(t.TempDir(), "notadir")
	os.WriteFile(file, nil, 0o644)
	if _, err := WriteCSV(file, season, st, CSVOptions{}); err == nil || !strings.Contains(err.Error(), "is a file, not a folder") {
		t.Errorf("file as folder: %v", err)
	}
}

// The press pack's CSV writer writes what encoding/csv writes, byte for
// byte, with safeText where asked: quoting, doubled quotes, CR and LF kept,
// `\.`, a leading space (ASCII or not), and the apostrophe before a formula.
func TestCSVWriterMatchesEncodingCSV(t *testing.T) {
	fields := []string{"", "plain", "a,b", `say "hi"`, "two\nlines", "cr\rhere", "crlf\r\n", `\.`, `\.x`, " lead", "\tlead", "\u00a0nbsp", "\u3000ideo", "=SUM(A1)", "+1", "-5", "@cmd", "\tx,y", "\r", "-\"q\"", "=a\nb", "Śmiechowski", "Côme, Ledogar", "é", "'"}
	for _, safe := range []bool{false, true} {
		var want strings.Builder
		cw := csv.NewWriter(&want)
		var got bytes.Buffer
		w := newCSVWriter(&got)
		for _, a := range fields {
			for _, b := range fields {
				rec := []string{a, b}
				if safe {
					rec = []string{safeText(a), safeText(b)}
					w.safe(a)
					w.safeBytes([]byte(b))
				} else {
					w.text(a)
					w.text(b)
				}
				cw.Write(rec)
				if err := w.end(); err != nil {
					t.Fatal(err)
				}
			}
		}
		cw.Flush()
		if err := w.flush(); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			gl, wl := strings.Split(got.String(), "\n"), strings.Split(want.String(), "\n")
			for i := range min(len(gl), len(wl)) {
				if gl[i] != wl[i] {
					t.Fatalf("safe=%v: line %d: got %q, want %q", safe, i+1, gl[i], wl[i])
				}
			}
			t.Fatalf("safe=%v: %d lines, want %d", safe, len(gl), len(wl))
		}
	}
}

// allocSeason is cars × rounds results in classes, three drivers a car,
// every driver in every round: a large season in miniature.
func allocSeason(cars, rounds, classes int) (*scoring.Season, *scoring.Standings) {
	s := &scoring.Season{TieBreak: scoring.Countback}
	for p, pts := range []float64{25, 18, 15, 12, 10, 8, 6, 4, 2, 1} {
		s.Points = append(s.Points, scoring.Award{Kind: scoring.AwardPosition, Position: p + 1, Points: pts})
	}
	for r := 1; r <= rounds; r++ {
		s.Rounds = append(s.Rounds, scoring.Round{Number: r, Code: "R" + strconv.Itoa(r), Name: "Race " + strconv.Itoa(r), Factor: 1})
	}
	for c := 1; c <= cars; c++ {
		no := strconv.Itoa(c)
		s.Entries = append(s.Entries, scoring.Entry{No: no, Class: "Class " + strconv.Itoa(c%classes), Team: "Team " + no, Rounds: scoring.AllRounds(), Scores: true, Origin: scoring.Origin{Sheet: "Entries", Row: c + 1}})
		for d := range 3 {
			name := "Driver " + no + "-" + strconv.Itoa(d) + " Name"
			s.Drivers = append(s.Drivers, scoring.Driver{No: no, Name: name, Key: strings.ToLower(name), Rounds: scoring.AllRounds(), Origin: scoring.Origin{Sheet: "Drivers", Row: 3*c + d}})
		}
	}
	for r := 1; r <= rounds; r++ {
		for c := 1; c <= cars; c++ {
			res := scoring.Result{Round: r, No: strconv.Itoa(c), Pos: (c+r*7)%cars + 1, Origin: scoring.Origin{Sheet: "Results", Row: r*cars + c}}
			if c%13 == 0 {
				res.Status = scoring.Retired
				res.Pos = 0
			}
			s.Results = append(s.Results, res)
		}
	}
	st, _ := scoring.Score(s, scoring.Options{})
	return s, st
}

// The press pack's long files (results, standings, breakdown: a row per
// competitor and round, 800,000 rows on a 100,000-result season) are
// written without an allocation per row or per field: the collector's work
// grows with the season otherwise. (Results gathers each car's crew once:
// a few allocations per car, none per row.)
func TestPressCSVAllocations(t *testing.T) {
	season, st := allocSeason(120, 10, 4)
	perRow := map[string]float64{"results.csv": 0.5, "standings.csv": 0.01, "breakdown.csv": 0.01}
	for _, f := range pressPack(season, st) {
		var buf bytes.Buffer
		if err := f.writeTo(&buf, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		rows := bytes.Count(buf.Bytes(), []byte("\n"))
		allocs := testing.AllocsPerRun(3, func() {
			if err := f.writeTo(io.Discard, CSVOptions{}); err != nil {
				t.Fatal(err)
			}
		})
		if k, ok := perRow[f.name]; ok && allocs > k*float64(rows) {
			t.Errorf("%s: %.0f allocations for %d rows, want at most %.0f", f.name, allocs, rows, k*float64(rows))
		}
	}
}

// sortByPos orders lines as a stable sort on their round's position does,
// those without one last: shared places, gaps, positions beyond the number
// of lines (the stable sort's path) and negative ones.
func TestSortByPosMatchesStableSort(t *testing.T) {
	for _, tt := range []struct {
		name string
		pos  []int
	}{
		{"none", nil},
		{"in order", []int{1, 2, 3, 4}},
		{"reversed with unplaced", []int{0, 4, 3, 0, 2, 1}},
		{"shared places", []int{2, 1, 2, 0, 1, 5, 5}},
		{"gaps", []int{5, 0, 2, 3}},
		{"beyond the lines", []int{9, 1, 0, 30, 2}},
		{"negative", []int{2, -1, 0, 1}},
	} {
		teams := make([]scoring.Line, len(tt.pos)+2) // two lines not taking part
		var lines []int
		for j, p := range tt.pos {
			teams[j+1].Rounds = []scoring.Cell{{}, {Present: true, Pos: p}}
			lines = append(lines, j+1)
		}
		want := slices.Clone(lines)
		slices.SortStableFunc(want, func(a, b int) int {
			pa, pb := teams[a].Rounds[1].Pos, teams[b].Rounds[1].Pos
			if pa == 0 {
				pa = 1 << 30
			}
			if pb == 0 {
				pb = 1 << 30
			}
			return pa - pb
		})
		count := []int{7, 7, 7} // scratch left by an earlier call
		got, _ := sortByPos(lines, count, teams, 1)
		if !slices.Equal(got, want) {
			t.Errorf("%s: got %v, want %v", tt.name, got, want)
		}
	}
}

// TestPressPackSeasonFile: the press pack says, in season.csv, which
// series, season and round its standings are after and whether they are
// Provisional or Final — text fields neutralised as in the other files.
func TestPressPackSeasonFile(t *testing.T) {
	season := &scoring.Season{Series: "=Cup", Name: "2026", Status: scoring.Final,
		Rounds: []scoring.Round{{Number: 1, Name: "Spa", Factor: 1}, {Number: 2, Name: "@Monza", Factor: 1}}}
	tests := []struct {
		after int
		want  string
	}{
		{0, "Series,Season,After round,Race,Status\n'=Cup,2026,2,'@Monza,Final\n"},
		{1, "Series,Season,After round,Race,Status\n'=Cup,2026,1,Spa,Provisional\n"},
	}
	for _, tt := range tests {
		st, _ := scoring.Score(season, scoring.Options{AfterRound: tt.after})
		dir := t.TempDir()
		if _, err := WriteCSV(dir, season, st, CSVOptions{}); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, "season.csv"))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != tt.want {
			t.Errorf("after round %d: season.csv\n%s\nwant\n%s", tt.after, got, tt.want)
		}
	}
}
