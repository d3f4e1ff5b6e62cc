package sheets

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

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

// Headers of the fixed-shape tables of the press pack.
var (
	resultsHeader   = []string{"Round", "Code", "Race", "Classification", "Pos", "No.", "Team", "Drivers", "Status", "Pole", "Fastest lap", "Points"}
	standingsHeader = []string{"Classification", "Championship", "Pos", "Competitor", "No.", "Round", "Result", "Points"}
	seasonHeader    = []string{"Series", "Season", "After round", "Race", "Status"}
)

// csvFile is one file of the pack; write streams its records.
type csvFile struct {
	name  string
	write func(w *csv.Writer) error
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
func pressPack(season *scoring.Season, st *scoring.Standings) []csvFile {
	order := presentationOrder(season, st)
	var files []csvFile
	used := map[string]bool{"results": true, "standings": true, "season": true}
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
			files = append(files, csvFile{base + "-" + kind + ".csv", func(w *csv.Writer) error {
				return matrixCSV(w, season, st, lines, kind)
			}})
		}
	}
	files = append(files,
		csvFile{"results.csv", func(w *csv.Writer) error { return resultsCSV(w, st, order) }},
		csvFile{"standings.csv", func(w *csv.Writer) error { return standingsCSV(w, st, order) }},
		csvFile{"season.csv", func(w *csv.Writer) error { return seasonCSV(w, season, st) }},
		// Always whole, also when the standings workbook has no room for
		// it (BreakdownRowsLimit): every pack has the same files.
		csvFile{"breakdown.csv", func(w *csv.Writer) error { return breakdownCSV(w, order) }},
	)
	return files
}

// breakdownCSV is the Breakdown sheet as CSV: the same columns and rows.
func breakdownCSV(w *csv.Writer, order []*scoring.Classification) error {
	if err := w.Write(breakdownColumns); err != nil {
		return err
	}
	rec := make([]string, len(breakdownColumns))
	return eachBreakdownRow(order, func(values []any) error {
		for i, v := range values {
			switch v := v.(type) {
			case nil:
				rec[i] = ""
			case string:
				rec[i] = safeText(v)
			case int:
				rec[i] = strconv.Itoa(v)
			case int64:
				rec[i] = strconv.FormatInt(v, 10)
			case float64:
				rec[i] = pointsText(v)
			default:
				rec[i] = safeText(fmt.Sprint(v))
			}
		}
		return w.Write(rec)
	})
}

// seasonCSV says what the pack's standings are — the series, the season,
// the round they are after and whether they are Provisional or Final — as
// the title row of the standings sheets does: one record under a header,
// so that it reads in a spreadsheet and in a program alike. (A title line
// at the top of each table would break the tables for programs.)
func seasonCSV(w *csv.Writer, season *scoring.Season, st *scoring.Standings) error {
	after, race := "", ""
	if len(st.Rounds) > 0 {
		last := st.Rounds[len(st.Rounds)-1]
		after, race = strconv.Itoa(st.AfterRound), last.Name
	}
	if err := w.Write(seasonHeader); err != nil {
		return err
	}
	return w.Write([]string{safeText(season.Series), safeText(season.Name), after, safeText(race), string(standingsStatus(season, st))})
}

// matrixCSV writes a championship table: one column per round.
func matrixCSV(w *csv.Writer, season *scoring.Season, st *scoring.Standings, lines []scoring.Line, kind string) error {
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
		return err
	}
	models := carModels(season)
	for _, l := range lines {
		d := describe(l, models)
		// Competitors sharing a position share its number.
		rec := []string{strconv.Itoa(l.Pos), safeText(d.no), safeText(d.name), safeText(d.nat), safeText(d.car)}
		for _, c := range l.Rounds {
			v := ""
			if c.Present {
				v = displayText(roundDisplay(c).value)
			}
			rec = append(rec, safeText(v))
		}
		rec = append(rec, pointsText(l.Points))
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	return nil
}

