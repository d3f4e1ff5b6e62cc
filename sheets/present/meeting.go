package present

import (
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// MeetingSpan is a run of adjacent round columns whose races share a
// Meeting (a sprint and a race; race 1, 2 and 3): the standings head the
// run with one cell naming the meeting, over each race's own header
// (MeetingRaceHeader).
type MeetingSpan struct {
	// First and Last index the run's rounds in the rounds given to
	// Meetings, inclusive.
	First, Last int
	// Title names the meeting: its Meeting, and the races' country when
	// they share one ("Silverstone GBR").
	Title string
	// Country is the country the run's races share, "" when they do not.
	Country string
}

// Meetings returns the runs of adjacent rounds sharing a Meeting (compared
// without regard to case or spacing), in column order. A round without a
// Meeting belongs to no run. It returns nil when no round names a Meeting,
// as in a v1 workbook: the standings then have one header row.
func Meetings(rounds []scoring.Round) []MeetingSpan {
	var out []MeetingSpan
	for i, r := range rounds {
		if r.Meeting == "" {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Last == i-1 && sameMeeting(rounds[i-1].Meeting, r.Meeting) {
			out[n-1].Last = i
			continue
		}
		out = append(out, MeetingSpan{First: i, Last: i})
	}
	for i := range out {
		races := rounds[out[i].First : out[i].Last+1]
		out[i].Country = sharedCountry(races)
		out[i].Title = races[0].Meeting
		if out[i].Country != "" {
			out[i].Title += " " + out[i].Country
		}
	}
	return out
}

func sameMeeting(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// sharedCountry is the country every race of a meeting names, or "".
func sharedCountry(races []scoring.Round) string {
	country := races[0].Country
	for _, r := range races[1:] {
		if !strings.EqualFold(r.Country, country) {
			return ""
		}
	}
	return country
}

// MeetingRaceHeader heads the column of a race under its meeting's header:
// its code alone ("Sprint", "R1"), or R and its round number when it has
// none; the country is in the meeting's header when its races share one.
func MeetingRaceHeader(r scoring.Round, span MeetingSpan) string {
	code := r.Code
	if code == "" {
		code = "R" + strconv.Itoa(r.Number)
	}
	if span.Country == "" && r.Country != "" {
		return code + " " + r.Country
	}
	return code
}
