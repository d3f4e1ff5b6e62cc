package scoring

import (
	"fmt"
	"strconv"
	"strings"
)

// Championship is one row of the Championships sheet: who is ranked, in
// which classification, and by which rules. A field left at its zero value
// takes the Season's rule.
type Championship struct {
	// Name is the championship's name ("Drivers", "Constructors"). With a
	// blank Class each table is named "<class> <Name>".
	Name       string
	Competitor Competitor
	// Class is the classification it is run in: "" for one championship
	// per class and car cup (and, for Driver, per driver cup), ClassAll for
	// every car in one classification (Pos read as overall positions), or
	// the name of a class, car cup or driver cup.
	Class string
	// Counted says which of a Team's or Make's cars (a Nation's drivers)
	// score in each race; the zero value counts all of them.
	Counted Counted
	// Scheme is the named points scheme paid for each car's position
	// (the Points rows of that Scheme); "" is the default scheme.
	Scheme string
	// BestResults overrides the Season's Best results; nil takes it.
	BestResults *BestResults
	// TieBreak and TiesShownAs override the Season's; "" takes it.
	TieBreak    TieBreak
	TiesShownAs TiesShownAs
	// MinimumStarts is the number of starts a competitor needs to be
	// ranked; those with fewer are listed after, without a position.
	MinimumStarts int
	Origin        Origin
}

// Competitor is who a championship ranks.
type Competitor string

// Competitor kinds.
const (
	// CompetitorCar ranks each car (v1's teams' championship).
	CompetitorCar Competitor = "Car"
	// CompetitorDriver ranks each driver.
	CompetitorDriver Competitor = "Driver"
	// CompetitorTeam adds up the cars with the same Entries Team.
	CompetitorTeam Competitor = "Team"
	// CompetitorMake adds up the cars with the same Entries Make.
	CompetitorMake Competitor = "Make"
	// CompetitorNation adds up the drivers with the same Drivers Nat.
	CompetitorNation Competitor = "Nation"
)

// Competitors lists the competitor kinds in the order they are offered.
func Competitors() []Competitor {
	return []Competitor{CompetitorCar, CompetitorDriver, CompetitorTeam, CompetitorMake, CompetitorNation}
}

// aggregated reports whether the competitor adds up cars or drivers.
func (c Competitor) aggregated() bool {
	return c == CompetitorTeam || c == CompetitorMake || c == CompetitorNation
}

// ClassAll is the Class of a championship over every car in one
// classification.
const ClassAll = "All"

// Counted says which of a competitor's cars (or drivers) score in a race.
// The zero value counts all of them.
type Counted struct {
	// N keeps the N cars that scored most in the race (the better placed
	// on equal points); 0 keeps all.
	N int
	// Nominated keeps the cars marked Nominated in Entries.
	Nominated bool
}

// String renders the rule as written: "All", "2", "Nominated".
func (c Counted) String() string {
	switch {
	case c.Nominated:
		return "Nominated"
	case c.N > 0:
		return strconv.Itoa(c.N)
	}
	return "All"
}

// BestResults is which of a competitor's race scores count. The zero value
// counts every result.
type BestResults struct {
	// N counts the N best results.
	N int
	// AllBut counts the races of the calendar less AllBut.
	AllBut int
	// Splits count the best Count results of rounds From–To each; a round
	// outside every split always counts.
	Splits []BestSplit
}

// BestSplit is one part of a split-season rule: the best Count results of
// rounds From to To.
type BestSplit struct {
	Count, From, To int
}

// String renders the rule as written: "11", "all but 2",
// "6 of 1-7, 5 of 8-13", or "" when every result counts.
func (b BestResults) String() string {
	switch {
	case len(b.Splits) > 0:
		parts := make([]string, len(b.Splits))
		for i, sp := range b.Splits {
			parts[i] = fmt.Sprintf("%d of %d-%d", sp.Count, sp.From, sp.To)
		}
		return strings.Join(parts, ", ")
	case b.AllBut > 0:
		return fmt.Sprintf("all but %d", b.AllBut)
	case b.N > 0:
		return strconv.Itoa(b.N)
	}
	return ""
}

