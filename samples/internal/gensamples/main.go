// Command gensamples writes the sample workbooks of package samples into the
// folder given as its argument.
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/podium-dev/podium/samples"
	"github.com/podium-dev/podium/sheets/ooxml"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gensamples DIR")
		os.Exit(2)
	}
	for name, write := range map[string]func(io.Writer) error{
		samples.DemoFile:  samples.WriteDemo,
		samples.ALMSFile:  samples.WriteALMS,
		samples.RulesFile: samples.WriteRules,
		samples.F1988File: samples.WriteF1988,
		samples.F1961File: samples.WriteF1961,
		samples.F1970File: samples.WriteF1970,
		samples.F1954File: samples.WriteF1954,
		samples.F2021File: samples.WriteF2021,
		samples.ClubFile:  samples.WriteClub,
	} {
		if err := ooxml.WriteFile(filepath.Join(os.Args[1], name), true, write); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
}
