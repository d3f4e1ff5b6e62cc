package scoring

import (
	"slices"
	"strconv"
	"strings"
)

// RoundSet is a set of round numbers, or All rounds.
type RoundSet struct {
	// All is true when the set means every round (typed "All").
	All bool
	// Rounds lists the rounds in ascending order, without duplicates, when
	// All is false.
	Rounds []int
}

// AllRounds is the set of every round.
func AllRounds() RoundSet { return RoundSet{All: true} }

// Rounds returns the set of the given rounds.
func Rounds(rounds ...int) RoundSet {
	r := slices.Clone(rounds)
	slices.Sort(r)
	return RoundSet{Rounds: slices.Compact(r)}
}

// Contains reports whether round n is in the set.
func (s RoundSet) Contains(n int) bool {
	if s.All {
		return true
	}
	_, ok := slices.BinarySearch(s.Rounds, n)
	return ok
}

// IsEmpty reports whether the set holds no round.
func (s RoundSet) IsEmpty() bool { return !s.All && len(s.Rounds) == 0 }

// String renders the set as an official types it: "All", "1–2, 4" (with
// en dashes for runs), or "" for the empty set.
func (s RoundSet) String() string {
	if s.All {
		return "All"
	}
	var b strings.Builder
	for i := 0; i < len(s.Rounds); {
		j := i
		for j+1 < len(s.Rounds) && s.Rounds[j+1] == s.Rounds[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(s.Rounds[i]))
		if j > i {
			b.WriteString("–")
			b.WriteString(strconv.Itoa(s.Rounds[j]))
		}
		i = j + 1
	}
	return b.String()
}
