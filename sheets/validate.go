package sheets

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
)

// validator checks a season as a whole: references between sheets,
// duplicates, positions, poles, drivers.
type validator struct {
	s      *scoring.Season
	diags  *scoring.Diagnostics
	tables map[string]*table
	// invalid holds the cells already reported as unreadable.
	invalid map[scoring.Ref]bool

	rounds map[int]*scoring.Round
	// roundNumbers lists the calendar's rounds in ascending order.
	roundNumbers []int
	entries      map[string]*scoring.Entry
	// drove[no][j] is true when some driver of car no drove the round
	// roundNumbers[j] (see droveRound).
	drove map[string][]bool
	// driversOf maps a car number to its driver rows.
	driversOf map[string][]*scoring.Driver
	// listed is the class list of the Lists sheet (nil when none).
	listed []listedClass
	// misnamed holds the classes and cups already reported as not among
	// the workbook's classes, so that the Points sheet does not report
	// them again.
	misnamed map[string]bool
}

// listedClass is a class or cup of the Lists sheet's class list.
type listedClass struct {
	name string
	ref  scoring.Ref
}

func (v *validator) validate() {
	v.calendar()
	v.entryList()
	v.pointsScheme()
	v.driverList()
	v.results()
	v.penalties()
	v.seasonSettings()
}

func place(o scoring.Origin, col string) string { return o.At(col).String() }

func (v *validator) calendar() {
	v.rounds = map[int]*scoring.Round{}
	if _, ok := v.tables[templates.SheetCalendar]; ok && len(v.s.Rounds) == 0 {
		t := v.tables[templates.SheetCalendar]
		v.diags.Errorf(scoring.Ref{File: t.file, Sheet: t.name}, scoring.CodeNoRounds, "add a row per round, numbered 1, 2, 3 …", "the calendar has no rounds")
	}
	for i := range v.s.Rounds {
		r := &v.s.Rounds[i]
		if first, dup := v.rounds[r.Number]; dup {
			v.diags.Errorf(r.Origin.At(templates.ColRound), scoring.CodeDuplicateRound, "number the rounds 1, 2, 3 … once each",
				"round %d is listed twice (also at %s)", r.Number, place(first.Origin, templates.ColRound))
			continue
		}
		v.rounds[r.Number] = r
	}
	// Rounds are numbered 1..N without gaps; report each missing number at
	// the first round after it.
	numbers := make([]int, 0, len(v.rounds))
	for n := range v.rounds {
		numbers = append(numbers, n)
	}
	slices.Sort(numbers)
	v.roundNumbers = numbers
	expect := 1
	for _, n := range numbers {
		if n != expect {
			missing := fmt.Sprintf("round %d is missing", expect)
			if n-expect > 1 {
				missing = fmt.Sprintf("rounds %d–%d are missing", expect, n-1)
			}
			v.diags.Errorf(v.rounds[n].Origin.At(templates.ColRound), scoring.CodeRoundGap, "number the rounds 1, 2, 3 … without gaps",
				"the calendar jumps to round %d: %s", n, missing)
		}
		expect = n + 1
	}
	// Dates go forward with the round numbers.
	var prev *scoring.Round
	for _, n := range numbers {
		r := v.rounds[n]
		if r.Date.IsZero() {
			continue
		}
		if prev != nil && r.Date.Before(prev.Date) {
			v.diags.Warnf(r.Origin.At(templates.ColDate), scoring.CodeRoundOrder, "check the date or the round numbers",
				"round %d (%s) is dated before round %d (%s)", r.Number, r.Date.Format("2 January 2006"), prev.Number, prev.Date.Format("2 January 2006"))
		}
		prev = r
	}
}

// roundList renders the calendar's rounds for a hint.
func (v *validator) roundList() string {
	if len(v.rounds) == 0 {
		return "the calendar has no rounds"
	}
	return "the calendar has rounds " + scoring.Rounds(v.roundNumbers...).String()
}

// checkRoundSet reports rounds of a Rounds cell that are not in the calendar.
func (v *validator) checkRoundSet(rs scoring.RoundSet, ref scoring.Ref) {
	if rs.All || len(v.rounds) == 0 {
		return
	}
	var outside []int
	for _, n := range rs.Rounds {
		if _, ok := v.rounds[n]; !ok {
			outside = append(outside, n)
		}
	}
	if len(outside) > 0 {
		v.diags.Errorf(ref, scoring.CodeRoundsOutside, v.roundList(), "%s not in the calendar", plural(outside, "round %s is", "rounds %s are"))
	}
}

