package noticeboard

import (
	"bytes"
	"errors"
	"fmt"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/internal/sheetstest"
	"github.com/podium-dev/podium/sheets/present"
)

// issued is the date and time of issue of the tests' documents.
var issued = time.Date(2020, 2, 24, 14, 30, 0, 0, time.UTC)

const issuedText = "Document No. 7 · Issued 24 February 2020, 14:30 UTC"

// poppler checks that poppler-utils are installed: locally the tests
// skip without them, in CI (CI=true) they fail, since .ci/run installs
// them.
func poppler(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"pdftotext", "pdfinfo", "pdffonts", "pdftoppm"} {
		if _, err := exec.LookPath(tool); err != nil {
			if os.Getenv("CI") == "true" {
				t.Fatalf("%s (poppler-utils) is not installed; .ci/run installs it", tool)
			}
			t.Skipf("%s not installed", tool)
		}
	}
}

// write writes the notice-board document to a file and returns its path.
func write(t *testing.T, season *scoring.Season, st *scoring.Standings, opts Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, season, st, opts); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "notice.pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	return string(out)
}

// pages returns the text of each page (pdftotext -layout), checking that
// pdfinfo counts as many pages, all A4 landscape.
func pages(t *testing.T, path string) []string {
	t.Helper()
	text := strings.Split(strings.TrimSuffix(tool(t, "pdftotext", "-layout", path, "-"), "\f"), "\f")
	info := tool(t, "pdfinfo", path)
	if want := fmt.Sprintf("Pages:           %d\n", len(text)); !strings.Contains(info, want) {
		t.Errorf("pdfinfo does not say %q:\n%s", want, info)
	}
	if want := "Page size:       841.89 x 595.28 pts (A4)"; !strings.Contains(info, want) {
		t.Errorf("pdfinfo does not say %q (A4 landscape):\n%s", want, info)
	}
	return text
}

// almsOptions are the options of the ALMS sample's document.
func almsOptions() Options {
	return Options{Issued: issued, Number: 7, Clerk: "Côme Ledogar", Stewards: []string{"Anna Steward", "Bo Referee"}}
}

// TestALMS prints every championship table of the ALMS sample with its
// totals, each page with the status, the document number, the date of
// issue and "Page x of N", and the key and the signature block at the
// end.
func TestALMS(t *testing.T) {
	poppler(t)
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	text := pages(t, write(t, season, st, almsOptions()))
	all := strings.Join(text, "\n")
	for i, page := range text {
		for _, want := range []string{
			"Asian Le Mans Series 2019–20", "Championship standings · After round 4 (4 Hours of Buriram)", "FINAL", issuedText,
			fmt.Sprintf("Page %d of %d", i+1, len(text)),
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page %d does not show %q", i+1, want)
			}
		}
	}
	models := present.CarModels(season)
	layout := present.NewLayout(season, st)
	if len(layout.Tables) < 8 {
		t.Fatalf("%d tables", len(layout.Tables))
	}
	for _, tb := range layout.Tables {
		if !strings.Contains(all, tb.Title()+"\n") {
			t.Errorf("no title %q", tb.Title())
		}
		checkTotals(t, all, tb, models)
	}
	for _, want := range []string{
		"Winner", "Classified, no points / Not classified (NC)", "Did not start (DNS)", "Bold – pole position", "Italics – fastest lap",
		"Clerk of the Course", "Steward 1", "Steward 2", "Côme Ledogar", "Anna Steward", "Bo Referee", "Signature", "Jakub Śmiechowski",
	} {
		if !strings.Contains(text[len(text)-1]+all, want) {
			t.Errorf("the document does not show %q", want)
		}
	}
	if strings.Contains(all, "Steward 3") {
		t.Error("a third Steward's block with two Stewards named")
	}
}

// checkTotals checks that the text shows each line of the table with its
// position and points: on one text line for a competitor alone on its
// position, the crew's names then the position and points on their
// middle line for competitors sharing it.
func checkTotals(t *testing.T, text string, tb present.Table, models map[string]string) {
	t.Helper()
	lines := tb.Lines
	for start := 0; start < len(lines); {
		end := start + 1
		for lines[start].Pos > 0 && end < len(lines) && lines[end].Pos == lines[start].Pos && lines[end].Points == lines[start].Points {
			end++
		}
		who := present.Describe(lines[start], models)
		pos := ""
		if lines[start].Pos > 0 {
			pos = strconv.Itoa(lines[start].Pos)
		}
		points := scoring.FormatPoints(lines[start].Points)
		var re string
		if end-start == 1 {
			re = `(?m)^ *` + pos
			if pos != "" {
				re += `(?: +(?:[▲▼]\d+|new))?` // the change of position
			}
			for _, s := range []string{who.No, who.Name, who.Nat, who.Car} {
				if s != "" {
					re += ` +` + regexp.QuoteMeta(s)
				}
			}
			re += ` .* ` + regexp.QuoteMeta(points) + `$`
		} else {
			re = `(?m)^ *` + pos + ` +.* ` + regexp.QuoteMeta(points) + `$`
			for _, l := range lines[start:end] {
				if !strings.Contains(text, present.Describe(l, models).Name) {
					t.Errorf("%s: no %s", tb.Title(), present.Describe(l, models).Name)
				}
			}
		}
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("%s: no line for %s (position %s, %s points): %s", tb.Title(), who.Name, pos, points, re)
		}
		start = end
	}
}

