package sheets

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
	"github.com/xuri/excelize/v2"
)

// Session is the timing session a classification comes from.
type Session string

// Sessions.
const (
	// Race gives Pos, Status, Laps and the fastest laps.
	Race Session = "race"
	// Qualifying gives the pole position of each class and cup: the
	// first car of each in the classification's order.
	Qualifying Session = "qualifying"
)

// ImportOptions say what to import and how.
type ImportOptions struct {
	// Round is the Calendar round the classification belongs to.
	Round   int
	Session Session
	// FastestLap marks the fastest lap of each class and cup from the
	// file's lap times. When false, or when the file has no lap times,
	// the round's Fastest lap cells are kept as they are.
	FastestLap bool
	// AddEntries appends cars missing from Entries to Entries and Drivers
	// instead of refusing the import.
	AddEntries bool
	// Classes maps class names of the timing file to the workbook's
	// ("LMP2 Pro-Am" → "LMP2 Am"); compared as headers are (case and
	// spacing do not matter).
	Classes map[string]string
	// DryRun works out and checks everything but writes nothing.
	DryRun   bool
	Password string
	Limits   Limits
}

// ImportReport says what an import did, or would do in a dry run.
type ImportReport struct {
	Round   int
	Session Session
	// Timing describes the file read ("ACO/FIA timing export, UTF-8 with
	// BOM, ';'").
	Timing string
	// Cars is the number of cars in the classification.
	Cars int
	// Added, Replaced and Cleared are the Results rows written into empty
	// rows, rewritten, and emptied.
	Added, Replaced, Cleared []int
	// Marks lists the poles and fastest laps set ("pole LMP2: car 36").
	Marks []string
	// NewEntries are the cars appended to Entries.
	NewEntries []string
	// Warnings need an official's eye; each names its place.
	Warnings []string
	// After holds the problems the workbook has once imported, as
	// podium validate would list them.
	After scoring.Diagnostics
	// Changed is false when the workbook already held this
	// classification; nothing was written then.
	Changed bool
	// Backup is the copy of the previous workbook ("" when nothing was
	// written).
	Backup string
}

// ErrNoRound says that the round imported is not in the Calendar.
var ErrNoRound = errors.New("the round is not in the Calendar")

// Import puts a session classification into the Results sheet of the
// workbook at path, replacing what the round held (see ImportOptions), and
// writes the workbook back safely as WriteBack does: a temporary file,
// checked, renamed into place, the previous version kept as
// BackupPath(path). Problems with the file or with what it says (cars not
// in Entries, unknown classes) are returned as Problems, all of them.
func Import(path string, timing *Timing, opts ImportOptions) (report *ImportReport, err error) {
	defer recoverInternal(path, &err)
	return importTiming(path, timing, opts, writeBackHooks{})
}

