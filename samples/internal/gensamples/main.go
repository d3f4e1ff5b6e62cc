// Command gensamples writes the sample workbooks of package samples into the
// folder given as its argument.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gensamples DIR")
		os.Exit(2)
	}
	path := filepath.Join(os.Args[1], samples.DemoFile)
	if err := sheets.WriteFile(path, true, func(w io.Writer) error { return samples.WriteDemo(w) }); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
