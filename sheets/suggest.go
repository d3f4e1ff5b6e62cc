package sheets

import "github.com/podium-dev/podium/scoring"

// Closest returns the candidate nearest to s, as scoring.Closest does: what
// "did you mean …?" offers.
func Closest(s string, candidates []string, maxDist int) string {
	return scoring.Closest(s, candidates, maxDist)
}