func importTiming(path string, timing *Timing, opts ImportOptions, hooks writeBackHooks) (*ImportReport, error) {
	limits := opts.Limits
	if limits == (Limits{}) {
		limits = DefaultLimits()
	}
	fail := func(err error, hint string) (*ImportReport, error) {
		return nil, &FileError{Path: path, Err: err, Hint: hint}
	}
	if opts.Session == "" {
		opts.Session = Race
	}
	info, orig, err := readForUpdate(path, limits, !opts.DryRun)
	if err != nil {
		return nil, err
	}
	if sniff(orig) != formatZip {
		if _, err := OpenBytes(path, orig, OpenOptions{Password: opts.Password, Limits: limits}); err != nil {
			return nil, err
		}
		return fail(ErrNotWritable, "save it as an Excel workbook (.xlsx) without a password")
	}
	wb, err := OpenBytes(path, orig, OpenOptions{Limits: limits})
	if err != nil {
		return nil, err
	}
	season, diags, tables, err := wb.season()
	wb.Close()
	if err != nil {
		return nil, err
	}
	im := &importer{path: path, timing: timing, opts: opts, season: season, tables: tables,
		report: &ImportReport{Round: opts.Round, Session: opts.Session, Cars: len(timing.Rows),
			Timing: fmt.Sprintf("%s, %s, separated by %s", timing.Format, timing.Encoding, delimiterName(timing.Delimiter))}}
	if err := im.checkWorkbook(diags); err != nil {
		return nil, err
	}
	if err := im.plan(); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(orig), excelizeOptions(limits))
	if err != nil {
		return fail(fmt.Errorf("%w: %s", ErrCorrupt, cleanExcelizeError(err)), "open it in Excel or LibreOffice and save it again")
	}
	defer f.Close()
	im.f = f
	if err := im.apply(); err != nil {
		return nil, err
	}
	report := im.report
	if !report.Changed {
		return report, nil
	}
	updated, err := stableBytes(f)
	if err != nil {
		return nil, err
	}
	if hooks.damage != nil {
		updated = hooks.damage(updated)
	}
	lost, err := verifyWriteBack(orig, updated, nil, im.edited(), limits)
	if err != nil {
		return nil, err
	}
	after, afterDiags, err := ReadBytes(path, updated, OpenOptions{Limits: limits})
	if err != nil {
		return nil, err
	}
	lost = append(lost, im.verify(after)...)
	if len(lost) > 0 {
		return fail(fmt.Errorf("%w: %s; the workbook was not changed", ErrWouldLose, strings.Join(lost, "; ")), "please send the workbook and the timing file to podium's developers")
	}
	report.After = afterDiags
	if opts.DryRun {
		return report, nil
	}
	report.Backup = BackupPath(path)
	if err := replaceWorkbook(path, info, orig, updated, hooks); err != nil {
		return nil, err
	}
	return report, nil
}

func delimiterName(d rune) string {
	switch d {
	case ';':
		return "semicolons"
	case '\t':
		return "tabs"
	case ',':
		return "commas"
	}
	return strconv.QuoteRune(d)
}

// importer carries one import from plan to verification.
type importer struct {
	path   string
	timing *Timing
	opts   ImportOptions
	season *scoring.Season
	tables map[string]*table
	report *ImportReport
	f      *excelize.File

	entries map[string]*scoring.Entry
	// rows are the classification's cars for the round, in order.
	rows []*importRow
	// newEntries are the cars to append to Entries, in file order.
	newEntries []*importRow
	// old are the round's rows in Results, in sheet order.
	old []oldRow
	// written maps Results row numbers to the car written there, and
	// wantPole to the Pole mark the row must hold.
	written  map[int]*importRow
	wantPole map[int]scoring.Mark
	// entryRows and driverRows are the rows appended to Entries and
	// Drivers.
	entryRows, driverRows []int
}

// importRow is one car of the classification, resolved against the
// workbook.
type importRow struct {
	TimingRow
	class, cup string // the car's classifications in the workbook
	pos        int    // position in class among classified cars; 0 = none
	pole, fl   scoring.Mark
	setPole    bool // the pole cell is given by the file (else kept)
	setFL      bool
	setRace    bool // Pos, Status, Laps are written (a race)
	keepLaps   bool // the file has no laps: the cell is kept
	oldRow     int  // the car's row in Results before the import; 0 = none
	// poleOnly marks a car that appears only to carry a pole (qualifying
	// import for a car without a row yet).
	poleOnly bool
}

// oldRow is a row of the round in Results before the import.
type oldRow struct {
	n  int
	no string
}

func (im *importer) results() *table { return im.tables[templates.SheetResults] }

