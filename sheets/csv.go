package sheets

import (
	"archive/zip"
	"bufio"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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

// Headers of the fixed-shape tables of the press pack.
var (
	resultsHeader   = []string{"Round", "Code", "Race", "Classification", "Pos", "No.", "Team", "Drivers", "Status", "Pole", "Fastest lap", "Points"}
	standingsHeader = []string{"Classification", "Championship", "Pos", "Competitor", "No.", "Round", "Result", "Points"}
	seasonHeader    = []string{"Series", "Season", "After round", "Race", "Status"}
)

// csvFile is one file of the pack; write streams its records.
type csvFile struct {
	name  string
	write func(w *csvWriter) error
}

// csvWriter writes CSV records byte for byte as encoding/csv's Writer does
// (comma, LF line ends, a field quoted when it holds a comma, quote, CR or
// LF, starts with a space or is \.), field by field into a reused buffer:
// no record of strings, no string per number. The buffer is a csvFields:
// the fields of the record being written, after the records not yet
// flushed.
type csvWriter struct {
	csvFields
	w   io.Writer
	err error
}

// csvBuffer is how much a csvWriter gathers before it writes.
const csvBuffer = 256 << 10

func newCSVWriter(w io.Writer) *csvWriter {
	return &csvWriter{csvFields: csvFields{b: make([]byte, 0, csvBuffer+4<<10)}, w: w}
}

// csvFields is a run of fields encoded as a CSV record holds them. A
// csvWriter writes its records into one; on its own it is a run encoded
// once and written on many records: a competitor's classification,
// championship, position and name on each of its rounds, a round's number,
// code and name on each of its results.
type csvFields struct {
	b []byte
	n int // fields in b (in the record being written, for a csvWriter)
}

func (f *csvFields) reset() {
	f.b = f.b[:0]
	f.n = 0
}

func (f *csvFields) comma() {
	if f.n > 0 {
		f.b = append(f.b, ',')
	}
	f.n++
}

// text adds a field as it is.
func (f *csvFields) text(s string) {
	f.comma()
	f.b = appendCSVField(f.b, s, false)
}

// safe adds a text field through safeText.
func (f *csvFields) safe(s string) {
	f.comma()
	f.b = appendCSVField(f.b, s, true)
}

// safeBytes is safe for text held in a byte slice.
func (f *csvFields) safeBytes(s []byte) {
	f.comma()
	f.b = appendCSVField(f.b, s, true)
}

// int adds a whole number.
func (f *csvFields) int(n int) {
	f.comma()
	f.b = strconv.AppendInt(f.b, int64(n), 10)
}

// points adds points as pointsText writes them.
func (f *csvFields) points(p float64) {
	f.comma()
	f.b = scoring.AppendPoints(f.b, p)
}

// pointsCell adds points as the Breakdown sheet holds them (see points):
// blank for none when blankZero (see nonZero).
func (f *csvFields) pointsCell(p float64, blankZero bool) {
	f.comma()
	switch {
	case p == 0 && blankZero:
	case p == float64(int64(p)):
		f.b = strconv.AppendInt(f.b, int64(p), 10)
	default:
		f.b = scoring.AppendPoints(f.b, p)
	}
}

// fields adds a run of fields encoded once.
func (f *csvFields) fields(run *csvFields) {
	if run.n == 0 {
		return
	}
	f.comma()
	f.b = append(f.b, run.b...)
	f.n += run.n - 1
}

// record writes a whole record of text fields as they are.
func (w *csvWriter) record(fields []string) error {
	for _, f := range fields {
		w.text(f)
	}
	return w.end()
}

// end ends the record.
func (w *csvWriter) end() error {
	w.b = append(w.b, '\n')
	w.n = 0
	if len(w.b) >= csvBuffer {
		return w.flush()
	}
	return w.err
}

// flush writes what is gathered.
func (w *csvWriter) flush() error {
	if w.err == nil && len(w.b) > 0 {
		_, w.err = w.w.Write(w.b)
	}
	w.b = w.b[:0]
	return w.err
}

// appendCSVField appends a field as encoding/csv writes it, after
// safeText when safe.
func appendCSVField[T string | []byte](dst []byte, s T, safe bool) []byte {
	if len(s) == 0 {
		return dst
	}
	apostrophe := safe && isFormulaStart(s[0])
	quote := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; c <= ',' && (c == '\n' || c == '\r' || c == '"' || c == ',') {
			quote = true
			break
		}
	}
	if !apostrophe && !quote {
		// encoding/csv also quotes `\.` and a field starting with a space.
		if string(s) == `\.` {
			quote = true
		} else {
			r := rune(s[0])
			if r >= utf8.RuneSelf {
				var b [utf8.UTFMax]byte
				r, _ = utf8.DecodeRune(b[:copy(b[:], s)])
			}
			quote = unicode.IsSpace(r)
		}
	}
	if !quote {
		if apostrophe {
			dst = append(dst, '\'')
		}
		return append(dst, s...)
	}
	dst = append(dst, '"')
	if apostrophe {
		dst = append(dst, '\'')
	}
	for i := 0; i < len(s); i++ {
		if s[i] == '"' {
			dst = append(dst, '"')
		}
		dst = append(dst, s[i])
	}
	return append(dst, '"')
}

