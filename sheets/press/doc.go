// Package press writes the press pack: the standings as CSV files for
// journalists and their tools — a table per classification and
// championship, every result, the standings in long form, the season's
// status and the points breakdown — into a folder (with a manifest of what
// podium wrote there, so that a later export removes only its own stale
// files) or a zip, rendered from the presentation model (sheets/present).
//
// It imports the standard library, scoring, sheets/present and sheets (for
// safe writing and file errors); never excelize.
package press
