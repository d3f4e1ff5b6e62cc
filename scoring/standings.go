package scoring

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Standings are a season's championship tables after some rounds.
type Standings struct {
	// AfterRound is the last round counted.
	AfterRound int
	// Rounds are the rounds counted, in order. Every Line.Rounds is aligned
	// with it.
	Rounds []Round
	// Classifications holds v1's championships (a season without
	// Championships): one teams' and one drivers' championship per class
	// and per cup, classes first, then cups, each by name, then a drivers'
	// championship (Teams nil) per driver cup. It is empty for a season
	// with Championships.
	Classifications []Classification
	// Championships holds every championship table in order: the
	// Championships rows in the order given, a row with a blank Class
	// expanded per class and car cup (as Classifications orders them),
	// then, for a Driver row, per driver cup by name. For a season without
	// Championships it lists v1's tables (DefaultChampionships),
	// "<class> Teams" then "<class> Drivers" per classification, sharing
	// the lines of Classifications.
	Championships []Table
	// Fields holds, for a season with Championships, each classification
	// its championships are run in (a class, a car cup, a driver cup, or
	// ClassAll), in the order of their first table: what the race results
	// (winners, every car's result) list. Teams has a line per scoring car
	// (an invited entry has none): the lines of the first Car championship
	// run in the classification; without one, lines scored as such a
	// championship would score them under the default scheme (factor,
	// invited entries, the penalties that name no championship), listed
	// by car number and not ranked. Drivers gives the cars' crews: the
	// lines of the first Driver championship run in the classification
	// (a class, a car cup or ClassAll); without one, the lines of the
	// drivers of its cars, not ranked. Fields is empty for a season
	// without Championships: Classifications holds them.
	Fields []Classification
}

// Table is one championship's standings.
type Table struct {
	// Name is the table's full name: the championship's, or
	// "<class> <championship>" for one run per class ("LMP2 Teams").
	Name string
	// Championship is the Championships row (for v1's tables, the
	// Competitor and Class only).
	Championship Championship
	// Class is the classification the table is run in: a class, a car cup,
	// a driver cup, or ClassAll.
	Class string
	// PerClass is true for a table of a row with a blank Class: its CSV is
	// named "<class>-<championship>.csv".
	PerClass bool
	// Lines are in order of position; lines without a position (excluded,
	// too few starts) come last.
	Lines []Line
	// Title is the race for the title after the last round scored.
	Title TitleRace
	// Moves is true when the lines' positions are compared with those
	// after the previous round (Line.Previous): from the second round on.
	Moves bool
}

// Table returns the championship table named name, or nil.
func (st *Standings) Table(name string) *Table {
	for i := range st.Championships {
		if st.Championships[i].Name == name {
			return &st.Championships[i]
		}
	}
	return nil
}

// Classification is the championship of one class or cup.
type Classification struct {
	Name string
	// Cup is true for a classification that is only a cup (no car has it as
	// its class).
	Cup bool
	// Teams has one line per car, in order of position (a field's: see
	// Standings.Fields).
	Teams []Line
	// Drivers has one line per driver, in order of position (a field's:
	// see Standings.Fields).
	Drivers []Line
}

// LineKind says whether a line is a car's (teams' championship) or a
// driver's.
type LineKind int

// Line kinds.
const (
	// TeamLine is a car's line (v1's teams' championship, Competitor Car).
	TeamLine LineKind = iota + 1
	// DriverLine is a driver's line.
	DriverLine
	// TeamTotalLine adds up a team's counted cars (Competitor Team).
	TeamTotalLine
	// MakeLine adds up a make's counted cars.
	MakeLine
	// NationLine adds up a nation's counted drivers.
	NationLine
)