// TestProvisional: standings after an earlier round are Provisional on
// every page, whatever the season's status.
func TestProvisional(t *testing.T) {
	poppler(t)
	season, _ := sheetstest.Scored(t, sheetstest.ALMS)
	st, _ := scoring.Score(season, scoring.Options{AfterRound: 2})
	text := pages(t, write(t, season, st, Options{Issued: issued, Number: 3}))
	for i, page := range text {
		for _, want := range []string{"PROVISIONAL", "After round 2 (4 Hours of The Bend)", "Provisional · Document No. 3 · Issued 24 February 2020, 14:30 UTC"} {
			if !strings.Contains(page, want) {
				t.Errorf("page %d does not show %q", i+1, want)
			}
		}
		if strings.Contains(page, "FINAL") || strings.Contains(page, "Final") {
			t.Errorf("page %d says Final", i+1)
		}
	}
	last := text[len(text)-1]
	// Without names, the Clerk and three Stewards sign on blank lines.
	for _, want := range []string{"Clerk of the Course", "Steward 1", "Steward 2", "Steward 3", "Name:"} {
		if !strings.Contains(last, want) {
			t.Errorf("the last page does not show %q", want)
		}
	}
}

// TestLongTableRepeatsHeader: a table longer than a page continues on the
// next pages under its title and header row.
func TestLongTableRepeatsHeader(t *testing.T) {
	poppler(t)
	season, st := sheetstest.Scored(t, sheetstest.WriteSynthetic(t, samples.Synth{Cars: 60, Rounds: 6, Classes: 1, Championships: true}))
	text := pages(t, write(t, season, st, Options{Issued: issued, Number: 1}))
	drivers := 0
	for _, tb := range present.NewLayout(season, st).Tables {
		if tb.Competitor == scoring.CompetitorDriver {
			drivers = len(tb.Lines)
			title := tb.Title()
			// The synthetic season has no nationalities: no Nat column.
			head := regexp.MustCompile(`(?m)^ *Pos +± +No\. +Driver +Car +R01 +R02 +R03 +R04 +R05 +R06 +Points$`)
			continued := 0
			for _, page := range text {
				if strings.Contains(page, title+" (continued)") {
					continued++
					if !head.MatchString(page) {
						t.Errorf("a page of %s has no header row:\n%s", title, page)
					}
				}
			}
			if continued < 3 {
				t.Errorf("%s (%d lines) continues on %d pages, want 3 or more", title, len(tb.Lines), continued)
			}
			checkTotals(t, strings.Join(text, "\n"), tb, present.CarModels(season))
		}
	}
	if drivers < 150 {
		t.Fatalf("%d drivers", drivers)
	}
}

// TestDeterministic: the same standings and options give the same bytes.
func TestDeterministic(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	var a, b bytes.Buffer
	if err := Write(&a, season, st, almsOptions()); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, season, st, almsOptions()); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two documents of the same standings differ")
	}
	if !bytes.Contains(a.Bytes(), []byte("/CreationDate (D:20200224143000)")) {
		t.Error("the creation date is not the date of issue")
	}
}

// TestFontsEmbedded: every font of the document is embedded, the built-in
// font's faces for the names, bold (pole, points) and italics (fastest
// lap).
func TestFontsEmbedded(t *testing.T) {
	poppler(t)
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	out := tool(t, "pdffonts", write(t, season, st, almsOptions()))
	rows := strings.Split(strings.TrimSpace(out), "\n")[2:]
	var names []string
	for _, row := range rows {
		f := strings.Fields(row)
		names = append(names, f[0])
		if f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", row)
		}
	}
	if got := strings.Join(names, " "); got != "utf8dejavuB utf8dejavuI utf8dejavu" {
		t.Errorf("fonts %s", got)
	}
}

