package sheets

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/templates"
)

// championships reads the Championships sheet (contract v2): one
// championship per row. Every unreadable cell is reported; a row whose
// name or Competitor cannot be read is then left out, while another
// unreadable cell takes the Season's rule, so that the checks of
// scoring.Check still see the row.
func (rd *reader) championships(t *table) []scoring.Championship {
	var out []scoring.Championship
	for _, r := range t.rows {
		c := rd.row(t, r)
		okName := c.required(templates.ColChampionship)
		okKind := c.required(templates.ColCompetitor)
		// Every cell is read, so that each of the row's mistakes is
		// reported at once, even when the row is then left out.
		ch := scoring.Championship{
			Name:          c.text(templates.ColChampionship),
			Class:         c.classOrAll(),
			Counted:       c.counted(),
			Scheme:        c.text(templates.ColScheme),
			BestResults:   c.bestResults(),
			TieBreak:      c.tieBreak(templates.ColTieBreak),
			TiesShownAs:   c.tiesShownAs(templates.ColTiesShownAs),
			MinimumStarts: c.int(templates.ColMinimumStarts, 0, minimumStarts),
			Origin:        t.origin(r),
		}
		if !okName || !okKind {
			continue
		}
		kind, ok := templates.ParseCompetitor(c.text(templates.ColCompetitor))
		if !ok {
			c.badChoice(templates.ColCompetitor, "competitor", "Car, Driver, Team, Make or Nation", templates.CompetitorChoices())
			continue
		}
		ch.Competitor = kind
		out = append(out, ch)
	}
	return out
}

// minimumStarts reads a Minimum starts cell: a whole number, 0 or more.
func minimumStarts(s string) (int, error) {
	n, err := nonNegative(s)
	var ve *valueError
	if errors.As(err, &ve) {
		ve.Hint = hintMinimumStarts
	}
	return n, err
}

// classOrAll reads a Championships Class cell, writing All as
// scoring.ClassAll. scoring.Check matches the other names.
func (c cell) classOrAll() string {
	s := c.text(templates.ColClass)
	if strings.EqualFold(s, scoring.ClassAll) {
		return scoring.ClassAll
	}
	return s
}

// counted reads a Counted cell: All (or blank), a whole number of at least
// 1, or Nominated.
func (c cell) counted() scoring.Counted {
	s := c.text(templates.ColCounted)
	switch {
	case s == "" || strings.EqualFold(s, "all"):
		return scoring.Counted{}
	case strings.EqualFold(s, "nominated"):
		return scoring.Counted{Nominated: true}
	}
	if n, err := ParsePositive(s); err == nil {
		return scoring.Counted{N: n}
	}
	c.bad(templates.ColCounted, &valueError{Value: s, Expected: "All, a number or Nominated", Hint: hintCounted})
	return scoring.Counted{}
}

// bestResults reads a Championships Best results cell: blank takes the
// Season's (nil), All counts every result.
func (c cell) bestResults() *scoring.BestResults {
	s := c.text(templates.ColBestResults)
	switch {
	case s == "":
		return nil
	case strings.EqualFold(s, "all"):
		return &scoring.BestResults{}
	}
	b, err := scoring.ParseBestResults(s)
	if err != nil {
		// scoring's reason quotes the value: best results "0" is less than 1.
		ref := c.ref(templates.ColBestResults)
		c.rd.invalid[ref] = true
		c.rd.diags.Errorf(ref, scoring.CodeBadValue, hintBestResultsRule, "best results %s", err)
		return nil
	}
	return &b
}

// tieBreak reads a Tie-break cell (the Season's Value, or a Championships
// column): every form of scoring.ParseTieBreak, and v1's spellings of
// countback and none. Blank gives "" (the default, or the Season's).
func (c cell) tieBreak(col string) scoring.TieBreak {
	s := c.text(col)
	if tb, ok := parseTieBreak(s); ok {
		return tb
	}
	c.badChoice(col, "tie-break", "a tie-break podium reads", templates.TieBreakChoices())
	return ""
}

func parseTieBreak(s string) (scoring.TieBreak, bool) {
	switch strings.ToLower(s) {
	case "":
		return "", true
	case "count back", "count-back":
		return scoring.Countback, true
	case "no", "shared", "share":
		return scoring.NoTieBreak, true
	}
	return scoring.ParseTieBreak(s)
}

// tiesShownAs reads a Ties shown as cell: 1, 1, 2 or 1, 1, 3, spaced and
// separated freely ("1,1,3"). Blank gives "" (the default, or the
// Season's).
func (c cell) tiesShownAs(col string) scoring.TiesShownAs {
	s := c.text(col)
	key := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	switch {
	case s == "":
		return ""
	case key == "112":
		return scoring.TiesDense
	case key == "113":
		return scoring.TiesSkip
	}
	c.badChoice(col, "ties shown as", `"1, 1, 2" or "1, 1, 3"`, templates.TiesShownAsChoices())
	return ""
}

// badChoice reports a cell whose value is not one of choices (what names
// the value in the message, expected says what it should be), suggesting
// the closest choice.
func (c cell) badChoice(col, what, expected string, choices []string) {
	s := c.text(col)
	hint := fmt.Sprintf(hintChoose, strings.Join(quoteAll(choices), ", "))
	if g := scoring.Closest(s, choices, 3); g != "" {
		hint = fmt.Sprintf(hintDidYouMean, g)
	}
	c.badAs(col, what, &valueError{Value: s, Expected: expected, Hint: hint})
}

// requires reads a Points Requires cell (scoring.ParseRequirement); blank
// is the award's default.
func (c cell) requires() scoring.Requirement {
	req, err := scoring.ParseRequirement(c.text(templates.ColRequires))
	if err != nil {
		// scoring's reason quotes the value: requires "top ten": top needs …
		ref := c.ref(templates.ColRequires)
		c.rd.invalid[ref] = true
		c.rd.diags.Errorf(ref, scoring.CodeBadValue, hintRequires, "requires %s", err)
	}
	return req
}

// raceRule reads the Season settings Shared drives, Disqualified places
// and Invited places: one of the field's choices, in any case and spacing.
// Blank keeps the default; a value that is none of them is reported at
// its cell, suggesting the closest.
func (c cell) raceRule(field templates.Field, written string, s *scoring.Season) {
	value := c.text(templates.ColValue)
	key := strings.Join(strings.Fields(strings.ToLower(value)), " ")
	if key == "" {
		return
	}
	if !slices.Contains(field.Choices, key) {
		hint := fmt.Sprintf(hintChoose, strings.Join(quoteAll(field.Choices), ", "))
		if g := scoring.Closest(value, field.Choices, 3); g != "" {
			hint = fmt.Sprintf(hintDidYouMean, g)
		}
		c.badSetting(field, written, fmt.Sprintf("%q is not %s", value, orList(field.Choices)), hint)
		return
	}
	switch field.Name {
	case templates.FieldSharedDrives:
		s.SharedDrives = map[string]scoring.SharedDrives{templates.SharedFull: scoring.SharedFull, templates.SharedSplit: scoring.SharedSplit, templates.SharedNone: scoring.SharedNone}[key]
	case templates.FieldDisqualified:
		s.DisqualifiedVacant = key == templates.PlacesVacant
	case templates.FieldInvited:
		s.InvitedVacant = key == templates.PlacesVacant
	}
}

// orList joins values as "a, b or c".
func orList(values []string) string {
	if len(values) < 2 {
		return strings.Join(values, "")
	}
	return strings.Join(values[:len(values)-1], ", ") + " or " + values[len(values)-1]
}