// Line is one competitor's line in a championship table.
type Line struct {
	Kind LineKind
	// Pos is the championship position. Competitors that cannot be told
	// apart share it (Shared is then true) and the next one takes the next
	// number, as the published tables do: 7, 7, 8 (or 7, 7, 9 with Ties
	// shown as 1, 1, 3). It is 0 for a line listed without a position.
	Pos    int
	Shared bool
	// Excluded is true for a competitor excluded from the championship
	// (a Penalties EX); TooFewStarts for one below Minimum starts. Both
	// are listed after the ranked lines, without a position.
	Excluded     bool
	TooFewStarts bool
	// No, Team, Car and Nat describe the car of a team line; Nat is the
	// driver's for a driver line.
	No   string
	Team string
	Car  string
	Nat  string
	// Name and Key identify the driver of a driver line; Name is the
	// team, make or nation of an aggregated line.
	Name string
	Key  string
	// Cars lists the cars a driver drove in this classification, or the
	// cars of an aggregated line.
	Cars []string
	// Points is the championship total: the counted round scores less the
	// penalties.
	Points float64
	// Rounds holds a cell per counted round.
	Rounds []Cell
	// Progression is the total after each counted round.
	Progression []float64
	// Countback counts the competitor's finishing positions: Countback[0]
	// wins, Countback[1] second places, and so on.
	Countback []int
	// Title says whether the competitor can still win the championship,
	// or has won it.
	Title TitleChance
	// Previous is the competitor's position after the previous round; 0
	// when it had none then (new in the table). Read it only when the
	// Table's Moves is true.
	Previous int
	// Origin is the row the competitor comes from (the entry, or the
	// driver's first row), for messages.
	Origin Origin
	// excludedFrom is 1 + the index of the first counted round of an
	// exclusion (0: none), for the positions after an earlier round.
	excludedFrom int
}

// Cell is a competitor's round: what happened and the points it brought.
//
// The flags come last, together, so that a cell takes 104 bytes rather
// than 128 (a 100,000-result season has a million cells).
type Cell struct {
	Round int
	// No is the car (for a driver: the car driven).
	No     string
	Status Status
	// Pos is the car's place among the classified cars of the
	// classification (invited entries included); 0 when not classified.
	Pos int
	// ScoringPos is the place that scores: among the classified scoring
	// cars only (invited entries left out); 0 when none.
	ScoringPos int
	// Score is the points the round brought before penalties.
	Score float64
	// Penalty is the points deducted in the round (positive).
	Penalty float64
	// Items explain the points, one per source. A car's lines (its team
	// and its drivers) may share them: read them, do not change them in
	// place.
	Items []Item
	// Present is true when the competitor has a result in the round (a
	// driver: drove the car in it).
	Present    bool
	Pole       bool
	FastestLap bool
	// Dropped is true when the score does not count (best-N results).
	Dropped bool
	// Ineligible is true for a driver who scores nothing in the round.
	Ineligible bool
	// Undroppable is true when the score always counts (Droppable N of
	// the race or the result): an ItemKept item says why.
	Undroppable bool
}

// Counted returns what the round adds to the total: its score unless
// dropped, less its penalties.
func (c Cell) Counted() float64 {
	if c.Dropped {
		return -c.Penalty
	}
	return c.Score - c.Penalty
}

// ItemKind is a source of points.
type ItemKind int

// Point sources.
const (
	ItemPosition   ItemKind = iota + 1 // a finishing position of the table
	ItemOther                          // a classified finish beyond the table
	ItemPole                           // pole position
	ItemFastestLap                     // fastest lap
	ItemPenalty                        // points deducted
	ItemIneligible                     // the driver scores nothing this round
	ItemInvited                        // an invited entry scores nothing
	// ItemCounted is a counted car (or driver) of an aggregated line: Note
	// names it ("car 5"), Pos is its scoring position, Points its points
	// in the race before penalties (its penalties follow as penalty
	// items), Base its position points.
	ItemCounted
	// ItemKept says why a score cannot be dropped (Note); it is worth 0.
	ItemKept
	// ItemStart is a car's participation points: it started the race.
	ItemStart
	// ItemLapLed pays a car that led at least one lap.
	ItemLapLed
	// ItemMostLapsLed pays the car that led the most laps (SharedBy > 1
	// when several led as many).
	ItemMostLapsLed
)