// cjkName gives the ALMS sample's driver Haruki Kurosawa his name in
// Japanese: the lines are the standings' (the drivers' table of every
// classification he drives in).
func cjkName(t *testing.T, st *scoring.Standings) {
	t.Helper()
	n := 0
	for i := range st.Classifications {
		for j := range st.Classifications[i].Drivers {
			if l := &st.Classifications[i].Drivers[j]; l.Name == "Haruki Kurosawa" {
				l.Name = "黒澤治樹"
				n++
			}
		}
	}
	if n == 0 {
		t.Fatal("no Haruki Kurosawa")
	}
}

// TestCJKName: a Japanese name is printed in the system's fallback font,
// embedded beside the built-in one.
func TestCJKName(t *testing.T) {
	poppler(t)
	font := DefaultFallbackFonts()[0]
	if _, err := os.Stat(font); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is missing; .ci/run installs fonts-droid-fallback", font)
		}
		t.Skip("fonts-droid-fallback not installed")
	}
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	cjkName(t, st)
	path := write(t, season, st, almsOptions())
	text := strings.Join(pages(t, path), "\n")
	if !regexp.MustCompile(`(?m)^ +96 黒澤治樹 +JPN +Oreca 07 `).MatchString(text) {
		t.Errorf("no line for 黒澤治樹 in:\n%s", text)
	}
	out := tool(t, "pdffonts", path)
	if !strings.Contains(out, "utf8fallback0") {
		t.Errorf("no fallback font:\n%s", out)
	}
	for _, row := range strings.Split(strings.TrimSpace(out), "\n")[2:] {
		if f := strings.Fields(row); f[len(f)-5] != "yes" {
			t.Errorf("font not embedded: %s", row)
		}
	}
}

// TestUnprintableName: a name no font at hand can print stops the
// document with an error naming the table, the row and the character;
// nothing is written.
func TestUnprintableName(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	cjkName(t, st)
	opts := almsOptions()
	opts.FallbackFonts = []string{filepath.Join(t.TempDir(), "missing.ttf"), "noticeboard_test.go"}
	var b bytes.Buffer
	err := Write(&b, season, st, opts)
	var ge *GlyphError
	if !errors.As(err, &ge) {
		t.Fatalf("error %v, want a GlyphError", err)
	}
	want := `LMP2 Drivers' Championship, row 15 (Driver): cannot print "黒澤治樹": no font has '黒' (U+9ED2); ` + fontHint
	if err.Error() != want {
		t.Errorf("error\n%s\nwant\n%s", err, want)
	}
	if b.Len() != 0 {
		t.Errorf("%d bytes written", b.Len())
	}
}

// TestMovesAndTitleRace: a table compared with the previous round shows
// each line's change of position, and the title race under its title
// (the fields set by hand here).
func TestMovesAndTitleRace(t *testing.T) {
	poppler(t)
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	tb := st.Table("LMP2 Teams")
	tb.Moves = true
	tb.Title = scoring.TitleRace{RoundsLeft: 1, Available: 26}
	tb.Lines[0].Previous, tb.Lines[0].Title = 2, scoring.TitleContender
	tb.Lines[1].Previous, tb.Lines[1].Title = 1, scoring.TitleContender
	tb.Lines[2].Previous = 0
	tb.Lines[3].Previous = 4
	st.Table("LMP2 Drivers").Moves = false
	text := strings.Join(pages(t, write(t, season, st, almsOptions())), "\n")
	for _, re := range []string{
		`(?m)^ *Pos +± +No\. +Team +Nat +Car `,
		`(?m)^ *1 +▲1 +26 +G-Drive Racing with Algarve `,
		`(?m)^ *2 +▼1 +45 +Thunderhead Carlin Racing `,
		`(?m)^ *3 +new +36 +Eurasia Motorsport `,
		`(?m)^ *4 +33 +Inter Europol Endurance `,
		`(?m)^ *1 race left, 26 points available; can still win: #26 G-Drive Racing with Algarve and #45 Thunderhead Carlin Racing$`,
		// A table without moves (cleared by hand): no column.
		`(?m)^ *Pos +No\. +Driver +Nat +Car `,
	} {
		if !regexp.MustCompile(re).MatchString(text) {
			t.Errorf("no match for %s", re)
		}
	}
}

// TestOptionsRequired: a document without a number or a date of issue is
// refused.
func TestOptionsRequired(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	for _, c := range []struct {
		opts Options
		want error
		text string
	}{
		{Options{Issued: issued}, ErrNumber, "the document number must be 1 or more (got 0)"},
		{Options{Number: 1}, ErrIssued, "the date and time of issue is not set"},
	} {
		err := Write(&bytes.Buffer{}, season, st, c.opts)
		if !errors.Is(err, c.want) || err.Error() != c.text {
			t.Errorf("error %v, want %s", err, c.text)
		}
	}
}

