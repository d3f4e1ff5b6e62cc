package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gocarina/gocsv"
	"github.com/podium-dev/podium/scoring"
)

// CSVOptions configures the press pack.
type CSVOptions struct {
	// BOM starts each file with a UTF-8 byte order mark, which Excel needs
	// to read accented names (Śmiechowski, Côme Ledogar) correctly when a
	// file is opened by double-click.
	BOM bool
	// Modified dates the files of a zip bundle (SOURCE_DATE_EPOCH).
	Modified time.Time
}

// The fixed-shape tables of the press pack, written with gocsv.
type resultRow struct {
	Round          int    `csv:"Round"`
	Code           string `csv:"Code"`
	Race           string `csv:"Race"`
	Classification string `csv:"Classification"`
	Pos            string `csv:"Pos"`
	No             string `csv:"No."`
	Team           string `csv:"Team"`
	Drivers        string `csv:"Drivers"`
	Status         string `csv:"Status"`
	Pole           string `csv:"Pole"`
	FastestLap     string `csv:"Fastest lap"`
	Points         string `csv:"Points"`
}

type standingRow struct {
	Classification string `csv:"Classification"`
	Championship   string `csv:"Championship"`
	Pos            int    `csv:"Pos"`
	Competitor     string `csv:"Competitor"`
	No             string `csv:"No."`
	Round          string `csv:"Round"`
	Result         string `csv:"Result"`
	Points         string `csv:"Points"`
}

// csvFile is one file of the pack.
type csvFile struct {
	name string
	data []byte
}

// safeText neutralises a text field that a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) by putting an
// apostrophe in front. Numbers are never passed through it: a penalty of -5
// stays a number.
func safeText(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// slug makes a file-name part from a classification name: lower-case ASCII
// letters, digits and dashes ("LMP2 Am" → "lmp2-am"), so that no path
// separator or odd character can leave the folder.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range FoldName(name) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
		default:
			dash = true
		}
	}
	s := b.String()
	if len(s) > 60 {
		s = strings.TrimRight(s[:60], "-")
	}
	if s == "" {
		s = "class"
	}
	return s
}

// pointsText writes points as the workbook shows them: 25, 45.5.
func pointsText(p float64) string { return scoring.FormatPoints(p) }

// pressPack builds the CSV files for the standings.
func pressPack(season *scoring.Season, st *scoring.Standings) ([]csvFile, error) {
	order := presentationOrder(season, st)
	var files []csvFile
	used := map[string]bool{"results": true, "standings": true}
	for _, c := range order {
		base := slug(c.Name)
		for n := 2; used[base]; n++ {
			base = slug(c.Name) + "-" + strconv.Itoa(n)
		}
		used[base] = true
		for _, kind := range []string{"teams", "drivers"} {
			lines := c.Teams
			if kind == "drivers" {
				lines = c.Drivers
			}
			data, err := matrixCSV(season, st, lines, kind)
			if err != nil {
				return nil, err
			}
			files = append(files, csvFile{base + "-" + kind + ".csv", data})
		}
	}
	results, err := resultsCSV(st, order)
	if err != nil {
		return nil, err
	}
	standings, err := standingsCSV(st, order)
	if err != nil {
		return nil, err
	}
	return append(files, csvFile{"results.csv", results}, csvFile{"standings.csv", standings}), nil
}

