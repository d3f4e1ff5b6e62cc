package scoring

// fieldJob is one classification the championships are run in (see
// Standings.Fields): the first Car and Driver tables run in it, and the
// first Team or Make table under the default scheme (its cars' lines are
// the field's), -1 for none.
type fieldJob struct {
	rn                   run
	car, driver, members int
}

// scores reports whether the field scores its cars itself: no table gives
// their lines.
func (f fieldJob) scores() bool { return f.car < 0 && f.members < 0 }

// key identifies the field's ranking: its classification under the
// default scheme.
func (f fieldJob) key() cellsKey {
	return cellsKey{run{class: f.rn.class, driverCup: f.rn.driverCup}, ""}
}

// fieldJobs lists the classifications jobs are run in, in the order of
// their first job, each with its first Car job, its first Driver job (a
// driver cup's Driver table lists only the cup's drivers: not one for the
// crews) and its first Team or Make job under the default scheme.
func fieldJobs(jobs []job) []fieldJob {
	var out []fieldJob
	at := map[run]int{}
	for i, j := range jobs {
		rn := run{class: j.rn.class, driverCup: j.rn.driverCup}
		k, seen := at[rn]
		if !seen {
			k = len(out)
			at[rn] = k
			out = append(out, fieldJob{rn: rn, car: -1, driver: -1, members: -1})
		}
		f := &out[k]
		switch j.ch.Competitor {
		case CompetitorCar:
			if f.car < 0 {
				f.car = i
			}
		case CompetitorDriver:
			if f.driver < 0 && !rn.driverCup {
				f.driver = i
			}
		case CompetitorTeam, CompetitorMake:
			if f.members < 0 && j.ch.Scheme == "" {
				f.members = i
			}
		}
	}
	return out
}

// field is classification f with its cars' lines and its drivers' (see
// Standings.Fields), given the tables of the championships, the car lines
// of their Team and Make tables (members) and the cups that are no class.
// A field without a Car table has its cars scored as a Car championship
// under the default scheme would, taking the penalties that name no
// championship (a Team or Make table's cars are); with own set it may
// change the classification's cells.
func (e *engine) field(f fieldJob, tables []Table, members [][]Line, own bool, cups map[string]bool) Classification {
	c := Classification{Name: f.rn.class, Cup: f.rn.driverCup || cups[f.rn.class]}
	if f.car >= 0 && f.driver >= 0 {
		c.Teams, c.Drivers = tables[f.car].Lines, tables[f.driver].Lines
		return c
	}
	field, cars := e.entrants(f.rn)
	switch {
	case f.car >= 0:
		c.Teams = tables[f.car].Lines
	case f.members >= 0:
		c.Teams = members[f.members]
	default:
		cells := e.fieldCells(f.key(), field, e.inRound(f.rn, field))
		if !own {
			cells = e.copyCells(cells)
		}
		c.Teams = carLines(cars, cells)
		e.applyPenalties(func(en *Entry) bool { return e.inRun(f.rn, en) }, "", "", c.Teams, nil)
	}
	if f.driver >= 0 {
		c.Drivers = tables[f.driver].Lines
		return c
	}
	cells := make(map[string][]Cell, len(c.Teams))
	for _, l := range c.Teams {
		cells[l.No] = l.Rounds
	}
	c.Drivers = e.driverLines(cars, cells, nil)
	return c
}