// String names the source as the Breakdown sheet shows it.
func (k ItemKind) String() string {
	switch k {
	case ItemPosition:
		return "position"
	case ItemOther:
		return "other"
	case ItemPole:
		return "pole"
	case ItemFastestLap:
		return "fastest lap"
	case ItemPenalty:
		return "penalty"
	case ItemIneligible:
		return "ineligible"
	case ItemInvited:
		return "invited"
	case ItemCounted:
		return "counted"
	case ItemKept:
		return "not droppable"
	case ItemStart:
		return "start"
	case ItemLapLed:
		return "lap led"
	case ItemMostLapsLed:
		return "most laps led"
	}
	return "unknown"
}

// Item is one source of a round's points.
type Item struct {
	Kind ItemKind
	// Points is the item's contribution (negative for a penalty).
	Points float64
	// Base is the points before the round's factor; Factor the factor
	// (1 when it does not apply).
	Base   float64
	Factor float64
	// Pos is the scoring position, for position items.
	Pos int
	// Note is a penalty's reason, why a result scores nothing or cannot
	// be dropped, or an aggregated line's member. On the items of a race's
	// awards (position, other, pole, fastest lap, start, lap led, most
	// laps led) it names the car ("car 6") when a driver drove two cars in
	// the race, and is "" otherwise.
	Note string
	// Scheme is the named points scheme the race pays (its Calendar
	// Scheme), "" for the default scheme or a championship's own.
	Scheme string
	// SharedBy is the number of cars an award was shared between (a
	// shared fastest lap, a tie for the most laps led): the car's Points
	// are Base × Factor ÷ SharedBy. 0 or 1 when not shared.
	SharedBy int
	// SplitBy is the number of drivers a shared car's points are split
	// between (Shared drives split): a driver's Points are the car's ÷
	// SplitBy. 0 or 1 when not split.
	SplitBy int
}

// String explains the item in words: "2nd: 18 × 2 (double points) = 36".
func (it Item) String() string { return string(it.AppendText(nil)) }

// AppendText appends the item's String to b and returns the extended
// slice, without a string of its own (the Breakdown explains every point
// of a season).
func (it Item) AppendText(b []byte) []byte {
	award := it.award()
	if award && it.Note != "" {
		b = append(b, it.Note...)
		b = append(b, ' ')
	}
	switch it.Kind {
	case ItemPosition:
		b = AppendOrdinal(b, it.Pos)
	case ItemOther:
		b = append(b, "classified "...)
		b = AppendOrdinal(b, it.Pos)
		b = append(b, " (beyond the points table)"...)
	case ItemPole:
		b = append(b, "pole position"...)
	case ItemFastestLap:
		b = append(b, "fastest lap"...)
	case ItemStart:
		b = append(b, "start"...)
	case ItemLapLed:
		b = append(b, "lap led"...)
	case ItemMostLapsLed:
		b = append(b, "most laps led"...)
	case ItemPenalty:
		b = append(b, "penalty"...)
		if it.Note != "" {
			b = append(b, " ("...)
			b = append(b, it.Note...)
			b = append(b, ')')
		}
		b = append(b, ": "...)
		return AppendPoints(b, it.Points)
	case ItemIneligible:
		b = append(b, "no points: "...)
		return append(b, it.Note...)
	case ItemInvited:
		return append(b, "no points: invited entry"...)
	case ItemCounted:
		b = append(b, it.Note...)
		if it.Pos > 0 {
			b = append(b, ' ')
			b = AppendOrdinal(b, it.Pos)
		}
		b = append(b, ' ')
		return AppendPoints(b, it.Points)
	case ItemKept:
		b = append(b, "not droppable: "...)
		return append(b, it.Note...)
	}
	if it.Scheme != "" {
		b = append(b, " ("...)
		b = append(b, it.Scheme...)
		b = append(b, ')')
	}
	if it.SharedBy > 1 {
		b = append(b, " (shared by "...)
		b = strconv.AppendInt(b, int64(it.SharedBy), 10)
		b = append(b, " cars)"...)
	}
	b = append(b, ": "...)
	if it.Factor != 1 || it.SharedBy > 1 || it.SplitBy > 1 {
		b = AppendPoints(b, it.Base)
		if it.Factor != 1 {
			b = append(b, " × "...)
			b = AppendPoints(b, it.Factor)
			b = append(b, " ("...)
			b = append(b, factorName(it.Factor)...)
			b = append(b, ")"...)
		}
		if it.SharedBy > 1 {
			b = append(b, " ÷ "...)
			b = strconv.AppendInt(b, int64(it.SharedBy), 10)
		}
		if it.SplitBy > 1 {
			b = append(b, " ÷ "...)
			b = strconv.AppendInt(b, int64(it.SplitBy), 10)
			b = append(b, " (shared drive)"...)
		}
		b = append(b, " = "...)
	}
	return AppendPoints(b, it.Points)
}

