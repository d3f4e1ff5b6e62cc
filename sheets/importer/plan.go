package importer

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/timing"
	"github.com/podium-dev/podium/templates"
)

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
		return &ooxml.FileError{Path: im.path, Err: fmt.Errorf("the %s sheet cannot be read: %s", name, strings.Join(why, "; ")), Hint: hintValidateLists}
	}
	var rounds []int
	for _, r := range im.season.Rounds {
		if r.Number == im.opts.Round {
			return nil
		}
		rounds = append(rounds, r.Number)
	}
	hint := hintAddRound
	if len(rounds) > 0 {
		hint = fmt.Sprintf(hintCalendarRounds, scoring.Rounds(rounds...).String())
	}
	return &ooxml.FileError{Path: im.path, Err: fmt.Errorf("%w: round %d", ErrNoRound, im.opts.Round), Hint: hint}
}

// plan resolves the classification against the workbook: cars, classes,
// positions, poles and fastest laps. Every problem is collected.
func (im *importer) plan() error {
	t := im.timing
	problems := t.Problems()
	// problem reports an error at the column col of line (0 for the
	// whole line; a line of 0 for the whole file).
	problem := func(line int, col timing.Field, code, msg, hint string) {
		n, _ := t.Column(col)
		if line == 0 {
			n = 0
		}
		problems.Errorf(t.At(line, n), code, hint, "%s", msg)
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
	froms := make([]string, 0, len(im.opts.Classes))
	for from, to := range im.opts.Classes {
		classMap[templates.Normalize(from)] = to
		froms = append(froms, from)
	}
	slices.Sort(froms)
	for _, from := range froms {
		to := im.opts.Classes[from]
		if _, ok := known[templates.Normalize(to)]; !ok {
			problem(0, timing.FieldNone, scoring.CodeUnknownMap, fmt.Sprintf("--class %q=%q: class %q is not in the workbook's Entries", from, to, to), fmt.Sprintf(hintKnownClasses, strings.Join(knownNames, ", ")))
		}
	}
	// The cars whose lines have problems are checked against the workbook
	// too, so that every problem of the file is reported at once.
	all := slices.Concat(t.Rows, t.Rejected())
	slices.SortStableFunc(all, func(a, b timing.Row) int { return cmp.Compare(a.Line, b.Line) })
	rejected := map[int]bool{}
	for _, r := range t.Rejected() {
		rejected[r.Line] = true
	}
	var missing []*importRow
	var round []timing.Row // the round's cars, problems or not
	rounds := map[int]bool{}
	for _, tr := range all {
		if tr.Round != 0 {
			rounds[tr.Round] = true
			if tr.Round != im.opts.Round {
				continue
			}
		}
		if tr.No == "" {
			continue // reported: the car number is missing
		}
		round = append(round, tr)
		row := &importRow{Row: tr}
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
				problem(tr.Line, timing.FieldClass, scoring.CodeUnknownClass, fmt.Sprintf("class %q is not a class of the workbook", tr.Class),
					fmt.Sprintf(hintMapClass, strings.Join(knownNames, ", "), tr.Class, closestClass(tr.Class, knownNames)))
				continue
			}
			class = canon
		}
		e := im.entries[tr.No]
		switch {
		case e != nil:
			row.class, row.cup = e.Class, e.Cup
			if class != "" && class != e.Class && class != e.Cup && !rejected[tr.Line] {
				im.warnf(t.At(tr.Line, 0), scoring.CodeClassDiffers, "car %s is %s in the timing file but %s in Entries (%s); podium scores it as %s", tr.No, tr.Class, e.Class, e.Origin.At(templates.ColClass), e.Class)
			}
		case class == "" && im.opts.AddEntries:
			problem(tr.Line, timing.FieldNo, scoring.CodeNoEntryClass, fmt.Sprintf("car %s is not in Entries and the file gives no class for it", tr.No), hintEntryByHand)
			continue
		default:
			row.class = class
			missing = append(missing, row)
		}
		if !rejected[tr.Line] {
			im.rows = append(im.rows, row)
		}
	}
	if t.HasRound && len(round) == 0 && len(problems) == 0 {
		var rs []int
		for r := range rounds {
			rs = append(rs, r)
		}
		slices.Sort(rs)
		var none scoring.Diagnostics
		none.Errorf(t.At(0, 0), scoring.CodeNoRoundRows, fmt.Sprintf(hintFileRounds, scoring.SummarizeInts(rs, 20)), "the file has no rows for round %d", im.opts.Round)
		return timing.Problems(none)
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
			problem(missing[0].Line, timing.FieldNo, scoring.CodeUnknownCar,
				fmt.Sprintf("%s not in Entries: %s (%s %s)", pluralWord(len(cars), "car is", "cars are"), scoring.Summarize(cars, 20), pluralWord(len(lines), "line", "lines"), scoring.Summarize(lines, 20)),
				pluralWord(len(cars), hintAddCar, hintAddCars))
		}
	}
	im.readRound()
	problems = append(problems, im.checkShape(round)...)
	if im.opts.Session == Race && !im.opts.ReplaceRound {
		problems = append(problems, im.checkRemoved(round)...)
	}
	if len(problems) > 0 {
		sortImportProblems(problems)
		return timing.Problems(problems)
	}
	if im.opts.Session == Qualifying {
		im.planPoles()
	} else {
		im.planRace()
	}
	return nil
}