func plural(rounds []int, one, many string) string {
	if len(rounds) == 1 {
		return fmt.Sprintf(one, fmt.Sprint(rounds[0]))
	}
	return fmt.Sprintf(many, scoring.Rounds(rounds...).String())
}

// entered reports whether car e is entered for round n.
func entered(e *scoring.Entry, n int) bool { return e.Rounds.Contains(n) }

func (v *validator) entryList() {
	v.entries = map[string]*scoring.Entry{}
	spellings := map[string]classSpelling{}
	if t, ok := v.tables[templates.SheetEntries]; ok && len(t.rows) == 0 {
		v.diags.Warnf(scoring.Ref{File: t.file, Sheet: t.name}, scoring.CodeNoEntries, "add a row per car to the Entries sheet", "no cars are entered yet")
	}
	for i := range v.s.Entries {
		e := &v.s.Entries[i]
		if first, dup := v.entries[e.No]; dup {
			v.diags.Errorf(e.Origin.At(templates.ColNo), scoring.CodeDuplicateCar, "each car has one row; give each car its own number",
				"car %s is entered twice (also at %s)", e.No, place(first.Origin, templates.ColNo))
			continue
		}
		v.entries[e.No] = e
		e.Class = v.sameClass(spellings, e.Class, e.Origin.At(templates.ColClass))
		v.checkRoundSet(e.Rounds, e.Origin.At(templates.ColRounds))
		if e.Cup != "" && strings.EqualFold(e.Cup, e.Class) {
			v.diags.Warnf(e.Origin.At(templates.ColCup), scoring.CodeBadValue, "leave Cup blank unless the car scores in a second classification",
				"cup %q is the car's class", e.Cup)
		}
	}
	// Cups after classes, so that a class's spelling in the Class column is
	// the one kept.
	for i := range v.s.Entries {
		if e := &v.s.Entries[i]; e.Cup != "" && v.entries[e.No] == e {
			e.Cup = v.sameClass(spellings, e.Cup, e.Origin.At(templates.ColCup))
		}
	}
	v.classNames()
}

// classNames looks for mistyped classes and cups ("Tourng" among "Touring"
// cars), which would otherwise make a championship of their own that the
// car wins. When the workbook lists its classes — in the Lists sheet's
// class list, or in the Points sheet when every class has its own points
// table — a class not listed is an error. Otherwise a class of fewer cars
// that is one typo away from a class of more cars (at least two), or from a
// listed one, is a warning.
func (v *validator) classNames() {
	v.misnamed = map[string]bool{}
	var entries []*scoring.Entry
	count := map[string]int{} // "class:"/"cup:" + name → cars
	for i := range v.s.Entries {
		if e := &v.s.Entries[i]; v.entries[e.No] == e {
			entries = append(entries, e)
			count["class:"+e.Class]++
			if e.Cup != "" {
				count["cup:"+e.Cup]++
			}
		}
	}
	used := func(name string) bool { return count["class:"+name] > 0 || count["cup:"+name] > 0 }
	// A list counts as the workbook's own when it names at least one class
	// in use: a list left over from another series does not.
	lists := classList{where: "the Lists sheet", notIn: "is not in the class list of the Lists sheet", fix: "add it to the Classes column of the Lists sheet"}
	for _, l := range v.listed {
		lists.add(l.name)
	}
	points := classList{where: "the Points sheet", notIn: "has no points table in the Points sheet, which gives each class its own", fix: "add its points to the Points sheet"}
	defaultTable := false
	for _, a := range v.s.Points {
		if a.Class != "" {
			points.add(a.Class)
		} else if a.Kind == scoring.AwardPosition {
			defaultTable = true
		}
	}
	lists.complete = slices.ContainsFunc(lists.names, used)
	// Without a points table for every class, the Points sheet names only
	// the classes with a table of their own.
	points.complete = !defaultTable && slices.ContainsFunc(points.names, used)
	all := v.classes()
	check := func(e *scoring.Entry, what, name, col string) {
		ref := e.Origin.At(col)
		for _, l := range []*classList{&lists, &points} {
			if !l.complete || l.has(name) {
				continue
			}
			hint := l.fix + ", or choose one of " + strings.Join(l.names, ", ")
			if g := scoring.Closest(name, l.names, 2); g != "" {
				hint = "did you mean " + g + "? Otherwise " + l.fix
			}
			v.diags.Errorf(ref, scoring.CodeUnknownClass, hint, "%s %q %s", what, name, l.notIn)
			v.misnamed[name] = true
			return
		}
		if lists.has(name) || points.has(name) {
			return
		}
		n := count[what+":"+name]
		var meant string
		for _, cand := range all {
			if c := count[what+":"+cand]; c >= 2 && c > n && isTypo(name, cand) {
				meant = cand
				break
			}
		}
		via := ""
		if meant == "" {
			for _, cand := range append(slices.Clone(lists.names), points.names...) {
				if isTypo(name, cand) {
					meant, via = cand, lists.where
					if !lists.has(cand) {
						via = points.where
					}
					break
				}
			}
		}
		switch {
		case meant == "":
			return
		case via != "":
			v.diags.Warnf(ref, scoring.CodeClassSpelling, "did you mean "+meant+"? A class of its own is scored as a separate championship",
				"%s %q looks like a misspelling of %q, which %s lists", what, name, meant, via)
		default:
			v.diags.Warnf(ref, scoring.CodeClassSpelling, "did you mean "+meant+"? A class of its own is scored as a separate championship",
				"%s %q (%s) looks like a misspelling of %q (%s)", what, name, cars(n), meant, cars(count[what+":"+meant]))
		}
	}
	for _, e := range entries {
		check(e, "class", e.Class, templates.ColClass)
		if e.Cup != "" {
			check(e, "cup", e.Cup, templates.ColCup)
		}
	}
}

