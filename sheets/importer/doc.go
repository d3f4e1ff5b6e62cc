// Package importer puts a timing file's classification (package
// sheets/timing) into the Results sheet of a season workbook, for one
// round and session (Import). An import is a pure plan and an apply step:
// the plan (plan.go) resolves the file against the season read from the
// workbook — cars, classes, positions in class, poles, fastest laps, the
// lap threshold, with the domain rules of package scoring — and refuses
// with every problem at once, writing nothing; the apply step (apply.go)
// edits the workbook's cells as planned, and the workbook is verified and
// written back safely through sheets/writeback.
//
// It imports scoring, templates, sheets (the contract reader: the season
// and the tables it was read from), sheets/timing, sheets/ooxml,
// sheets/writeback and excelize. Nothing of podium's but cmd/podium
// imports it.
package importer
