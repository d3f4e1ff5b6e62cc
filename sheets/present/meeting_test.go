package present

import (
	"reflect"
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// TestMeetings: adjacent races sharing a Meeting (however spaced or
// capitalised) are one run, titled with the meeting and the country its
// races share; a meeting whose races are not adjacent is headed once per
// run; a season without meetings has none.
func TestMeetings(t *testing.T) {
	round := func(n int, code, country, meeting string) scoring.Round {
		return scoring.Round{Number: n, Code: code, Country: country, Meeting: meeting}
	}
	rounds := []scoring.Round{
		round(1, "R1", "NZL", "Taupo"), round(2, "", "NZL", " TAUPO"), round(3, "R3", "NZL", "taupo"),
		round(4, "SPR", "GBR", "Silverstone"), round(5, "RACE", "", "Silverstone"),
		round(6, "MNZ", "ITA", ""),
		round(7, "X", "", "Taupo"),
	}
	got := Meetings(rounds)
	want := []MeetingSpan{
		{First: 0, Last: 2, Title: "Taupo NZL", Country: "NZL"},
		{First: 3, Last: 4, Title: "Silverstone"},
		{First: 6, Last: 6, Title: "Taupo"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Meetings:\n got %+v\nwant %+v", got, want)
	}
	var heads []string
	for _, span := range got {
		for i := span.First; i <= span.Last; i++ {
			heads = append(heads, MeetingRaceHeader(rounds[i], span))
		}
	}
	if want := []string{"R1", "R2", "R3", "SPR GBR", "RACE", "X"}; !reflect.DeepEqual(heads, want) {
		t.Errorf("race headers = %q, want %q", heads, want)
	}
	if m := Meetings([]scoring.Round{round(1, "A", "", ""), round(2, "B", "", "")}); m != nil {
		t.Errorf("Meetings of a season without meetings = %+v, want nil", m)
	}
}
