package scoring

import "strings"

// Status is a car's standing in a round's classification.
type Status string

// Statuses. Classified is the empty string: a blank Status cell.
const (
	Classified    Status = ""
	NotClassified Status = "NC"
	Retired       Status = "Ret"
	DidNotStart   Status = "DNS"
	Disqualified  Status = "DSQ"
	Withdrawn     Status = "WD"
	DidNotQualify Status = "DNQ"
	Excluded      Status = "EX"
)

// Statuses lists the status codes an official may type, in the order they
// are offered in drop-downs.
func Statuses() []Status {
	return []Status{NotClassified, Retired, DidNotStart, Disqualified, Withdrawn, DidNotQualify, Excluded}
}

// StatusMeaning explains a status code in words.
func StatusMeaning(s Status) string {
	switch s {
	case Classified:
		return "classified (leave Status blank)"
	case NotClassified:
		return "not classified: running at the finish but too few laps"
	case Retired:
		return "retired (did not finish; DNF is accepted)"
	case DidNotStart:
		return "did not start"
	case Disqualified:
		return "disqualified (DQ is accepted)"
	case Withdrawn:
		return "withdrawn"
	case DidNotQualify:
		return "did not qualify"
	case Excluded:
		return "excluded"
	}
	return ""
}

// statusAliases is podium's one status vocabulary: it maps every accepted
// spelling (upper case, single spaces) to its status — the codes, and the
// words timing services and officials write ("Did not start", "Retired") —
// so that a workbook and a timing export accept the same statuses.
var statusAliases = map[string]Status{
	"":                Classified,
	"CLASSIFIED":      Classified,
	"CLA":             Classified,
	"FINISHED":        Classified,
	"FIN":             Classified,
	"NC":              NotClassified,
	"NOT CLASSIFIED":  NotClassified,
	"RET":             Retired,
	"DNF":             Retired,
	"RETIRED":         Retired,
	"DID NOT FINISH":  Retired,
	"DNS":             DidNotStart,
	"DID NOT START":   DidNotStart,
	"NOT STARTED":     DidNotStart,
	"DSQ":             Disqualified,
	"DQ":              Disqualified,
	"DISQUALIFIED":    Disqualified,
	"WD":              Withdrawn,
	"WITHDRAWN":       Withdrawn,
	"DNQ":             DidNotQualify,
	"DID NOT QUALIFY": DidNotQualify,
	"NOT QUALIFIED":   DidNotQualify,
	"EX":              Excluded,
	"EXC":             Excluded,
	"EXCLUDED":        Excluded,
}

// ParseStatus reads a status as typed (case-insensitive, with aliases such
// as DNF for Ret and DQ for DSQ). It reports false for an unknown code.
func ParseStatus(s string) (Status, bool) {
	st, ok := statusAliases[strings.ToUpper(strings.Join(strings.Fields(s), " "))]
	return st, ok
}

// IsClassified reports whether the status is classified (blank).
func (s Status) IsClassified() bool { return s == Classified }

// SuggestStatus returns the status code closest to a mistyped one ("Ret"
// for "Retd"), "a blank cell (classified)" for a mistyped "Classified", or
// "" when no status is close.
func SuggestStatus(s string) string {
	// The spellings a mistyped status is compared with, in the order that
	// settles a tie; each is in statusAliases.
	spellings := []string{"Ret", "NC", "DNS", "DSQ", "WD", "DNQ", "EX", "DNF", "Retired", "DQ", "Not classified", "Classified", "Excluded", "Withdrawn", "Disqualified",
		"Did not start", "Did not finish", "Did not qualify"}
	maxDist := 1
	if len([]rune(s)) > 4 {
		maxDist = 2
	}
	g := Closest(s, spellings, maxDist)
	if g == "" {
		return ""
	}
	st, _ := ParseStatus(g)
	if st == Classified {
		return "a blank cell (classified)"
	}
	return string(st)
}
