package sheets

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/podium-dev/podium/scoring"
)

// valueError is the error of the parse functions: a value that is not what
// its column expects. It has no place: the caller puts it at its cell as a
// scoring.Diagnostic (see valueDiagnostic).
type valueError struct {
	// Value is the cell's text as found (trimmed).
	Value string
	// Expected describes what the column accepts: "a whole number".
	Expected string
	// Hint suggests a fix; may be empty.
	Hint string
}

func (e *valueError) Error() string {
	return fmt.Sprintf("%q is not %s", e.Value, e.Expected)
}

// valueDiagnostic places the error of a parse function at the cell ref,
// its message led by what names the column: position "P0" is not a
// positive whole number.
func valueDiagnostic(ref scoring.Ref, what string, err error) scoring.Diagnostic {
	d := scoring.Diagnostic{Severity: scoring.Error, Ref: ref, Code: scoring.CodeBadValue, Message: what + ": " + err.Error()}
	var ve *valueError
	if errors.As(err, &ve) {
		d.Message, d.Hint = what+" "+ve.Error(), ve.Hint
	}
	return d
}

// cellErrors are the error values a spreadsheet shows in a cell.
var cellErrors = []string{"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}

// isCellError reports whether s is a spreadsheet error value such as #N/A.
func isCellError(s string) bool {
	for _, e := range cellErrors {
		if strings.EqualFold(s, e) {
			return true
		}
	}
	return false
}

// ParseNumber reads a number as typed: 25, "25", " 0.5 ", "45,5" (a single
// decimal comma), "1e1".
func ParseNumber(s string) (float64, error) {
	if n, ok := plainNumber(s); ok {
		return float64(n), nil
	}
	s = scoring.CleanText(s)
	if s == "" {
		return 0, &valueError{Value: s, Expected: "a number"}
	}
	if isCellError(s) {
		return 0, &valueError{Value: s, Expected: "a number", Hint: hintCellError}
	}
	t := s
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, &valueError{Value: s, Expected: "a number"}
	}
	return v, nil
}

// ParseInt reads a whole number as typed: 26, "26", "26.0", " 26 ".
func ParseInt(s string) (int, error) {
	if n, ok := plainNumber(s); ok {
		return n, nil
	}
	v, err := ParseNumber(s)
	if err != nil {
		var ve *valueError
		if errors.As(err, &ve) {
			ve.Expected = "a whole number"
		}
		return 0, err
	}
	if v != math.Trunc(v) || math.Abs(v) > 1e9 {
		return 0, &valueError{Value: scoring.CleanText(s), Expected: "a whole number"}
	}
	return int(v), nil
}

// ParsePositive reads a whole number of at least 1.
func ParsePositive(s string) (int, error) {
	if n, ok := plainNumber(s); ok && n >= 1 {
		return n, nil
	}
	n, err := ParseInt(s)
	if err != nil {
		var ve *valueError
		if errors.As(err, &ve) {
			ve.Expected = "a positive whole number"
		}
		return 0, err
	}
	if n < 1 {
		return 0, &valueError{Value: scoring.CleanText(s), Expected: "a positive whole number"}
	}
	return n, nil
}

// ParsePosition reads a finishing position: 3, "3", "3rd", "P3", "3.".
// A status typed in its place ("Ret") gets a hint to move it to Status.
func ParsePosition(s string) (int, error) {
	if n, ok := plainNumber(s); ok && n >= 1 {
		return n, nil
	}
	s = scoring.CleanText(s)
	t := strings.TrimPrefix(strings.ToLower(s), "p")
	for _, suffix := range []string{"st", "nd", "rd", "th", "."} {
		if strings.HasSuffix(t, suffix) {
			t = strings.TrimSuffix(t, suffix)
			break
		}
	}
	if n, err := ParsePositive(t); err == nil {
		return n, nil
	}
	bad := &valueError{Value: s, Expected: "a positive whole number"}
	if st, ok := scoring.ParseStatus(s); ok && st != scoring.Classified {
		bad.Hint = fmt.Sprintf(hintStatusInPos, st)
	} else if isCellError(s) {
		bad.Hint = hintCellError
	}
	return 0, bad
}

