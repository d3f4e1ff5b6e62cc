package present

import (
	"fmt"
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// Status says whether standings are Final: only when the organiser set
// the season's Status to Final and the standings count the last round of
// the calendar. Standings after an earlier round (--after-round) are
// Provisional whatever the setting. The print header, the title rows and
// the press pack all take it from here.
func Status(season *scoring.Season, st *scoring.Standings) scoring.SeasonStatus {
	last := 0
	for _, r := range season.Rounds {
		last = max(last, r.Number)
	}
	if season.Status == scoring.Final && len(st.Rounds) > 0 && st.AfterRound == last {
		return scoring.Final
	}
	return scoring.Provisional
}

// AfterRound says which round the standings are after: "After round 4
// (4 Hours of Sepang)".
func AfterRound(st *scoring.Standings) string {
	if len(st.Rounds) == 0 {
		return "No rounds counted"
	}
	text := fmt.Sprintf("After round %d", st.AfterRound)
	if r := st.Rounds[len(st.Rounds)-1]; r.Name != "" && !strings.EqualFold(r.Name, fmt.Sprintf("Round %d", r.Number)) {
		text += " (" + r.Name + ")"
	}
	return text
}

// Heading is the series and season: "Asian Le Mans Series 2019–20".
func Heading(season *scoring.Season) string {
	return strings.TrimSpace(season.Series + " " + season.Name)
}

// Context places standings for their reader: "Asian Le Mans Series
// 2019–20 · After round 4 (4 Hours of Sepang) · Final".
func Context(season *scoring.Season, st *scoring.Standings) string {
	parts := []string{AfterRound(st), string(Status(season, st))}
	if head := Heading(season); head != "" {
		parts = append([]string{head}, parts...)
	}
	return strings.Join(parts, " · ")
}
