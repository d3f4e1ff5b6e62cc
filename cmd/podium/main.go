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

// memoryLimit is the heap size above which the garbage collector works
// harder instead of letting the heap double: it keeps a 100,000-result
// season under 400 MB of memory at a small cost in time. GOMEMLIMIT, when
// set, wins.
const memoryLimit = 300 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	os.Exit(run(os.Args, os.Stdout, os.Stderr))
}