func cars(n int) string {
	if n == 1 {
		return "1 car"
	}
	return fmt.Sprintf("%d cars", n)
}

// classList is a list of the workbook's classes, from one sheet.
type classList struct {
	names []string
	// complete is true when the list is meant to hold every class.
	complete bool
	where    string // "the Points sheet"
	notIn    string // what a class missing from it lacks
	fix      string // how to add a class to it
}

func (l *classList) add(name string) {
	if !l.has(name) {
		l.names = append(l.names, name)
	}
}

// has reports whether the list names the class, with any capitals.
func (l *classList) has(name string) bool {
	return slices.ContainsFunc(l.names, func(n string) bool { return strings.EqualFold(n, name) })
}

// isTypo reports whether class name a is probably a mistyped b: two
// neighbouring letters swapped ("LPM3" for "LMP3"), the same name with other
// spaces or dots ("GTAm" for "GT Am"), or one letter added, dropped or changed in a name of at least four letters
// ("Tourng" for "Touring"). Names whose digits differ are different classes
// (GT3 and GT4, LMP2 and LMP3, GT and GT3), and so are short names one
// letter apart (GTE and GTD).
func isTypo(a, b string) bool {
	if strings.EqualFold(a, b) {
		return false // one class written with other capitals: see sameClass
	}
	ka, kb := foldKey(a), foldKey(b)
	if ka == kb {
		return true
	}
	if digits(ka) != digits(kb) || scoring.Distance(ka, kb) != 1 {
		return false
	}
	return swapped(ka, kb) || min(len([]rune(ka)), len([]rune(kb))) >= 4
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}

// swapped reports whether b is a with two neighbouring characters swapped.
func swapped(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) != len(rb) {
		return false
	}
	for i := 0; i+1 < len(ra); i++ {
		if ra[i] != rb[i] {
			return ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
		}
	}
	return false
}

// classSpelling is the first way a class was written, and where.
type classSpelling struct {
	name string
	ref  scoring.Ref
}

// sameClass returns the first spelling of a class written again with other
// capitals or spaces ("lmp2" after "LMP2"), warning that they are read as
// one class.
func (v *validator) sameClass(spellings map[string]classSpelling, class string, ref scoring.Ref) string {
	key := strings.ToLower(class)
	first, seen := spellings[key]
	if !seen {
		spellings[key] = classSpelling{class, ref}
		return class
	}
	if first.name != class {
		v.diags.Warnf(ref, scoring.CodeClassSpelling, "write it the same way everywhere",
			"class %q is written %q at %s; podium reads both as %s", class, first.name, first.ref, first.name)
	}
	return first.name
}

// unknownCar reports a car number that is not in the entry list.
func (v *validator) unknownCar(no string, ref scoring.Ref) {
	v.diags.Errorf(ref, scoring.CodeUnknownCar, "add it to the Entries sheet, or correct the number", "car %s is not in the Entries sheet", no)
}

