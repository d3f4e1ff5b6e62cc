package present

import (
	"strconv"
	"strings"

	"github.com/podium-dev/podium/scoring"
)

// Move is a line's change of position since the previous round, as every
// renderer shows it: "▲2" (up two places), "▼1" (down one), "new" (no
// position after the previous round), "" (same place, or no previous
// round to compare with, or no position now).
func Move(t *scoring.Table, l *scoring.Line) string {
	if !t.Moves || l.Pos == 0 {
		return ""
	}
	switch d := l.Previous - l.Pos; {
	case l.Previous == 0:
		return "new"
	case d > 0:
		return "▲" + strconv.Itoa(d)
	case d < 0:
		return "▼" + strconv.Itoa(-d)
	}
	return ""
}

// TitleSummary says in words where a championship's title stands: its
// champion once decided ("Champion: Jolly Chen"), else the points still
// available and who can still win ("3 races left, 75 points available;
// can still win: A, B and C"). It is "" for a table without lines.
func TitleSummary(t *scoring.Table) string {
	var champions, contenders []string
	for i := range t.Lines {
		l := &t.Lines[i]
		switch l.Title {
		case scoring.TitleChampion:
			champions = append(champions, titleName(l))
		case scoring.TitleContender:
			contenders = append(contenders, titleName(l))
		}
	}
	switch {
	case len(champions) > 0:
		if t.Title.RoundsLeft == 0 {
			return "Champion: " + joinNames(champions)
		}
		return "Champion: " + joinNames(champions) + " (title won with " + races(t.Title.RoundsLeft) + " left)"
	case len(contenders) > 0:
		return races(t.Title.RoundsLeft) + " left, " + scoring.FormatPoints(t.Title.Available) +
			" points available; can still win: " + joinNames(contenders)
	}
	return ""
}

// titleName names a line's competitor in a sentence: a car line by its
// number and team ("#26 G-Drive Racing"), as a team may run two cars.
func titleName(l *scoring.Line) string {
	if l.Kind == scoring.TeamLine || l.Kind == 0 {
		return "#" + l.No + " " + l.Team
	}
	return l.Name
}

func races(n int) string {
	if n == 1 {
		return "1 race"
	}
	return strconv.Itoa(n) + " races"
}

// joinNames lists names as a sentence does: "A", "A and B", "A, B and C".
func joinNames(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