// matrixCSV writes a championship table: one column per round, which gocsv
// cannot do, so encoding/csv.
func matrixCSV(season *scoring.Season, st *scoring.Standings, lines []scoring.Line, kind string) ([]byte, error) {
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	who := "Team"
	if kind == "drivers" {
		who = "Driver"
	}
	header := []string{"Pos", "No.", who, "Nat", "Car"}
	for _, r := range st.Rounds {
		header = append(header, safeText(roundHeader(r))) // codes are the organiser's text
	}
	header = append(header, "Points")
	if err := w.Write(header); err != nil {
		return nil, err
	}
	models := carModels(season)
	for _, l := range lines {
		d := describe(l, models)
		// Competitors sharing a position share its number.
		rec := []string{strconv.Itoa(l.Pos), safeText(d.no), safeText(d.name), safeText(d.nat), safeText(d.car)}
		for _, c := range l.Rounds {
			v := ""
			if c.Present {
				v = fmt.Sprint(roundDisplay(c).value)
			}
			rec = append(rec, safeText(v))
		}
		rec = append(rec, pointsText(l.Points))
		if err := w.Write(rec); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// resultsCSV lists every car's result in every round and classification.
func resultsCSV(st *scoring.Standings, order []*scoring.Classification) ([]byte, error) {
	var rows []resultRow
	for i, r := range st.Rounds {
		for _, c := range order {
			var lines []scoring.Line
			for _, l := range c.Teams {
				if l.Rounds[i].Present {
					lines = append(lines, l)
				}
			}
			slices.SortStableFunc(lines, func(a, b scoring.Line) int {
				pa, pb := a.Rounds[i].Pos, b.Rounds[i].Pos
				if pa == 0 {
					pa = 1 << 30
				}
				if pb == 0 {
					pb = 1 << 30
				}
				return pa - pb
			})
			for _, l := range lines {
				cell := l.Rounds[i]
				var drivers []string
				for _, d := range c.Drivers {
					if d.Rounds[i].Present && d.Rounds[i].No == l.No {
						drivers = append(drivers, d.Name)
					}
				}
				row := resultRow{Round: r.Number, Code: safeText(r.Code), Race: safeText(r.Name), Classification: safeText(c.Name),
					No: safeText(l.No), Team: safeText(l.Team), Drivers: safeText(strings.Join(drivers, " / ")),
					Status: string(cell.Status), Points: pointsText(cell.Score - cell.Penalty)}
				if cell.Pos > 0 {
					row.Pos = strconv.Itoa(cell.Pos)
				}
				if row.Status == "" {
					row.Status = "Classified"
				}
				if cell.Pole {
					row.Pole = "Y"
				}
				if cell.FastestLap {
					row.FastestLap = "Y"
				}
				rows = append(rows, row)
			}
		}
	}
	var buf bytes.Buffer
	err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(csv.NewWriter(&buf)))
	return buf.Bytes(), err
}

// standingsCSV is the long form: one row per competitor and round, for
// people who load the data into their own tools.
func standingsCSV(st *scoring.Standings, order []*scoring.Classification) ([]byte, error) {
	var rows []standingRow
	for _, c := range order {
		for _, champ := range championships(c) {
			for _, l := range champ.lines {
				d := describe(l, nil)
				for _, rc := range l.Rounds {
					result := ""
					if rc.Present {
						result = fmt.Sprint(roundDisplay(rc).value)
					}
					rows = append(rows, standingRow{c.Name, champ.name, l.Pos, safeText(d.name), safeText(d.no), strconv.Itoa(rc.Round), safeText(result), pointsText(rc.Counted())})
				}
				rows = append(rows, standingRow{c.Name, champ.name, l.Pos, safeText(d.name), safeText(d.no), "Total", "", pointsText(l.Points)})
			}
		}
	}
	var buf bytes.Buffer
	err := gocsv.MarshalCSV(rows, gocsv.NewSafeCSVWriter(csv.NewWriter(&buf)))
	return buf.Bytes(), err
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// WriteCSV writes the press pack into dir, each file written safely. It
// returns the files' names.
func WriteCSV(dir string, season *scoring.Season, st *scoring.Standings, opts CSVOptions) ([]string, error) {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, &FileError{Path: dir, Err: fmt.Errorf("is a file, not a folder"), Hint: "give a folder for the CSV files"}
	} else if err != nil {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return nil, &FileError{Path: dir, Err: unwrapPath(err), Hint: "check the path and permissions"}
		}
	}
	files, err := pressPack(season, st)
	if err != nil {
		return nil, err
	}
	var names []string
	for _, f := range files {
		data := f.data
		if opts.BOM {
			data = append(slices.Clone(utf8BOM), data...)
		}
		if err := WriteFile(filepath.Join(dir, f.name), true, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
			return nil, err
		}
		names = append(names, f.name)
	}
	return names, nil
}

// WriteCSVZip writes the press pack as one zip archive.
func WriteCSVZip(w io.Writer, season *scoring.Season, st *scoring.Standings, opts CSVOptions) error {
	files, err := pressPack(season, st)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(w)
	for _, f := range files {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: opts.Modified.UTC()})
		if err != nil {
			return err
		}
		if opts.BOM {
			fw.Write(utf8BOM)
		}
		if _, err := fw.Write(f.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// WriteStandingsCSV writes the long-form standings as a single CSV, for
// `--csv -` (standard output).
func WriteStandingsCSV(w io.Writer, season *scoring.Season, st *scoring.Standings, opts CSVOptions) error {
	data, err := standingsCSV(st, presentationOrder(season, st))
	if err != nil {
		return err
	}
	if opts.BOM {
		if _, err := w.Write(utf8BOM); err != nil {
			return err
		}
	}
	_, err = w.Write(data)
	return err
}
