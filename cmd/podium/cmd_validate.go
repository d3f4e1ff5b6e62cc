package main

import (
	"fmt"
	"io"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets"
	"github.com/podium-dev/podium/sheets/report"
	"github.com/urfave/cli/v2"
)

// validateOptions are the options of podium validate.
type validateOptions struct {
	Season   string // the season workbook to check
	Format   string // --format: "text" or "json"
	Strict   bool   // --strict: warnings fail the check too
	Password string // --password: opens a password-protected workbook
	// Stdout gets the report, Stderr the progress line and the summary of
	// a failed check.
	Stdout, Stderr io.Writer
}

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
			return runValidate(validateOptions{
				Season: path, Format: c.String("format"), Strict: c.Bool("strict"), Password: c.String("password"),
				Stdout: c.App.Writer, Stderr: c.App.ErrWriter,
			})
		},
	}
}

// runValidate reads and checks the season workbook and prints every
// problem. It returns a dataError when the data has errors (or warnings,
// with Strict).
func runValidate(o validateOptions) error {
	if o.Format != "text" && o.Format != "json" {
		return usagef("--format %q: choose text or json", o.Format)
	}
	season, diags, err := newProgress(o.Stderr, 0).read(o.Password, func(opts sheets.OpenOptions) (*scoring.Season, scoring.Diagnostics, error) {
		return sheets.Read(o.Season, opts)
	})
	if err != nil {
		return err
	}
	if o.Format == "json" {
		err = report.WriteDiagnosticsJSON(o.Stdout, o.Season, diags)
	} else {
		err = report.WriteDiagnostics(o.Stdout, o.Season, season, diags)
	}
	if err != nil {
		return err
	}
	if diags.HasErrors() {
		return &dataError{}
	}
	if n := diags.Count(scoring.Warning); o.Strict && n > 0 {
		what := "the warning above fails"
		if n > 1 {
			what = fmt.Sprintf("the %d warnings of this report fail", n)
		}
		return &dataError{msg: fmt.Sprintf("podium: no errors, but --strict: %s the check", what)}
	}
	return nil
}
