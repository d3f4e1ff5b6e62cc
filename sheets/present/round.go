package present

import (
	"strconv"

	"github.com/podium-dev/podium/scoring"
)

// Class is a round cell's class in the colour key of published standings
// tables: the colour it is shown on.
type Class uint8

// Classes of the colour key. Unmarked, the zero value, is a cell without
// a colour: blank (did not take part), excluded, withdrawn.
const (
	Unmarked Class = iota
	Winner
	Second
	Third
	PointsFinish
	NoPoints // classified without points, or not classified (NC)
	Retired
	NotQualified
	Disqualified
	NotStarted
)

// KeyClasses are the classes in the order the key lists them.
func KeyClasses() []Class {
	return []Class{Winner, Second, Third, PointsFinish, NoPoints, Retired, NotQualified, Disqualified, NotStarted, Unmarked}
}

// Fill is the class's background colour as RRGGBB; none for Unmarked.
func (c Class) Fill() string {
	switch c {
	case Winner:
		return "FFFFBF"
	case Second:
		return "DFDFDF"
	case Third:
		return "FFDF9F"
	case PointsFinish:
		return "DFFFDF"
	case NoPoints:
		return "CFCFFF"
	case Retired:
		return "EFCFFF"
	case NotQualified:
		return "FFCFCF"
	case Disqualified:
		return "000000"
	case NotStarted:
		return "FFFFFF"
	}
	return ""
}

// Font is the class's text colour as RRGGBB where it is not the default:
// white on the black of a disqualification.
func (c Class) Font() string {
	if c == Disqualified {
		return "FFFFFF"
	}
	return ""
}

// Legend is the class's line in the key.
func (c Class) Legend() string {
	switch c {
	case Winner:
		return "Winner"
	case Second:
		return "2nd place"
	case Third:
		return "3rd place"
	case PointsFinish:
		return "Points finish"
	case NoPoints:
		return "Classified, no points / Not classified (NC)"
	case Retired:
		return "Retired (Ret)"
	case NotQualified:
		return "Did not qualify (DNQ)"
	case Disqualified:
		return "Disqualified (DSQ)"
	case NotStarted:
		return "Did not start (DNS)"
	}
	return "Excluded (EX), withdrawn (WD), blank: did not take part"
}

// Mark is a set of marks on a round cell.
type Mark uint8

// Marks of a round cell. Pole and FastestLap are shown by the cell's font
// (bold, italics); Dropped, Ineligible and Kept by its text (brackets, a
// dagger, a double dagger).
const (
	Pole Mark = 1 << iota
	FastestLap
	Dropped
	Ineligible
	// Kept is a result that always counts, never dropped (Droppable N).
	Kept
)

// textMarks are the marks a cell's text shows.
const textMarks = Dropped | Ineligible | Kept

// KeyMarks are the marks in the order the key lists them; Kept only
// where a table has such a result (kept), so that the key of a season
// without them stays as it was.
func KeyMarks(kept bool) []Mark {
	if kept {
		return []Mark{Pole, FastestLap, Dropped, Ineligible, Kept}
	}
	return []Mark{Pole, FastestLap, Dropped, Ineligible}
}

// Legend is the mark's line in the key (a single mark).
func (m Mark) Legend() string {
	switch m {
	case Pole:
		return "Bold – pole position"
	case FastestLap:
		return "Italics – fastest lap"
	case Dropped:
		return "(brackets) – result dropped (best results count)"
	case Ineligible:
		return "† – driver not eligible for points in that round"
	case Kept:
		return "‡ – result that always counts, never dropped"
	}
	return ""
}

// RoundCell is what a competitor's round shows.
type RoundCell struct {
	// Present is false for a round not taken part in: a blank cell
	// without class or marks.
	Present bool
	Status  scoring.Status
	Pos     int // the position, for Classified
	Class   Class
	Marks   Mark
}

// Round returns what a competitor's round shows, as published tables show
// it.
func Round(c *scoring.Cell) RoundCell {
	if !c.Present {
		return RoundCell{}
	}
	r := RoundCell{Present: true, Status: c.Status, Pos: c.Pos}
	switch c.Status {
	case scoring.Classified:
		switch {
		case c.Pos == 1:
			r.Class = Winner
		case c.Pos == 2:
			r.Class = Second
		case c.Pos == 3:
			r.Class = Third
		case ScoredPoints(c):
			r.Class = PointsFinish
		default:
			r.Class = NoPoints
		}
	case scoring.NotClassified:
		r.Class = NoPoints
	case scoring.Retired:
		r.Class = Retired
	case scoring.DidNotQualify:
		r.Class = NotQualified
	case scoring.Disqualified:
		r.Class = Disqualified
	case scoring.DidNotStart:
		r.Class = NotStarted
	}
	if c.Pole {
		r.Marks |= Pole
	}
	if c.FastestLap {
		r.Marks |= FastestLap
	}
	if c.Dropped {
		r.Marks |= Dropped
	}
	if c.Ineligible {
		r.Marks |= Ineligible
	}
	if c.Undroppable {
		r.Marks |= Kept
	}
	return r
}

