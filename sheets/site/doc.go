// Package site writes the standings as a static web site: an index, a page
// per championship table and a page per round's results, with one
// stylesheet and no JavaScript. The pages are built from the presentation
// model the standings workbook uses (sheets/present): the published colour
// key and its legend, pole in bold, fastest lap in italics, dropped results
// in brackets, crews sharing their cells, the title race and the change of
// position since the previous round.
//
// Render builds the files (deterministic bytes: the only date is
// Options.Generated); Write puts them into a folder safely (see Write).
// It imports the standard library, scoring, sheets/present and
// sheets/ooxml (its file errors).
package site