// plainNumber reads s when it is nothing but ASCII digits, one to nine of
// them: the common number cell (a round, a position, laps), read as the
// general parsing reads it without its trimming, decimal commas and
// suffixes. ok is false for anything else.
func plainNumber(s string) (n int, ok bool) {
	if len(s) == 0 || len(s) > 9 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// ParsePercent reads a share: "70%", "70", "0.7" all give 0.7.
func ParsePercent(s string) (float64, error) {
	s = scoring.CleanText(s)
	t := strings.TrimSpace(strings.TrimSuffix(s, "%"))
	v, err := ParseNumber(t)
	if err != nil || v < 0 || v > 100 {
		return 0, &valueError{Value: s, Expected: "a percentage", Hint: hintPercent}
	}
	if strings.HasSuffix(s, "%") || v > 1 {
		v /= 100
	}
	return v, nil
}

// ParseYes reads a yes/no cell: Y, Yes, X, 1, TRUE, ✓ mean yes; blank, N,
// No, 0, FALSE mean no.
func ParseYes(s string) (bool, error) {
	switch strings.ToUpper(scoring.CleanText(s)) {
	case "Y", "YES", "X", "1", "TRUE", "✓", "✔":
		return true, nil
	case "", "N", "NO", "0", "FALSE", "-":
		return false, nil
	}
	return false, &valueError{Value: scoring.CleanText(s), Expected: "Y or blank"}
}

// ParseMark reads a Pole or Fastest lap cell: Y (or another yes) for the
// car's class, the names of other classifications ("GT Am"), or both
// ("Y, GT Am"; commas, semicolons or plus signs between). It reports false
// when a part is neither a yes/no nor a name with a letter in it; the
// mark then holds that part as a name all the same.
func ParseMark(s string) (scoring.Mark, bool) {
	if yes, err := ParseYes(s); err == nil {
		return scoring.Mark{Class: yes}, true
	}
	var m scoring.Mark
	ok := true
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ';' || r == '+' }) {
		name := scoring.CleanText(part)
		if yes, err := ParseYes(name); err == nil {
			m.Class = m.Class || yes
			continue
		}
		if !strings.ContainsFunc(name, unicode.IsLetter) {
			ok = false
		}
		m.In = append(m.In, name)
	}
	return m, ok
}

// CarNumber normalises a car number as typed: " 7 ", 7, "7.0" and "#7" all
// give "7"; other text is kept as typed ("007", "1A").
func CarNumber(s string) string {
	if _, ok := plainNumber(s); ok {
		return s // as written, leading zeros and all (see below)
	}
	s = scoring.CleanText(s)
	s = strings.TrimSpace(strings.TrimPrefix(s, "#"))
	if v, err := strconv.ParseFloat(s, 64); err == nil && v == math.Trunc(v) && v >= 0 && v < 1e9 && !strings.HasPrefix(s, "0") {
		return strconv.Itoa(int(v))
	}
	return s
}

// dateLayouts are the text dates accepted, besides ISO.
var dateLayouts = []string{
	"2006-01-02", "2006/01/02", "2006-1-2", "2006/1/2",
	"2 January 2006", "2 Jan 2006", "January 2, 2006", "Jan 2, 2006", "January 2 2006", "Jan 2 2006",
	"2. January 2006", "Monday, 2 January 2006", "Monday 2 January 2006", "Monday, January 2, 2006",
	"2.1.2006", "02.01.2006",
	"2006-01-02T15:04:05", "2006-01-02 15:04:05", time.RFC3339,
}

// ParseDate reads a date cell: a spreadsheet serial number (date1904 tells
// the workbook's date system), an ISO date, "24 November 2019", "24.11.2019",
// or "24/11/2019" when the day cannot be confused with the month.
func ParseDate(s string, date1904 bool) (time.Time, error) {
	s = scoring.CleanText(s)
	bad := &valueError{Value: s, Expected: "a date", Hint: hintDate}
	if s == "" {
		return time.Time{}, bad
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil {
		// Serials from 1 (1900-01-01) to 2958465 (9999-12-31).
		if v < 1 || v > 2958465 || math.IsNaN(v) {
			return time.Time{}, bad
		}
		base := time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
		if date1904 {
			base = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
		} else if v < 61 {
			// Excel's 1900 system counts a 29 February 1900 that never was.
			v++
		}
		days := math.Floor(v)
		return base.AddDate(0, 0, int(days)), nil
	}
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			if t.Year() < 1900 {
				return time.Time{}, bad
			}
			return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC), nil
		}
	}
	// d/m/yyyy or m/d/yyyy: accept only when the reading is unambiguous.
	parts := strings.Split(s, "/")
	if len(parts) == 3 && len(parts[2]) == 4 {
		a, errA := strconv.Atoi(parts[0])
		b, errB := strconv.Atoi(parts[1])
		y, errY := strconv.Atoi(parts[2])
		if errA == nil && errB == nil && errY == nil && y >= 1900 {
			day, month := 0, 0
			switch {
			case a > 12 && b <= 12:
				day, month = a, b
			case b > 12 && a <= 12:
				day, month = b, a
			case a == b:
				day, month = a, b
			default:
				return time.Time{}, &valueError{Value: s, Expected: "an unambiguous date", Hint: hintAmbiguousDate}
			}
			t := time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
			if t.Day() == day && int(t.Month()) == month {
				return t, nil
			}
		}
	}
	return time.Time{}, bad
}