// checkWorkbook makes sure the workbook can take the import: Results and
// Entries readable, the round in the Calendar.
func (im *importer) checkWorkbook(diags scoring.Diagnostics) error {
	for _, name := range []string{templates.SheetResults, templates.SheetEntries} {
		if im.tables[name] != nil {
			continue
		}
		var why []string
		for _, d := range diags {
			if d.Severity == scoring.Error && templates.Normalize(d.Ref.Sheet) == templates.Normalize(name) {
				why = append(why, d.String())
			}
		}
		return &FileError{Path: im.path, Err: fmt.Errorf("the %s sheet cannot be read: %s", name, strings.Join(why, "; ")), Hint: "podium validate lists what to fix"}
	}
	var rounds []int
	for _, r := range im.season.Rounds {
		if r.Number == im.opts.Round {
			return nil
		}
		rounds = append(rounds, r.Number)
	}
	hint := "add the round to the Calendar sheet"
	if len(rounds) > 0 {
		hint = "the Calendar has rounds " + scoring.Rounds(rounds...).String()
	}
	return &FileError{Path: im.path, Err: fmt.Errorf("%w: round %d", ErrNoRound, im.opts.Round), Hint: hint}
}

// plan resolves the classification against the workbook: cars, classes,
// positions, poles and fastest laps. Every problem is collected.
func (im *importer) plan() error {
	t := im.timing
	var problems Problems
	problem := func(line int, col timingField, msg, hint string) {
		p := Problem{Path: t.Path, Line: line, Message: msg, Hint: hint}
		p.Col, p.Header = t.column(col)
		problems = append(problems, p)
	}
	im.entries = map[string]*scoring.Entry{}
	for i := range im.season.Entries {
		e := &im.season.Entries[i]
		if _, dup := im.entries[e.No]; !dup {
			im.entries[e.No] = e
		}
	}
	known := map[string]string{} // normalised → as in the workbook
	var knownNames []string
	addKnown := func(c string) {
		if c == "" {
			return
		}
		if _, ok := known[templates.Normalize(c)]; !ok {
			known[templates.Normalize(c)] = c
			knownNames = append(knownNames, c)
		}
	}
	for _, e := range im.season.Entries {
		addKnown(e.Class)
		addKnown(e.Cup)
	}
	classMap := map[string]string{}
	for from, to := range im.opts.Classes {
		classMap[templates.Normalize(from)] = to
	}
	for from, to := range im.opts.Classes {
		if _, ok := known[templates.Normalize(to)]; !ok {
			problems = append(problems, Problem{Path: t.Path, Message: fmt.Sprintf("--class %q=%q: class %q is not in the workbook's Entries", from, to, to), Hint: "known classes: " + strings.Join(knownNames, ", ")})
		}
	}
	reportedClass := map[string]bool{}
	var missing []*importRow
	rounds := map[int]bool{}
	for i := range t.Rows {
		tr := t.Rows[i]
		if tr.Round != 0 {
			rounds[tr.Round] = true
			if tr.Round != im.opts.Round {
				continue
			}
		}
		row := &importRow{TimingRow: tr}
		class := tr.Class
		if to, ok := classMap[templates.Normalize(class)]; ok {
			if _, known := known[templates.Normalize(to)]; !known {
				continue // reported with the --class option
			}
			class = to
		}
		if class != "" {
			canon, ok := known[templates.Normalize(class)]
			if !ok {
				if !reportedClass[class] {
					reportedClass[class] = true
					problem(tr.Line, fieldClass, fmt.Sprintf("class %q is not a class of the workbook", tr.Class),
						fmt.Sprintf("the workbook's classes are %s; if it is another name for one of them, map it with --class '%s=%s'", strings.Join(knownNames, ", "), tr.Class, closestClass(tr.Class, knownNames)))
				}
				continue
			}
			class = canon
		}
		e := im.entries[tr.No]
		switch {
		case e != nil:
			row.class, row.cup = e.Class, e.Cup
			if class != "" && class != e.Class && class != e.Cup {
				im.warnf("%s:%d: car %s is %s in the timing file but %s in Entries (%s); podium scores it as %s", t.Path, tr.Line, tr.No, tr.Class, e.Class, e.Origin.At(templates.ColClass), e.Class)
			}
		case class == "" && im.opts.AddEntries:
			problem(tr.Line, fieldNo, fmt.Sprintf("car %s is not in Entries and the file gives no class for it", tr.No), "add the car to Entries by hand")
			continue
		default:
			row.class = class
			missing = append(missing, row)
		}
		im.rows = append(im.rows, row)
	}
	if t.HasRound && len(im.rows) == 0 && len(problems) == 0 {
		var rs []string
		for r := range rounds {
			rs = append(rs, strconv.Itoa(r))
		}
		slices.Sort(rs)
		return Problems{{Path: t.Path, Message: fmt.Sprintf("the file has no rows for round %d", im.opts.Round), Hint: "it has rounds " + strings.Join(rs, ", ")}}
	}
	if len(missing) > 0 {
		if im.opts.AddEntries {
			im.newEntries = missing
		} else {
			var cars, lines []string
			for _, m := range missing {
				cars = append(cars, m.No)
				lines = append(lines, strconv.Itoa(m.Line))
			}
			col, header := t.column(fieldNo)
			problems = append(problems, Problem{Path: t.Path, Line: missing[0].Line, Col: col, Header: header,
				Message: fmt.Sprintf("%s not in Entries: %s (%s %s)", pluralWord(len(cars), "car is", "cars are"), strings.Join(cars, ", "), pluralWord(len(lines), "line", "lines"), strings.Join(lines, ", ")),
				Hint:    "add them to Entries and Drivers, correct the numbers in the file, or run again with --add-entries to append them from the file"})
		}
	}
	if len(problems) > 0 {
		return problems
	}
	if im.opts.Session == Qualifying {
		im.planPoles()
	} else {
		im.planRace()
	}
	return nil
}

