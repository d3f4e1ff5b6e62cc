package present

import (
	"testing"

	"github.com/podium-dev/podium/scoring"
)

// TestStandingsStatus: standings are Final only when the organiser says
// so and they count the last round of the calendar.
func TestStandingsStatus(t *testing.T) {
	season := &scoring.Season{Series: "Cup", Name: "2026", Status: scoring.Final, Rounds: []scoring.Round{{Number: 1, Name: "Spa"}, {Number: 2, Name: "Round 2"}, {Number: 3, Name: "Monza"}}}
	tests := []struct {
		status scoring.SeasonStatus
		after  int
		want   string
	}{
		{scoring.Final, 3, "Cup 2026 · After round 3 (Monza) · Final"},
		{scoring.Final, 2, "Cup 2026 · After round 2 · Provisional"},
		{scoring.Provisional, 3, "Cup 2026 · After round 3 (Monza) · Provisional"},
		{scoring.Final, 1, "Cup 2026 · After round 1 (Spa) · Provisional"},
	}
	for _, tt := range tests {
		season.Status = tt.status
		st, _ := scoring.Score(season, scoring.Options{AfterRound: tt.after})
		if got := Context(season, st); got != tt.want {
			t.Errorf("%s after round %d: %q, want %q", tt.status, tt.after, got, tt.want)
		}
	}
	empty := &scoring.Season{Status: scoring.Final}
	st, _ := scoring.Score(empty, scoring.Options{})
	if got := Context(empty, st); got != "No rounds counted · Provisional" {
		t.Errorf("no rounds: %q", got)
	}
}