func (v *validator) classes() []string {
	set := map[string]bool{}
	for _, e := range v.entries {
		set[e.Class] = true
		if e.Cup != "" {
			set[e.Cup] = true
		}
	}
	classes := make([]string, 0, len(set))
	for c := range set {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	return classes
}

func (v *validator) pointsScheme() {
	t, ok := v.tables[templates.SheetPoints]
	if !ok {
		return
	}
	classes := v.classes()
	known := map[string]string{} // folded class → class as entered
	for _, c := range classes {
		known[strings.ToLower(c)] = c
	}
	type key struct {
		class string
		kind  scoring.AwardKind
		pos   int
	}
	seen := map[key]*scoring.Award{}
	positions := map[string][]*scoring.Award{}
	for i := range v.s.Points {
		a := &v.s.Points[i]
		if a.Class != "" {
			canon, ok := known[strings.ToLower(a.Class)]
			if !ok && len(v.entries) > 0 {
				hint := "classes in the Entries sheet: " + strings.Join(classes, ", ")
				if g := scoring.Closest(a.Class, classes, 2); g != "" {
					hint = "did you mean " + g + "?"
				}
				v.diags.Errorf(a.Origin.At(templates.ColClass), scoring.CodeUnknownClass, hint, "class %q is not the class or cup of any entry", a.Class)
			} else if ok {
				a.Class = canon
			}
		}
		k := key{a.Class, a.Kind, a.Position}
		if first, dup := seen[k]; dup {
			what := a.Kind.String()
			if a.Kind == scoring.AwardPosition {
				what = "position " + fmt.Sprint(a.Position)
			}
			for_ := "every class"
			if a.Class != "" {
				for_ = a.Class
			}
			v.diags.Errorf(a.Origin.At(templates.ColAward), scoring.CodeDuplicateAward, "keep one row per award and class",
				"points for %s (%s) are given twice (also at %s)", what, for_, place(first.Origin, templates.ColAward))
			continue
		}
		seen[k] = a
		if a.Kind == scoring.AwardPosition {
			positions[a.Class] = append(positions[a.Class], a)
		}
	}
	if len(positions[""]) == 0 && len(v.s.Points) > 0 {
		// Without a default table, every class needs its own.
		for _, c := range classes {
			if len(positions[c]) == 0 && !v.misnamed[c] {
				v.diags.Errorf(scoring.Ref{File: t.file, Sheet: t.name}, scoring.CodeNoPositions, "add rows 1, 2, 3 … with a blank Class, or rows for "+c,
					"the points scheme gives no points for finishing positions in %s", c)
			}
		}
	}
	if len(v.s.Points) == 0 {
		v.diags.Errorf(scoring.Ref{File: t.file, Sheet: t.name}, scoring.CodeNoPositions, "add rows 1, 2, 3 … with the points for each position (podium template pre-fills 25, 18, 15 …)",
			"the points scheme is empty")
	}
	classNames := make([]string, 0, len(positions))
	for c := range positions {
		classNames = append(classNames, c)
	}
	sort.Strings(classNames)
	for _, c := range classNames {
		awards := positions[c]
		slices.SortFunc(awards, func(a, b *scoring.Award) int { return a.Position - b.Position })
		expect := 1
		for _, a := range awards {
			if a.Position != expect {
				for_ := ""
				if c != "" {
					for_ = " for " + c
				}
				missing := fmt.Sprintf("position %d has", expect)
				if a.Position-expect > 1 {
					missing = fmt.Sprintf("positions %d–%d have", expect, a.Position-1)
				}
				v.diags.Errorf(a.Origin.At(templates.ColAward), scoring.CodePointsGap, "list positions 1, 2, 3 … without gaps (a position worth 0 can be written as 0)",
					"the points table%s jumps to position %d: %s no points", for_, a.Position, missing)
			}
			expect = a.Position + 1
		}
	}
}

func (v *validator) driverList() {
	v.drove = map[string][]bool{}
	v.driversOf = map[string][]*scoring.Driver{}
	// inCar[key][j] is the row of the driver with that key driving in the
	// calendar's round j: one slice per driver, not one map entry per
	// driver and round.
	inCar := map[string][]*scoring.Driver{}
	for i := range v.s.Drivers {
		d := &v.s.Drivers[i]
		e, ok := v.entries[d.No]
		if !ok {
			if len(v.entries) > 0 {
				v.unknownCar(d.No, d.Origin.At(templates.ColNo))
			}
			continue
		}
		v.checkRoundSet(d.Rounds, d.Origin.At(templates.ColRounds))
		v.checkRoundSet(d.Ineligible, d.Origin.At(templates.ColIneligible))
		// Rounds the driver drove but the car did not enter.
		var notEntered []int
		for _, n := range d.Rounds.Rounds {
			if _, inCal := v.rounds[n]; inCal && !entered(e, n) {
				notEntered = append(notEntered, n)
			}
		}
		if len(notEntered) > 0 {
			v.diags.Errorf(d.Origin.At(templates.ColRounds), scoring.CodeNotEntered, fmt.Sprintf("car %s is entered for rounds %s (%s)", e.No, e.Rounds.String(), place(e.Origin, templates.ColRounds)),
				"%s drove car %s in %s, but the car is not entered for it", d.Name, e.No, plural(notEntered, "round %s", "rounds %s"))
		}
		var notDriven []int
		for _, n := range d.Ineligible.Rounds {
			if !d.Rounds.Contains(n) {
				notDriven = append(notDriven, n)
			}
		}
		if len(notDriven) > 0 {
			v.diags.Errorf(d.Origin.At(templates.ColIneligible), scoring.CodeIneligible, "Ineligible lists rounds the driver drove but scores nothing in",
				"%s is ineligible in %s, which the Rounds column says they did not drive", d.Name, plural(notDriven, "round %s", "rounds %s"))
		}
		for _, other := range v.driversOf[d.No] {
			if other.Key == d.Key {
				v.diags.Errorf(d.Origin.At(templates.ColDriver), scoring.CodeDuplicateDriver, "keep one row per driver per car and list all their rounds in it",
					"%s is listed twice for car %s (also at %s)", d.Name, d.No, place(other.Origin, templates.ColDriver))
			}
		}
		v.driversOf[d.No] = append(v.driversOf[d.No], d)
		drove := v.drove[d.No]
		if drove == nil {
			drove = make([]bool, len(v.roundNumbers))
			v.drove[d.No] = drove
		}
		var clash []int
		var clashWith *scoring.Driver
		rounds := inCar[d.Key]
		for j, n := range v.roundNumbers {
			if !entered(e, n) || !d.Rounds.Contains(n) {
				continue
			}
			drove[j] = true
			if rounds == nil {
				rounds = make([]*scoring.Driver, len(v.roundNumbers))
				inCar[d.Key] = rounds
			}
			if other := rounds[j]; other != nil && other.No != d.No {
				clash = append(clash, n)
				clashWith = other
				continue
			}
			rounds[j] = d
		}
		if len(clash) > 0 {
			slices.Sort(clash)
			v.diags.Errorf(d.Origin.At(templates.ColRounds), scoring.CodeDriverTwoCars, "a driver drives one car per round; correct the Rounds of one of the rows",
				"%s drives car %s and car %s (%s) in %s", d.Name, d.No, clashWith.No, place(clashWith.Origin, templates.ColDriver), plural(clash, "round %s", "rounds %s"))
		}
	}
	v.similarNames()
}

// similarNames warns about names that are probably the same person spelt
// two ways: equal apart from accents, case and spacing, or one typo apart.
func (v *validator) similarNames() {
	type spelling struct {
		name string
		d    *scoring.Driver
	}
	// The first row of each distinct spelling.
	var spellings []spelling
	seen := map[string]bool{}
	for i := range v.s.Drivers {
		d := &v.s.Drivers[i]
		if !seen[d.Name] {
			seen[d.Name] = true
			spellings = append(spellings, spelling{d.Name, d})
		}
	}
	warn := func(a, b spelling, how string) {
		v.diags.Warnf(b.d.Origin.At(templates.ColDriver), scoring.CodeSimilarNames, "if they are the same person, spell the name the same way in both cells",
			"%q looks like %q at %s (%s)", b.name, a.name, place(a.d.Origin, templates.ColDriver), how)
	}
	// Same key: differ only in accents, case or spacing.
	byKey := map[string]spelling{}
	var keys []string
	for _, sp := range spellings {
		if first, ok := byKey[sp.d.Key]; ok {
			warn(first, sp, "they differ only in accents, capitals or spaces")
			continue
		}
		byKey[sp.d.Key] = sp
		keys = append(keys, sp.d.Key)
	}
	// One edit apart: index every key by its one-deletion variants, so that
	// only keys sharing a variant are compared (linear, not quadratic).
	// Names whose numbers differ are different people ("Driver 12-1" and
	// "Driver 13-1", "Driver 1-21"; "Car 7 Driver" and "Car 17 Driver"):
	// only letters (not digits) are deleted, so that two keys share a
	// variant only when their digits are the same, and entry lists
	// numbered by car never fill a variant with each other's names.
	// A variant is held as a hash of its characters, not as a string of
	// its own (a season has tens of thousands of names); two keys sharing
	// a hash by chance are told apart by the distance check.
	variants := map[uint64][]int{}
	reported := map[[2]int]bool{}
	var cands []uint64 // reused
	for i, k := range keys {
		n := utf8.RuneCountInString(k)
		if n < 6 {
			continue // short names differ by one letter too often
		}
		cands = append(cands[:0], variantHash(k, -1))
		j := 0
		for _, c := range k {
			if !unicode.IsDigit(c) {
				cands = append(cands, variantHash(k, j))
			}
			j++
		}
		for _, c := range cands {
			for _, other := range variants[c] {
				pair := [2]int{other, i}
				if reported[pair] || scoring.Distance(keys[other], k) != 1 || numbers(keys[other]) != numbers(k) {
					continue
				}
				reported[pair] = true
				warn(byKey[keys[other]], byKey[k], "one letter differs")
			}
		}
		for _, c := range cands {
			variants[c] = append(variants[c], i)
		}
	}
}

// variantHash hashes the characters of s without its skip-th one (all of
// them for -1): FNV-1a over the characters' code points, so that it is the
// same every run.
func variantHash(s string, skip int) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	j := 0
	for _, c := range s {
		if j != skip {
			for range 4 {
				h ^= uint64(c & 0xff)
				h *= prime
				c >>= 8
			}
		}
		j++
	}
	return h
}