func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// closestClass guesses which known class a timing class means: the one
// sharing the most words with it ("LMP2 Pro-Am" → "LMP2 Am"), the longer
// on a tie; "CLASS" when none shares a word.
func closestClass(s string, names []string) string {
	words := func(s string) []string {
		return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	have := words(s)
	best, bestN := "CLASS", 0
	for _, n := range names {
		shared := 0
		for _, w := range words(n) {
			if slices.Contains(have, w) {
				shared++
			}
		}
		if shared > bestN || shared == bestN && shared > 0 && len(n) > len(best) {
			best, bestN = n, shared
		}
	}
	return best
}

func (im *importer) warnf(format string, args ...any) {
	im.report.Warnings = append(im.report.Warnings, fmt.Sprintf(format, args...))
}

// ranked returns the cars in the classification's order: by the position
// column (overall, or in class), then the position in class, then the
// file's order for cars without a position. Only the order within a class
// matters, so positions in class and overall ones both work.
func (im *importer) ranked() []*importRow {
	key := func(r *importRow) int {
		switch {
		case r.Position > 0:
			return r.Position
		case r.ClassPosition > 0:
			return r.ClassPosition
		}
		return 1 << 30
	}
	out := slices.Clone(im.rows)
	slices.SortStableFunc(out, func(a, b *importRow) int {
		return cmp.Or(cmp.Compare(key(a), key(b)), cmp.Compare(a.ClassPosition, b.ClassPosition), cmp.Compare(a.Line, b.Line))
	})
	return out
}

// classifications returns the classifications a car counts in: its class,
// and its cup when it has one.
func (r *importRow) classifications() []string { return classifications(r.class, r.cup) }

func classifications(class, cup string) []string {
	if cup != "" && cup != class {
		return []string{class, cup}
	}
	return []string{class}
}

// markFor builds the mark of a car that is first in the classifications
// given: Y for its class, the cup's name for its cup.
func markFor(r *importRow, firsts map[string]*importRow) scoring.Mark {
	var m scoring.Mark
	for _, c := range r.classifications() {
		if firsts[c] != r {
			continue
		}
		if c == r.class {
			m.Class = true
		} else {
			m.In = append(m.In, c)
		}
	}
	return m
}

// planRace works out Pos, Status, Laps and fastest laps.
func (im *importer) planRace() {
	t := im.timing
	counts := map[string]int{}
	winnerLaps := -1
	for _, r := range im.ranked() {
		r.setRace = true
		r.keepLaps = !t.HasLaps
		if r.Status.IsClassified() {
			counts[r.class]++
			r.pos = counts[r.class]
			winnerLaps = max(winnerLaps, r.Laps)
		}
		if t.HasPole {
			r.pole, r.setPole = r.TimingRow.Pole, true
		}
	}
	if th := im.season.ClassificationThreshold; th > 0 && t.HasLaps && winnerLaps > 0 {
		need := th * float64(winnerLaps)
		for _, r := range im.rows {
			if r.Status.IsClassified() && r.Laps >= 0 && float64(r.Laps) < need {
				im.warnf("%s:%d: car %s is classified with %d laps, fewer than %s of the winner's %d (%.1f laps); the status is kept as the timing file gives it — if the stewards say not classified, type NC in its Status cell",
					t.Path, r.Line, r.No, r.Laps, formatPercent(th), winnerLaps, need)
			}
		}
	}
	switch {
	case t.HasFastestLap:
		for _, r := range im.rows {
			r.fl, r.setFL = r.TimingRow.FastestLap, true
		}
	case t.HasLapTimes && im.opts.FastestLap:
		firsts := map[string]*importRow{}
		for _, r := range im.ranked() {
			r.setFL = true
			if r.BestLap <= 0 || r.Status == scoring.Disqualified || r.Status == scoring.Excluded {
				continue
			}
			for _, c := range r.classifications() {
				best := firsts[c]
				switch {
				case best == nil || r.BestLap < best.BestLap:
					firsts[c] = r
				case r.BestLap == best.BestLap:
					im.warnf("%s:%d: car %s equals car %s's fastest lap in %s (%s); podium marks car %s, listed first — correct the Fastest lap cells if the timing service decided otherwise",
						t.Path, r.Line, r.No, best.No, c, formatLap(r.BestLap), best.No)
				}
			}
		}
		for _, r := range im.rows {
			r.fl = markFor(r, firsts)
		}
		im.reportMarks("fastest lap", firsts)
	}
	if t.HasPole {
		firsts := map[string]*importRow{}
		for _, r := range im.rows {
			for _, c := range r.classifications() {
				if r.pole.For(c, &scoring.Entry{Class: r.class}) {
					firsts[c] = r
				}
			}
		}
		im.reportMarks("pole", firsts)
	}
}

// planPoles works out the pole of each class and cup from a qualifying
// classification: the first car of each that set a time.
func (im *importer) planPoles() {
	firsts := map[string]*importRow{}
	for _, r := range im.ranked() {
		switch r.Status {
		case scoring.Classified, scoring.NotClassified:
		default:
			continue
		}
		if im.timing.HasLapTimes && r.BestLap <= 0 {
			continue
		}
		if im.timing.HasPosition && r.Position == 0 && r.ClassPosition == 0 {
			continue
		}
		for _, c := range r.classifications() {
			if firsts[c] == nil {
				firsts[c] = r
			}
		}
	}
	for _, r := range im.rows {
		r.pole, r.setPole = markFor(r, firsts), true
	}
	im.reportMarks("pole", firsts)
}

func (im *importer) reportMarks(what string, firsts map[string]*importRow) {
	var classes []string
	for c := range firsts {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, c := range classes {
		r := firsts[c]
		msg := fmt.Sprintf("%s %s: car %s", what, c, r.No)
		if r.BestLap > 0 {
			msg += " (" + formatLap(r.BestLap) + ")"
		}
		im.report.Marks = append(im.report.Marks, msg)
	}
}

func formatPercent(f float64) string {
	return strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
}
