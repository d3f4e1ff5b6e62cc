package main

import (
	"fmt"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/urfave/cli/v2"
)

func passwordFlag() cli.Flag {
	return &cli.StringFlag{Name: "password", Usage: "open a password-protected workbook", EnvVars: []string{"PODIUM_PASSWORD"}}
}

func validateCommand() *cli.Command {
	return &cli.Command{
		Name:      "validate",
		Usage:     "check a season workbook and name every cell to fix",
		ArgsUsage: "SEASON.xlsx",
		Description: `Reads the season workbook (it is never modified) and prints every problem
with its sheet and cell, e.g.  Results!D14: status "Retd" is not a status code.

Exit code 0 when there are no errors (warnings allowed), 1 when the data has
errors (or warnings, with --strict), 2 when the file cannot be read.`,
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: "fail (exit 1) on warnings too"},
			&cli.StringFlag{Name: "format", Value: "text", Usage: "output `FORMAT`: text or json"},
			passwordFlag(),
		},
		Action: func(c *cli.Context) error {
			path, err := oneArg(c, "the season workbook to check")
			if err != nil {
				return err
			}
			format := c.String("format")
			if format != "text" && format != "json" {
				return usagef("--format %q: choose text or json", format)
			}
			prog := new(sheets.Progress)
			stop := startProgress(c.App.ErrWriter, prog)
			season, diags, err := sheets.Read(path, sheets.OpenOptions{Password: c.String("password"), Progress: prog})
			stop()
			if err != nil {
				return err
			}
			if format == "json" {
				err = sheets.WriteDiagnosticsJSON(c.App.Writer, path, diags)
			} else {
				err = sheets.WriteDiagnostics(c.App.Writer, path, season, diags)
			}
			if err != nil {
				return err
			}
			if diags.HasErrors() {
				return &dataError{}
			}
			if n := diags.Count(scoring.Warning); c.Bool("strict") && n > 0 {
				what := "the warning above fails"
				if n > 1 {
					what = fmt.Sprintf("the %d warnings of this report fail", n)
				}
				return &dataError{msg: fmt.Sprintf("podium: no errors, but --strict: %s the check", what)}
			}
			return nil
		},
	}
}