// numbers returns the runs of digits of s, one space after each: "12 1 "
// for "driver 12-1 name".
func numbers(s string) string {
	var b strings.Builder
	in := false
	for _, r := range s {
		d := unicode.IsDigit(r)
		if d {
			b.WriteRune(r)
		} else if in {
			b.WriteByte(' ')
		}
		in = d
	}
	if in {
		b.WriteByte(' ')
	}
	return b.String()
}

func (v *validator) results() {
	t, ok := v.tables[templates.SheetResults]
	if !ok {
		return
	}
	type carRound struct {
		no    string
		round int
	}
	// Sized for every result, so that it never grows.
	first := make(map[carRound]*scoring.Result, len(v.s.Results))
	type classRound struct {
		class string
		round int
	}
	poles := map[classRound]*scoring.Result{}
	fastest := map[classRound]*scoring.Result{}
	byRound := map[int][]*scoring.Result{}
	missingPosColumn := false
	for i := range v.s.Results {
		res := &v.s.Results[i]
		if _, ok := v.rounds[res.Round]; !ok && len(v.rounds) > 0 {
			v.diags.Errorf(res.Origin.At(templates.ColRound), scoring.CodeUnknownRound, v.roundList(), "round %d is not in the calendar", res.Round)
			continue
		}
		e, ok := v.entries[res.No]
		if !ok {
			if len(v.entries) > 0 {
				v.unknownCar(res.No, res.Origin.At(templates.ColNo))
			}
			continue
		}
		k := carRound{res.No, res.Round}
		if prev, dup := first[k]; dup {
			v.diags.Errorf(res.Origin.At(templates.ColNo), scoring.CodeDuplicateResult, "keep one row per car per round",
				"car %s has two results in round %d (also at %s)", res.No, res.Round, place(prev.Origin, templates.ColNo))
			continue
		}
		first[k] = res
		if !entered(e, res.Round) {
			v.diags.Errorf(res.Origin.At(templates.ColNo), scoring.CodeNotEntered, fmt.Sprintf("add round %d to the car's Rounds at %s, or delete this result", res.Round, place(e.Origin, templates.ColRounds)),
				"car %s has a result in round %d but is entered only for rounds %s", res.No, res.Round, e.Rounds.String())
			continue
		}
		if res.Status.IsClassified() && res.Pos == 0 {
			if !t.has(templates.ColPos) {
				missingPosColumn = true
			} else if !v.invalid[res.Origin.At(templates.ColPos)] {
				v.diags.Errorf(res.Origin.At(templates.ColPos), scoring.CodeMissingPos, "type the finishing position, or a Status (NC, Ret, DNS …) if the car was not classified",
					"car %s is classified (blank status) but has no position", res.No)
			}
		}
		res.Pole = v.resolveMark(res.Pole, e, res.Origin.At(templates.ColPole), "pole")
		res.FastestLap = v.resolveMark(res.FastestLap, e, res.Origin.At(templates.ColFastestLap), "fastest lap")
		for _, c := range res.Pole.Classifications(e) {
			cr := classRound{c, res.Round}
			if prev, dup := poles[cr]; dup {
				v.diags.Errorf(res.Origin.At(templates.ColPole), scoring.CodeTwoPoles, "one car per class takes pole; remove the other mark",
					"two poles in %s in round %d: car %s and car %s (%s)", c, res.Round, res.No, prev.No, place(prev.Origin, templates.ColPole))
			} else {
				poles[cr] = res
			}
		}
		for _, c := range res.FastestLap.Classifications(e) {
			cr := classRound{c, res.Round}
			if prev, dup := fastest[cr]; dup {
				v.diags.Errorf(res.Origin.At(templates.ColFastestLap), scoring.CodeTwoFastest, "one car per class sets the fastest lap; remove the other mark",
					"two fastest laps in %s in round %d: car %s and car %s (%s)", c, res.Round, res.No, prev.No, place(prev.Origin, templates.ColFastestLap))
			} else {
				fastest[cr] = res
			}
		}
		// A car that did not take part may have no drivers named.
		took := res.Status != scoring.DidNotStart && res.Status != scoring.Withdrawn && res.Status != scoring.DidNotQualify
		if took && len(v.s.Drivers) > 0 && !v.droveRound(res.No, res.Round) {
			v.diags.Warnf(res.Origin.At(templates.ColNo), scoring.CodeNoDriver, "add the car's drivers for this round to the Drivers sheet, or correct their Rounds",
				"car %s has a result in round %d but no driver for that round", res.No, res.Round)
		}
		byRound[res.Round] = append(byRound[res.Round], res)
	}
	if missingPosColumn {
		v.diags.Errorf(scoring.Ref{File: t.file, Sheet: t.name, Row: t.header}, scoring.CodeMissingColumn, "add a Pos column with each car's finishing position",
			"the sheet has no Pos column, so classified cars have no positions")
	}
	rounds := make([]int, 0, len(byRound))
	for n := range byRound {
		rounds = append(rounds, n)
	}
	slices.Sort(rounds)
	for _, n := range rounds {
		v.positions(n, byRound[n])
	}
}