// resultsCSV lists every car's result in every round and classification.
func resultsCSV(w *csv.Writer, st *scoring.Standings, order []*scoring.Classification) error {
	if err := w.Write(resultsHeader); err != nil {
		return err
	}
	rec := make([]string, len(resultsHeader))
	// Reused from one round and classification to the next: the lines
	// (pointers, not copies of the lines, to sort) and the crews.
	var lines []*scoring.Line
	crews := make(map[string][]string)
	for i, r := range st.Rounds {
		for _, c := range order {
			// The crew of each car in this round, in the drivers' order.
			for no, names := range crews {
				crews[no] = names[:0]
			}
			for _, d := range c.Drivers {
				if d.Rounds[i].Present {
					crews[d.Rounds[i].No] = append(crews[d.Rounds[i].No], d.Name)
				}
			}
			lines = lines[:0]
			for j := range c.Teams {
				if c.Teams[j].Rounds[i].Present {
					lines = append(lines, &c.Teams[j])
				}
			}
			slices.SortStableFunc(lines, func(a, b *scoring.Line) int {
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
				drivers := crews[l.No]
				pos, status, pole, fastest := "", string(cell.Status), "", ""
				if cell.Pos > 0 {
					pos = strconv.Itoa(cell.Pos)
				}
				if status == "" {
					status = "Classified"
				}
				if cell.Pole {
					pole = "Y"
				}
				if cell.FastestLap {
					fastest = "Y"
				}
				rec = append(rec[:0], strconv.Itoa(r.Number), safeText(r.Code), safeText(r.Name), safeText(c.Name),
					pos, safeText(l.No), safeText(l.Team), safeText(strings.Join(drivers, " / ")),
					status, pole, fastest, pointsText(cell.Score-cell.Penalty))
				if err := w.Write(rec); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// standingsCSV is the long form: one row per competitor and round, for
// people who load the data into their own tools.
func standingsCSV(w *csv.Writer, st *scoring.Standings, order []*scoring.Classification) error {
	if err := w.Write(standingsHeader); err != nil {
		return err
	}
	rec := make([]string, len(standingsHeader))
	for _, c := range order {
		name := safeText(c.Name)
		for _, champ := range championships(c) {
			for _, l := range champ.lines {
				d := describe(l, nil)
				who, no, pos := safeText(d.name), safeText(d.no), strconv.Itoa(l.Pos)
				for _, rc := range l.Rounds {
					result := ""
					if rc.Present {
						result = displayText(roundDisplay(rc).value)
					}
					rec = append(rec[:0], name, champ.name, pos, who, no, strconv.Itoa(rc.Round), safeText(result), pointsText(rc.Counted()))
					if err := w.Write(rec); err != nil {
						return err
					}
				}
				rec = append(rec[:0], name, champ.name, pos, who, no, "Total", "", pointsText(l.Points))
				if err := w.Write(rec); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

var utf8BOM = []byte("\xEF\xBB\xBF")

// WriteCSV writes the press pack into dir, each file written safely, and
// removes the files of an earlier export that this one no longer writes
// (see ExportCSV). It returns the names of the files written.
func WriteCSV(dir string, season *scoring.Season, st *scoring.Standings, opts CSVOptions) ([]string, error) {
	r, err := ExportCSV(dir, season, st, opts)
	if err != nil {
		return nil, err
	}
	return r.Written, nil
}

// CSVReport says what ExportCSV did in the folder.
type CSVReport struct {
	// Written are the files of the press pack, in the pack's order.
	Written []string
	// Removed are files of an earlier export that this one does not write
	// (a class that no longer exists), removed.
	Removed []string
	// Kept are such files that changed since podium wrote them, left as
	// they are.
	Kept []string
}

// csvManifest lists, in a press folder, the files podium wrote there with
// their SHA-256 ("<hex>  <name>", as sha256sum writes them). The next
// export into the folder removes the files listed that it does not write
// again, and only those still holding the bytes podium wrote: a file of the
// user's, even one named like podium's or a copy of podium's edited since,
// is never touched. (Recognising podium's files by name and first line
// would remove a journalist's renamed copy of an old table; the list says
// exactly what podium wrote.)
const csvManifest = ".podium-press.txt"

// csvManifestHeader starts the manifest, saying what it is to whoever
// opens it.
const csvManifestHeader = "# podium press pack: the files podium wrote into this folder and their SHA-256.\n" +
	"# The next export into this folder removes those it no longer writes, if unchanged.\n"

// ExportCSV writes the press pack into dir (created if need be), each file
// written safely, then its manifest (csvManifest), then removes the files
// the previous manifest lists that this export does not write, when they
// hold what podium wrote. Other files in the folder are never touched.
func ExportCSV(dir string, season *scoring.Season, st *scoring.Standings, opts CSVOptions) (*CSVReport, error) {
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return nil, &FileError{Path: dir, Err: fmt.Errorf("is a file, not a folder"), Hint: "give a folder for the CSV files"}
	} else if err != nil {
		if err := os.MkdirAll(dir, 0o777); err != nil {
			return nil, &FileError{Path: dir, Err: unwrapPath(err), Hint: "check the path and permissions"}
		}
	}
	before := readCSVManifest(dir)
	report := &CSVReport{}
	var entries []manifestEntry
	written := map[string]bool{}
	for _, f := range pressPack(season, st) {
		sum := sha256.New()
		err := WriteFile(filepath.Join(dir, f.name), true, func(w io.Writer) error { return f.writeTo(io.MultiWriter(w, sum), opts) })
		if err != nil {
			// The manifest keeps listing the earlier export's files
			// beside those written, so that the next export still
			// knows them.
			for _, old := range before {
				if !written[old.name] {
					entries = append(entries, old)
				}
			}
			writeCSVManifest(dir, entries)
			return nil, err
		}
		report.Written = append(report.Written, f.name)
		written[f.name] = true
		entries = append(entries, manifestEntry{f.name, fmt.Sprintf("%x", sum.Sum(nil))})
	}
	if err := writeCSVManifest(dir, entries); err != nil {
		return nil, err
	}
	for _, old := range before {
		if written[old.name] {
			continue
		}
		path := filepath.Join(dir, old.name)
		info, err := os.Lstat(path)
		if err != nil {
			continue // removed by the user already
		}
		if !info.Mode().IsRegular() || info.Size() > maxPressFile || fileSHA256(path) != old.sum {
			report.Kept = append(report.Kept, old.name)
			continue
		}
		if err := os.Remove(path); err != nil {
			report.Kept = append(report.Kept, old.name)
			continue
		}
		report.Removed = append(report.Removed, old.name)
	}
	return report, nil
}

// maxPressFile bounds the files read back from a press folder (the
// manifest, and a stale file's content to compare).
const maxPressFile = 1 << 30

// manifestEntry is one file a manifest lists.
type manifestEntry struct{ name, sum string }

// writeCSVManifest writes the manifest of dir listing entries.
func writeCSVManifest(dir string, entries []manifestEntry) error {
	return WriteFile(filepath.Join(dir, csvManifest), true, func(w io.Writer) error {
		bw := bufio.NewWriter(w)
		bw.WriteString(csvManifestHeader)
		for _, e := range entries {
			fmt.Fprintf(bw, "%s  %s\n", e.sum, e.name)
		}
		return bw.Flush()
	})
}

// readCSVManifest reads the manifest of an earlier export in dir, in its
// order, keeping only well-formed lines naming a press file in dir itself
// (a name with a folder or of another shape is ignored, so that an edited
// manifest cannot point outside the folder). A folder without a manifest
// gives none.
func readCSVManifest(dir string) []manifestEntry {
	f, err := os.Open(filepath.Join(dir, csvManifest))
	if err != nil {
		return nil
	}
	defer f.Close()
	var entries []manifestEntry
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for sc.Scan() {
		sum, name, ok := strings.Cut(sc.Text(), "  ")
		if !ok || len(sum) != 64 || strings.Trim(sum, "0123456789abcdef") != "" || !isPressName(name) {
			continue
		}
		entries = append(entries, manifestEntry{name, sum})
	}
	return entries
}

// fileSHA256 is the hex SHA-256 of a file's content, "" when unreadable.
func fileSHA256(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// PressPackNames are the names of the files of the press pack, in order, as
// WriteCSV writes them (without its manifest).
func PressPackNames(season *scoring.Season, st *scoring.Standings) []string {
	var names []string
	for _, f := range pressPack(season, st) {
		names = append(names, f.name)
	}
	return names
}

// writeTo writes the file's CSV text to w, after a BOM when asked.
func (f csvFile) writeTo(w io.Writer, opts CSVOptions) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	if opts.BOM {
		bw.Write(utf8BOM)
	}
	cw := csv.NewWriter(bw)
	if err := f.write(cw); err != nil {
		return err
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}

// WriteCSVZip writes the press pack as one zip archive, marked as
// podium's by its comment.
func WriteCSVZip(w io.Writer, season *scoring.Season, st *scoring.Standings, opts CSVOptions) error {
	zw := zip.NewWriter(w)
	for _, f := range pressPack(season, st) {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: opts.Modified.UTC()})
		if err != nil {
			return err
		}
		if err := f.writeTo(fw, opts); err != nil {
			return err
		}
	}
	// The comment marks the archive as podium's, so that a later run may
	// replace it (see IsPressZip).
	if err := zw.SetComment(pressZipComment); err != nil {
		return err
	}
	return zw.Close()
}

// WriteStandingsCSV writes the long-form standings as a single CSV, for
// `--csv -` (standard output).
func WriteStandingsCSV(w io.Writer, season *scoring.Season, st *scoring.Standings, opts CSVOptions) error {
	order := presentationOrder(season, st)
	f := csvFile{"standings.csv", func(w *csv.Writer) error { return standingsCSV(w, st, order) }}
	return f.writeTo(w, opts)
}