// ParseBestResults reads a Best results cell: "N", "all but N" or
// "K of A-B, L of C-D" (en dashes and spaces allowed). A blank cell is the
// zero value. The error says what is wrong, for a message.
func ParseBestResults(text string) (BestResults, error) {
	t := strings.Join(strings.Fields(strings.ToLower(strings.ReplaceAll(strings.ReplaceAll(text, "–", "-"), "—", "-"))), " ")
	if t == "" {
		return BestResults{}, nil
	}
	if n, err := strconv.Atoi(t); err == nil {
		if n < 1 {
			return BestResults{}, fmt.Errorf("%q is less than 1", text)
		}
		return BestResults{N: n}, nil
	}
	if rest, ok := strings.CutPrefix(t, "all but "); ok {
		n, err := strconv.Atoi(rest)
		if err != nil || n < 1 {
			return BestResults{}, fmt.Errorf("%q: all but needs a whole number of at least 1", text)
		}
		return BestResults{AllBut: n}, nil
	}
	var b BestResults
	for _, part := range strings.Split(t, ",") {
		var sp BestSplit
		count, span, ok := strings.Cut(strings.TrimSpace(part), " of ")
		from, to, ok2 := strings.Cut(strings.ReplaceAll(span, " ", ""), "-")
		var err1, err2, err3 error
		sp.Count, err1 = strconv.Atoi(strings.TrimSpace(count))
		sp.From, err2 = strconv.Atoi(from)
		sp.To, err3 = strconv.Atoi(to)
		if !ok || !ok2 || err1 != nil || err2 != nil || err3 != nil || sp.Count < 1 || sp.From < 1 || sp.To < sp.From {
			return BestResults{}, fmt.Errorf("%q is not a number, all but N, or K of A-B, L of C-D", text)
		}
		b.Splits = append(b.Splits, sp)
	}
	return b, nil
}

// TiesShownAs is how shared positions are numbered.
type TiesShownAs string

// Numberings of shared positions.
const (
	// TiesDense numbers 1, 1, 2 (the default, v1's).
	TiesDense TiesShownAs = "1, 1, 2"
	// TiesSkip numbers 1, 1, 3: the next competitor takes the place after
	// all the tied ones.
	TiesSkip TiesShownAs = "1, 1, 3"
)

// More tie-break rules (see Countback and NoTieBreak). Either countback
// may be followed by ThenLatestResult or ThenFirstToReach.
const (
	// CountbackScoringPlaces counts only results that paid position
	// points.
	CountbackScoringPlaces TieBreak = "countback of scoring places"
	// ThenLatestResult is the suffix that prefers the better result in the
	// latest race both took part in.
	ThenLatestResult = ", then latest result"
	// ThenFirstToReach is the suffix that prefers whoever reached the tied
	// total in an earlier race.
	ThenFirstToReach = ", then first to reach the total"
)

// ParseTieBreak reads a Tie-break cell in its canonical form ("countback of
// scoring places, then latest result"); case and spacing are free.
func ParseTieBreak(text string) (TieBreak, bool) {
	t := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	t = strings.ReplaceAll(t, " ,", ",")
	base, then, _ := strings.Cut(t, ",")
	then = strings.TrimSpace(then)
	switch TieBreak(base) {
	case NoTieBreak:
		if then != "" {
			return "", false
		}
		return NoTieBreak, true
	case Countback, CountbackScoringPlaces:
	default:
		return "", false
	}
	if then == "" {
		return TieBreak(base), true
	}
	if suffix := ", " + then; suffix == ThenLatestResult || suffix == ThenFirstToReach {
		return TieBreak(base + suffix), true
	}
	return "", false
}

// tieRule is a TieBreak taken apart.
type tieRule struct {
	countback   bool
	scoringOnly bool
	// then is "", ThenLatestResult or ThenFirstToReach.
	then string
}

// rule takes the tie-break apart; "" is countback.
func (t TieBreak) rule() tieRule {
	if t == NoTieBreak {
		return tieRule{}
	}
	r := tieRule{countback: true}
	s := string(t)
	for _, then := range []string{ThenLatestResult, ThenFirstToReach} {
		if rest, ok := strings.CutSuffix(s, then); ok {
			s, r.then = rest, then
		}
	}
	r.scoringOnly = TieBreak(s) == CountbackScoringPlaces
	return r
}
