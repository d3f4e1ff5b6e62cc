package main

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// numberedSeason writes a season shaped like the ones other tools
// generate: cars × rounds results over the given classes, three drivers a
// car named "Driver 12-1 Name", Results with only Round, No., Pos, Status
// and Pole, and class positions that skip the number of a car that
// retired: in every class and round one car retires and the next is a
// position further on, so every class and round has one position gap.
// It returns the path and the gaps, as validate reports them, in row order.
func numberedSeason(tb testing.TB, dir string, cars, rounds, classes int) (string, []string) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	must := func(err error) {
		if err != nil {
			tb.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", templates.SheetSeason))
	sheet := func(name string, rows func(add func(...any))) {
		if name != templates.SheetSeason {
			_, err := f.NewSheet(name)
			must(err)
		}
		sw, err := f.NewStreamWriter(name)
		must(err)
		n := 0
		rows(func(cells ...any) {
			n++
			must(sw.SetRow(fmt.Sprintf("A%d", n), cells))
		})
		must(sw.Flush())
	}
	className := func(c int) string { return fmt.Sprintf("Class %d", c+1) }
	sheet(templates.SheetSeason, func(add func(...any)) {
		add("Field", "Value")
		add(templates.FieldSeries, "Numbered Series")
		add(templates.FieldSeason, "2026")
	})
	sheet(templates.SheetCalendar, func(add func(...any)) {
		add("Round", "Code", "Race")
		for r := 1; r <= rounds; r++ {
			add(r, fmt.Sprintf("R%02d", r), fmt.Sprintf("Race %d", r))
		}
	})
	sheet(templates.SheetPoints, func(add func(...any)) {
		add("Position", "Points")
		for _, row := range templates.DefaultPoints() {
			add(row...)
		}
	})
	sheet(templates.SheetEntries, func(add func(...any)) {
		add("No.", "Class", "Team")
		for car := 1; car <= cars; car++ {
			add(car, className((car-1)%classes), fmt.Sprintf("Team %d", car))
		}
	})
	sheet(templates.SheetDrivers, func(add func(...any)) {
		add("No.", "Driver")
		for car := 1; car <= cars; car++ {
			for k := 1; k <= 3; k++ {
				add(car, fmt.Sprintf("Driver %d-%d Name", car, k))
			}
		}
	})
	perClass := cars / classes
	var gaps []string
	sheet(templates.SheetResults, func(add func(...any)) {
		add("Round", "No.", "Pos", "Status", "Pole")
		row := 1
		for r := 1; r <= rounds; r++ {
			// The retired car of each class: never the first or last.
			retired := func(c int) int { return 1 + (r+c)%(perClass-2) }
			for car := 1; car <= cars; car++ {
				row++
				c, i := (car-1)%classes, (car-1)/classes // class, index in it
				var pos, status, pole any
				switch j := retired(c); {
				case i == j:
					status = "Ret"
				case i < j:
					pos = i + 1
				default:
					pos = i + 1 // the retired car's number is skipped
					if i == j+1 {
						gaps = append(gaps, fmt.Sprintf("Results!C%d: warning: positions in %s in round %d jump to %d: no car is position %d (check for a missing car or a mistyped position)",
							row, className(c), r, i+1, i))
					}
				}
				if i == 0 {
					pole = "Y"
				}
				add(r, car, pos, status, pole)
			}
		}
	})
	path := filepath.Join(dir, "numbered.xlsx")
	must(f.SaveAs(path))
	return path, gaps
}

// TestScoreWarningsAScreenfulPerKind: a generated season with a position
// gap in every class and round and 600 numbered driver names prints a
// screenful of gaps and one line saying how many more there are and where
// they all are: the Issues sheet after a write-back, validate's JSON with
// --out. The numbered names are different people: no warnings.
func TestScoreWarningsAScreenfulPerKind(t *testing.T) {
	dir := t.TempDir()
	path, gaps := numberedSeason(t, dir, 200, 12, 4)
	if len(gaps) != 48 {
		t.Fatalf("%d gaps; the test needs 48", len(gaps))
	}
	want := strings.Join(gaps[:20], "\n") + "\n" +
		"… and 28 more position-gap warnings (48 in all): podium validate --format json " + path + " lists every one\n"
	code, _, stderr := podium(t, "score", path, "--out", filepath.Join(dir, "standings.xlsx"), "--csv", filepath.Join(dir, "press"))
	if code != 0 || stderr != want {
		t.Errorf("score --out --csv: exit %d, stderr (%d lines)\n%s\nwant\n%s", code, strings.Count(stderr, "\n"), cut(stderr), want)
	}

	// validate prints the same, a blank line between sheets, and the
	// summary; its JSON lists every one.
	code, stdout, _ := podium(t, "validate", path)
	if want := want + "\nnumbered.xlsx: 0 errors, 48 warnings\n"; code != 0 || stdout != want {
		t.Errorf("validate: exit %d, stdout\n%s\nwant\n%s", code, cut(stdout), want)
	}
	_, stdout, _ = podium(t, "validate", "--format", "json", path)
	if n := strings.Count(stdout, `"code": "position-gap"`); n != 48 {
		t.Errorf("validate --format json: %d position gaps, want 48", n)
	}

	// A write-back keeps every one in the Issues sheet.
	code, _, stderr = podium(t, "score", path)
	want = strings.Join(gaps[:20], "\n") + "\n" +
		"… and 28 more position-gap warnings (48 in all): every one is in the Issues sheet of " + path + " (Kind position-gap)\n"
	if code != 0 || stderr != want {
		t.Errorf("score: exit %d, stderr\n%s\nwant\n%s", code, cut(stderr), want)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Issues")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 49 || strings.Join(rows[48][:3], "|") != "warning|position-gap|"+strings.SplitN(gaps[47], ":", 2)[0] {
		t.Errorf("Issues: %d rows, the last %q", len(rows), rows[len(rows)-1])
	}
}

// cut shortens a long output for a failure message.
func cut(s string) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > 40 {
		return strings.Join(lines[:30], "") + fmt.Sprintf("… (%d lines in all)\n", len(lines)-1)
	}
	return s
}

// BenchmarkSeasonNumbered100k is BenchmarkSeason100k on the shape of a
// season another tool generated (see numberedSeason): 2,500 cars × 40
// rounds in 20 classes, 7,500 drivers named "Driver 12-1 Name", a
// position gap in every class and round (800 warnings), with the floor in
// the same run:
//
//	go test ./cmd/podium -run '^$' -bench SeasonNumbered -benchmem -benchtime 3x
func BenchmarkSeasonNumbered100k(b *testing.B) {
	path, _ := numberedSeason(b, b.TempDir(), 2500, 40, 20)
	benchmarkSeason(b, path)
}
