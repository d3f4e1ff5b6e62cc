package main

import (
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/podium-dev/podium/scoring"
	"github.com/podium-dev/podium/sheets/ooxml"
	"github.com/podium-dev/podium/sheets/outputs"
	"github.com/podium-dev/podium/sheets/press"
)

// seasonInput is the season workbook as an input of an output plan.
func seasonInput(path string) outputs.Place {
	return outputs.Place{Name: "the season workbook", Path: path}
}

// writeBackOutputs are the files written when writing into the season
// workbook (score without --out, import): the workbook and its backup.
func writeBackOutputs(path string) []outputs.Place {
	return []outputs.Place{
		{Name: "the season workbook", Path: path, Kind: outputs.InPlace},
		{Name: "the backup", Path: ooxml.BackupPath(path), Kind: outputs.Backup},
	}
}

// checkPlan refuses, before anything is written, a score or export run
// whose outputs would write over the season workbook or over one another,
// or replace a file podium did not write (see outputs.OutputPlan). The
// outputs are standings (the places score writes the standings to, nil for
// export), then the press pack. Before the season is read (season nil) the
// CSV files known are those every press pack has; once scored, all of them.
func (o exportOptions) checkPlan(standings []outputs.Place, season *scoring.Season, st *scoring.Standings) error {
	plan := outputs.OutputPlan{
		Inputs:  []outputs.Place{seasonInput(o.Season)},
		Outputs: append([]outputs.Place(nil), standings...),
		Force:   o.Force,
	}
	if dir := o.CSV; dir != "" && dir != "-" {
		names := []string{"results.csv", "standings.csv"}
		if season != nil {
			names = press.PressPackNames(season, st)
		}
		plan.Outputs = append(plan.Outputs, outputs.Place{Name: "--csv", Path: dir, Kind: outputs.PressFolder, Files: names})
	}
	if zip := o.Zip; zip != "" {
		plan.Outputs = append(plan.Outputs, outputs.Place{Name: "--zip", Path: zip, Kind: outputs.PressZip})
	}
	return plan.Check()
}

// checkPlanCSV checks the plan again once the names of the CSV files are
// known (the rest was checked before reading).
func (o exportOptions) checkPlanCSV(standings []outputs.Place, season *scoring.Season, st *scoring.Standings) error {
	if o.CSV == "" || o.CSV == "-" {
		return nil
	}
	return o.checkPlan(standings, season, st)
}

// sourceDate is the date printed in generated files: SOURCE_DATE_EPOCH when
// set (reproducible builds), otherwise now.
func sourceDate() (time.Time, error) {
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return time.Time{}, usagef("SOURCE_DATE_EPOCH=%q: give seconds since 1970", v)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now(), nil
}

// count writes n things: "1 file", "3 files".
func count(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// pluralWord is one when n is 1, otherwise many.
func pluralWord(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
