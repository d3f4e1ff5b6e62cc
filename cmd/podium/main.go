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

// gcPercent lets the heap grow by half of what is live between two
// collections, instead of Go's default of all of it: on a
// 100,000-result season (some 170 MB live at most) the peak stays under
// 300 MB for some 10% more CPU time, and the cost stays in proportion to
// the season's size. A memory limit would hold the peak lower only until
// the live heap nears it; from there the collector runs without pause (a
// 300 MiB limit cost 15% at 140,000 results and a 250 MiB one 55%), so
// podium sets none. GOGC and GOMEMLIMIT, when set, win.
const gcPercent = 50

func main() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