// isFormulaStart says whether a text starting with c would be run as a
// formula (see safeText).
func isFormulaStart(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}

// safeText neutralises a text field that a spreadsheet would run as a
// formula (starting with = + - @, a tab or a carriage return) by putting an
// apostrophe in front. Numbers are never passed through it: a penalty of -5
// stays a number.
func safeText(s string) string {
	if s != "" && isFormulaStart(s[0]) {
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
	order := present.Order(season, st)
	models := present.CarModels(season) // shared by the tables' files
	var files []csvFile
	used := map[string]bool{"results": true, "standings": true, "season": true}
	base := map[*scoring.Classification]string{}
	for _, t := range present.Tables(season, st) {
		if _, ok := base[t.Class]; !ok {
			b := slug(t.Class.Name)
			for n := 2; used[b]; n++ {
				b = slug(t.Class.Name) + "-" + strconv.Itoa(n)
			}
			used[b] = true
			base[t.Class] = b
		}
		files = append(files, csvFile{base[t.Class] + "-" + t.Kind.File() + ".csv", func(w *csvWriter) error {
			return matrixCSV(w, t, models)
		}})
	}
	files = append(files,
		csvFile{"results.csv", func(w *csvWriter) error { return resultsCSV(w, st, order) }},
		csvFile{"standings.csv", func(w *csvWriter) error { return standingsCSV(w, st, order) }},
		csvFile{"season.csv", func(w *csvWriter) error { return seasonCSV(w, season, st) }},
		// Always whole, also when the standings workbook has no room for
		// it (BreakdownRowsLimit): every pack has the same files.
		csvFile{"breakdown.csv", func(w *csvWriter) error { return breakdownCSV(w, order) }},
	)
	return files
}

// breakdownCSV is the Breakdown sheet as CSV: the same columns and rows.
// A line's classification, championship, position and name are encoded
// once for all its rows, and its car's number once while it stays.
func breakdownCSV(w *csvWriter, order []*scoring.Classification) error {
	if err := w.record(present.BreakdownColumns()); err != nil {
		return err
	}
	var prefix, no csvFields
	line, lastNo := 0, ""
	return present.EachBreakdownRow(order, func(r *present.BreakdownRow) error {
		if r.Line != line {
			line = r.Line
			prefix.reset()
			prefix.safe(r.Class)
			prefix.safe(r.Kind.String())
			prefix.int(r.Pos)
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
	if err := w.record(seasonHeader); err != nil {
		return err
	}
	return w.record([]string{safeText(season.Series), safeText(season.Name), after, safeText(race), string(present.Status(season, st))})
}

// matrixCSV writes a championship table: one column per round.
// models maps car numbers to car models (present.CarModels).
func matrixCSV(w *csvWriter, t present.Table, models map[string]string) error {
	header := t.Header()
	for i := present.FirstRound; i < len(header)-1; i++ {
		header[i] = safeText(header[i]) // codes are the organiser's text
	}
	if err := w.record(header); err != nil {
		return err
	}
	var text []byte
	for _, l := range t.Lines {
		d := present.Describe(l, models)
		// Competitors sharing a position share its number.
		w.int(l.Pos)
		w.safe(d.No)
		w.safe(d.Name)
		w.safe(d.Nat)
		w.safe(d.Car)
		for k := range l.Rounds {
			text = present.AppendRoundText(text[:0], &l.Rounds[k])
			w.safeBytes(text) // empty when absent
		}
		w.points(l.Points)
		if err := w.end(); err != nil {
			return err
		}
	}
	return nil
}

// resultsCSV lists every car's result in every round and classification.
func resultsCSV(w *csvWriter, st *scoring.Standings, order []*scoring.Classification) error {
	if err := w.record(resultsHeader); err != nil {
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

// standingsCSV is the long form: one row per competitor and round, for
// people who load the data into their own tools.
func standingsCSV(w *csvWriter, st *scoring.Standings, order []*scoring.Classification) error {
	if err := w.record(standingsHeader); err != nil {
		return err
	}
	// A line's first five fields, the same on each of its rounds, are
	// encoded once.
	var prefix csvFields
	var text []byte
	for _, c := range order {
		for _, champ := range present.Championships(c) {
			for j := range champ.Lines {
				l := &champ.Lines[j]
				d := present.Describe(*l, nil)
				prefix.reset()
				prefix.safe(c.Name)
				prefix.text(champ.Kind.String())
				prefix.int(l.Pos)
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
	cw := newCSVWriter(nil)
	for _, f := range pressPack(season, st) {
		sum := sha256.New()
		err := WriteFile(filepath.Join(dir, f.name), true, func(w io.Writer) error { return f.writeWith(cw, io.MultiWriter(w, sum), opts) })
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
	order := present.Order(season, st)
	f := csvFile{"standings.csv", func(w *csvWriter) error { return standingsCSV(w, st, order) }}
	return f.writeTo(w, opts)
}