// ParseRounds reads a Rounds cell: "All" (case-insensitive) for every round,
// or round numbers and runs separated by commas (also semicolons, "and",
// "&" or spaces): "1, 3", "1-2,4", "2–4". Blank gives the empty set; the
// caller decides what blank means for its column.
func ParseRounds(s string) (scoring.RoundSet, error) {
	s = scoring.CleanText(s)
	bad := func(why string) error {
		return &valueError{Value: s, Expected: "a list of rounds", Hint: why}
	}
	switch strings.ToLower(s) {
	case "":
		return scoring.RoundSet{}, nil
	case "all", "all rounds":
		return scoring.AllRounds(), nil
	}
	if len(s) > 200 {
		return scoring.RoundSet{}, bad(hintRoundsTooLong)
	}
	norm := strings.NewReplacer("–", "-", "—", "-", "‐", "-", "‑", "-", "−", "-", ";", ",", "&", ",", " and ", ",").Replace(s)
	// "2 - 4" is a run too: drop the spaces around dashes.
	for strings.Contains(norm, " -") || strings.Contains(norm, "- ") {
		norm = strings.ReplaceAll(strings.ReplaceAll(norm, " -", "-"), "- ", "-")
	}
	// A number cell holding 1 is read as "1"; "1.0" happens too.
	if v, err := strconv.ParseFloat(norm, 64); err == nil && v == math.Trunc(v) && v >= 1 && v <= maxRound {
		return scoring.Rounds(int(v)), nil
	}
	var rounds []int
	for _, part := range strings.FieldsFunc(norm, func(r rune) bool { return r == ',' || r == ' ' }) {
		lo, hi, isRange := strings.Cut(part, "-")
		from, err := roundNumber(lo)
		if err != nil {
			return scoring.RoundSet{}, bad(hintRoundNumbers)
		}
		to := from
		if isRange {
			if to, err = roundNumber(hi); err != nil {
				return scoring.RoundSet{}, bad(hintRoundRuns)
			}
			if to < from {
				return scoring.RoundSet{}, bad(fmt.Sprintf(hintRoundBackwards, from, to, to, from))
			}
		}
		for r := from; r <= to; r++ {
			rounds = append(rounds, r)
		}
	}
	if len(rounds) == 0 {
		return scoring.RoundSet{}, bad(hintRoundNumbers)
	}
	return scoring.Rounds(rounds...), nil
}

// maxRound bounds round numbers so that a typo such as "1-100000" cannot
// allocate a huge list.
const maxRound = 999

func roundNumber(s string) (int, error) {
	s = strings.TrimSpace(s)
	s = strings.TrimPrefix(strings.TrimPrefix(strings.ToUpper(s), "R"), "ROUND")
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > maxRound {
		return 0, errors.New("not a round number")
	}
	return n, nil
}

// ParseAward reads a Points sheet award: 1, "1st", "P1", "Other",
// "Pole", "Fastest lap", "Start", "Lap led", "Most laps led" (in any case
// and spacing).
func ParseAward(s string) (scoring.AwardKind, int, error) {
	s = scoring.CleanText(s)
	key := strings.ToLower(s)
	switch strings.Join(strings.Fields(key), " ") {
	case "other", "others", "other classified", "classified", "rest":
		return scoring.AwardOther, 0, nil
	case "pole", "pole position", "pp":
		return scoring.AwardPole, 0, nil
	case "fastest lap", "fl", "fastest", "fastest race lap", "best lap":
		return scoring.AwardFastestLap, 0, nil
	case "start", "starts", "starter", "starters", "started", "participation", "participation points":
		return scoring.AwardStart, 0, nil
	case "lap led", "laps led", "led a lap", "lap lead", "lap leader":
		return scoring.AwardLapLed, 0, nil
	case "most laps led", "most laps lead", "most laps in the lead", "mll":
		return scoring.AwardMostLapsLed, 0, nil
	}
	t := strings.TrimPrefix(key, "p")
	for _, suffix := range []string{"st", "nd", "rd", "th", "."} {
		t = strings.TrimSuffix(t, suffix)
	}
	if n, err := ParsePositive(t); err == nil && n <= 1000 {
		return scoring.AwardPosition, n, nil
	}
	return 0, 0, &valueError{Value: s, Expected: "an award", Hint: hintAward}
}