// readRound finds the round's rows in Results, in sheet order.
func (im *importer) readRound() {
	t := im.results()
	im.oldOf = map[string]int{}
	for _, r := range t.rows {
		n, err := sheets.ParsePositive(t.value(r, templates.ColRound))
		if err != nil || n != im.opts.Round {
			continue
		}
		no := sheets.CarNumber(t.value(r, templates.ColNo))
		raced := false
		for _, c := range []string{templates.ColPos, templates.ColStatus, templates.ColLaps, templates.ColFastestLap} {
			if t.has(c) && t.value(r, c) != "" {
				raced = true
			}
		}
		im.old = append(im.old, oldRow{n: r.n, no: no, raced: raced, pole: t.has(templates.ColPole) && t.value(r, templates.ColPole) != ""})
		if _, ok := im.oldOf[no]; !ok {
			im.oldOf[no] = r.n
		}
	}
}

// checkShape reports a file that does not look like a session's
// classification: a header of generic names only (POS;NO;NAME), one car
// for a round that holds many, positions that do not run 1, 2, 3 …
// round holds the round's cars of the file, problems or not.
func (im *importer) checkShape(round []timing.Row) scoring.Diagnostics {
	t := im.timing
	var problems scoring.Diagnostics
	if !t.HasField(timing.FieldClass, timing.FieldClassPosition, timing.FieldStatus, timing.FieldLaps, timing.FieldFastest, timing.FieldLapTime, timing.FieldPole, timing.FieldRound) {
		header := strings.Join(t.HeaderRow(), string(t.Delimiter))
		if utf8.RuneCountInString(header) > 80 {
			header = string([]rune(header)[:80]) + "…"
		}
		problems.Errorf(t.At(t.Header, 0), scoring.CodeNotTiming, hintNotTiming,
			"the file does not look like a classification: its header row (%s) has no class, status, laps or lap time column", header)
	}
	cars := map[string]bool{}
	for _, o := range im.old {
		if o.no != "" {
			cars[o.no] = true
		}
	}
	if len(round) == 1 && len(cars) > 1 {
		r := round[0]
		col, _ := t.Column(timing.FieldNo)
		problems.Errorf(t.At(r.Line, col), scoring.CodeOneCar, hintOneCar,
			"the file does not look like the round's classification: it has one car (%s), and round %d holds results of %d cars", r.No, im.opts.Round, len(cars))
	}
	// Positions run 1, 2, 3 … overall or within each class; a file with
	// overall and class positions needs one of them to.
	var seqProblem *scoring.Diagnostic
	sequences := 0
	for _, f := range []timing.Field{timing.FieldPosition, timing.FieldClassPosition} {
		col, _ := t.Column(f)
		if col == 0 {
			continue
		}
		overall := map[int]bool{}
		inClass := map[string]map[int]bool{}
		for _, r := range round {
			pos := r.Position
			if f == timing.FieldClassPosition {
				pos = r.ClassPosition
			}
			if pos <= 0 {
				continue
			}
			class := r.Class
			if e := im.entries[r.No]; !t.HasClass && e != nil {
				class = e.Class
			}
			overall[pos] = true
			if inClass[class] == nil {
				inClass[class] = map[int]bool{}
			}
			inClass[class][pos] = true
		}
		if len(overall) == 0 {
			continue
		}
		// With ReplaceRound the official says cars were left out on
		// purpose: the positions need only start at 1.
		lenient := im.opts.ReplaceRound
		ok := isSequence(overall, lenient)
		if !ok {
			ok = true
			for _, ps := range inClass {
				ok = ok && isSequence(ps, lenient)
			}
		}
		if ok {
			sequences++
			continue
		}
		if seqProblem == nil {
			positions := slices.Sorted(maps.Keys(overall))
			missing := 1
			for overall[missing] {
				missing++
			}
			seqProblem = &scoring.Diagnostic{Severity: scoring.Error, Ref: t.At(t.Header, col), Code: scoring.CodeNotSequence, Hint: hintSequence,
				Message: fmt.Sprintf("the file does not look like a classification: its positions (%s) do not run 1, 2, 3 … overall or within each class — position %d is missing", scoring.SummarizeInts(positions, 10), missing)}
		}
	}
	if seqProblem != nil && sequences == 0 {
		problems = append(problems, *seqProblem)
	}
	return problems
}