// award reports whether the item pays one of a race's awards.
func (it Item) award() bool {
	switch it.Kind {
	case ItemPosition, ItemOther, ItemPole, ItemFastestLap, ItemStart, ItemLapLed, ItemMostLapsLed:
		return true
	}
	return false
}

func factorName(f float64) string {
	switch f {
	case 2:
		return "double points"
	case 0.5:
		return "half points"
	}
	return "points factor"
}

// Ordinal writes a position the way standings do: 1st, 2nd, 3rd, 11th.
func Ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}

// AppendOrdinal appends Ordinal(n) to b.
func AppendOrdinal(b []byte, n int) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		return append(b, "st"...)
	case n%10 == 2:
		return append(b, "nd"...)
	case n%10 == 3:
		return append(b, "rd"...)
	}
	return append(b, "th"...)
}

// AppendPoints appends FormatPoints(p) to b; whole points, the common
// case, without a string of their own.
func AppendPoints(b []byte, p float64) []byte {
	if p == math.Trunc(p) && math.Abs(p) < 1e15 && !(p == 0 && math.Signbit(p)) {
		return strconv.AppendInt(b, int64(p), 10)
	}
	// Halves and quarters, the fractions points take (half points, a
	// classified car's 0.5), written exactly without formatting a float:
	// their decimals are their shortest form, two at most.
	if q := p * 4; q == math.Trunc(q) && p != 0 && math.Abs(p) < 1<<40 {
		n := int64(q)
		if n < 0 {
			b = append(b, '-')
			n = -n
		}
		b = strconv.AppendInt(b, n/4, 10)
		switch n % 4 {
		case 1:
			b = append(b, ".25"...)
		case 2:
			b = append(b, ".5"...)
		case 3:
			b = append(b, ".75"...)
		}
		return b
	}
	n := len(b)
	b = strconv.AppendFloat(b, p, 'f', -1, 64)
	if dot := bytes.IndexByte(b[n:], '.'); dot >= 0 && len(b)-n > dot+3 {
		b = strconv.AppendFloat(b[:n], p, 'f', 2, 64)
		b = bytes.TrimRight(bytes.TrimRight(b, "0"), ".")
	}
	return b
}

// FormatPoints writes points without needless decimals: 25, 45.5, -5.
func FormatPoints(p float64) string {
	s := strconv.FormatFloat(p, 'f', -1, 64)
	if strings.Contains(s, ".") && len(s) > strings.Index(s, ".")+3 {
		s = strconv.FormatFloat(p, 'f', 2, 64)
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Explain lists, round by round, where the line's points came from. The
// counted cars of an aggregated line share one line:
// "round 3: car 5 2nd 18 + car 6 4th 12".
func (l Line) Explain() []string {
	var out []string
	for _, c := range l.Rounds {
		var counted []string
		for _, it := range c.Items {
			if it.Kind == ItemCounted {
				counted = append(counted, it.String())
			}
		}
		if len(counted) > 0 {
			line := fmt.Sprintf("round %d: %s", c.Round, strings.Join(counted, " + "))
			if c.Dropped {
				line += " (dropped)"
			}
			out = append(out, line)
		}
		for _, it := range c.Items {
			if it.Kind == ItemCounted {
				continue
			}
			line := fmt.Sprintf("round %d: %s", c.Round, it)
			if c.Dropped && it.Kind != ItemPenalty && it.Kind != ItemKept {
				line += " (dropped)"
			}
			out = append(out, line)
		}
	}
	return out
}

// Classification returns the classification named name, or nil.
func (st *Standings) Classification(name string) *Classification {
	for i := range st.Classifications {
		if st.Classifications[i].Name == name {
			return &st.Classifications[i]
		}
	}
	return nil
}
