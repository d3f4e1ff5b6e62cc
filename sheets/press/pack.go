package press

import (
	"archive/zip"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/present"
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

// csvFile is one file of the pack; write streams its records.
type csvFile struct {
	name  string
	write func(w *csvWriter) error
}

// slug makes a file-name part from a classification name (present.Slug).
func slug(name string) string { return present.Slug(name) }

// pressPack builds the CSV files for the standings: one per championship
// table ("<class>-<championship>.csv" for a table run per class,
// "<championship>.csv" otherwise), then the long tables.
func pressPack(season *scoring.Season, st *scoring.Standings) []csvFile {
	layout := present.NewLayout(season, st)
	models := present.CarModels(season) // shared by the tables' files
	var files []csvFile
	// A class's part of its tables' names, unique among the classes and
	// the fixed files; a championship's part ("Teams": teams).
	bases := map[string]bool{"results": true, "standings": true, "season": true}
	base := map[string]string{}
	slugs := map[string]string{}
	names := map[string]bool{"results.csv": true, "standings.csv": true, "season.csv": true, "breakdown.csv": true}
	for _, t := range layout.Tables {
		champ, ok := slugs[t.Championship]
		if !ok {
			champ = slug(t.Championship)
			slugs[t.Championship] = champ
		}
		name := champ + ".csv"
		if t.PerClass {
			b, ok := base[t.Class]
			if !ok {
				b = slug(t.Class)
				for n := 2; bases[b]; n++ {
					b = slug(t.Class) + "-" + strconv.Itoa(n)
				}
				bases[b] = true
				base[t.Class] = b
			}
			name = b + "-" + champ + ".csv"
		}
		stem := strings.TrimSuffix(name, ".csv")
		for n := 2; names[name]; n++ {
			name = stem + "-" + strconv.Itoa(n) + ".csv"
		}
		names[name] = true
		files = append(files, csvFile{name, func(w *csvWriter) error {
			return matrixCSV(w, t, t.Scored, models)
		}})
	}
	files = append(files,
		csvFile{"results.csv", func(w *csvWriter) error { return resultsCSV(w, st, layout.Classifications) }},
		csvFile{"standings.csv", func(w *csvWriter) error { return standingsCSV(w, layout.Tables) }},
		csvFile{"season.csv", func(w *csvWriter) error { return seasonCSV(w, season, st) }},
		// Always whole, also when the standings workbook has no room for
		// it (BreakdownRowsLimit): every pack has the same files.
		csvFile{"breakdown.csv", func(w *csvWriter) error {
			return breakdownCSV(w, layout.Tables, present.BreakdownAwards(season))
		}},
	)
	return files
}

// breakdownCSV is the Breakdown sheet as CSV: the same columns (awards
// the columns of BreakdownAwards) and rows.
// A line's classification, championship, position and name are encoded
// once for all its rows, and its car's number once while it stays.
func breakdownCSV(w *csvWriter, tables []present.Table, awards []scoring.AwardKind) error {
	if err := w.record(present.BreakdownColumns(awards)); err != nil {
		return err
	}
	var prefix, no csvFields
	line, lastNo := 0, ""
	return present.EachBreakdownRow(tables, func(r *present.BreakdownRow) error {
		if r.Line != line {
			line = r.Line
			prefix.reset()
			prefix.safe(r.Class)
			prefix.safe(r.Championship)
			prefix.pos(r.Pos)
			prefix.safe(r.Who)
		}
		if r.No != lastNo || no.n == 0 {
			lastNo = r.No
			no.reset()
			no.safe(r.No)
		}
		w.fields(&prefix)
		w.fields(&no)
		w.int(r.Round)
		w.safeBytes(r.Result) // empty when absent
		w.pointsCell(r.Position, true)
		w.pointsCell(r.Other, true)
		w.pointsCell(r.Pole, true)
		w.pointsCell(r.Fastest, true)
		for _, a := range awards {
			w.pointsCell(r.Award(a), true)
		}
		w.pointsCell(r.Factor, false)
		w.pointsCell(r.Penalty, true)
		if r.Dropped {
			w.text("yes")
		} else {
			w.text("")
		}
		w.pointsCell(r.Counted, false)
		w.safeBytes(r.Why)
		return w.end()
	})
}

// seasonCSV says what the pack's standings are — the series, the season,
// the round they are after and whether they are Provisional or Final — as
// the title row of the standings sheets does: one record under a header,
// so that it reads in a spreadsheet and in a program alike. (A title line
// at the top of each table would break the tables for programs.)
func seasonCSV(w *csvWriter, season *scoring.Season, st *scoring.Standings) error {
	after, race := "", ""
	if len(st.Rounds) > 0 {
		last := st.Rounds[len(st.Rounds)-1]
		after, race = strconv.Itoa(st.AfterRound), last.Name
	}
	return writeSeasonRow(w, SeasonRow{Series: safeText(season.Series), Season: safeText(season.Name), AfterRound: after, Race: safeText(race), Status: string(present.Status(season, st))})
}

// matrixCSV writes a championship table: Pos, the change of position
// since the previous round (present.Move), the competitor, one column per
// round, Points, and Title: "Champion", "Contender" or blank (who can
// still win; scored is the championship's table, nil for none). models
// maps car numbers to car models (present.CarModels).
func matrixCSV(w *csvWriter, t present.Table, scored *scoring.Table, models map[string]string) error {
	header := t.Header()
	for i := present.FirstRound; i < len(header)-1; i++ {
		header[i] = safeText(header[i]) // codes are the organiser's text
	}
	header = slices.Insert(header, 1, "Change")
	header = append(header, "Title")
	if err := w.record(header); err != nil {
		return err
	}
	if scored == nil {
		scored = &scoring.Table{}
	}
	var text []byte
	for i := range t.Lines {
		l := &t.Lines[i]
		d := present.Describe(*l, models)
		// Competitors sharing a position share its number; one listed
		// without a position has none.
		w.pos(l.Pos)
		w.text(present.Move(scored, l))
		w.safe(d.No)
		w.safe(d.Name)
		w.safe(d.Nat)
		w.safe(d.Car)
		for k := range l.Rounds {
			text = present.AppendRoundText(text[:0], &l.Rounds[k])
			w.safeBytes(text) // empty when absent
		}
		w.points(l.Points)
		w.text(l.Title.String())
		if err := w.end(); err != nil {
			return err
		}
	}
	return nil
}

// resultsCSV lists every car's result in every round and classification.
func resultsCSV(w *csvWriter, st *scoring.Standings, order []*scoring.Classification) error {
	if err := w.record(csvHeader[ResultRow]()); err != nil {
		return err
	}
	// The crews of every car in every round, gathered once per
	// classification (a pass over each driver's rounds in turn, not over
	// every driver per round).
	crews := make([]present.CrewTable, len(order))
	for k, c := range order {
		crews[k] = present.NewCrewTable(c, len(st.Rounds))
	}
	// Reused from one round and classification to the next: the team
	// lines taking part (their indexes, to sort) and the crew's text.
	var lines, count []int
	var crew []byte
	var prefix csvFields // the round's number, code and name, the classification
	for i, r := range st.Rounds {
		for ci, c := range order {
			prefix.reset()
			prefix.int(r.Number)
			prefix.safe(r.Code)
			prefix.safe(r.Name)
			prefix.safe(c.Name)
			lines = lines[:0]
			for j := range c.Teams {
				if c.Teams[j].Rounds[i].Present {
					lines = append(lines, j)
				}
			}
			lines, count = sortByPos(lines, count, c.Teams, i)
			for _, j := range lines {
				l := &c.Teams[j]
				cell := &l.Rounds[i]
				crew = crews[ci].AppendLineCrew(crew[:0], j, i)
				w.fields(&prefix)
				if cell.Pos > 0 {
					w.int(cell.Pos)
				} else {
					w.text("")
				}
				w.safe(l.No)
				w.safe(l.Team)
				w.safeBytes(crew)
				if cell.Status == "" {
					w.text("Classified")
				} else {
					w.text(string(cell.Status))
				}
				w.text(yes(cell.Pole))
				w.text(yes(cell.FastestLap))
				w.points(cell.Score - cell.Penalty)
				if err := w.end(); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// sortByPos orders the team lines (indexes into teams) by their position
// in round i, those without one last, as they come otherwise: a stable
// counting sort on the positions (count is reused scratch), or a stable
// sort when a position is beyond the number of lines. It returns the
// sorted lines and the scratch.
func sortByPos(lines, count []int, teams []scoring.Line, i int) ([]int, []int) {
	// Bucket p holds position p, bucket n+1 those without one.
	n := len(lines)
	for _, j := range lines {
		if p := teams[j].Rounds[i].Pos; p < 0 || p > n {
			slices.SortStableFunc(lines, func(a, b int) int {
				pa, pb := teams[a].Rounds[i].Pos, teams[b].Rounds[i].Pos
				if pa == 0 {
					pa = 1 << 30
				}
				if pb == 0 {
					pb = 1 << 30
				}
				return pa - pb
			})
			return lines, count
		}
	}
	count = slices.Grow(count[:0], 2*n+2)[:n+2]
	clear(count)
	bucket := func(j int) int {
		if p := teams[j].Rounds[i].Pos; p > 0 {
			return p
		}
		return n + 1
	}
	for _, j := range lines {
		count[bucket(j)]++
	}
	start := 0
	for p := range count {
		start, count[p] = start+count[p], start
	}
	sorted := count[n+2 : 2*n+2]
	for _, j := range lines {
		b := bucket(j)
		sorted[count[b]] = j
		count[b]++
	}
	copy(lines, sorted)
	return lines, count
}

// yes is "Y" for true, blank for false.
func yes(b bool) string {
	if b {
		return "Y"
	}
	return ""
}

// standingsCSV is the long form: one row per competitor and round of
// every table, for people who load the data into their own tools.
func standingsCSV(w *csvWriter, tables []present.Table) error {
	if err := w.record(csvHeader[StandingRow]()); err != nil {
		return err
	}
	// A line's first five fields, the same on each of its rounds, are
	// encoded once.
	var prefix csvFields
	var text []byte
	for _, t := range tables {
		for j := range t.Lines {
			l := &t.Lines[j]
			d := present.Describe(*l, nil)
			prefix.reset()
			prefix.safe(t.Class)
			prefix.safe(t.Championship)
			prefix.pos(l.Pos)
			prefix.safe(d.Name)
			prefix.safe(d.No)
			for k := range l.Rounds {
				rc := &l.Rounds[k]
				w.fields(&prefix)
				w.int(rc.Round)
				text = present.AppendRoundText(text[:0], rc)
				w.safeBytes(text) // empty when absent
				w.points(rc.Counted())
				if err := w.end(); err != nil {
					return err
				}
			}
			w.fields(&prefix)
			w.text("Total")
			w.text("")
			w.points(l.Points)
			if err := w.end(); err != nil {
				return err
			}
		}
	}
	return nil
}

var utf8BOM = []byte("\xEF\xBB\xBF")

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
	return f.writeWith(newCSVWriter(nil), w, opts)
}

// writeWith is writeTo through cw, a writer (and buffer) reused from one
// file of the pack to the next.
func (f csvFile) writeWith(cw *csvWriter, w io.Writer, opts CSVOptions) error {
	cw.w, cw.b, cw.n, cw.err = w, cw.b[:0], 0, nil
	if opts.BOM {
		cw.b = append(cw.b, utf8BOM...)
	}
	if err := f.write(cw); err != nil {
		return err
	}
	return cw.flush()
}

// WriteCSVZip writes the press pack as one zip archive, marked as
// podium's by its comment.
func WriteCSVZip(w io.Writer, season *scoring.Season, st *scoring.Standings, opts CSVOptions) error {
	zw := zip.NewWriter(w)
	cw := newCSVWriter(nil)
	for _, f := range pressPack(season, st) {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: opts.Modified.UTC()})
		if err != nil {
			return err
		}
		if err := f.writeWith(cw, fw, opts); err != nil {
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
	tables := present.NewLayout(season, st).Tables
	f := csvFile{"standings.csv", func(w *csvWriter) error { return standingsCSV(w, tables) }}
	return f.writeTo(w, opts)
}
