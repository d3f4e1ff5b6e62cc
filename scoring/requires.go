package scoring

import (
	"fmt"
	"strconv"
	"strings"
)

// ParseRequirement reads a Points Requires cell: classified, started, any,
// or top N (N a whole number of at least 1), in any case and spacing
// ("Top 10", "top10", "TOP  3"). Blank gives the award's default (the zero
// Requirement). The error quotes the text and says what is accepted.
func ParseRequirement(text string) (Requirement, error) {
	t := strings.Join(strings.Fields(strings.ToLower(text)), " ")
	switch t {
	case "":
		return Requirement{}, nil
	case "classified":
		return Requirement{Kind: RequiresClassified}, nil
	case "started":
		return Requirement{Kind: RequiresStarted}, nil
	case "any":
		return Requirement{Kind: RequiresAny}, nil
	}
	if rest, ok := strings.CutPrefix(t, "top"); ok {
		n, err := strconv.Atoi(strings.TrimSpace(rest))
		if err != nil || n < 1 {
			return Requirement{}, fmt.Errorf("%q: top needs a whole number of at least 1, e.g. top 10", text)
		}
		return Requirement{Kind: RequiresTop, N: n}, nil
	}
	return Requirement{}, fmt.Errorf("%q is not classified, started, any or top N", text)
}

// String returns the requirement as written in the Points sheet: "top 10",
// "classified"; "" for the award's default.
func (r Requirement) String() string {
	switch r.Kind {
	case RequiresAny:
		return "any"
	case RequiresStarted:
		return "started"
	case RequiresClassified:
		return "classified"
	case RequiresTop:
		return "top " + strconv.Itoa(r.N)
	}
	return ""
}
