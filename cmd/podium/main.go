// Command podium validates, scores and publishes motorsport championship
// standings kept in an Excel season workbook.
//
// Exit codes: 0 success (warnings allowed), 1 problems in the data,
// 2 usage error or a file that cannot be read or written.
package main

import (
	"os"
	"runtime/debug"
)

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// podium sets no memory limit: a limit holds the peak down only until the
// live heap nears it, and from there the collector runs without pause (on
// 140,000 results a 300 MiB limit cost 15% more CPU time and a 250 MiB one
// 55%). A large season gets a collector that lets the heap grow by half of
// what is live between two collections instead of all of it (gcPercent):
// on a 100,000-result season, some 165 MB live at most, the peak is
// 240–250 MiB where the default collector reaches 270–300 MiB, for 2–10%
// more CPU time (medians of three `score --out --csv` runs of each shape),
// in proportion to the season's size at any size.
const (
	gcPercent = 50
	// largeSeason is the number of results from which gcPercent applies;
	// a smaller season's heap is a few megabytes, where a tighter
	// collector only costs time.
	largeSeason = 10_000
)

// collectorFor sets the collector for a season of the given number of
// results (see gcPercent) and returns what restores it. GOGC, when set,
// wins.
func collectorFor(results int) (restore func()) {
	if results < largeSeason || os.Getenv("GOGC") != "" {
		return func() {}
	}
	old := debug.SetGCPercent(gcPercent)
	return func() { debug.SetGCPercent(old) }
}
