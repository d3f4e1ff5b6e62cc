package scoring

import (
	"fmt"
	"slices"
	"strings"
)

// driverList checks the drivers: each of an entered car, driving rounds
// the car is entered for, ineligible only in rounds they drove, listed
// once per car, and in one car per round (a driver of two cars in one race
// scores from each: a warning names both rows).
func (c *checker) driverList() {
	c.drove = map[string][]bool{}
	c.driversOf = map[string][]*Driver{}
	// inCar[key][j] is the row of the driver with that key driving in the
	// calendar's round j: one slice per driver, not one map entry per
	// driver and round.
	inCar := map[string][]*Driver{}
	for i := range c.s.Drivers {
		d := &c.s.Drivers[i]
		e, ok := c.entries[d.No]
		if !ok {
			if len(c.entries) > 0 {
				c.unknownCar(d.No, d.Origin.At(ColNo))
			}
			continue
		}
		c.checkRoundSet(d.Rounds, d.Origin.At(ColRounds))
		c.checkRoundSet(d.Ineligible, d.Origin.At(ColIneligible))
		c.driverRounds(d, e)
		for _, other := range c.driversOf[d.No] {
			if other.Key == d.Key {
				c.diags.Errorf(d.Origin.At(ColDriver), CodeDuplicateDriver, hintDuplicateDriver,
					"%s is listed twice for car %s (also at %s)", d.Name, d.No, place(other.Origin, ColDriver))
			}
		}
		c.driversOf[d.No] = append(c.driversOf[d.No], d)
		c.inOneCar(d, e, inCar)
	}
	c.similarNames()
}

// driverRounds checks that driver d of car e drove only rounds the car is
// entered for, and is ineligible only in rounds they drove.
func (c *checker) driverRounds(d *Driver, e *Entry) {
	var notEntered []int
	for _, n := range d.Rounds.Rounds {
		if _, inCal := c.rounds[n]; inCal && !entered(e, n) {
			notEntered = append(notEntered, n)
		}
	}
	if len(notEntered) > 0 {
		c.diags.Errorf(d.Origin.At(ColRounds), CodeNotEntered, fmt.Sprintf(hintCarRounds, e.No, e.Rounds.String(), place(e.Origin, ColRounds)),
			"%s drove car %s in %s, but the car is not entered for it", d.Name, e.No, plural(notEntered, "round %s", "rounds %s"))
	}
	var notDriven []int
	for _, n := range d.Ineligible.Rounds {
		if !d.Rounds.Contains(n) {
			notDriven = append(notDriven, n)
		}
	}
	if len(notDriven) > 0 {
		c.diags.Errorf(d.Origin.At(ColIneligible), CodeIneligible, hintIneligible,
			"%s is ineligible in %s, which the Rounds column says they did not drive", d.Name, plural(notDriven, "round %s", "rounds %s"))
	}
}

// inOneCar records the rounds driver d drives car e, and warns of the
// rounds the same person drives another car.
func (c *checker) inOneCar(d *Driver, e *Entry, inCar map[string][]*Driver) {
	drove := c.drove[d.No]
	if drove == nil {
		drove = make([]bool, len(c.roundNumbers))
		c.drove[d.No] = drove
	}
	var clash []int
	var clashWith *Driver
	rounds := inCar[d.Key]
	for j, n := range c.roundNumbers {
		if !entered(e, n) || !d.Rounds.Contains(n) {
			continue
		}
		drove[j] = true
		if rounds == nil {
			rounds = make([]*Driver, len(c.roundNumbers))
			inCar[d.Key] = rounds
		}
		if other := rounds[j]; other != nil && other.No != d.No {
			clash = append(clash, n)
			clashWith = other
			continue
		}
		rounds[j] = d
	}
	if len(clash) > 0 {
		slices.Sort(clash)
		c.diags.Warnf(d.Origin.At(ColRounds), CodeDriverTwoCars, hintDriverTwoCars,
			"%s drives car %s and car %s (%s) in %s", d.Name, d.No, clashWith.No, place(clashWith.Origin, ColDriver), plural(clash, "round %s", "rounds %s"))
	}
}

// penalties checks that each penalty is for a round of the calendar and a
// car entered, and that a driver penalised drives the car.
func (c *checker) penalties() {
	for i := range c.s.Penalties {
		p := &c.s.Penalties[i]
		if _, ok := c.rounds[p.Round]; !ok && len(c.rounds) > 0 {
			c.diags.Errorf(p.Origin.At(ColRound), CodeUnknownRound, c.roundList(), "round %d is not in the calendar", p.Round)
		}
		if _, ok := c.entries[p.No]; !ok {
			if len(c.entries) > 0 {
				c.unknownCar(p.No, p.Origin.At(ColNo))
			}
			continue
		}
		if p.Driver == "" {
			continue
		}
		var names []string
		found := false
		for _, d := range c.driversOf[p.No] {
			names = append(names, d.Name)
			if d.Key == p.DriverKey {
				found = true
			}
		}
		if !found {
			hint := hintPenaltyCar
			if len(names) > 0 {
				hint = fmt.Sprintf(hintCarDrivers, p.No, strings.Join(names, ", "))
			}
			if g := Closest(p.Driver, names, 3); g != "" {
				hint = fmt.Sprintf(hintDidYouMean, g)
			}
			c.diags.Errorf(p.Origin.At(ColDriver), CodeUnknownDriver, hint, "%s is not a driver of car %s", p.Driver, p.No)
		}
	}
}
