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