// droveRound reports whether some driver of car no drove round n.
func (v *validator) droveRound(no string, n int) bool {
	j, ok := slices.BinarySearch(v.roundNumbers, n)
	return ok && v.drove[no] != nil && v.drove[no][j]
}

// resolveMark checks that the classifications a Pole or Fastest lap cell
// names are the car's class or cup, and returns the mark with them spelt as
// in the Entries sheet.
func (v *validator) resolveMark(m scoring.Mark, e *scoring.Entry, ref scoring.Ref, what string) scoring.Mark {
	if len(m.In) == 0 {
		return m
	}
	own := []string{e.Class}
	if e.Cup != "" {
		own = append(own, e.Cup)
	}
	out := scoring.Mark{Class: m.Class}
	for _, name := range m.In {
		i := slices.IndexFunc(own, func(c string) bool { return strings.EqualFold(c, name) })
		if i < 0 {
			v.diags.Errorf(ref, scoring.CodeBadValue, "type Y for its class, or the name of its cup ("+strings.Join(own, " or ")+")",
				"%s %q is not a classification car %s scores in", what, name, e.No)
			continue
		}
		if i == 0 {
			out.Class = true
		} else if !slices.Contains(out.In, own[i]) {
			out.In = append(out.In, own[i])
		}
	}
	return out
}

