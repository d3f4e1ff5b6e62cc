// Package present is the presentation model of the standings: which
// tables a season's standings make and in what order, what each row and
// round cell shows (a position or a status, with its marks and its class of
// the colour key), the breakdown rows, the crews, the progression series
// and the line that places the standings (series, round, Provisional or
// Final). It is built once and rendered by the standings workbook
// (sheets/standings) and the press CSV (sheets/press), and is meant for
// any later renderer (a web page, wikitext, PDF).
//
// It decides what is shown, never how: no file formats, no styles. It is
// pure Go and imports only the standard library and scoring (no excelize,
// no os).
package present