// TestPreviousNumber reads the number of the document at the output path
// back, and refuses a file podium did not write as a notice-board
// document.
func TestPreviousNumber(t *testing.T) {
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	dir := t.TempDir()
	var b bytes.Buffer
	if err := Write(&b, season, st, almsOptions()); err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{
		"notice.pdf":  b.Bytes(),
		"other.pdf":   []byte("%PDF-1.4\n1 0 obj\n<< /Creator (LibreOffice) /Keywords (standings) >>\nendobj\n%%EOF\n"),
		"podium.pdf":  []byte("%PDF-1.4\n1 0 obj\n<< /Creator (podium) >>\nendobj\n%%EOF\n"),
		"updated.pdf": append(bytes.Clone(b.Bytes()), "\n1 0 obj\n<< /Creator (podium) /Keywords (podium-notice-board-document 12) >>\nendobj\n%%EOF\n"...),
		"text.txt":    []byte("standings"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []struct {
		name string
		want int
		err  string
	}{
		{"notice.pdf", 7, ""},
		{"updated.pdf", 12, ""},
		{"missing.pdf", 0, ""},
		{"other.pdf", 0, "other.pdf: not a notice-board document written by podium: its Creator is not podium"},
		{"podium.pdf", 0, "podium.pdf: not a notice-board document written by podium: no document number in its Keywords"},
		{"text.txt", 0, "text.txt: not a notice-board document written by podium: not a PDF file"},
	} {
		n, err := PreviousNumber(filepath.Join(dir, c.name))
		got := ""
		if err != nil {
			got = strings.TrimPrefix(err.Error(), dir+string(filepath.Separator))
			if !errors.Is(err, ErrNotNoticeBoard) {
				t.Errorf("%s: %v is not ErrNotNoticeBoard", c.name, err)
			}
		}
		if n != c.want || got != c.err {
			t.Errorf("%s: %d, %q; want %d, %q", c.name, n, got, c.want, c.err)
		}
		if data, ok := files[c.name]; ok && IsNoticeBoard(data) != (c.err == "") {
			t.Errorf("%s: IsNoticeBoard is %v", c.name, !(c.err == ""))
		}
	}
}

// TestKeyColours renders the first and the last page (pdftoppm): the
// results of the first table show the colours of a win, a second and a
// third place, a points finish and a retirement, and the key on the last
// page shows every colour of the colour key.
func TestKeyColours(t *testing.T) {
	poppler(t)
	season, st := sheetstest.Scored(t, sheetstest.ALMS)
	path := write(t, season, st, almsOptions())
	n := len(pages(t, path))
	first := colours(t, path, 1)
	for _, c := range []present.Class{present.Winner, present.Second, present.Third, present.PointsFinish, present.Retired} {
		if !first[c.Fill()] {
			t.Errorf("page 1 has no %s (%s)", c.Fill(), c.Legend())
		}
	}
	last := colours(t, path, n)
	for _, c := range present.KeyClasses() {
		if c.Fill() != "" && !last[c.Fill()] {
			t.Errorf("the key has no %s (%s)", c.Fill(), c.Legend())
		}
	}
}

// colours renders page n of a PDF and returns the colours of its pixels
// as RRGGBB.
func colours(t *testing.T, path string, n int) map[string]bool {
	t.Helper()
	out := filepath.Join(t.TempDir(), "page")
	tool(t, "pdftoppm", "-r", "100", "-png", "-singlefile", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), path, out)
	f, err := os.Open(out + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() <= b.Dy() {
		t.Errorf("page %d is %d × %d pixels: not landscape", n, b.Dx(), b.Dy())
	}
	seen := map[string]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, _ := img.At(x, y).RGBA()
			seen[fmt.Sprintf("%02X%02X%02X", r>>8, g>>8, bl>>8)] = true
		}
	}
	return seen
}

// TestNoRounds: standings before the first round make a document of the
// key and the signature block.
func TestNoRounds(t *testing.T) {
	poppler(t)
	season := &scoring.Season{Series: "Club Cup", Name: "2027", Status: scoring.Provisional}
	text := pages(t, write(t, season, &scoring.Standings{}, Options{Issued: issued, Number: 1}))
	if len(text) != 1 {
		t.Fatalf("%d pages", len(text))
	}
	for _, want := range []string{"Club Cup 2027", "Championship standings · No rounds counted", "PROVISIONAL", "Page 1 of 1", "Key", "Clerk of the Course"} {
		if !strings.Contains(text[0], want) {
			t.Errorf("no %q in:\n%s", want, text[0])
		}
	}
}