// positions checks one round's positions: no two cars of a class share one,
// and the order has no gaps. Positions may be class positions or overall
// ones: when cars of different classes share a position the round uses class
// positions, and gaps are checked per class; otherwise overall.
func (v *validator) positions(round int, results []*scoring.Result) {
	byClass := map[string][]*scoring.Result{}
	owner := map[int]string{} // position → class of its first car
	classPositions := false
	// An unreadable position was reported already; gaps it leaves would
	// only repeat it.
	checkGaps := true
	for _, res := range results {
		if v.invalid[res.Origin.At(templates.ColPos)] {
			checkGaps = false
		}
		if res.Pos == 0 {
			continue
		}
		class := v.entries[res.No].Class
		byClass[class] = append(byClass[class], res)
		if c, ok := owner[res.Pos]; ok && c != class {
			classPositions = true
		}
		owner[res.Pos] = class
	}
	classes := make([]string, 0, len(byClass))
	for c := range byClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	var all []*scoring.Result
	for _, c := range classes {
		list := byClass[c]
		slices.SortStableFunc(list, func(a, b *scoring.Result) int { return a.Pos - b.Pos })
		for i := 1; i < len(list); i++ {
			if list[i].Pos == list[i-1].Pos {
				v.diags.Errorf(list[i].Origin.At(templates.ColPos), scoring.CodeSamePos, "two cars cannot share a position; correct one of them",
					"cars %s and %s (%s) are both position %d in %s in round %d", list[i].No, list[i-1].No, place(list[i-1].Origin, templates.ColPos), list[i].Pos, c, round)
			}
		}
		if classPositions && checkGaps {
			v.gaps(round, "in "+c+" ", list)
		}
		all = append(all, list...)
	}
	if !classPositions && checkGaps {
		slices.SortStableFunc(all, func(a, b *scoring.Result) int { return a.Pos - b.Pos })
		v.gaps(round, "", all)
	}
}