// isSequence reports whether the positions are 1, 2, … n; lenient, only
// that they start at 1.
func isSequence(positions map[int]bool, lenient bool) bool {
	if lenient {
		return positions[1]
	}
	for i := 1; i <= len(positions); i++ {
		if !positions[i] {
			return false
		}
	}
	return true
}

// checkRemoved reports the results of the round that a race import would
// remove: the cars the round holds a result for that are not in the file.
// A car with only its pole keeps its row and loses nothing.
func (im *importer) checkRemoved(round []timing.Row) scoring.Diagnostics {
	t := im.results()
	inFile := map[string]bool{}
	for _, r := range round {
		inFile[r.No] = true
	}
	type lost struct {
		no   string
		cell scoring.Ref
	}
	var gone []lost
	for _, o := range im.old {
		keptForPole := !o.raced && o.pole && !im.timing.HasPole && im.oldOf[o.no] == o.n
		if inFile[o.no] || keptForPole {
			continue
		}
		gone = append(gone, lost{o.no, scoring.Ref{File: im.path, Sheet: t.name, Row: o.n, Col: t.cols[templates.ColNo]}})
	}
	if len(gone) == 0 {
		return nil
	}
	slices.SortStableFunc(gone, func(a, b lost) int {
		return cmp.Or(scoring.CompareCarNumbers(a.no, b.no), cmp.Compare(a.cell.Row, b.cell.Row))
	})
	items := make([]string, len(gone))
	for i, g := range gone {
		items[i] = fmt.Sprintf("%s (%s)", g.no, g.cell)
	}
	what := fmt.Sprintf("results of %d cars that are not in the file: %s; the import would remove them", len(gone), scoring.Summarize(items, 10))
	if len(gone) == 1 {
		what = fmt.Sprintf("the result of car %s, which is not in the file; the import would remove it", items[0])
	}
	var problems scoring.Diagnostics
	problems.Errorf(im.timing.At(0, 0), scoring.CodeWouldRemove, hintWouldRemove, "round %d holds %s", im.opts.Round, what)
	return problems
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

// warnf adds a warning of the import at ref.
func (im *importer) warnf(ref scoring.Ref, code, format string, args ...any) {
	im.report.Warnings.Warnf(ref, code, "", format, args...)
}

// importStage orders the problems of an import as they are listed: what
// the file is, its lines, its classes, its cars, then the results it would
// remove.
func importStage(code string) int {
	switch code {
	case scoring.CodeNotTiming, scoring.CodeOneCar, scoring.CodeNotSequence, scoring.CodeNoRoundRows:
		return 0
	case scoring.CodeUnknownMap, scoring.CodeUnknownClass:
		return 2
	case scoring.CodeUnknownCar, scoring.CodeNoEntryClass:
		return 3
	case scoring.CodeWouldRemove:
		return 4
	}
	return 1 // a line of the file
}

// sortImportProblems orders the problems of an import by stage (see
// importStage), line and field.
func sortImportProblems(l scoring.Diagnostics) {
	slices.SortStableFunc(l, func(a, b scoring.Diagnostic) int {
		return cmp.Or(cmp.Compare(importStage(a.Code), importStage(b.Code)), cmp.Compare(a.Ref.Line, b.Ref.Line), cmp.Compare(a.Ref.Col, b.Ref.Col))
	})
}

// cars returns the classification's cars as scoring plans them, in the
// order of im.rows.
func (im *importer) cars() []scoring.SessionCar {
	cars := make([]scoring.SessionCar, len(im.rows))
	for i, r := range im.rows {
		cars[i] = scoring.SessionCar{No: r.No, Class: r.class, Cup: r.cup, Status: r.Status, Position: r.Position,
			ClassPosition: r.ClassPosition, Laps: r.Laps, BestLap: r.BestLap, Line: r.Line}
	}
	return cars
}

// classifications returns the classifications a car counts in: its class,
// and its cup when it has one.
func (r *importRow) classifications() []string { return scoring.CarClassifications(r.class, r.cup) }

// planRace works out Pos, Status, Laps and fastest laps.
func (im *importer) planRace() {
	t := im.timing
	res := im.results()
	lapsCol, flCol, ledCol := res.has(templates.ColLaps), res.has(templates.ColFastestLap), res.has(templates.ColLapsLed)
	var notKept, missingCols []string
	if t.HasLaps && !lapsCol {
		notKept, missingCols = append(notKept, "laps"), append(missingCols, templates.ColLaps)
	}
	if t.HasLapsLed && !ledCol {
		notKept, missingCols = append(notKept, "laps led"), append(missingCols, templates.ColLapsLed)
	}
	if (t.HasFastestLap || t.HasLapTimes && im.opts.FastestLap) && !flCol {
		notKept, missingCols = append(notKept, "fastest laps"), append(missingCols, templates.ColFastestLap)
	}
	if len(notKept) > 0 {
		im.report.Notes = append(im.report.Notes, fmt.Sprintf("the %s of the file were not kept: the %s sheet has no %s column", strings.Join(notKept, " and "), res.name, strings.Join(missingCols, " or ")))
	}
	cars := im.cars()
	order := scoring.SessionOrder(cars)
	positions := scoring.ClassPositions(cars, order)
	for i, r := range im.rows {
		r.setRace = true
		r.keepLaps = !t.HasLaps || !lapsCol
		r.keepLapsLed = !t.HasLapsLed || !ledCol
		r.pos = positions[i]
		if t.HasPole {
			r.pole, r.setPole = r.Row.Pole, true
		}
	}
	if t.HasLaps {
		im.warnLapsShort(cars)
	}
	switch {
	case !flCol:
		// Nothing to write them into: reported above.
	case t.HasFastestLap:
		for _, r := range im.rows {
			r.fl, r.setFL = r.Row.FastestLap, true
		}
	case t.HasLapTimes && im.opts.FastestLap:
		firsts, ties := scoring.FastestLaps(cars, order)
		for _, tie := range ties {
			r, best := im.rows[tie.Car], im.rows[tie.Holder]
			im.warnf(t.At(r.Line, 0), scoring.CodeFastestTie, "car %s equals car %s's fastest lap in %s (%s); podium marks car %s, listed first — %s",
				r.No, best.No, tie.Class, timing.FormatLap(r.BestLap), best.No, hintFastestLapTie)
		}
		for i, r := range im.rows {
			r.fl, r.setFL = scoring.MarkFor(cars, i, firsts), true
		}
		im.reportMarks("fastest lap", firsts)
	}
	if t.HasPole {
		firsts := map[string]int{}
		for i, r := range im.rows {
			for _, c := range r.classifications() {
				if r.pole.For(c, &scoring.Entry{Class: r.class}) {
					firsts[c] = i
				}
			}
		}
		im.reportMarks("pole", firsts)
	}
}

// warnLapsShort warns about the classified cars with fewer laps than the
// season's classification threshold asks of them: their status is the
// stewards' to change.
func (im *importer) warnLapsShort(cars []scoring.SessionCar) {
	t := im.timing
	th := im.season.ClassificationThreshold
	short, winnerLaps, need := scoring.LapsShort(cars, th)
	switch {
	case len(short) == 1:
		r := im.rows[short[0]]
		im.warnf(t.At(r.Line, 0), scoring.CodeLapsShort, "car %s is classified with %d laps, fewer than %s of the winner's %d (%.1f laps); the status is kept as the timing file gives it — %s",
			r.No, r.Laps, formatPercent(th), winnerLaps, need, hintStewardsNC)
	case len(short) > 1:
		// One warning for all of them, the list summarised.
		slices.SortFunc(short, func(a, b int) int { return cmp.Compare(cars[a].Line, cars[b].Line) })
		items := make([]string, len(short))
		for i, j := range short {
			r := im.rows[j]
			items[i] = fmt.Sprintf("%s (line %d, %d laps)", r.No, r.Line, r.Laps)
		}
		im.warnf(t.At(0, 0), scoring.CodeLapsShort, "%d cars are classified with fewer laps than %s of the winner's %d (%.1f laps): %s; their status is kept as the timing file gives it — %s",
			len(short), formatPercent(th), winnerLaps, need, scoring.Summarize(items, 10), hintStewardsNCAll)
	}
}

// planPoles works out the pole of each class and cup from a qualifying
// classification: the first car of each that set a time.
func (im *importer) planPoles() {
	cars := im.cars()
	firsts := scoring.Poles(cars, scoring.SessionOrder(cars), im.timing.HasLapTimes, im.timing.HasPosition)
	for i, r := range im.rows {
		r.pole, r.setPole = scoring.MarkFor(cars, i, firsts), true
	}
	im.reportMarks("pole", firsts)
}

// reportMarks lists the car (index in im.rows) given each classification's
// mark.
func (im *importer) reportMarks(what string, firsts map[string]int) {
	var classes []string
	for c := range firsts {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, c := range classes {
		r := im.rows[firsts[c]]
		msg := fmt.Sprintf("%s %s: car %s", what, c, r.No)
		if r.BestLap > 0 {
			msg += " (" + timing.FormatLap(r.BestLap) + ")"
		}
		im.report.Marks = append(im.report.Marks, msg)
	}
}

func formatPercent(f float64) string {
	return strconv.FormatFloat(f*100, 'f', -1, 64) + "%"
}
