package scoring

import "strings"

// scheme is the points scheme of one classification.
type scheme struct {
	positions  []float64 // positions[i] pays position i+1
	other      float64
	hasOther   bool
	pole       float64
	hasPole    bool
	fastest    float64
	hasFastest bool
}

func (sc scheme) position(pos int) (float64, bool) {
	if pos < 1 || pos > len(sc.positions) {
		return 0, false
	}
	return sc.positions[pos-1], true
}

// scheme resolves a classification's points under the named scheme (""
// is the default): for each kind of award — the position table, Other,
// Pole, Fastest lap — the scheme's lines naming the classification replace
// its lines with a blank Class.
func (e *engine) scheme(name, schemeName string) scheme {
	var own, all []Award
	for _, a := range e.points {
		switch {
		case !strings.EqualFold(a.Scheme, schemeName):
		case a.Class == "":
			all = append(all, a)
		case strings.EqualFold(a.Class, name):
			own = append(own, a)
		}
	}
	pick := func(kind AwardKind) []Award {
		var out []Award
		for _, a := range own {
			if a.Kind == kind {
				out = append(out, a)
			}
		}
		if len(out) > 0 {
			return out
		}
		for _, a := range all {
			if a.Kind == kind {
				out = append(out, a)
			}
		}
		return out
	}
	var sc scheme
	for _, a := range pick(AwardPosition) {
		for len(sc.positions) < a.Position {
			sc.positions = append(sc.positions, 0)
		}
		if a.Position >= 1 {
			sc.positions[a.Position-1] = a.Points
		}
	}
	if l := pick(AwardOther); len(l) > 0 {
		sc.other, sc.hasOther = l[0].Points, true
	}
	if l := pick(AwardPole); len(l) > 0 {
		sc.pole, sc.hasPole = l[0].Points, true
	}
	if l := pick(AwardFastestLap); len(l) > 0 {
		sc.fastest, sc.hasFastest = l[0].Points, true
	}
	return sc
}