func (v *validator) gaps(round int, where string, sorted []*scoring.Result) {
	expect := 1
	for _, res := range sorted {
		if res.Pos > expect {
			missing := fmt.Sprintf("no car is position %d", expect)
			if res.Pos-expect > 1 {
				missing = fmt.Sprintf("no car has positions %d–%d", expect, res.Pos-1)
			}
			v.diags.Warnf(res.Origin.At(templates.ColPos), scoring.CodePosGap, "check for a missing car or a mistyped position",
				"positions %sin round %d jump to %d: %s", where, round, res.Pos, missing)
		}
		expect = max(expect, res.Pos+1)
	}
}

func (v *validator) penalties() {
	for i := range v.s.Penalties {
		p := &v.s.Penalties[i]
		if _, ok := v.rounds[p.Round]; !ok && len(v.rounds) > 0 {
			v.diags.Errorf(p.Origin.At(templates.ColRound), scoring.CodeUnknownRound, v.roundList(), "round %d is not in the calendar", p.Round)
		}
		if _, ok := v.entries[p.No]; !ok {
			if len(v.entries) > 0 {
				v.unknownCar(p.No, p.Origin.At(templates.ColNo))
			}
			continue
		}
		if p.Driver == "" {
			continue
		}
		key := scoring.FoldName(p.Driver)
		var names []string
		found := false
		for _, d := range v.driversOf[p.No] {
			names = append(names, d.Name)
			if d.Key == key {
				found = true
			}
		}
		if !found {
			hint := "leave Driver blank to penalise the car and all its drivers"
			if len(names) > 0 {
				hint = "drivers of car " + p.No + ": " + strings.Join(names, ", ")
			}
			if g := scoring.Closest(p.Driver, names, 3); g != "" {
				hint = "did you mean " + g + "?"
			}
			v.diags.Errorf(p.Origin.At(templates.ColDriver), scoring.CodeUnknownDriver, hint, "%s is not a driver of car %s", p.Driver, p.No)
		}
	}
}

func (v *validator) seasonSettings() {
	if v.s.BestResults > 0 && len(v.rounds) > 0 && v.s.BestResults > len(v.rounds) {
		t := v.tables[templates.SheetSeason]
		ref := scoring.Ref{}
		if t != nil {
			ref = scoring.Ref{File: t.file, Sheet: t.name}
			for _, r := range t.rows {
				if f, ok := templates.V1().Field(t.value(r, templates.ColField)); ok && f.Name == templates.FieldBestResults {
					ref = t.origin(r).At(templates.ColValue)
				}
			}
		}
		v.diags.Warnf(ref, scoring.CodeBestResults, "leave it blank when all results count",
			"best results is %d but the calendar has only %d rounds, so every result counts", v.s.BestResults, len(v.rounds))
	}
}

func foldKey(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '.' || r == '#' {
			return -1
		}
		return r
	}, scoring.FoldName(s))
}
