package scoring

import "strings"

// scheme is the points scheme of one classification.
type scheme struct {
	positions []float64 // positions[i] pays position i+1
	other     float64
	hasOther  bool
	// bonus holds the awards that are not positions: pole, fastest lap,
	// start, lap led and most laps led, by kind.
	pole, fastest, start, lapLed, mostLed bonus
}

// bonus is one award of a scheme that is not a position: its points and
// its condition.
type bonus struct {
	points   float64
	has      bool
	requires Requirement
}

func (sc scheme) position(pos int) (float64, bool) {
	if pos < 1 || pos > len(sc.positions) {
		return 0, false
	}
	return sc.positions[pos-1], true
}

// scheme resolves a classification's points under the named scheme (""
// is the default): for each kind of award — the position table, Other,
// Pole, Fastest lap, Start, Lap led, Most laps led — the scheme's lines
// naming the classification replace its lines with a blank Class. A named
// scheme pays only the awards it lists.
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
	one := func(kind AwardKind) bonus {
		l := pick(kind)
		if len(l) == 0 {
			return bonus{}
		}
		return bonus{points: l[0].Points, has: true, requires: l[0].Requires.orDefault(kind)}
	}
	sc.pole = one(AwardPole)
	sc.fastest = one(AwardFastestLap)
	sc.start = one(AwardStart)
	sc.lapLed = one(AwardLapLed)
	sc.mostLed = one(AwardMostLapsLed)
	return sc
}

// orDefault is the requirement, or for RequiresDefault the award kind's
// own: Pole any, Start started, the others classified (v1's rules).
func (r Requirement) orDefault(kind AwardKind) Requirement {
	if r.Kind != RequiresDefault {
		return r
	}
	switch kind {
	case AwardPole:
		return Requirement{Kind: RequiresAny}
	case AwardStart:
		return Requirement{Kind: RequiresStarted}
	}
	return Requirement{Kind: RequiresClassified}
}

// met reports whether a car with status st, placed pos in its
// classification's scoring order (0: no place), meets the requirement.
func (r Requirement) met(st Status, pos int) bool {
	switch r.Kind {
	case RequiresAny:
		return true
	case RequiresStarted:
		return started(st)
	case RequiresTop:
		return st.IsClassified() && pos >= 1 && pos <= r.N
	}
	return st.IsClassified()
}

// started reports whether a car with status st started the race: any
// status but DNS, DNQ and WD.
func started(st Status) bool {
	return st != DidNotStart && st != DidNotQualify && st != Withdrawn
}

// TakesRequires reports whether an award of kind k takes a Requires
// condition: Pole, Fastest lap, Lap led and Most laps led do; Position,
// Other and Start do not.
func (k AwardKind) TakesRequires() bool {
	switch k {
	case AwardPole, AwardFastestLap, AwardLapLed, AwardMostLapsLed:
		return true
	}
	return false
}
