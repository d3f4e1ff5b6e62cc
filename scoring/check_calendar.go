package scoring

import "fmt"

// calendar checks the calendar: rounds numbered 1, 2, 3 … once each and
// without gaps, dated in their order.
func (c *checker) calendar() {
	src := c.src.Calendar
	if !src.Missing && len(c.s.Rounds) == 0 {
		c.diags.Errorf(src.Ref.sheet(), CodeNoRounds, hintNoRounds, "the calendar has no rounds")
	}
	for i := range c.s.Rounds {
		r := &c.s.Rounds[i]
		if first := c.rounds[r.Number]; first != r {
			c.diags.Errorf(r.Origin.At(ColRound), CodeDuplicateRound, hintDuplicateRound,
				"round %d is listed twice (also at %s)", r.Number, place(first.Origin, ColRound))
		}
	}
	// Rounds are numbered 1..N without gaps; report each missing number at
	// the first round after it.
	expect := 1
	for _, n := range c.roundNumbers {
		if n != expect {
			missing := fmt.Sprintf("round %d is missing", expect)
			if n-expect > 1 {
				missing = fmt.Sprintf("rounds %d–%d are missing", expect, n-1)
			}
			c.diags.Errorf(c.rounds[n].Origin.At(ColRound), CodeRoundGap, hintRoundGap,
				"the calendar jumps to round %d: %s", n, missing)
		}
		expect = n + 1
	}
	// Dates go forward with the round numbers.
	var prev *Round
	for _, n := range c.roundNumbers {
		r := c.rounds[n]
		if r.Date.IsZero() {
			continue
		}
		if prev != nil && r.Date.Before(prev.Date) {
			c.diags.Warnf(r.Origin.At(ColDate), CodeRoundOrder, hintRoundOrder,
				"round %d (%s) is dated before round %d (%s)", r.Number, r.Date.Format("2 January 2006"), prev.Number, prev.Date.Format("2 January 2006"))
		}
		prev = r
	}
}

// settings checks the season's settings against the calendar.
func (c *checker) settings() {
	if c.s.BestResults > 0 && len(c.rounds) > 0 && c.s.BestResults > len(c.rounds) {
		c.diags.Warnf(c.src.BestResults, CodeBestResults, hintBestResults,
			"best results is %d but the calendar has only %d rounds, so every result counts", c.s.BestResults, len(c.rounds))
	}
}