// IsNumber reports whether the cell shows a bare position, a number
// (rather than text: a status, or a position with its marks).
func (r RoundCell) IsNumber() bool {
	return r.Present && r.Status == scoring.Classified && r.Marks&textMarks == 0
}

// Text is what the cell shows as text (see AppendRoundText).
func (r RoundCell) Text() string {
	if r.Present && r.Marks&textMarks == 0 && r.Status != scoring.Classified {
		return string(r.Status) // without a string of its own
	}
	return string(r.appendText(nil))
}

// AppendRoundText appends what the tables show for a competitor's round,
// Round(c).Text(), without a string of its own: nothing when absent, the
// position or the status code, with a dagger when ineligible, a double
// dagger when it always counts, in brackets when dropped.
func AppendRoundText(b []byte, c *scoring.Cell) []byte {
	if !c.Present {
		return b
	}
	var m Mark
	if c.Dropped {
		m |= Dropped
	}
	if c.Ineligible {
		m |= Ineligible
	}
	if c.Undroppable {
		m |= Kept
	}
	return appendText(b, c.Status, c.Pos, m)
}

func appendText(b []byte, status scoring.Status, pos int, m Mark) []byte {
	if m&Dropped != 0 {
		b = append(b, '(')
	}
	if status == scoring.Classified {
		b = strconv.AppendInt(b, int64(pos), 10)
	} else {
		b = append(b, status...)
	}
	if m&Ineligible != 0 {
		b = append(b, "†"...)
	}
	if m&Kept != 0 {
		b = append(b, "‡"...)
	}
	if m&Dropped != 0 {
		b = append(b, ')')
	}
	return b
}

// ScoredPoints reports whether a round's position (or Other) brought
// points — for a team, make or nation, the position of a car it counted —
// such a cell is shown on the points colour.
func ScoredPoints(c *scoring.Cell) bool {
	for i := range c.Items {
		switch it := &c.Items[i]; it.Kind {
		case scoring.ItemPosition, scoring.ItemOther:
			if it.Points > 0 {
				return true
			}
		case scoring.ItemCounted:
			if it.Base > 0 {
				return true
			}
		}
	}
	return false
}

// SameShown reports whether two competitors' cells of a round show the
// same, in the same car: cells a table may merge (see Shared).
func SameShown(a, b *scoring.Cell) bool {
	if a.No != b.No {
		return false
	}
	// A crew's cells are copies of the car's: equal in everything the
	// display is made of, they show the same without being rendered.
	if a.Present == b.Present && a.Status == b.Status && a.Pos == b.Pos && a.Pole == b.Pole &&
		a.FastestLap == b.FastestLap && a.Ineligible == b.Ineligible && a.Dropped == b.Dropped && a.Undroppable == b.Undroppable &&
		ScoredPoints(a) == ScoredPoints(b) {
		return true
	}
	ra, rb := Round(a), Round(b)
	var ta, tb [32]byte
	return ra.Class == rb.Class && ra.Marks&(Pole|FastestLap) == rb.Marks&(Pole|FastestLap) &&
		string(ra.appendText(ta[:0])) == string(rb.appendText(tb[:0]))
}

func (r RoundCell) appendText(b []byte) []byte {
	if !r.Present {
		return b
	}
	return appendText(b, r.Status, r.Pos, r.Marks)
}

// Span is a run of a table's lines (First to Last, indexes into the
// lines) that share a cell, as published tables merge them: competitors
// sharing a position share its number and points (Round is -1), and a
// round's cell where they had the same result in the same car (Round is
// the round's index). Lines listed without a position share nothing.
type Span struct{ Round, First, Last int }

// Shared calls span with each run of lines sharing a cell, in order: by
// the lines' position, the position's span first, then the rounds' in
// order.
func Shared(lines []scoring.Line, span func(Span)) {
	for start := 0; start < len(lines); {
		end := start + 1
		for lines[start].Pos > 0 && end < len(lines) && lines[end].Pos == lines[start].Pos && lines[end].Points == lines[start].Points {
			end++
		}
		if end-start > 1 {
			span(Span{-1, start, end - 1})
			for j := range lines[start].Rounds {
				for a := start; a < end; {
					b := a + 1
					for b < end && SameShown(&lines[a].Rounds[j], &lines[b].Rounds[j]) {
						b++
					}
					if b-a > 1 && lines[a].Rounds[j].Present {
						span(Span{j, a, b - 1})
					}
					a = b
				}
			}
		}
		start = end
	}
}
