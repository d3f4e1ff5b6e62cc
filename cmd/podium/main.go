// Command podium validates, scores and publishes motorsport championship
// standings kept in an Excel season workbook.
//
// Exit codes: 0 success (warnings allowed), 1 problems in the data,
// 2 usage error or a file that cannot be read or written.
package main

import "os"

func main() {
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}

// podium sets no memory limit and leaves the collector at Go's default
// (GOGC 100). A soft limit only holds the peak down until the live heap
// nears it; from there the collector runs without pause (on 140,000 results
// a 300 MiB limit cost 15% more CPU time, a 250 MiB one 55%). A tighter
// GOGC (50) kept a 100,000-result season's peak near 215 MB instead of
// 235–255 MB, for 5–10% more CPU time: not worth it below the 300 MB the
// project allows such a season. GOGC and GOMEMLIMIT set by the user apply
// as usual.
